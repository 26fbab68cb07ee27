"""factory_boy factories for the models tests need. Build what a test needs explicitly; the
defaults are plain and deterministic."""

import datetime as dt

import factory
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.people.models import Organisation, Person, Registration, Role
from clustermeet.programme.models import Room, Session, SessionSpeaker


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    name = factory.Sequence(lambda n: f"Cluster Event {n}")
    format = Event.Format.VIRTUAL
    visibility = Event.Visibility.PUBLIC
    start_date = dt.date(2020, 11, 10)
    end_date = dt.date(2020, 11, 11)
    timezone = "Europe/Brussels"

    class Params:
        # An event still to come (registration closes by itself once an event is over).
        upcoming = factory.Trait(
            start_date=factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=30)),
            end_date=factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=31)),
        )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "DE"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Sequence(lambda n: f"First{n}")
    last_name = factory.Sequence(lambda n: f"Last{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    country = "DE"
    password = factory.django.Password("correct horse battery staple")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    status = Registration.Status.APPROVED
    terms_accepted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            self.roles.set(Role.objects.filter(code__in=extracted or [Role.PARTICIPANT]))


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Studio {n}")
    slug = factory.Sequence(lambda n: f"studio-{n}")


def _at(hour: int, minute: int = 0, day: int = 10) -> dt.datetime:
    return dt.datetime(2020, 11, day, hour, minute, tzinfo=dt.UTC)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    room = factory.LazyAttribute(lambda o: RoomFactory(event=o.event))
    slug = factory.Sequence(lambda n: f"session-{n}")
    title = factory.Sequence(lambda n: f"Session {n}")
    type = Session.Type.PANEL
    starts_at = _at(9)
    ends_at = _at(10)


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    role = SessionSpeaker.Role.SPEAKER
