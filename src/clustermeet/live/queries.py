"""Reads of the live features, shaped for the pages: the live panel of a session page, the
moderator console and the presenter view. What changes while a page is open comes over the
websocket (docs/protocol.md); these reads give each page its first paint and its links."""

import re

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.events.queries import registration_of
from clustermeet.live.models import LiveSettings, Poll, PollOption, Question
from clustermeet.live.permissions import is_moderator, is_speaker
from clustermeet.people.models import Registration
from clustermeet.programme.models import Session

JOIN_CODE_RE = re.compile(r"^[A-Z0-9]{4,12}$")


def clean_join_code(raw: str | None) -> str:
    """The join code in its stored form (upper case), or "" when `raw` cannot be one."""
    code = (raw or "").strip().upper()
    return code if JOIN_CODE_RE.match(code) else ""


def live_settings(session: Session) -> LiveSettings:
    """The session's live settings, created with the defaults on first use (as the websocket
    consumer does on subscribe)."""
    settings, _created = LiveSettings.objects.get_or_create(session=session)
    return settings


def vote_status(person, event: Event) -> str:
    """Why this person may (not) vote and ask: "approved", "anonymous", "pending", "declined"
    (declined or cancelled) or "unregistered". The page explains each one."""
    if person is None or not person.is_authenticated:
        return "anonymous"
    registration = registration_of(person, event)
    if registration is None:
        return "unregistered"
    if registration.status == Registration.Status.APPROVED:
        return "approved"
    if registration.status == Registration.Status.PENDING:
        return "pending"
    return "declined"


def panel_context(request, event: Event, session: Session) -> dict:
    """What the live panel of a session page needs (templates/live/_panel.html)."""
    person = request.user
    moderator = is_moderator(person, session)
    return {
        "live": {
            "session": session,
            "ws_path": f"/ws/events/{event.slug}/",
            "vote_status": vote_status(person, event),
            "moderator": moderator,
            # Speakers open the presenter view of their session.
            "presenter": moderator or is_speaker(person, session),
            "join_code": clean_join_code(request.GET.get("join")),
            # Over: the panel shows the results it keeps, not a "Live" status.
            "ended": session.ends_at <= timezone.now(),
        }
    }


def console_polls(session: Session) -> QuerySet[Poll]:
    """Every poll of the session, drafts included, with its options and ballot counts: a fixed
    number of queries whatever the number of polls."""
    return (
        Poll.objects.filter(session=session)
        .select_related("quiz")
        .prefetch_related(
            Prefetch("options", queryset=PollOption.objects.order_by("position", "id"))
        )
        .annotate(ballot_count=Count("ballots"))
        .order_by("position", "id")
    )


def question_counts(session: Session) -> dict[str, int]:
    return Question.objects.filter(session=session).aggregate(
        pending=Count("pk", filter=Q(status=Question.Status.PENDING)),
        approved=Count("pk", filter=Q(status=Question.Status.APPROVED)),
        rejected=Count("pk", filter=Q(status=Question.Status.REJECTED)),
    )


def _reverse_or_none(name: str, **kwargs) -> str | None:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def poll_export_links(event: Event, poll: Poll, *, names: bool) -> list[tuple[str, str]]:
    """[(label, url)] of a poll's CSV downloads (live.views_exports), when their routes exist;
    the ballots with voters' names only for organisers (`names`)."""
    kwargs = {"event_slug": event.slug, "poll_id": poll.pk}
    ballots = _reverse_or_none("live_exports:ballots", **kwargs)
    results = _reverse_or_none("live_exports:results", **kwargs)
    links = []
    if results:
        links.append((_("Results (CSV)"), results))
    if ballots:
        links.append((_("Ballots (CSV)"), ballots))
        if names:
            links.append((_("Ballots with names (CSV)"), f"{ballots}?names=1"))
    return links


def admin_links(event: Event, session: Session) -> list[tuple[str, str]]:
    """Back-office pages where polls are added and edited, when the admin has them."""
    links = []
    add = _reverse_or_none("admin:live_poll_add")
    if add:
        links.append((_("Add a poll"), f"{add}?session={session.pk}"))
    polls = _reverse_or_none("admin:live_poll_changelist")
    if polls:
        links.append((_("Edit polls"), f"{polls}?session__event__id__exact={event.pk}"))
    return links
