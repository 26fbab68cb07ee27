"""From figures to what the document shows: per section its title, its charts (SVG from
`paper.charts`) with their data tables, numbered as figures in document order. The rules for
percentages and rankings are here and in the annex (`templates/paper/_annex.html`), which
states them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import date_format, number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.paper import markdown
from clustermeet.paper.charts import bars, eumap, wordcloud
from clustermeet.paper.charts.svg import Palette
from clustermeet.paper.figures.cafes import Cafes
from clustermeet.paper.figures.glance import Glance, Share
from clustermeet.paper.figures.networking import Networking
from clustermeet.paper.figures.polls import PollResult, Polls
from clustermeet.paper.figures.programme import Programme

TOP_COUNTRIES = 15


def n(value) -> str:
    return number_format(value, force_grouping=True)


def whole_percent(count: int, total: int) -> int:
    """count / total as a whole percentage, rounded half up on the exact counts."""
    return (200 * count + total) // (2 * total) if total else 0


def percent_text(count: int, total: int) -> str:
    """The whole percentage with its sign; "<1%" for a share that is not nil but rounds to 0."""
    share = whole_percent(count, total)
    return "<1%" if share == 0 and count else f"{share}%"


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # columns aligned right
    compact: bool = False  # a long list of short rows, laid out in two columns on paper

    @property
    def pairs(self) -> list[tuple[list[str], list[str]]]:
        """The rows in two columns, the first half down the left (for print)."""
        half = (len(self.rows) + 1) // 2
        left, right = self.rows[:half], self.rows[half:]
        return [(row, right[i] if i < len(right) else []) for i, row in enumerate(left)]


@dataclass
class Figure:
    number: int
    title: str
    svg: str
    table: Table | None = None
    note: str = ""


@dataclass
class Numbers:
    """Key figures shown as large numbers with their labels."""

    items: list[tuple[str, str]]


class Counter:
    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


@dataclass
class Builder:
    palette: Palette
    language: str | None
    figures: Counter = field(default_factory=Counter)

    def figure(self, title: str, make, table: Table | None = None, note: str = "") -> Figure:
        number = self.figures.next()
        chart = make(f"figure-{number}")
        return Figure(number, title, chart.svg, table, note)

    # -- at a glance --------------------------------------------------------------------------

    def glance(self, g: Glance) -> dict:
        numbers = Numbers(
            [
                (n(g.registered), _("registered")),
                (n(g.approved), _("participants")),
                (n(g.countries), ngettext("country", "countries", g.countries)),
                (n(g.organisations), ngettext("organisation", "organisations", g.organisations)),
                (n(g.speakers), ngettext("speaker", "speakers", g.speakers)),
                (n(g.sessions), ngettext("session", "sessions", g.sessions)),
                (n(g.days), ngettext("day", "days", g.days)),
            ]
        )
        countries = self._countries(g) if g.by_country else []
        types = [
            self._shares(shares, title, column)
            for shares, title, column in (
                (g.by_stakeholder, _("Participants by stakeholder type"), _("Participants")),
                (g.by_organisation_type, _("Organisations by type"), _("Organisations")),
            )
            if shares
        ]
        titles = {}
        if countries:
            titles["countries"] = _("Where the participants came from")
        if types:
            titles["types"] = _("Who took part")
        return {
            "numbers": numbers,
            "countries": countries,
            "types": types,
            "titles": titles,
            "parts": [(f"glance-{key}", title) for key, title in titles.items()],
        }

    def _share_table(
        self, shares: list[Share], caption: str, first: str, column: str, *, compact=False
    ) -> Table:
        total = sum(s.count for s in shares)
        rows = [[s.label, n(s.count), percent_text(s.count, total)] for s in shares]
        rows.append([_("Total"), n(total), "100%"])
        return Table(caption, [first, column, _("Share")], rows, {1, 2}, compact)

    def _shares(self, shares: list[Share], title: str, column: str) -> Figure:
        total = sum(s.count for s in shares)
        return self.figure(
            title,
            lambda key: bars.bar_chart(
                [bars.Bar(s.label, s.count, n(s.count)) for s in shares],
                title=title,
                desc=_("%(title)s: %(items)s.")
                % {"title": title, "items": "; ".join(f"{s.label} {s.count}" for s in shares)},
                key=key,
                x_label=column,
                y_label=_("Type"),
                palette=self.palette,
            ),
            self._share_table(shares, title, _("Type"), column),
            _("%(total)s in all.") % {"total": n(total)},
        )

    def _countries(self, g: Glance) -> list[Figure]:
        counts = {s.key: s.count for s in g.by_country}
        off_map = [s for s in g.by_country if s.key not in eumap.GRID]
        outside = ""
        if off_map:
            people = sum(s.count for s in off_map)
            outside = ngettext(
                "Not on the map: %(people)s participant from %(names)s.",
                "Not on the map: %(people)s participants from %(names)s.",
                people,
            ) % {"people": n(people), "names": ", ".join(s.label for s in off_map)}
        title = _("Participants by country")
        desc = _("A tile map of Europe; each tile shows a country's code and its participants.")
        map_figure = self.figure(
            _("Participants by country, map"),
            lambda key: eumap.eu_map(
                counts,
                title=title,
                desc=desc,
                key=key,
                legend_title=_("Participants"),
                no_one=_("None"),
                outside=outside,
                palette=self.palette,
            ),
        )
        top = g.by_country[:TOP_COUNTRIES]
        rest = g.by_country[TOP_COUNTRIES:]
        shown = [bars.Bar(s.label, s.count, n(s.count)) for s in top]
        others = ""
        if rest:
            people = sum(s.count for s in rest)
            others = ngettext(
                "%(countries)s more countries: %(people)s participant in all.",
                "%(countries)s more countries: %(people)s participants in all.",
                people,
            ) % {"countries": len(rest), "people": n(people)}
        bar_title = _("Participants by country, the %(count)s largest") % {"count": len(top)}
        bar_figure = self.figure(
            bar_title,
            lambda key: bars.bar_chart(
                shown,
                title=bar_title,
                desc="; ".join(f"{b.label} {b.text}" for b in shown),
                key=key,
                x_label=_("Participants"),
                y_label=_("Country"),
                palette=self.palette,
            ),
            self._share_table(
                g.by_country,
                _("Participants by country"),
                _("Country"),
                _("Participants"),
                compact=True,
            ),
            others,
        )
        map_figure.note = _("The counts are in the data of figure %(number)s.") % {
            "number": bar_figure.number
        }
        return [map_figure, bar_figure]

    # -- polls --------------------------------------------------------------------------------

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
            ),
            note,
        )

    # -- the other sections ---------------------------------------------------------------------

    def programme(self, figure: Programme) -> dict:
        return {
            "days": [
                {
                    "title": date_format(day.date, _("l j F Y")),
                    "sessions": [
                        {
                            "entry": session,
                            "takeaway": mark_safe(
                                markdown.render(session.takeaway_in(self.language))
                            ),
                        }
                        for session in day.sessions
                    ],
                }
                for day in figure.days
            ]
        }

    def cafes(self, figure: Cafes) -> dict:
        return {"cafes": figure.cafes, "tables": figure.tables}

    def networking(self, figure: Networking) -> dict:
        m, e = figure.meetings, figure.exhibition
        numbers = Numbers(
            [
                (n(m["requests"]), ngettext("meeting request", "meeting requests", m["requests"])),
                (
                    n(m["meetings_scheduled"]),
                    ngettext("meeting scheduled", "meetings scheduled", m["meetings_scheduled"]),
                ),
                (
                    n(m["meetings_held"]),
                    ngettext("meeting reported held", "meetings reported held", m["meetings_held"]),
                ),
                (n(e["booths"]), ngettext("booth", "booths", e["booths"])),
                (n(e["visits"]), ngettext("booth visit", "booth visits", e["visits"])),
                (n(e["leads"]), ngettext("contact shared", "contacts shared", e["leads"])),
                (n(e["pitches"]), ngettext("pitch", "pitches", e["pitches"])),
                (
                    n(e["pitch_contacts"]),
                    ngettext("contact from pitches", "contacts from pitches", e["pitch_contacts"]),
                ),
            ]
        )
        figures = []
        if figure.top_booths:
            title = _("The most visited booths")
            rows = figure.top_booths
            figures.append(
                self.figure(
                    title,
                    lambda key: bars.bar_chart(
                        [bars.Bar(b.name, b.visits, n(b.visits)) for b in rows],
                        title=title,
                        desc="; ".join(f"{b.name} {b.visits}" for b in rows),
                        key=key,
                        x_label=_("Visits"),
                        y_label=_("Booth"),
                        palette=self.palette,
                    ),
                    Table(
                        title,
                        [_("Booth"), _("Visits"), _("Visitors")],
                        [[b.name, n(b.visits), n(b.visitors)] for b in rows],
                        {1, 2},
                    ),
                )
            )
        titles = {}
        if m["requests"] or m["meetings_scheduled"]:
            titles["meetings"] = _("1-to-1 meetings")
        if e["booths"]:
            titles["exhibition"] = _("Exhibition")
        if figure.pitches:
            titles["pitches"] = _("Pitches")
        return {
            "numbers": numbers,
            "figures": figures,
            "figure": figure,
            "titles": titles,
            "parts": [(f"networking-{key}", title) for key, title in titles.items()],
            # the counts as the sentences show them (grouped digits)
            "m": {key: n(value) for key, value in m.items()},
            "e": {key: n(value) for key, value in e.items()},
        }
