"""The marketplace's audience, one rule (`queries.may_browse`) for its pages and the API."""

import pytest

from clustermeet.networking.marketplace.queries import may_browse
from clustermeet.people.models import Registration, Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("visitor", False),
        ("pending", False),
        ("participant", True),
        ("organiser", True),
    ],
)
def test_who_browses_the_marketplace(role, allowed):
    event = EventFactory()
    if role == "visitor":
        person = PersonFactory()
    elif role == "pending":
        person = RegistrationFactory(event=event, status=Registration.Status.PENDING).person
    elif role == "participant":
        person = RegistrationFactory(event=event).person
    else:
        person = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    assert may_browse(person, event) is allowed


def test_anonymous_visitors_do_not(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    event = EventFactory()
    with django_assert_num_queries(0):
        assert may_browse(AnonymousUser(), event, participant=False) is False
