"""factory_boy factories of the awards (each helper appends its own below)."""

import itertools

import factory

from clustermeet.awards.models import Ballot, Category, Criterion, Juror, Nomination
from tests.factories import EventFactory, PersonFactory

_receipts = itertools.count(1)


class CategoryFactory(factory.django.DjangoModelFactory):
    """A vote category of an event (Nov 2020), nominees entered by the organisers, no window
    yet: tests set the windows, the shortlist and the weight they need."""

    class Meta:
        model = Category

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Award {n}")
    slug = factory.Sequence(lambda n: f"award-{n}")
    description = "For the best cluster work of the year."


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    position = factory.Sequence(lambda n: n)


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Nominee {n}")
    organisation = "A Cluster"
    country = "BE"
    status = Nomination.Status.ACCEPTED


class JurorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Juror

    category = factory.SubFactory(CategoryFactory)
    person = factory.SubFactory(PersonFactory)


class BallotFactory(factory.django.DjangoModelFactory):
    """A ballot written directly (for queries' and tally tests); votes go through
    voting/services.py."""

    class Meta:
        model = Ballot

    nomination = factory.SubFactory(NominationFactory, finalist=True)
    category = factory.LazyAttribute(lambda o: o.nomination.category)
    voter = factory.SubFactory(PersonFactory)
    channel = "online"
    receipt = factory.LazyFunction(lambda: f"TEST{next(_receipts):012d}")
