"""A real race against PostgreSQL: the same person's *Contact me about this* sent six times at
once (a double click, two tabs) makes one contact, and every request gets that row back — the
losers of the unique constraint read the winner's row instead of failing.

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

import pytest

from clustermeet.exhibition.models import PitchContact
from clustermeet.exhibition.pitches import services
from tests.exhibition.factories import PitchFactory
from tests.factories import RegistrationFactory
from tests.harness.races import POSTGRES_ONLY, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def test_the_same_request_sent_at_once_makes_one_contact():
    pitch = PitchFactory()
    person = RegistrationFactory(event=pitch.session.event).person

    results = run_together(6, lambda i: services.ask_contact(pitch, person, f"Message {i}"))

    row = PitchContact.objects.get()
    assert {r.pk for r in results} == {row.pk}
    assert row.withdrawn_at is None
    assert row.person == person
