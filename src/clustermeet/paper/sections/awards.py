"""The awards: the key numbers, then per revealed award its winners, its turnout, how the
result was computed, and its finalists — with a bar chart of the votes per finalist when the
community voted (its data table has the counts per channel and the shares, as the public
results page). An award the organisers decided, or its jury alone, shows as such: no votes."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, npgettext

from clustermeet.awards.results.pages import name_of
from clustermeet.awards.texts import text_in
from clustermeet.paper.charts import bars
from clustermeet.paper.figures.awards import Award, Awards
from clustermeet.paper.sections.base import Numbers, Table, n


def _percent(value) -> str:
    return f"{number_format(value, 1)} %"


class AwardsLayout:
    def awards(self, figure: Awards) -> dict:
        numbers = [
            (
                n(len(figure.awards)),
                npgettext("a count on the paper", "award", "awards", len(figure.awards)),
            ),
            (
                n(figure.finalists),
                npgettext("a count on the paper", "finalist", "finalists", figure.finalists),
            ),
        ]
        if figure.voted:
            numbers.append(
                (
                    n(figure.ballots),
                    npgettext(
                        "a count on the paper", "award ballot", "award ballots", figure.ballots
                    ),
                )
            )
        if figure.voted and figure.online and figure.onsite:  # both channels: each of them
            numbers += [
                (
                    n(figure.online),
                    npgettext("a count on the paper", "online", "online", figure.online),
                ),
                (
                    n(figure.onsite),
                    npgettext("a count on the paper", "on site", "on site", figure.onsite),
                ),
            ]
        entries = [self._award(award) for award in figure.awards]
        return {
            "numbers": Numbers(numbers),
            "entries": entries,
            "parts": [(f"award-{e['slug']}", e["name"]) for e in entries],
        }

    def _award(self, award: Award) -> dict:
        category, result = award.category, award.result
        name = name_of(category, self.language)
        winners = result["winner_names"]
        entry = {
            "slug": category.slug,
            "name": name,
            "description": text_in(category, "description", self.language),
            "winners": winners,
            "tie": result["tie"],
            "method": result["method"],
            "decided": award.decided,
            "jury_only": award.jury_only,
            "turnout": "" if award.decided or award.jury_only else self._turnout(award),
            "figure": None,
            "table": None,
        }
        if award.decided:
            return entry
        rows = result["finalists"]
        headers = [_("Finalist"), _("Rank")]
        if not award.jury_only:
            headers += [_("Online"), _("On site"), _("Votes"), _("Share of the votes")]
        if result.get("jury_weight"):
            headers += [_("Jury's mean score"), _("Share of the jury")]
        combined = bool(result.get("jury_weight")) and not award.jury_only
        if combined:  # the jury's and the votes' shares weighed together
            headers.append(_("Combined"))
        table_rows = []
        for row in rows:
            won = _("%(name)s (winner)") % {"name": row["name"]}
            cells = [won if row["won"] else row["name"], str(row["rank"])]
            if not award.jury_only:
                cells += [
                    n(row["online"]),
                    n(row["onsite"]),
                    n(row["total"]),
                    _percent(row["vote_percent"]),
                ]
            if result.get("jury_weight"):
                cells += [
                    number_format(row["jury_mean"], 3) if row["jury_mean"] else "—",
                    _percent(row["jury_percent"]),
                ]
            if combined:
                cells.append(_percent(row["combined_percent"]))
            table_rows.append(cells)
        caption = _("The finalists of %(award)s") % {"award": name}
        table = Table(caption, headers, table_rows, set(range(1, len(headers))))
        if award.jury_only:
            entry["table"] = table
            return entry
        title = _("Votes per finalist: %(award)s") % {"award": name}
        entry["figure"] = self.figure(
            title,
            lambda key: bars.bar_chart(
                [bars.Bar(row["name"], row["total"], n(row["total"])) for row in rows],
                title=title,
                desc="; ".join(f"{row['name']} {row['total']}" for row in rows),
                key=key,
                x_label=_("Votes"),
                y_label=_("Finalist"),
                palette=self.palette,
            ),
            table,
            _("The shares are of all the award's ballots."),
        )
        return entry

    def _turnout(self, award: Award) -> str:
        turnout = award.turnout
        if turnout is None:
            return ""
        text = ngettext(
            "%(total)s ballot (%(online)s online, %(onsite)s on site)",
            "%(total)s ballots (%(online)s online, %(onsite)s on site)",
            turnout.total,
        ) % {"total": n(turnout.total), "online": n(turnout.online), "onsite": n(turnout.onsite)}
        if turnout.eligible:
            text += "; " + _("%(percent)s %% of %(eligible)s participants") % {
                "percent": number_format(turnout.percent, 1),
                "eligible": n(turnout.eligible),
            }
        elif turnout.eligible is None:
            text += "; " + _("open to the community")
        return text + "."
