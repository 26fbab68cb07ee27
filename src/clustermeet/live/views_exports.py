"""CSV downloads of a poll's ballots and results (the formats are in `live.exports`).

Only the session's moderators and the event's organisers download (`permissions.is_moderator`);
names instead of pseudonyms (`?names=1`) only organisers (`events.queries.can_manage`). Anyone
else logged in gets 403; someone not logged in is sent to log in; an event this person may not
see (invitation-only) or a poll of another event answers 404.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.live import exports
from clustermeet.live.models import Poll
from clustermeet.live.permissions import is_moderator

CSV = "text/csv; charset=utf-8"


def _poll_for_moderator(request, event_slug: str, poll_id: int) -> tuple[Event, Poll]:
    event = get_visible_event(request.user, event_slug)
    poll = get_object_or_404(
        Poll.objects.select_related("session"), pk=poll_id, session__event=event
    )
    poll.session.event = event
    if not is_moderator(request.user, poll.session):
        raise PermissionDenied(_("Only the session's moderators and organisers may export polls."))
    return event, poll


def _csv(rows: list[list], filename: str) -> HttpResponse:
    return HttpResponse(
        exports.to_csv(rows),
        content_type=CSV,
        headers={
            "Content-Disposition": content_disposition_header(True, filename),
            "Cache-Control": "private, no-store",
        },
    )


@login_required
def poll_ballots_csv(request, event_slug: str, poll_id: int) -> HttpResponse:
    event, poll = _poll_for_moderator(request, event_slug, poll_id)
    names = request.GET.get("names") == "1"
    if names and not can_manage(request.user, event):
        raise PermissionDenied(_("Only organisers may export voters' names."))
    rows = exports.ballot_rows(poll, event.tz, names=names)
    return _csv(rows, f"{event.slug}-poll-{poll.pk}-ballots.csv")


@login_required
def poll_results_csv(request, event_slug: str, poll_id: int) -> HttpResponse:
    event, poll = _poll_for_moderator(request, event_slug, poll_id)
    return _csv(exports.result_rows(poll), f"{event.slug}-poll-{poll.pk}-results.csv")
