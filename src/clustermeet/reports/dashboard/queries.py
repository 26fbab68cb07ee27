"""The organisers' live dashboard in one read: `dashboard_figures(event, now)`.

JSON-ready (dates and times as ISO strings), so the page, the websocket snapshot and every
`reports.dashboard` event are this same dict. Counts only: no person, no ballot's choice, no
count per finalist. At most twelve queries whatever the size of the event (tests pin them)."""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from clustermeet.awards import phases
from clustermeet.awards.results.queries import turnout
from clustermeet.cafe.models import Seat
from clustermeet.events.models import Event
from clustermeet.exhibition.models import BoothVisit
from clustermeet.live.models import Ballot, Poll, Question
from clustermeet.networking.models import Meeting
from clustermeet.onsite.checkin.queries import door_figures
from clustermeet.people.models import Registration
from clustermeet.programme.models import Session
from clustermeet.reports.dashboard import presence

# The registrations sparkline: this many days, ending today (or on the event's last day once
# it is over).
SPARK_DAYS = 30


def _count_of(queryset, field: str):
    """A correlated COUNT(*) of `queryset` rows whose `field` is the outer session (no join of
    the session's polls and questions, so neither multiplies the other)."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def registration_figures(event: Event) -> dict:
    """registered: registrations not cancelled (pending, approved and declined ones); approved;
    pending: awaiting the organisers' decision. One query."""
    status = Registration.Status
    return Registration.objects.filter(event=event).aggregate(
        registered=Count("pk", filter=~Q(status=status.CANCELLED)),
        approved=Count("pk", filter=Q(status=status.APPROVED)),
        pending=Count("pk", filter=Q(status=status.PENDING)),
    )


def registrations_per_day(event: Event, today: datetime.date) -> list[dict]:
    """New registrations (any status) per day of the event's time zone, for the SPARK_DAYS days
    ending `today` or the event's last day, whichever comes first. One query."""
    last = min(today, event.end_date)
    first = last - datetime.timedelta(days=SPARK_DAYS - 1)
    rows = (
        Registration.objects.filter(event=event)
        .annotate(day=TruncDate("created_at", tzinfo=event.tz))
        .filter(day__gte=first, day__lte=last)
        .order_by()
        .values("day")
        .annotate(n=Count("pk"))
    )
    counts = {row["day"]: row["n"] for row in rows}
    days = (first + datetime.timedelta(days=n) for n in range(SPARK_DAYS))
    return [{"day": day.isoformat(), "registrations": counts.get(day, 0)} for day in days]


def live_sessions(event: Event, now: datetime.datetime) -> list[dict]:
    """The sessions under way at `now` (by the programme's times), in the programme's order,
    with the votes cast and questions asked in each (whatever a moderator decided) and the
    number of polls open. One query."""
    sessions = (
        Session.objects.filter(event=event, starts_at__lte=now, ends_at__gt=now)
        .select_related("room")
        .annotate(
            n_votes=_count_of(Ballot.objects.all(), "poll__session"),
            n_questions=_count_of(Question.objects.all(), "session"),
            n_open_polls=_count_of(Poll.objects.filter(status=Poll.Status.OPEN), "session"),
        )
        .order_by("starts_at", "room__position", "room__name", "pk")
    )
    return [
        {
            "id": s.pk,
            "slug": s.slug,
            "title": s.title,
            "room": s.room.name if s.room else "",
            "starts_at": s.starts_at.isoformat(),
            "ends_at": s.ends_at.isoformat(),
            "votes": s.n_votes,
            "questions": s.n_questions,
            "open_polls": s.n_open_polls,
        }
        for s in sessions
    ]


def cafe_figures(event: Event, now: datetime.datetime) -> dict:
    """World-café tables active: tables with someone seated in a round under way at `now`, and
    the people seated there. One query."""
    return Seat.objects.filter(
        round__cafe__session__event=event, round__starts_at__lte=now, round__ends_at__gt=now
    ).aggregate(
        tables_active=Count("table", distinct=True), people_seated=Count("person", distinct=True)
    )


def meeting_figures(event: Event, now: datetime.datetime) -> dict:
    """1-to-1 meetings scheduled (drafts and cancelled ones not counted), those whose slot is
    under way at `now`, and those held — by the schedule: their slot has ended (whether both
    people came is not known until they say so). One query."""
    return Meeting.objects.filter(event=event, status=Meeting.Status.SCHEDULED).aggregate(
        scheduled=Count("pk"),
        in_progress=Count("pk", filter=Q(slot__starts_at__lte=now, slot__ends_at__gt=now)),
        held=Count("pk", filter=Q(slot__ends_at__lte=now)),
    )


def booth_figures(event: Event, now: datetime.datetime) -> dict:
    """Booth visits in all and begun today (the event's time zone) up to `now`. One query."""
    local = timezone.localtime(now, event.tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return BoothVisit.objects.filter(booth__event=event).aggregate(
        visits=Count("pk"),
        visits_today=Count("pk", filter=Q(started_at__gte=midnight, started_at__lte=now)),
    )


def award_figures(event: Event, now: datetime.datetime) -> list[dict]:
    """Per award category (in their order): its phase, who decides (`decided_by`: "vote";
    "jury", a vote category whose jury weighs 100 % and which has no ballot; "organisers", a
    category they decide) and, for a vote, its ballots online and on site, who may vote (the
    approved participants; null: the community) and the turnout in per cent (null when there is
    no denominator) — `awards.results.queries.turnout`, counts only, never a count per
    finalist. Null counts when no vote decides. At most three queries."""
    rows = []
    for item in turnout(event, now):
        category, figures = item.category, item.turnout
        if figures is None:
            decided_by = "organisers"
        elif phases.decided_by_jury_alone(category.jury_weight, figures.total):
            decided_by, figures = "jury", None
        else:
            decided_by = "vote"
        percent = figures.percent if figures else None
        rows.append(
            {
                "category": category.slug,
                "name": category.name,
                "phase": item.phase,
                "decided_by": decided_by,
                "online": figures.online if figures else None,
                "onsite": figures.onsite if figures else None,
                "total": figures.total if figures else None,
                "eligible": figures.eligible if figures else None,
                "percent": float(percent) if percent is not None else None,
            }
        )
    return rows


def dashboard_figures(event: Event, now: datetime.datetime) -> dict:
    """Everything the organisers' dashboard shows, as of `now`. `online` is this process's count
    of the event's websocket connections (`presence`); `door` is the door figures
    (`onsite.checkin.queries.door_figures`) for a hybrid or on-site event, null for a virtual
    one."""
    today = timezone.localtime(now, event.tz).date()
    door = None
    if event.format != Event.Format.VIRTUAL:
        door = door_figures(event)
    return {
        "event": event.pk,
        "registrations": registration_figures(event),
        "registrations_per_day": registrations_per_day(event, today),
        "online": presence.online(event.pk),
        "door": door,
        "sessions": live_sessions(event, now),
        "cafe": cafe_figures(event, now),
        "meetings": meeting_figures(event, now),
        "booths": booth_figures(event, now),
        "awards": award_figures(event, now),
    }
