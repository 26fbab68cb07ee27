"""Asking a pitcher for contact and withdrawing: who may ask, idempotence, re-activation, and
what a withdrawal hides from the pitcher."""

import pytest

from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import PitchContact
from clustermeet.exhibition.pitches import exports, queries, services
from clustermeet.people.models import Registration
from clustermeet.programme.models import Session
from tests.exhibition.factories import PitchFactory
from tests.factories import PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pitch():
    return PitchFactory(title="Smart textiles")


def participant(pitch, **kwargs):
    return RegistrationFactory(event=pitch.session.event, **kwargs).person


def test_an_approved_participant_asks_once_whatever_the_clicks(pitch):
    person = participant(pitch)
    first = services.ask_contact(pitch, person, "  Call me about sensors.  ")
    again = services.ask_contact(pitch, person)
    assert again.pk == first.pk
    assert PitchContact.objects.count() == 1
    assert again.message == "Call me about sensors."
    assert again.withdrawn_at is None


def test_a_new_message_replaces_the_old_one(pitch):
    person = participant(pitch)
    services.ask_contact(pitch, person, "First")
    assert services.ask_contact(pitch, person, "Second").message == "Second"


@pytest.mark.parametrize(
    "who",
    ["stranger", "pending", "declined"],
)
def test_only_approved_participants_ask(pitch, who):
    if who == "stranger":
        person = PersonFactory()
    else:
        status = {"pending": Registration.Status.PENDING, "declined": Registration.Status.DECLINED}
        person = participant(pitch, status=status[who])
    with pytest.raises(ExhibitionError) as refused:
        services.ask_contact(pitch, person)
    assert refused.value.code == "not_participant"
    assert PitchContact.objects.count() == 0


def test_a_participant_of_another_event_cannot_ask(pitch):
    other = RegistrationFactory().person
    with pytest.raises(ExhibitionError) as refused:
        services.ask_contact(pitch, other)
    assert refused.value.code == "not_participant"


def test_the_pitcher_cannot_ask_themself(pitch):
    with pytest.raises(ExhibitionError) as refused:
        services.ask_contact(pitch, pitch.pitcher)
    assert refused.value.code == "own_pitch"
    assert PitchContact.objects.count() == 0


def test_a_hidden_session_is_not_published_yet(pitch):
    Session.objects.filter(pk=pitch.session_id).update(visibility=Session.Visibility.HIDDEN)
    pitch.session.refresh_from_db()
    with pytest.raises(ExhibitionError) as refused:
        services.ask_contact(pitch, participant(pitch))
    assert refused.value.code == "not_published"


def test_a_too_long_message_is_refused_and_nothing_stored(pitch):
    with pytest.raises(ExhibitionError) as refused:
        services.ask_contact(pitch, participant(pitch), "x" * 501)
    assert refused.value.code == "message_too_long"
    assert PitchContact.objects.count() == 0


def test_withdraw_hides_from_the_pitcher_and_the_csv_then_asking_again_reactivates(pitch):
    person = participant(pitch, person__first_name="Ada", person__last_name="Lovelace")
    contact = services.ask_contact(pitch, person, "Hello")
    assert [
        c.person for c in queries.my_pitches(pitch.session.event, pitch.pitcher)[0].standing
    ] == [person]
    assert len(exports.rows(pitch)) == 1

    withdrawn = services.withdraw_contact(contact, person)
    assert withdrawn.withdrawn_at is not None
    assert queries.my_pitches(pitch.session.event, pitch.pitcher)[0].standing == []
    assert exports.rows(pitch) == []
    assert "Ada Lovelace" not in exports.csv_bytes(pitch).decode("utf-8")
    assert services.withdraw_contact(contact, person).withdrawn_at == withdrawn.withdrawn_at

    again = services.ask_contact(pitch, person)
    assert again.pk == contact.pk
    assert again.withdrawn_at is None
    assert again.message == "Hello"
    assert len(exports.rows(pitch)) == 1


def test_only_the_person_who_asked_withdraws(pitch):
    contact = services.ask_contact(pitch, participant(pitch))
    for someone in (pitch.pitcher, participant(pitch)):
        with pytest.raises(ExhibitionError) as refused:
            services.withdraw_contact(contact, someone)
        assert refused.value.code == "not_yours"
    contact.refresh_from_db()
    assert contact.withdrawn_at is None
