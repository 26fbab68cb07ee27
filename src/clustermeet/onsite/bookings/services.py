"""Every write of bookings: book a place (or join the waiting list), cancel, confirm an offered
place, expire unconfirmed offers, mark attendance at the bus, and turn booking on or off for a
programme session. Site visits and booked sessions follow the same rules.

Locks, always in this order and taken once per transaction: the person's row, then the
activity's row (`select_for_update`). Every change of a booking's status happens under its
activity's row lock, so places are counted and handed out one transaction at a time: 50 people
booking the last 20 places at once get exactly 20 places and 30 waiting-list positions in the
order the lock let them in. Promotions and expiries lock only the activity row (never a person
after it, which would invert the order and deadlock against a booking). The partial unique
constraint `one_active_booking_per_person` is the last line: an IntegrityError becomes a
refusal. E-mails leave on commit (`tasks`), in the recipient's language."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.events.queries import is_approved_participant
from clustermeet.onsite import permissions
from clustermeet.onsite.bookings import emails
from clustermeet.onsite.checkin import scans
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Activity, Badge, Booking
from clustermeet.people.models import Person
from clustermeet.programme.models import Session

Status = Booking.Status


def _lock(person_id: int, activity_id: int) -> Activity:
    """The one lock sequence: the person's row, then the activity's. Returns the activity as
    it is under the lock."""
    list(Person.objects.select_for_update().filter(pk=person_id).values("pk"))
    return _lock_activity(activity_id)


def _lock_activity(activity_id: int) -> Activity:
    """The activity's row only (`of=self`: the joined event row stays unlocked, so bookings of
    different activities of one event never wait for each other)."""
    return (
        Activity.objects.select_for_update(of=("self",)).select_related("event").get(pk=activity_id)
    )


def _held(activity: Activity) -> int:
    return Booking.objects.filter(activity=activity, status__in=Booking.HOLDS_PLACE).count()


def position(booking: Booking) -> int | None:
    """The booking's place in its activity's waiting list, from 1; None unless waitlisted."""
    if booking.status != Status.WAITLISTED:
        return None
    ahead = Booking.objects.filter(
        before(booking.queued_at, booking.pk),
        activity_id=booking.activity_id,
        status=Status.WAITLISTED,
    ).count()
    return ahead + 1


def before(queued_at, pk) -> Q:
    """Waiting-list order: bookings whose (queued_at, pk) comes before the given pair (values
    or OuterRef expressions)."""
    return Q(queued_at__lt=queued_at) | Q(queued_at=queued_at, pk__lt=pk)


def _already(booking: Booking) -> OnsiteError:
    if booking.status == Status.WAITLISTED:
        return OnsiteError(
            "already_waitlisted",
            _("You are already on the waiting list (number %(position)d).")
            % {"position": position(booking)},
        )
    if booking.status == Status.OFFERED:
        return OnsiteError(
            "already_offered", _("A place is already offered to you: confirm it below.")
        )
    return OnsiteError("already_booked", _("You have already booked a place."))


def is_open(activity: Activity, now: dt.datetime) -> bool:
    """Whether the activity still takes bookings (before its deadline and its start)."""
    deadline = activity.booking_deadline
    return now < activity.starts_at and (deadline is None or now < deadline)


def _check_open(activity: Activity, now: dt.datetime) -> None:
    if now >= activity.starts_at:
        raise OnsiteError("departed", _("This activity has already started."))
    if activity.booking_deadline is not None and now >= activity.booking_deadline:
        raise OnsiteError("closed", _("Booking for this activity has closed."))


def _overlapping(activity: Activity, person_id: int) -> Booking | None:
    """The person's active booking of another activity of the event at an overlapping time."""
    return (
        Booking.objects.filter(
            person_id=person_id,
            status__in=Booking.ACTIVE,
            activity__event_id=activity.event_id,
            activity__starts_at__lt=activity.ends_at,
            activity__ends_at__gt=activity.starts_at,
        )
        .exclude(activity_id=activity.pk)
        .select_related("activity")
        .order_by("activity__starts_at")
        .first()
    )


def book(activity: Activity, person: Person) -> Booking:
    """A place when one is free and nobody waits for it, else a place in the waiting list."""
    if not is_approved_participant(person, activity.event):
        raise OnsiteError(
            "not_participant", _("Only approved participants of this event book places.")
        )
    _check_open(activity, timezone.now())
    try:
        with transaction.atomic():
            activity = _lock(person.pk, activity.pk)
            now = timezone.now()  # read under the lock: the waiting list's arrival order
            _check_open(activity, now)
            mine = Booking.objects.filter(
                activity=activity, person=person, status__in=Booking.ACTIVE
            ).first()
            if mine is not None:
                raise _already(mine)
            other = _overlapping(activity, person.pk)
            if other is not None:
                raise OnsiteError(
                    "overlap",
                    _("You have booked “%(title)s” at the same time: cancel it first.")
                    % {"title": other.activity.title},
                )
            waiting = Booking.objects.filter(activity=activity, status=Status.WAITLISTED)
            free = _held(activity) < activity.capacity and not waiting.exists()
            return Booking.objects.create(
                activity=activity,
                person=person,
                status=Status.BOOKED if free else Status.WAITLISTED,
                created_at=now,
                queued_at=now,
            )
    except IntegrityError:
        raise OnsiteError("already_booked", _("You have already booked a place.")) from None


def _may_act(booking: Booking, by: Person, *, organisers: bool) -> None:
    if by.pk == booking.person_id:
        return
    if organisers and permissions.is_organiser(by, booking.activity.event):
        return
    raise OnsiteError("forbidden", _("Only the person who booked changes this booking."))


def _promote(activity: Activity, now: dt.datetime) -> list[int]:
    """Offer every free place to the first on the waiting list (queued_at, pk), under the
    activity's row lock. Each offer is held until `confirm_hours` from now, or the start."""
    if now >= activity.starts_at:
        return []
    free = activity.capacity - _held(activity)
    if free <= 0:
        return []
    confirm_by = min(now + dt.timedelta(hours=activity.confirm_hours), activity.starts_at)
    ids = list(
        Booking.objects.filter(activity=activity, status=Status.WAITLISTED)
        .order_by("queued_at", "pk")
        .values_list("pk", flat=True)[:free]
    )
    Booking.objects.filter(pk__in=ids).update(
        status=Status.OFFERED, promoted_at=now, confirm_by=confirm_by
    )
    for pk in ids:
        transaction.on_commit(lambda pk=pk: emails.send_booking_email.delay(pk, "offered"))
    return ids


def cancel(booking: Booking, by: Person) -> Booking:
    """The person (or an organiser) gives the place or waiting-list position up; a place that
    was held goes to the first on the waiting list."""
    _may_act(booking, by, organisers=True)
    with transaction.atomic():
        activity = _lock(booking.person_id, booking.activity_id)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in Booking.ACTIVE:
            raise OnsiteError("not_active", _("This booking is no longer active."))
        held = booking.status in Booking.HOLDS_PLACE
        now = timezone.now()
        booking.status = Status.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        if held:
            _promote(activity, now)
    return booking


def confirm(booking: Booking, by: Person) -> Booking:
    """The person moved up from the waiting list takes the place offered, before the deadline."""
    _may_act(booking, by, organisers=False)
    with transaction.atomic():
        _lock(booking.person_id, booking.activity_id)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Status.BOOKED:
            raise OnsiteError("already_booked", _("You have already booked a place."))
        if booking.status != Status.OFFERED:
            raise OnsiteError("not_offered", _("No place is offered to you any more."))
        if timezone.now() >= booking.confirm_by:
            raise OnsiteError(
                "offer_expired", _("The time to confirm has passed: the place went to the next.")
            )
        booking.status = Status.BOOKED
        booking.save(update_fields=["status"])
    return booking


def expire_offers(now: dt.datetime | None = None) -> list[int]:
    """Every offer past its deadline expires and its place goes to the next on the waiting
    list. Each activity is claimed with its row lock and its offers re-read under it, so two
    runners at once expire each offer once. Returns the expired bookings' ids."""
    now = now or timezone.now()
    activity_ids = (
        Booking.objects.filter(status=Status.OFFERED, confirm_by__lte=now)
        .values_list("activity_id", flat=True)
        .distinct()
        .order_by("activity_id")
    )
    expired = []
    for activity_id in list(activity_ids):
        with transaction.atomic():
            activity = _lock_activity(activity_id)
            ids = list(
                Booking.objects.filter(
                    activity=activity, status=Status.OFFERED, confirm_by__lte=now
                ).values_list("pk", flat=True)
            )
            Booking.objects.filter(pk__in=ids).update(status=Status.EXPIRED)
            for pk in ids:
                transaction.on_commit(lambda pk=pk: emails.send_booking_email.delay(pk, "expired"))
            _promote(activity, now)
        expired += ids
    return expired


def mark_attended(booking: Booking, by: Person, attended: bool = True) -> Booking:
    """Tick (or untick) a booked person at the bus: organisers and check-in staff."""
    if not permissions.is_door_staff(by, booking.activity.event):
        raise OnsiteError("forbidden", _("Only the organisers and check-in staff mark attendance."))
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("person")
            .get(pk=booking.pk)
        )
        if booking.status != Status.BOOKED:
            raise OnsiteError(
                "not_booked",
                _("%(name)s has no confirmed place on this list.")
                % {"name": booking.person.full_name},
            )
        if attended and booking.attended_at is None:
            booking.attended_at = timezone.now()
        elif not attended:
            booking.attended_at = None
        booking.save(update_fields=["attended_at"])
    return booking


def mark_attended_by_token(activity: Activity, token: str, by: Person) -> Booking:
    """A badge scanned (or its token typed) at the bus: the badge's person's booking, ticked.
    Forged, revoked and other events' badges, and people not on the list, are refused."""
    event = activity.event
    if not permissions.is_door_staff(by, event):
        raise OnsiteError("forbidden", _("Only the organisers and check-in staff mark attendance."))
    badge, wrong = scans.read_badge(
        event.pk, token, Badge.objects.select_related("registration__person")
    )
    if badge is None:
        raise OnsiteError("invalid_token", _("This is not a badge of this event."))
    person = badge.registration.person
    if wrong == "revoked":
        raise OnsiteError(
            "revoked",
            _("This badge of %(name)s was replaced by a new one.") % {"name": person.full_name},
        )
    booking = Booking.objects.filter(activity=activity, person=person, status=Status.BOOKED).first()
    if booking is None:
        raise OnsiteError(
            "not_on_list", _("%(name)s is not on this list.") % {"name": person.full_name}
        )
    return mark_attended(booking, by)


def _session_slug(session: Session) -> str:
    return f"session-{session.slug}"[:80]


def enable_session_booking(
    session: Session,
    capacity: int,
    *,
    by: Person,
    booking_deadline: dt.datetime | None = None,
    confirm_hours: int = 24,
) -> Activity:
    """Booking for a programme session (a workshop with a room's places): an Activity copying
    the session's title, times and room. Again on a booked session: its places and deadline
    change (more places go to the waiting list at once)."""
    if not permissions.is_organiser(by, session.event):
        raise OnsiteError("forbidden", _("Only the event's organisers enable booking."))
    if capacity < 1:
        raise OnsiteError("invalid", _("A booked session has at least one place."))
    with transaction.atomic():
        activity = Activity.objects.filter(session=session).first()
        fields = {
            "event": session.event,
            "kind": Activity.Kind.SESSION,
            "title": session.title,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "place": session.room.name if session.room_id else "",
            "capacity": capacity,
            "booking_deadline": booking_deadline,
            "confirm_hours": confirm_hours,
        }
        if activity is None:
            return Activity.objects.create(session=session, slug=_session_slug(session), **fields)
        activity = _lock_activity(activity.pk)
        for name, value in fields.items():
            setattr(activity, name, value)
        activity.save()
        _promote(activity, timezone.now())
    return activity


def set_capacity(activity: Activity, capacity: int, *, by: Person) -> Activity:
    """An organiser changes the places: new places go to the waiting list at once (fewer
    places take nobody's place away; the list shrinks as people cancel)."""
    if not permissions.is_organiser(by, activity.event):
        raise OnsiteError("forbidden", _("Only the event's organisers change the places."))
    if capacity < 1:
        raise OnsiteError("invalid", _("An activity has at least one place."))
    with transaction.atomic():
        activity = _lock_activity(activity.pk)
        activity.capacity = capacity
        activity.save(update_fields=["capacity"])
        _promote(activity, timezone.now())
    return activity


def disable_session_booking(session: Session, *, by: Person) -> None:
    """Booking off again, while nobody holds a place or waits for one."""
    if not permissions.is_organiser(by, session.event):
        raise OnsiteError("forbidden", _("Only the event's organisers disable booking."))
    with transaction.atomic():
        activity = Activity.objects.select_for_update().filter(session=session).first()
        if activity is None:
            return
        if activity.bookings.filter(status__in=Booking.ACTIVE).exists():
            raise OnsiteError(
                "has_bookings",
                _("People have booked this session: cancel their bookings first."),
            )
        activity.delete()
