import pytest
from django.urls import reverse

from clustermeet.cafe.models import Note, Seat
from clustermeet.live.models import Ballot, Question, Upvote
from clustermeet.networking.models import (
    Interest,
    MeetingParticipant,
    MeetingRequest,
    Offer,
    Unavailability,
)
from clustermeet.people.models import Person, Registration
from clustermeet.privacy import services
from clustermeet.privacy.models import ConsentRecord
from clustermeet.programme.models import Bookmark


def _snapshot():
    return {
        "people": Person.objects.count(),
        "registrations": Registration.objects.count(),
        "ballots": Ballot.objects.count(),
        "questions": Question.objects.count(),
        "upvotes": Upvote.objects.count(),
        "notes": Note.objects.count(),
        "seats": Seat.objects.count(),
        "meeting_people": MeetingParticipant.objects.count(),
        "offers": Offer.objects.count(),
        "interests": Interest.objects.count(),
        "bookmarks": Bookmark.objects.count(),
        "consents": ConsentRecord.objects.count(),
        "availability": Unavailability.objects.count(),
    }


def test_erasure_anonymises_the_account_and_keeps_every_tally(world):
    before = _snapshot()
    counts = services.erase_account(world.anna, "Anna@Example.org")
    anna = Person.objects.get(pk=world.anna.pk)
    assert (anna.first_name, anna.last_name, anna.email, anna.slug) == (
        "",
        "",
        f"erased-{anna.pk}@invalid",
        f"erased-{anna.pk}",
    )
    assert (anna.is_active, anna.has_usable_password(), anna.organisation) == (False, False, None)
    assert (anna.job_title, anna.offering, anna.looking_for) == ("", "", "")
    assert anna.erased_at is not None
    assert anna.full_name == "a former participant"
    assert _snapshot() == before | {
        "offers": before["offers"] - 1,
        "bookmarks": 0,
        "consents": before["consents"] - 2,
        "availability": 0,
    }
    assert counts["offers_deleted"] == 1
    assert Ballot.objects.filter(poll=world.poll).count() == 2
    assert Question.objects.get(pk=world.question.pk).anonymous is True
    assert Note.objects.get(pk=world.note.pk).updated_by is None
    assert Note.objects.get(pk=world.note.pk).text == "Train the trainers"
    assert Registration.objects.get(person=anna).directory_consent_at is None
    assert MeetingRequest.objects.get(sender=anna).message == ""


def test_the_other_party_sees_a_former_participant(client, world):
    services.erase_account(world.anna, "anna@example.org")
    client.force_login(world.ben)
    url = reverse("meetings:meeting_detail", args=[world.event.slug, world.meeting.pk])
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Meeting with a former participant" in text
    assert "Anna" not in text


def test_staff_accounts_are_refused_and_unchanged(world):
    Person.objects.filter(pk=world.anna.pk).update(is_staff=True)
    world.anna.refresh_from_db()
    before = _snapshot()
    with pytest.raises(services.PrivacyError) as refused:
        services.erase_account(world.anna, "anna@example.org")
    assert refused.value.code == "staff"
    assert _snapshot() == before
    assert Person.objects.get(pk=world.anna.pk).email == "anna@example.org"


def test_the_delete_page_erases_and_logs_out(client, world):
    client.force_login(world.anna)
    response = client.post(reverse("privacy:erase"), {"confirmation": "anna@example.org"})
    assert response.status_code == 200
    assert "Your account was deleted" in response.content.decode()
    assert Person.objects.get(pk=world.anna.pk).erased_at is not None
    assert client.get(reverse("privacy:mine")).status_code == 302


def test_a_wrong_confirmation_changes_nothing(client, world):
    client.force_login(world.anna)
    before = _snapshot()
    response = client.post(reverse("privacy:erase"), {"confirmation": "ben@example.org"})
    assert response.status_code == 200
    assert "is not this account" in response.content.decode()
    anna = Person.objects.get(pk=world.anna.pk)
    assert (anna.email, anna.first_name, anna.erased_at, anna.is_active) == (
        "anna@example.org",
        "Anna",
        None,
        True,
    )
    assert _snapshot() == before
    assert client.get(reverse("privacy:mine")).status_code == 200


def test_a_person_can_only_erase_their_own_account(client, world):
    client.force_login(world.ben)
    client.post(reverse("privacy:erase"), {"confirmation": "anna@example.org"})
    assert Person.objects.get(pk=world.anna.pk).erased_at is None
    assert Person.objects.get(pk=world.ben.pk).erased_at is None


def test_the_staff_refusal_is_shown_on_the_page(client, world):
    Person.objects.filter(pk=world.anna.pk).update(is_staff=True)
    client.force_login(world.anna)
    response = client.post(reverse("privacy:erase"), {"confirmation": "anna@example.org"})
    assert "Staff accounts cannot be deleted here" in response.content.decode()
    assert Person.objects.get(pk=world.anna.pk).erased_at is None
