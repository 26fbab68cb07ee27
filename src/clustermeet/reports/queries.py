"""Figures about an event, as the output paper and the organisers' dashboard show them. Each
function is a handful of aggregate queries, whatever the size of the event."""

from django.db.models import Count, Q

from clustermeet.events.models import Event
from clustermeet.live.models import Poll, Question
from clustermeet.networking.meetings.queries import networking_figures
from clustermeet.people.models import Registration
from clustermeet.programme.models import Session


def event_stats(event: Event) -> dict:
    """Registrations by status; countries and organisations of the approved registrants (people
    without a country or an organisation are not counted there); sessions, and speakers as
    distinct people with any role in any of the event's sessions; live interaction: polls run
    (opened at least once: quiz questions included, drafts not), ballots cast in them, and
    questions asked in the Q&A (whatever a moderator decided); networking: meeting requests by
    outcome and meetings (`networking.meetings.queries.networking_figures`)."""
    approved = Q(status=Registration.Status.APPROVED)
    registrations = Registration.objects.filter(event=event).aggregate(
        registrations=Count("pk"),
        approved=Count("pk", filter=approved),
        pending=Count("pk", filter=Q(status=Registration.Status.PENDING)),
        declined=Count("pk", filter=Q(status=Registration.Status.DECLINED)),
        cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        countries=Count("person__country", filter=approved & ~Q(person__country=""), distinct=True),
        organisations=Count("person__organisation", filter=approved, distinct=True),
    )
    programme = Session.objects.filter(event=event).aggregate(
        sessions=Count("pk", distinct=True),
        speakers=Count("speaker_roles__person", distinct=True),
    )
    live = Poll.objects.filter(session__event=event).aggregate(
        polls=Count("pk", filter=~Q(status=Poll.Status.DRAFT), distinct=True),
        ballots=Count("ballots"),  # a draft has none
    )
    questions = Question.objects.filter(session__event=event).count()
    return {
        "event": event.slug,
        **registrations,
        **programme,
        **live,
        "questions": questions,
        "networking": networking_figures(event),
    }
