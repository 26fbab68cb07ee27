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


# --- voting (the community vote) ---------------------------------------------------------------


def vote_category(
    event=None, *, online=(-24, 24), onsite=None, finalists=3, confirmed=True, **kwargs
):
    """A vote category whose shortlist is confirmed, with `finalists` accepted finalists
    (positions 0, 1, …) and one accepted nominee who is no finalist. `online` and `onsite` are
    (opens, closes) in hours from now, or None for no window."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()

    def at(hours):
        return now + timedelta(hours=hours)

    if online is not None:
        kwargs.setdefault("online_opens_at", at(online[0]))
        kwargs.setdefault("online_closes_at", at(online[1]))
    if onsite is not None:
        kwargs.setdefault("onsite_opens_at", at(onsite[0]))
        kwargs.setdefault("onsite_closes_at", at(onsite[1]))
    if confirmed:
        kwargs.setdefault("shortlist_confirmed_at", at(-48))
    category = CategoryFactory(**({"event": event} if event is not None else {}), **kwargs)
    for position in range(finalists):
        NominationFactory(
            category=category, finalist=True, position=position, name=f"Finalist {position + 1}"
        )
    NominationFactory(category=category, finalist=False, position=9, name="Not shortlisted")
    return category


def finalists_of(category) -> list:
    return list(category.nominations.filter(finalist=True).order_by("position", "pk"))


def checked_in(registration, day=None):
    """A check-in of the registration on `day` (the event's today unless told)."""
    from django.utils import timezone

    from clustermeet.onsite.checkin.services import event_day
    from clustermeet.onsite.models import CheckIn

    event = registration.event
    return CheckIn.objects.create(
        event=event,
        registration=registration,
        day=day or event_day(event, timezone.now()),
        checked_in_at=timezone.now(),
        method=CheckIn.Method.SCAN,
    )


# --- nominations and the jury (brief 1) --------------------------------------------------------


def awards_organiser(event):
    """An organiser of the event (an approved registration with the organiser role)."""
    from tests.factories import RegistrationFactory

    return RegistrationFactory(event=event, roles=["organiser"]).person


def jury_category(jurors: int = 2, nominations: int = 3, criteria: int = 3, **kwargs):
    """A vote category with its criteria, accepted nominations and jurors:
    (category, criteria, nominations, jurors)."""
    category = CategoryFactory(**kwargs)
    return (
        category,
        [CriterionFactory(category=category) for _ in range(criteria)],
        [NominationFactory(category=category) for _ in range(nominations)],
        [JurorFactory(category=category) for _ in range(jurors)],
    )


def score_all(juror, nomination, criteria, value: int):
    """The juror's scores of the nomination: `value` on every criterion (written directly)."""
    from clustermeet.awards.models import Score

    return [
        Score.objects.create(juror=juror, nomination=nomination, criterion=c, value=value)
        for c in criteria
    ]
