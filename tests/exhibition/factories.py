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
