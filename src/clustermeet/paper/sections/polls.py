"""The polls as the stage showed them: bars with whole percentages, rankings ("1 = most
selected"), rating distributions, word clouds, approved open answers."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.paper.charts import bars, wordcloud
from clustermeet.paper.figures.polls import PollResult, Polls
from clustermeet.paper.sections.base import Figure, Table, n, percent_text, whole_percent


class PollsLayout:
    def polls(self, figure: Polls) -> dict:
        groups: list[dict] = []
        for poll in figure.polls:
            if not groups or groups[-1]["slug"] != poll.session_slug:
                groups.append({"slug": poll.session_slug, "title": poll.session, "polls": []})
            groups[-1]["polls"].append(self._poll(poll))
        return {"sessions": groups, "count": len(figure.polls)}

    def _poll(self, poll: PollResult) -> dict:
        question = poll.question_in(self.language)
        results = poll.results
        voters = results["voters"]
        voters_text = ngettext("%(count)s voter", "%(count)s voters", voters) % {"count": n(voters)}
        entry = {"question": question, "voters": voters_text, "type": poll.type}
        if poll.type in ("single", "multiple"):
            entry["figure"] = self._choices(poll, question, voters_text)
        elif poll.type == "ranking":
            entry["figure"] = self._ranking(poll, question, voters_text)
        elif poll.type == "rating":
            entry["figure"] = self._rating(poll, question, voters_text)
        elif poll.type == "wordcloud":
            entry["figure"] = self._words(poll, question)
        else:
            entry["texts"] = results["shown"]
            entry["more_texts"] = len(results["approved"]) - len(results["shown"])
        return entry

    def _choices(self, poll: PollResult, question: str, voters_text: str) -> Figure:
        voters = poll.results["voters"]
        options = [(o, whole_percent(o["count"], voters)) for o in poll.results["options"]]
        options.sort(key=lambda pair: -pair[0]["count"])  # stable: ties in display order
        labelled = [(poll.label_of(o["id"], self.language), o, p) for o, p in options]
        title = _("Share of voters per answer")
        note = voters_text
        if poll.type == "multiple":
            note = _(
                "%(voters)s; each could choose several answers, so the shares add up to "
                "more than 100%%."
            ) % {"voters": voters_text}
        return self.figure(
            title,
            lambda key: bars.bar_chart(
                [bars.Bar(label, p, percent_text(o["count"], voters)) for label, o, p in labelled],
                title=title,
                desc=_("%(question)s %(answers)s.")
                % {
                    "question": question,
                    "answers": "; ".join(f"{p}% {label}" for label, _o, p in labelled),
                },
                key=key,
                x_label=_("Share of voters (%)"),
                y_label=_("Answer"),
                maximum=100,
                suffix="%",
                palette=self.palette,
            ),
            Table(
                question,
                [_("Answer"), _("Votes"), _("Share of voters")],
                [
                    [label, n(o["count"]), percent_text(o["count"], voters)]
                    for label, o, p in labelled
                ],
                {1, 2},
            ),
            note,
        )

    def _ranking(self, poll: PollResult, question: str, voters_text: str) -> Figure:
        options = sorted(poll.results["options"], key=lambda o: o["rank"])
        top = len(options)
        ranking_title = _("Ranking of the answers (1 = most selected)")

        def label(o):
            return poll.label_of(o["id"], self.language)

        items = [
            bars.Ranked(label(o), o["rank"], o["average"] or 0, f"{o['average'] or 0:.2f}")
            for o in options
        ]
        return self.figure(
            ranking_title,
            lambda key: bars.ranking_chart(
                items,
                title=ranking_title,
                desc=_("%(question)s Ranking, 1 = most selected: %(answers)s.")
                % {
                    "question": question,
                    "answers": "; ".join(f"{i.rank}. {i.label}" for i in items),
                },
                key=key,
                x_label=_("Average points per voter (%(top)s for a first place)") % {"top": top},
                y_label=_("Rank (1 = most selected)"),
                maximum=top,
                palette=self.palette,
            ),
            Table(
                question,
                [_("Rank"), _("Answer"), _("Points"), _("Average"), _("First places")],
                [
                    [
                        str(o["rank"]),
                        label(o),
                        n(o["points"]),
                        f"{o['average'] or 0:.2f}",
                        n(o["first_places"]),
                    ]
                    for o in options
                ],
                {0, 2, 3, 4},
            ),
            voters_text,
        )

    def _rating(self, poll: PollResult, question: str, voters_text: str) -> Figure:
        results = poll.results
        distribution = [
            (k, results["distribution"][k]) for k in sorted(results["distribution"], key=int)
        ]
        average = results["average"]
        rating_title = _("Votes per rating")
        summary = _("Average %(average)s, median %(median)s, %(voters)s.") % {
            "average": f"{average:.2f}" if average is not None else "–",
            "median": f"{results['median']:g}" if results["median"] is not None else "–",
            "voters": voters_text,
        }
        return self.figure(
            rating_title,
            lambda key: bars.rating_chart(
                distribution,
                title=rating_title,
                desc=f"{question} {summary} " + "; ".join(f"{k}: {v}" for k, v in distribution),
                key=key,
                x_label=_("Rating (1 = lowest, %(top)s = highest)") % {"top": poll.scale_max},
                y_label=_("Voters"),
                palette=self.palette,
            ),
            Table(
                question,
                [_("Rating"), _("Voters"), _("Share of voters")],
                [[k, n(v), percent_text(v, results["voters"])] for k, v in distribution],
                {0, 1, 2},
            ),
            summary,
        )

    def _words(self, poll: PollResult, question: str) -> Figure:
        results = poll.results
        words = [wordcloud.Word(w["text"], w["weight"], w["count"]) for w in results["words"]]
        cloud_title = _("Word cloud: the larger the word, the more often it was given")
        note = _(
            "%(entries)s entries, %(distinct)s different words; the table lists the %(shown)s "
            "most frequent."
        ) % {
            "entries": n(results["total_entries"]),
            "distinct": n(results["distinct_words"]),
            "shown": len(words),
        }
        return self.figure(
            cloud_title,
            lambda key: wordcloud.word_cloud(
                words,
                title=cloud_title,
                desc=f"{question} " + "; ".join(f"{w.text} {w.count}" for w in words),
                key=key,
                palette=self.palette,
            ),
            Table(
                question,
                [_("Word"), _("Times given")],
                [[w.text, n(w.count)] for w in words],
                {1},
                compact=True,
                own_words=True,
            ),
            note,
        )
