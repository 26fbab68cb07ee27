"""The networking back office: every model registered, its lists and forms open, the meeting list
shows who reported what at a fixed number of queries, bookings cannot be edited there."""

import datetime as dt

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from clustermeet.networking import models
from tests.factories import EventFactory, PersonFactory
from tests.networking.factories import (
    MatchmakingFactory,
    MeetingRequestFactory,
    MeetingTableFactory,
    OfferFactory,
    SlotFactory,
    UnavailabilityFactory,
    make_meeting,
    participant,
)

pytestmark = pytest.mark.django_db

MODELS = [
    models.Slot,
    models.MeetingTable,
    models.Unavailability,
    models.MeetingRequest,
    models.Meeting,
    models.MeetingParticipant,
    models.Matchmaking,
    models.Offer,
    models.Interest,
]


@pytest.fixture
def staff(client):
    person = PersonFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


@pytest.fixture
def data(db):
    event = EventFactory(slug="ecc")
    alice = participant(event, first_name="Alice", last_name="Andersen")
    bob = participant(event, first_name="Bob", last_name="Berg")
    started = SlotFactory(event=event, starts_at=timezone.now() - dt.timedelta(minutes=40))
    meeting = make_meeting(event=event, people=[alice, bob], slot=started)
    meeting.participants.filter(person=alice).update(attendance="held")
    meeting.participants.filter(person=bob).update(attendance="no_show")
    offer = OfferFactory(event=event, author=bob)
    request = MeetingRequestFactory(event=event, sender=alice, recipient=bob, offer=offer)
    models.Interest.objects.create(offer=offer, person=alice, request=request)
    MeetingTableFactory(event=event)
    UnavailabilityFactory(slot=SlotFactory(event=event), person=alice)
    MatchmakingFactory(event=event)
    return {"event": event, "meeting": meeting, "alice": alice, "bob": bob}


def test_every_networking_model_is_registered():
    assert [m for m in MODELS if not admin.site.is_registered(m)] == []


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_lists_and_change_pages_open(model, client, staff, data):
    name = model._meta.model_name
    assert client.get(reverse(f"admin:networking_{name}_changelist")).status_code == 200
    obj = model.objects.first()
    assert client.get(reverse(f"admin:networking_{name}_change", args=[obj.pk])).status_code == 200


def test_the_meeting_list_shows_attendance(client, staff, data):
    response = client.get(reverse("admin:networking_meeting_changelist"))

    html = response.content.decode()
    assert "Alice Andersen – Bob Berg" in html
    assert "Alice: Held; Bob: No-show" in html
    filtered = client.get(reverse("admin:networking_meeting_changelist") + "?attendance=no_show")
    assert list(filtered.context["cl"].result_list) == [data["meeting"]]
    searched = client.get(reverse("admin:networking_meeting_changelist") + "?q=Berg")
    assert list(searched.context["cl"].result_list) == [data["meeting"]]


def test_the_meeting_list_query_count_does_not_grow(client, staff, data, django_assert_num_queries):
    url = reverse("admin:networking_meeting_changelist")
    client.get(url)
    with django_assert_num_queries(7) as small:
        client.get(url)
    for _ in range(5):
        event = data["event"]
        make_meeting(
            event=event,
            people=[participant(event), participant(event)],
            slot=SlotFactory(event=event),
        )
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["cl"].result_list) == 6


def test_bookings_are_not_made_or_edited_in_the_back_office(client, staff, data):
    meeting = data["meeting"]
    assert client.get(reverse("admin:networking_meeting_add")).status_code == 403
    assert client.get(reverse("admin:networking_meetingrequest_add")).status_code == 403
    form = client.get(reverse("admin:networking_meeting_change", args=[meeting.pk])).context[
        "adminform"
    ]
    assert sorted(form.form.fields) == ["locked", "weight"]
