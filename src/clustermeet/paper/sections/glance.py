"""At a glance: the key numbers, the map and the bars by country, the shares by stakeholder and
organisation type, each chart with its data table."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, npgettext

from clustermeet.paper.charts import bars, eumap
from clustermeet.paper.figures.glance import Glance, Share
from clustermeet.paper.sections.base import Figure, Numbers, Table, n, percent_text

TOP_COUNTRIES = 15


class GlanceLayout:
    def glance(self, g: Glance) -> dict:
        numbers = Numbers(
            [
                (n(g.registered), _("registered")),
                (n(g.approved), _("participants")),
                (
                    n(g.countries),
                    npgettext("a count on the paper", "country", "countries", g.countries),
                ),
                (
                    n(g.organisations),
                    npgettext(
                        "a count on the paper", "organisation", "organisations", g.organisations
                    ),
                ),
                (
                    n(g.speakers),
                    npgettext("a count on the paper", "speaker", "speakers", g.speakers),
                ),
                (
                    n(g.sessions),
                    npgettext("a count on the paper", "session", "sessions", g.sessions),
                ),
                (n(g.days), npgettext("a count on the paper", "day", "days", g.days)),
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
                number=n,
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
