"""The programme (days, takeaways in the reader's language), the cafés and the networking and
exhibition figures."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import npgettext

from clustermeet.paper import markdown
from clustermeet.paper.charts import bars
from clustermeet.paper.figures.cafes import Cafes
from clustermeet.paper.figures.networking import Networking
from clustermeet.paper.figures.programme import Programme
from clustermeet.paper.models import written_in
from clustermeet.paper.sections.base import Numbers, Table, n


class OthersLayout:
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
                            "takeaway_lang": written_in(
                                session.takeaway, session.takeaway_translations, self.language
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
                (
                    n(m["requests"]),
                    npgettext(
                        "a count on the paper", "meeting request", "meeting requests", m["requests"]
                    ),
                ),
                (
                    n(m["meetings_scheduled"]),
                    npgettext(
                        "a count on the paper",
                        "meeting scheduled",
                        "meetings scheduled",
                        m["meetings_scheduled"],
                    ),
                ),
                (
                    n(m["meetings_held"]),
                    npgettext(
                        "a count on the paper",
                        "meeting reported held",
                        "meetings reported held",
                        m["meetings_held"],
                    ),
                ),
                (n(e["booths"]), npgettext("a count on the paper", "booth", "booths", e["booths"])),
                (
                    n(e["visits"]),
                    npgettext("a count on the paper", "booth visit", "booth visits", e["visits"]),
                ),
                (
                    n(e["leads"]),
                    npgettext(
                        "a count on the paper", "contact shared", "contacts shared", e["leads"]
                    ),
                ),
                (
                    n(e["pitches"]),
                    npgettext("a count on the paper", "pitch", "pitches", e["pitches"]),
                ),
                (
                    n(e["pitch_contacts"]),
                    npgettext(
                        "a count on the paper",
                        "contact from pitches",
                        "contacts from pitches",
                        e["pitch_contacts"],
                    ),
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
