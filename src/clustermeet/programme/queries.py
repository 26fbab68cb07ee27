"""Reads of the programme, shaped for pages and exports. Every list prefetches what it shows."""

from django.db.models import Prefetch, QuerySet

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.programme.models import Session, SessionSpeaker


def visible_sessions(person, event: Event) -> QuerySet[Session]:
    """Sessions of the event this person may see: hidden ones only for organisers,
    participants-only ones for approved participants and organisers."""
    sessions = Session.objects.filter(event=event)
    if can_manage(person, event):
        return sessions
    allowed = [Session.Visibility.PUBLIC]
    if is_approved_participant(person, event):
        allowed.append(Session.Visibility.PARTICIPANTS)
    return sessions.filter(visibility__in=allowed)


def with_details(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """All a programme row, a session page or an export shows, in a fixed number of queries."""
    speaker_roles = SessionSpeaker.objects.select_related("person", "person__organisation")
    return sessions.select_related("room", "event").prefetch_related(
        Prefetch("speaker_roles", queryset=speaker_roles),
        "ecosystems",
        "challenges",
        "attachments",
    )


def filter_sessions(
    sessions: QuerySet[Session],
    *,
    type: str = "",
    ecosystem: str = "",
    challenge: str = "",
    day=None,
) -> QuerySet[Session]:
    """`day` is compared in the active time zone: views activate the event's zone first."""
    if type:
        sessions = sessions.filter(type=type)
    if ecosystem:
        sessions = sessions.filter(ecosystems__slug=ecosystem)
    if challenge:
        sessions = sessions.filter(challenges__slug=challenge)
    if day is not None:
        sessions = sessions.filter(starts_at__date=day)
    return sessions.distinct()
