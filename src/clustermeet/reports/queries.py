"""Figures about an event, as the output paper and the organisers' dashboard show them. Each
function is a handful of aggregate queries, whatever the size of the event."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q

from clustermeet.awards.models import Ballot as AwardBallot
from clustermeet.awards.models import Category as AwardCategory
from clustermeet.awards.models import Nomination
from clustermeet.events.models import Event
from clustermeet.exhibition.models import Booth, BoothMessage, BoothVisit, Lead, Pitch
from clustermeet.live.models import Poll, Question
from clustermeet.networking.meetings.queries import networking_figures
from clustermeet.onsite.models import Activity, Badge, Booking, CheckIn
from clustermeet.people.models import Registration
from clustermeet.programme.models import Session


def event_stats(event: Event) -> dict:
    """Registrations by status; countries and organisations of the approved registrants (people
    without a country or an organisation are not counted there); sessions, and speakers as
    distinct people with any role in any of the event's sessions; live interaction: polls run
    (opened at least once: quiz questions included, drafts not), ballots cast in them, and
    questions asked in the Q&A (whatever a moderator decided); networking: meeting requests by
    outcome and meetings (`networking.meetings.queries.networking_figures`); the on-site days
    (`onsite_figures`); the exhibition and the pitches (`exhibition_figures`); the awards
    (`awards_figures`)."""
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
        "onsite": onsite_figures(event, expected=registrations["approved"]),
        "exhibition": exhibition_figures(event),
        "awards": awards_figures(event, approved=registrations["approved"]),
    }


def awards_figures(event: Event, *, approved: int) -> dict:
    """The awards, in four queries:

    - categories: the event's award categories (decided by a vote or by the organisers);
    - nominations: accepted nominations; finalists: nominations on a confirmed shortlist (or
      the organisers' choice of a decided award);
    - ballots: online, on site and in all (one per person and category);
    - turnout: the share, in per cent with one decimal, of the approved registrations (the
      caller's `approved`) whose person voted in at least one category — voters of a vote open
      to the wider community who are not participants are not counted; null when nobody is
      approved;
    - winners: per revealed category (in the categories' order), its short name and the names
      of its winners (several after a tie); categories not revealed yet are left out."""
    categories = AwardCategory.objects.filter(event=event).count()
    nominations = Nomination.objects.filter(category__event=event).aggregate(
        nominations=Count("pk", filter=Q(status=Nomination.Status.ACCEPTED)),
        finalists=Count("pk", filter=Q(finalist=True)),
    )
    participant = Registration.objects.filter(
        event=event, person=OuterRef("voter"), status=Registration.Status.APPROVED
    )
    ballots = AwardBallot.objects.filter(category__event=event).aggregate(
        online=Count("pk", filter=Q(channel="online")),
        onsite=Count("pk", filter=Q(channel="onsite")),
        total=Count("pk"),
        voters=Count("voter", filter=Q(Exists(participant)), distinct=True),
    )
    voters = ballots.pop("voters")
    turnout = None
    if approved:
        percent = (Decimal(100 * voters) / approved).quantize(Decimal("0.1"), ROUND_HALF_UP)
        turnout = float(percent)
    winners: dict[str, list[str]] = {}
    for slug, name in (
        Nomination.objects.filter(
            category__event=event, category__revealed_at__isnull=False, winner=True
        )
        .order_by("category__position", "category__name", "category_id", "position", "name")
        .values_list("category__slug", "name")
    ):
        winners.setdefault(slug, []).append(name)
    return {
        "categories": categories,
        **nominations,
        "ballots": ballots,
        "turnout": turnout,
        "winners": [{"category": slug, "winners": names} for slug, names in winners.items()],
    }


def exhibition_figures(event: Event) -> dict:
    """The exhibition and the pitches, in five queries (one per table, so no join multiplies
    rows at a large event):

    - booths: the event's booths, virtual or with a stand;
    - visits: booth visits (a person's views of one booth less than 30 minutes apart are one
      visit, `exhibition.booths.visits`); unique_visitors: distinct people with any visit;
    - leads: contacts shared with a booth or scanned at its stand, withdrawn ones not counted;
    - messages: messages left at the booths;
    - pitches: pitches in the event's sessions (partnership presentations included);
      pitch_contacts: *Contact me about this* not withdrawn."""
    booths = Booth.objects.filter(event=event).count()
    visits = BoothVisit.objects.filter(booth__event=event).aggregate(
        visits=Count("pk"), unique_visitors=Count("person", distinct=True)
    )
    leads = Lead.objects.filter(booth__event=event, withdrawn_at__isnull=True).count()
    messages = BoothMessage.objects.filter(booth__event=event).count()
    pitches = Pitch.objects.filter(session__event=event).aggregate(
        pitches=Count("pk", distinct=True),
        pitch_contacts=Count(
            "contacts", filter=Q(contacts__withdrawn_at__isnull=True), distinct=True
        ),
    )
    return {
        "booths": booths,
        **visits,
        "leads": leads,
        "messages": messages,
        **pitches,
    }


def onsite_figures(event: Event, *, expected: int) -> dict:
    """The door and the bookable activities, in five queries:

    - checked_in: registrations checked in on at least one day; check_ins: all check-in rows
      (at most one per registration and day); per_day: check-ins per event day ("YYYY-MM-DD",
      in the event's time zone, as recorded), days without any left out;
    - expected: the approved registrations, the door figures' denominator
      (`onsite.checkin.queries.door_figures`) — the models do not say who attends in person, so
      at a hybrid event some of them follow online;
    - badges: valid badges (not revoked) of the event's registrations;
    - site_visits: activities that are site visits (booked programme sessions not counted);
    - bookings: places held now in any activity (booked, or offered to someone moved up and
      not answered yet); waitlisted: people on a waiting list now; promoted: bookings ever
      moved up from a waiting list, whatever happened next; attended: bookings whose person
      was marked present."""
    door = CheckIn.objects.filter(event=event).aggregate(
        checked_in=Count("registration", distinct=True), check_ins=Count("pk")
    )
    per_day = CheckIn.objects.filter(event=event).values("day").annotate(n=Count("pk"))
    badges = Badge.objects.filter(registration__event=event, revoked_at__isnull=True).count()
    site_visits = Activity.objects.filter(event=event, kind=Activity.Kind.VISIT).count()
    bookings = Booking.objects.filter(activity__event=event).aggregate(
        bookings=Count("pk", filter=Q(status__in=Booking.HOLDS_PLACE)),
        waitlisted=Count("pk", filter=Q(status=Booking.Status.WAITLISTED)),
        promoted=Count("pk", filter=Q(promoted_at__isnull=False)),
        attended=Count("pk", filter=Q(attended_at__isnull=False)),
    )
    return {
        **door,
        "per_day": {row["day"].isoformat(): row["n"] for row in per_day.order_by("day")},
        "expected": expected,
        "badges": badges,
        "site_visits": site_visits,
        **bookings,
    }
