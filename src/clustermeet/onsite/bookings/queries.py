"""Reads of bookings, shaped for the pages and exports, each in a fixed number of queries:
the event's visits with their places left and waiting lists, one person's bookings with their
waiting-list positions, and an activity's lists for its organisers and the bus."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import get_language_info

from clustermeet.onsite.bookings.services import before
from clustermeet.onsite.models import Activity, Booking

Status = Booking.Status


def with_places(activities: QuerySet) -> QuerySet:
    """Each activity with `held` (booked + offered) and `waiting` counted in the same query."""
    return activities.annotate(
        held=Count("bookings", filter=Q(bookings__status__in=Booking.HOLDS_PLACE)),
        waiting=Count("bookings", filter=Q(bookings__status=Status.WAITLISTED)),
    )


def with_positions(bookings: QuerySet) -> QuerySet:
    """Each booking with `ahead`: how many wait before it in its activity's list (a
    subquery, so a list of bookings takes one query whatever its length)."""
    ahead = (
        Booking.objects.filter(
            before(OuterRef("queued_at"), OuterRef("pk")),
            activity=OuterRef("activity"),
            status=Status.WAITLISTED,
        )
        .order_by()
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return bookings.annotate(ahead=Coalesce(Subquery(ahead, output_field=IntegerField()), 0))


def decorate(activity: Activity) -> Activity:
    """Places left and language names for display (no query)."""
    activity.places_left = max(activity.capacity - activity.held, 0)
    activity.language_names = [language_name(code) for code in activity.languages]
    minutes = int((activity.ends_at - activity.starts_at).total_seconds() // 60)
    activity.duration_hours, activity.duration_minutes = divmod(minutes, 60)
    return activity


def language_name(code: str) -> str:
    """A language's name in the reader's (active) language; an unknown code as it is."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def visits(event) -> list[Activity]:
    """The event's site visits in departure order, with places and waiting lists: 1 query."""
    activities = with_places(
        Activity.objects.filter(event=event, kind=Activity.Kind.VISIT).select_related("host")
    ).order_by("starts_at", "title")
    return [decorate(a) for a in activities]


def activity_for(event, slug: str) -> Activity:
    """One bookable activity of the event with its places (1 query), or 404."""
    activity = (
        with_places(Activity.objects.filter(event=event, slug=slug))
        .select_related("host", "session", "event")
        .first()
    )
    if activity is None:
        raise Http404("No such activity.")
    return decorate(activity)


def session_activity(session) -> Activity | None:
    """The booking of a programme session with its places (1 query), or None."""
    activity = with_places(Activity.objects.filter(session=session)).select_related("event").first()
    return decorate(activity) if activity else None


def my_bookings(event, person) -> list[Booking]:
    """The person's bookings at the event, active ones first, each with `position` in the
    waiting list (None unless waitlisted): 1 query."""
    if person is None or not person.is_authenticated:
        return []
    bookings = with_positions(
        Booking.objects.filter(activity__event=event, person=person).select_related(
            "activity__session"
        )
    ).order_by("activity__starts_at", "-created_at")
    result = []
    for booking in bookings:
        booking.position = booking.ahead + 1 if booking.status == Status.WAITLISTED else None
        booking.is_active = booking.status in Booking.ACTIVE
        result.append(booking)
    return result


def current_booking(bookings: list[Booking], activity_id: int) -> Booking | None:
    """Of a person's bookings, the active one of this activity (else None)."""
    return next((b for b in bookings if b.activity_id == activity_id and b.is_active), None)


def activity_lists(activity: Activity) -> dict[str, list[Booking]]:
    """The organisers' lists of one activity: booked, offered (with deadlines), the waiting
    list in order with `position`, and cancelled or expired ones: 1 query."""
    lists: dict[str, list[Booking]] = {"booked": [], "offered": [], "waitlisted": [], "ended": []}
    bookings = (
        Booking.objects.filter(activity=activity)
        .select_related("person__organisation")
        .order_by("queued_at", "pk")
    )
    for booking in bookings:
        booking.position = None
        if booking.status == Status.BOOKED:
            lists["booked"].append(booking)
        elif booking.status == Status.OFFERED:
            lists["offered"].append(booking)
        elif booking.status == Status.WAITLISTED:
            lists["waitlisted"].append(booking)
            booking.position = len(lists["waitlisted"])
        else:
            lists["ended"].append(booking)
    by_name = lambda b: (b.person.last_name.lower(), b.person.first_name.lower(), b.pk)  # noqa: E731
    lists["booked"].sort(key=by_name)
    return lists


def export_rows(activity: Activity) -> list[Booking]:
    """Every booking of the lists in their page order (booked by name, offered, waiting in
    order, ended), for the CSV and XLSX exports."""
    lists = activity_lists(activity)
    return lists["booked"] + lists["offered"] + lists["waitlisted"] + lists["ended"]
