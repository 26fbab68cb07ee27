"""factory_boy factories of the on-site models (issue 11). Each helper appends its own; plain,
deterministic defaults."""

import datetime as dt

import factory
from django.utils import timezone

from clustermeet.onsite.checkin.tokens import make_token, new_nonce
from clustermeet.onsite.models import Activity, Badge, Booking, DoorStaff
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

# --- bookings ----------------------------------------------------------------------------------


def in_hours(hours: float) -> dt.datetime:
    """A whole-minute instant `hours` from now, in UTC."""
    return timezone.now().replace(second=0, microsecond=0) + dt.timedelta(hours=hours)


class ActivityFactory(factory.django.DjangoModelFactory):
    """A site visit departing in two days, three hours long, 20 places."""

    class Meta:
        model = Activity

    event = factory.SubFactory(EventFactory, upcoming=True)
    kind = Activity.Kind.VISIT
    slug = factory.Sequence(lambda n: f"visit-{n}")
    title = factory.Sequence(lambda n: f"Visit {n}")
    place = "Factory hall"
    meeting_point = "Main entrance"
    starts_at = factory.LazyFunction(lambda: in_hours(48))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    capacity = 20
    languages = factory.LazyFunction(lambda: ["en", "cs"])


class BookingFactory(factory.django.DjangoModelFactory):
    """A booking written directly (no checks), for setting up any state."""

    class Meta:
        model = Booking

    activity = factory.SubFactory(ActivityFactory)
    person = factory.SubFactory(PersonFactory)
    status = Booking.Status.BOOKED


def approved(event, **kwargs):
    """An approved participant of the event (a Person)."""
    return RegistrationFactory(event=event, **kwargs).person


def badge_of(registration) -> Badge:
    return Badge.objects.create(registration=registration, nonce=new_nonce())


# --- badges ------------------------------------------------------------------------------------


def onsite_event(**kwargs):
    """An event still to come, held on site (badges and tickets are for events with a door)."""
    return EventFactory(upcoming=True, format="onsite", **kwargs)


def organiser_of(event):
    """An organiser of the event (an approved registration with the organiser role)."""
    return RegistrationFactory(event=event, roles=["organiser"]).person


# --- check-in ----------------------------------------------------------------------------------


def event_today(**kwargs):
    """An event under way: yesterday to tomorrow (UTC dates), so today is one of its days in
    any time zone; Prague unless told."""
    day = timezone.localtime(timezone.now(), dt.UTC).date()
    kwargs.setdefault("timezone", "Europe/Prague")
    return EventFactory(
        start_date=day - dt.timedelta(days=1), end_date=day + dt.timedelta(days=1), **kwargs
    )


def badged(event, *, roles=None, note="", **kwargs):
    """(registration, token): a registration (approved unless told) with a valid badge, and
    what its QR code says."""
    registration = RegistrationFactory(event=event, roles=roles or ["participant"], **kwargs)
    badge = Badge.objects.create(registration=registration, nonce=new_nonce(), note=note)
    return registration, make_token(event.pk, badge.nonce)


def door_staff_of(event, **kwargs):
    """A person with the check-in staff role at the event (no registration)."""
    person = PersonFactory(**kwargs)
    DoorStaff.objects.create(event=event, person=person)
    return person
