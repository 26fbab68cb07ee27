"""factory_boy factories of the exhibition (each helper appends its own below)."""

import factory

from clustermeet.exhibition.models import Booth, BoothStaff, Hall
from tests.factories import EventFactory, OrganisationFactory, PersonFactory


# --- booths -------------------------------------------------------------------------------
class HallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hall

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Hall {n}")
    slug = factory.Sequence(lambda n: f"hall-{n}")


class BoothFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booth
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Booth {n}")
    slug = factory.Sequence(lambda n: f"booth-{n}")
    summary = "We make clusters work."


class BoothStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoothStaff

    booth = factory.SubFactory(BoothFactory)
    person = factory.SubFactory(PersonFactory)


# --- pitches ------------------------------------------------------------------------------
# (Models and factories named by string: the imports above belong to the whole file.)
def _approved_at(event):
    from tests.factories import RegistrationFactory

    return RegistrationFactory(event=event).person


class PitchFactory(factory.django.DjangoModelFactory):
    """A pitch for contacts in a pitch session; its pitcher approved at the session's event."""

    class Meta:
        model = "exhibition.Pitch"

    session = factory.SubFactory("tests.factories.SessionFactory", type="pitch")
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Pitch {n}")
    pitcher = factory.LazyAttribute(lambda o: _approved_at(o.session.event))
    description = "Looking for partners."


class PitchContactFactory(factory.django.DjangoModelFactory):
    """A standing request for contact, written directly (no checks)."""

    class Meta:
        model = "exhibition.PitchContact"

    pitch = factory.SubFactory(PitchFactory)
    person = factory.SubFactory(PersonFactory)


# --- leads --------------------------------------------------------------------------------
class LeadFactory(factory.django.DjangoModelFactory):
    """A shared lead written directly (no checks)."""

    class Meta:
        model = "exhibition.Lead"

    booth = factory.SubFactory(BoothFactory)
    person = factory.SubFactory(PersonFactory)
    source = "shared"


def staff_of(booth, **kwargs):
    """A person on the booth's staff, approved at its event (as exhibitors are registered)."""
    from tests.factories import RegistrationFactory

    person = RegistrationFactory(event=booth.event, **kwargs).person
    BoothStaff.objects.create(booth=booth, person=person)
    return person
