"""The comparison across editions, /events/<event>/paper/compare/ (`paper:compare:index`): for
the event's series, the same figures side by side for each edition the reader may compare
(`paper.compare.queries.editions`), as a grouped bar chart and a table; a missing figure shows
"—". An event outside a series, or a series where the reader may compare nothing, is a 404."""

from django.http import Http404
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from clustermeet.events.queries import get_visible_event
from clustermeet.paper.compare import queries
from clustermeet.paper.compare.chart import Group, grouped_chart
from clustermeet.paper.sections.base import n

MISSING = "—"


def labels() -> dict[str, str]:
    return {
        "participants": _("Participants"),
        "countries": _("Countries"),
        "speakers": _("Speakers"),
        "sessions": _("Sessions"),
        "polls": _("Live polls run"),
        "cafe_tables": _("World café tables"),
        "meetings": _("1-to-1 meetings held"),
        "booths": _("Booths"),
        "visits": _("Booth visits"),
        "award_ballots": _("Award ballots"),
        "turnout": _("Award turnout"),
    }


def _text(key: str, value) -> str:
    if value is None:
        return MISSING
    if key == "turnout":
        return _("%(share)s%%") % {"share": number_format(value, 1)}
    return n(value)


def _short_names(editions) -> list[str]:
    years = [str(e.event.start_date.year) for e in editions]
    return years if len(set(years)) == len(years) else [e.event.name for e in editions]


@require_GET
def index(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    if event.series is None:
        raise Http404("Not in a series.")
    editions = queries.editions(request.user, event.series)
    if not editions:
        raise Http404("Nothing to compare.")
    names = labels()
    rows = [
        {
            "key": key,
            "label": names[key],
            "cells": [_text(key, e.values[key]) for e in editions],
            "values": [e.values[key] for e in editions],
        }
        for key, _section in queries.FIGURES
    ]
    short = _short_names(editions)
    title = _("%(series)s: the editions compared") % {"series": event.series.name}
    desc = "; ".join(
        f"{row['label']}: "
        + ", ".join(f"{name} {cell}" for name, cell in zip(short, row["cells"], strict=True))
        for row in rows
    )
    groups = [Group(row["label"], row["values"], row["cells"]) for row in rows]
    wide, narrow = (
        grouped_chart(short, groups, title=title, desc=desc, key=key, width=width)
        for key, width in (("compare", 640), ("compare-narrow", 330))
    )
    return render(
        request,
        "paper/compare/index.html",
        {
            "event": event,
            "series": event.series,
            "nav": "paper",
            "editions": editions,
            "columns": list(zip(editions, short, strict=True)),
            "rows": rows,
            "chart": wide.svg,
            "narrow_chart": narrow.svg,
            "title": title,
            "partial": any(not e.managed for e in editions),
        },
    )
