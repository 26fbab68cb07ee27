"""The organisers' live dashboard, /events/<event>/dashboard/ (`dashboard:live`).

The page renders the figures and charts itself (readable without JavaScript);
static/clustermeet/reports/dashboard.js subscribes over the event's websocket and replaces them
on each update. Organisers only (`permissions.can_see_dashboard`): anonymous visitors are sent
to log in, an event the person may not see is a 404, anyone else gets a 403."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from clustermeet.awards.phases import Phase
from clustermeet.awards.results.pages import phase_label
from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event
from clustermeet.reports.dashboard import charts
from clustermeet.reports.dashboard.permissions import can_see_dashboard
from clustermeet.reports.dashboard.queries import dashboard_figures

# Sentences the page shows and dashboard.js fills in again on each update (given to it as the
# page's data attributes, already translated).
SPARK_DESC = gettext_lazy(
    "%(total)s new registrations in the last %(days)s days; at most %(most)s on one day."
)
HOURS_DESC = gettext_lazy("%(total)s check-ins on %(day)s; at most %(most)s in one hour.")
VOTES_DESC = gettext_lazy("Votes cast in the sessions under way: %(total)s in all.")
SUMMARY = gettext_lazy(
    "%(registered)s registered, %(approved)s approved, %(online)s online now, "
    "%(live)s sessions under way."
)
SUMMARY_DOOR = gettext_lazy("%(checked_in)s checked in.")

TITLE_CHARS = 44  # a session's title in the votes chart (dashboard.js cuts it the same way)


def short_title(title: str) -> str:
    return Truncator(title).chars(TITLE_CHARS)


def hours_shown(door: dict | None) -> list[dict]:
    """The check-ins per hour of the latest day with any (dashboard.js picks the same)."""
    if not door or not door["per_hour"]:
        return []
    day = max(row["day"] for row in door["per_hour"])
    return [row for row in door["per_hour"] if row["day"] == day]


def summary(figures: dict) -> str:
    """The one sentence the page's live region announces (at most once a minute)."""
    text = SUMMARY % {
        "registered": figures["registrations"]["registered"],
        "approved": figures["registrations"]["approved"],
        "online": figures["online"]["people"],
        "live": len(figures["sessions"]),
    }
    if figures["door"]:
        text += " " + SUMMARY_DOOR % {"checked_in": figures["door"]["checked_in"]}
    return text


def page_context(event: Event, figures: dict) -> dict:
    """What the template shows of `figures` (the charts drawn here, on the server)."""
    per_day = figures["registrations_per_day"]
    hours = hours_shown(figures["door"])
    sessions = figures["sessions"]
    spark_values = [row["registrations"] for row in per_day]
    hour_values = [row["checked_in"] for row in hours]
    hours_day = datetime.date.fromisoformat(hours[0]["day"]) if hours else None
    return {
        "texts": {
            "spark": str(SPARK_DESC),
            "hours": str(HOURS_DESC),
            "votes": str(VOTES_DESC),
            "summary": str(SUMMARY),
            "summary_door": str(SUMMARY_DOOR),
        },
        "summary": summary(figures),
        "spark_desc": SPARK_DESC
        % {"total": sum(spark_values), "days": len(per_day), "most": max(spark_values, default=0)},
        "hours_desc": HOURS_DESC
        % {
            "total": sum(hour_values),
            "day": date_format(hours_day, "D j M") if hours_day else "",
            "most": max(hour_values, default=0),
        },
        "votes_desc": VOTES_DESC % {"total": sum(s["votes"] for s in sessions)},
        "votes_total": sum(s["votes"] for s in sessions),
        "event": event,
        "figures": figures,
        "spark": charts.sparkline([row["registrations"] for row in per_day]),
        "spark_days": [{**row, "date": datetime.date.fromisoformat(row["day"])} for row in per_day],
        "spark_total": sum(spark_values),
        "hours": hours,
        "hours_day": hours_day,
        "hours_chart": charts.columns([(str(row["hour"]), row["checked_in"]) for row in hours]),
        "votes_chart": charts.rows([(short_title(s["title"]), s["votes"]) for s in sessions]),
        "sessions": [
            {
                **s,
                "start": datetime.datetime.fromisoformat(s["starts_at"]),
                "end": datetime.datetime.fromisoformat(s["ends_at"]),
            }
            for s in sessions
        ],
        "awards": [{**row, "phase_label": phase_label(row["phase"])} for row in figures["awards"]],
        "phase_labels": {phase: str(phase_label(phase)) for phase in _phases()},
        "ws_path": f"/ws/events/{event.slug}/",
        "nav": "dashboard",
    }


def _phases() -> list[str]:
    return [
        Phase.NOMINATIONS,
        Phase.JURY,
        Phase.SHORTLISTED,
        Phase.VOTING,
        Phase.CLOSED,
        Phase.REVEALED,
    ]


@never_cache
@login_required
@require_GET
def live_page(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    if not can_see_dashboard(request.user, event):
        raise PermissionDenied(_("Only the organisers of this event see its live dashboard."))
    now = timezone.now()
    with timezone.override(event.tz):
        context = page_context(event, dashboard_figures(event, now))
        context["as_of"] = now
        return render(request, "reports/dashboard/live.html", context)
