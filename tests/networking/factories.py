"""factory_boy factories for the networking models (issue 5). Plain, deterministic defaults;
build what a test needs explicitly. `make_meeting` writes a Meeting with its two
MeetingParticipant rows the way `networking.services.book_meeting` does (without the checks), so
tests can set up any state, including ones the services would refuse."""

import datetime as dt

import factory
from django.utils import timezone

from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingTable,
    Offer,
    Slot,
    Unavailability,
)
from tests.factories import EventFactory, PersonFactory, RegistrationFactory


def future(hours: int = 24, minutes: int = 0) -> dt.datetime:
    """A whole-minute instant `hours` (+ `minutes`) from now, in UTC."""
    now = timezone.now().replace(second=0, microsecond=0)
    return now + dt.timedelta(hours=hours, minutes=minutes)


class SlotFactory(factory.django.DjangoModelFactory):
    """Consecutive 30-minute slots starting tomorrow (one Sequence step = 30 minutes), so each
    new slot of the same event has a distinct start."""

    class Meta:
        model = Slot

    event = factory.SubFactory(EventFactory)
    starts_at = factory.Sequence(lambda n: future(24, 30 * n))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=30))
    is_break = False
    label = ""


class MeetingTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingTable

    event = factory.SubFactory(EventFactory)
    label = factory.Sequence(lambda n: f"Table {n}")
    position = factory.Sequence(lambda n: n)


class UnavailabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unavailability

    slot = factory.SubFactory(SlotFactory)
    person = factory.SubFactory(PersonFactory)


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    author = factory.SubFactory(PersonFactory)
    kind = Offer.Kind.OFFER
    category = Offer.Category.PARTNERSHIP
    title = factory.Sequence(lambda n: f"Offer {n}")
    description = "We look for partners."
    is_active = True


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRequest
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    sender = factory.SubFactory(PersonFactory)
    recipient = factory.SubFactory(PersonFactory)
    message = "Shall we meet?"
    status = MeetingRequest.Status.PENDING
    origin = MeetingRequest.Origin.DIRECT

    @factory.post_generation
    def proposed_slots(self, create, extracted, **kwargs):
        if create and extracted:
            self.proposed_slots.set(extracted)


class MatchmakingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Matchmaking

    event = factory.SubFactory(EventFactory)
    status = Matchmaking.Status.COLLECTING


def participant(event, **person_fields):
    """An approved participant of `event` who consented to the directory."""
    return RegistrationFactory(
        event=event,
        person=PersonFactory(**person_fields),
        directory_consent_at=timezone.now(),
    ).person


def make_meeting(
    *,
    event,
    people,
    slot=None,
    status=Meeting.Status.SCHEDULED,
    location=Meeting.Location.VIRTUAL,
    table=None,
    origin=Meeting.Origin.REQUEST,
    request=None,
    **fields,
) -> Meeting:
    """A meeting between the two `people` with its MeetingParticipant rows (active when
    scheduled), without any availability check."""
    if table is not None:
        location = Meeting.Location.TABLE
    meeting = Meeting.objects.create(
        event=event,
        slot=slot,
        status=status,
        location=location,
        table=table,
        origin=origin,
        request=request,
        **fields,
    )
    MeetingParticipant.objects.bulk_create(
        MeetingParticipant(
            meeting=meeting,
            person=person,
            slot=slot,
            active=status == Meeting.Status.SCHEDULED,
        )
        for person in people
    )
    return meeting
