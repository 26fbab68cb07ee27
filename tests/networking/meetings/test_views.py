"""The meeting pages: who may open what (others' requests and meetings are 404, non-participants
403, invitation-only events 404 to outsiders), the actions, fixed query counts."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from clustermeet.events.models import Event
from clustermeet.networking.models import (
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    Unavailability,
)
from clustermeet.people.models import Registration
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.networking.factories import (
    MeetingRequestFactory,
    OfferFactory,
    SlotFactory,
    UnavailabilityFactory,
    make_meeting,
    participant,
)

pytestmark = pytest.mark.django_db

Status = MeetingRequest.Status


@pytest.fixture
def event(db):
    return EventFactory(slug="ecc", timezone="Europe/Brussels")


@pytest.fixture
def alice(event):
    return participant(event, first_name="Alice", last_name="Andersen")


@pytest.fixture
def bob(event):
    return participant(event, first_name="Bob", last_name="Berg")


@pytest.fixture
def carol(event):
    return participant(event, first_name="Carol", last_name="Cruz")


@pytest.fixture
def slots(event):
    return [SlotFactory(event=event) for _ in range(3)]


def url(name, *args, event="ecc"):
    return reverse(f"meetings:{name}", args=[event, *args])


# --- my meetings ------------------------------------------------------------------------------


def test_my_meetings_lists_requests_and_meetings(client, event, alice, bob, carol, slots):
    incoming = MeetingRequestFactory(
        event=event, sender=bob, recipient=alice, proposed_slots=[slots[1]]
    )
    meeting = make_meeting(event=event, people=[alice, carol], slot=slots[0])
    client.force_login(alice)

    response = client.get(url("my_meetings"))

    assert response.status_code == 200
    assert response.context["incoming"] == [incoming]
    assert response.context["upcoming"] == [meeting]
    html = response.content.decode()
    assert f'data-request="{incoming.pk}"' in html
    assert "Bob Berg" in html and "Carol Cruz" in html
    assert 'data-role="join" disabled' in html


def test_the_join_button_is_a_link_once_open(client, event, alice, bob):
    now = timezone.now()
    slot = SlotFactory(
        event=event, starts_at=now + dt.timedelta(minutes=3), ends_at=now + dt.timedelta(minutes=23)
    )
    meeting = make_meeting(event=event, people=[alice, bob], slot=slot)
    client.force_login(bob)

    html = client.get(url("my_meetings")).content.decode()

    assert f'data-role="join" href="{meeting.video_url}"' in html


def test_my_meetings_query_count_does_not_grow(client, event, alice, django_assert_num_queries):
    def add(n):
        slots = [SlotFactory(event=event) for _ in range(n + 2)]
        for i in range(n):
            MeetingRequestFactory(
                event=event, sender=participant(event), recipient=alice, proposed_slots=slots[:2]
            )
            MeetingRequestFactory(event=event, sender=alice, recipient=participant(event))
            make_meeting(event=event, people=[alice, participant(event)], slot=slots[2 + i])

    add(1)
    client.force_login(alice)
    with django_assert_num_queries(13) as small:  # +1: the navigation asks about booths
        client.get(url("my_meetings"))
    add(4)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url("my_meetings"))
    assert len(response.context["upcoming"]) == 5


def test_pages_need_a_login(client, event):
    response = client.get(url("my_meetings"))
    assert (response.status_code, response["Location"].split("?")[0]) == (302, "/accounts/login/")


@pytest.mark.parametrize("name", ["my_meetings", "availability"])
def test_non_participants_get_403(name, client, event):
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING).person
    for person in (PersonFactory(), pending):
        client.force_login(person)
        assert client.get(url(name)).status_code == 403


def test_an_invitation_only_event_is_404_to_outsiders(client, alice, bob):
    private = EventFactory(slug="private", visibility=Event.Visibility.INVITATION)
    insider = participant(private)
    meeting = make_meeting(
        event=private, people=[insider, participant(private)], slot=SlotFactory(event=private)
    )
    client.force_login(alice)

    for path in (
        url("my_meetings", event="private"),
        url("availability", event="private"),
        url("request_new", insider.slug, event="private"),
        url("meeting_detail", meeting.pk, event="private"),
        url("meeting_ics", meeting.pk, event="private"),
    ):
        assert client.get(path).status_code == 404, path


# --- request form -----------------------------------------------------------------------------


def test_the_request_form_offers_only_common_free_slots(client, event, alice, bob, carol, slots):
    UnavailabilityFactory(slot=slots[0], person=bob)
    make_meeting(event=event, people=[alice, carol], slot=slots[1])
    client.force_login(alice)

    response = client.get(url("request_new", bob.slug))

    assert response.status_code == 200
    assert list(response.context["form"].fields["slots"].queryset) == [slots[2]]
    assert "Unavailab" not in response.content.decode()


def test_sending_a_request(
    client, event, alice, bob, slots, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("request_new", bob.slug), {"message": "Hi Bob", "slots": [slots[2].pk]}
        )

    request = MeetingRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("request_detail", request.pk)
    assert (request.sender, request.recipient, request.message, request.origin) == (
        alice,
        bob,
        "Hi Bob",
        MeetingRequest.Origin.DIRECT,
    )
    assert list(request.proposed_slots.all()) == [slots[2]]
    assert [m.to for m in mailoutbox] == [[bob.email]]


def test_a_request_through_an_offer(client, event, alice):
    author = RegistrationFactory(event=event).person  # not in the directory
    offer = OfferFactory(event=event, author=author)
    client.force_login(alice)

    assert client.get(url("request_new", author.slug)).status_code == 404
    assert client.get(url("request_new", author.slug) + f"?offer={offer.pk}").status_code == 200
    assert client.get(url("request_new", author.slug) + "?offer=999999").status_code == 404
    response = client.post(
        url("request_new", author.slug) + f"?offer={offer.pk}", {"message": "Interested"}
    )

    request = MeetingRequest.objects.get()
    assert response.status_code == 302
    assert (request.origin, request.offer, request.recipient) == (
        MeetingRequest.Origin.MARKETPLACE,
        offer,
        author,
    )


def test_request_form_refusals(client, event, alice, bob):
    shy = RegistrationFactory(event=event).person
    client.force_login(alice)

    assert client.get(url("request_new", shy.slug)).status_code == 404
    assert client.post(url("request_new", shy.slug), {"message": "hi"}).status_code == 404
    assert client.get(url("request_new", alice.slug)).status_code == 404
    assert client.get(url("request_new", "nobody")).status_code == 404
    client.force_login(PersonFactory())
    assert client.post(url("request_new", bob.slug), {"message": "hi"}).status_code == 403
    assert MeetingRequest.objects.count() == 0


def test_a_second_request_goes_back_to_my_meetings(client, event, alice, bob):
    MeetingRequestFactory(event=event, sender=bob, recipient=alice)
    client.force_login(alice)

    response = client.get(url("request_new", bob.slug))

    assert (response.status_code, response["Location"]) == (302, url("my_meetings"))


# --- answering a request ----------------------------------------------------------------------


def test_accept_from_the_request_page(
    client, event, alice, bob, slots, django_capture_on_commit_callbacks, mailoutbox
):
    request = MeetingRequestFactory(
        event=event, sender=alice, recipient=bob, proposed_slots=[slots[1]]
    )
    client.force_login(bob)
    page = client.get(url("request_detail", request.pk))
    assert list(page.context["accept_form"].fields["slot"].queryset) == slots

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("request_detail", request.pk), {"action": "accept", "slot": slots[1].pk}
        )

    assert (response.status_code, response["Location"]) == (302, url("my_meetings"))
    meeting = Meeting.objects.get()
    assert (meeting.slot, meeting.request) == (slots[1], request)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([alice.email, bob.email])


def test_someone_else_cannot_see_or_answer_a_request(client, event, alice, bob, carol, slots):
    request = MeetingRequestFactory(event=event, sender=alice, recipient=bob)
    client.force_login(carol)

    assert client.get(url("request_detail", request.pk)).status_code == 404
    for action in ("accept", "decline", "cancel", "propose"):
        data = {"action": action, "slot": slots[0].pk, "slots": [slots[0].pk]}
        assert client.post(url("request_detail", request.pk), data).status_code == 404

    request.refresh_from_db()
    assert (request.status, request.awaiting_sender) == (Status.PENDING, False)
    assert Meeting.objects.count() == 0


def test_the_sender_cannot_accept_their_own_request(client, event, alice, bob, slots):
    request = MeetingRequestFactory(event=event, sender=alice, recipient=bob)
    client.force_login(alice)

    response = client.post(
        url("request_detail", request.pk), {"action": "accept", "slot": slots[0].pk}
    )

    assert response.status_code == 403
    assert Meeting.objects.count() == 0


def test_the_sender_sees_whose_answer_the_request_waits_for(client, event, alice, bob):
    request = MeetingRequestFactory(event=event, sender=alice, recipient=bob)
    client.force_login(alice)

    html = client.get(url("request_detail", request.pk)).content.decode()

    status = html.split('<strong data-role="status">')[1].split("</p>")[0]
    assert status == "Pending</strong> · Waiting for Bob's answer."


def test_decline_propose_and_cancel(client, event, alice, bob, slots):
    first = MeetingRequestFactory(event=event, sender=alice, recipient=bob)
    client.force_login(bob)
    response = client.post(
        url("request_detail", first.pk), {"action": "propose", "slots": [slots[2].pk]}
    )
    assert (response.status_code, response["Location"]) == (302, url("request_detail", first.pk))
    first.refresh_from_db()
    assert (first.awaiting_sender, list(first.proposed_slots.all())) == (True, [slots[2]])

    client.force_login(alice)
    client.post(url("request_detail", first.pk), {"action": "cancel"})
    first.refresh_from_db()
    assert first.status == Status.CANCELLED

    second = MeetingRequestFactory(event=event, sender=alice, recipient=bob)
    client.force_login(bob)
    client.post(url("request_detail", second.pk), {"action": "decline"})
    second.refresh_from_db()
    assert second.status == Status.DECLINED
    response = client.post(url("request_detail", second.pk), {"action": "decline"})
    assert response.status_code == 302  # "declined already" shown on the page, nothing changes


# --- meeting page, .ics -----------------------------------------------------------------------


def test_the_meeting_page_is_for_its_people_and_the_organisers(
    client, event, alice, bob, carol, slots
):
    meeting = make_meeting(event=event, people=[alice, bob], slot=slots[0])
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person

    for person, status in ((alice, 200), (bob, 200), (organiser, 200), (carol, 404)):
        client.force_login(person)
        response = client.get(url("meeting_detail", meeting.pk))
        assert response.status_code == status
        assert (meeting.video_room in response.content.decode()) == (status == 200)
    client.force_login(carol)
    assert client.post(url("meeting_detail", meeting.pk), {"action": "cancel"}).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED


def test_the_ics_is_for_the_two_people_only(client, event, alice, bob, carol, slots):
    meeting = make_meeting(event=event, people=[alice, bob], slot=slots[0])
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    client.force_login(alice)

    response = client.get(url("meeting_ics", meeting.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["dtstart"].params["TZID"] == "Europe/Brussels"
    assert vevent.decoded("dtstart") == slots[0].starts_at
    assert str(vevent["summary"]) == "Meeting with Bob Berg"
    for person in (organiser, carol):
        client.force_login(person)
        assert client.get(url("meeting_ics", meeting.pk)).status_code == 404


def test_attendance_and_cancel_from_the_meeting_page(client, event, alice, bob):
    started = SlotFactory(event=event, starts_at=timezone.now() - dt.timedelta(minutes=30))
    past = make_meeting(event=event, people=[alice, bob], slot=started)
    upcoming = make_meeting(event=event, people=[alice, bob], slot=SlotFactory(event=event))
    client.force_login(bob)

    client.post(url("meeting_detail", past.pk), {"action": "no_show"})
    client.post(url("meeting_detail", upcoming.pk), {"action": "cancel"})

    seats = MeetingParticipant.objects.filter(meeting=past).order_by("person_id")
    assert [s.attendance for s in seats] == ["", "no_show"]
    upcoming.refresh_from_db()
    assert (upcoming.status, upcoming.cancelled_by) == (Meeting.Status.CANCELLED, bob)
    html = client.get(url("my_meetings")).content.decode()
    assert (
        '<span class="badge warn" data-role="attendance">'
        "You reported: the other person did not come</span>"
    ) in html
    assert 'value="no_show" class="button small" aria-pressed="true"' in html
    assert 'value="held" class="button small secondary" aria-pressed="false"' in html


def test_attendance_reported_from_the_list_comes_back_to_it_and_says_what_was_recorded(
    client, event, alice, bob
):
    started = SlotFactory(event=event, starts_at=timezone.now() - dt.timedelta(minutes=30))
    past = make_meeting(event=event, people=[alice, bob], slot=started)
    client.force_login(alice)

    response = client.post(
        url("meeting_detail", past.pk), {"action": "held", "next": "my_meetings"}, follow=True
    )

    assert response.redirect_chain == [(f"{url('my_meetings')}#meeting-{past.pk}", 302)]
    html = response.content.decode()
    assert "Thank you: you reported that the meeting was held." in html
    assert '<span class="badge ok" data-role="attendance">You reported: held</span>' in html


# --- availability -----------------------------------------------------------------------------


def test_availability_page(client, event, alice, bob, slots):
    make_meeting(event=event, people=[alice, bob], slot=slots[2])
    client.force_login(alice)

    response = client.get(url("availability"))
    assert response.status_code == 200
    assert [s for _, day in response.context["days"] for s, _, _ in day] == slots

    response = client.post(url("availability"), {"unavailable": [slots[0].pk, slots[1].pk]})
    assert (response.status_code, response["Location"]) == (302, url("availability"))
    assert sorted(
        Unavailability.objects.filter(person=alice).values_list("slot_id", flat=True)
    ) == [
        slots[0].pk,
        slots[1].pk,
    ]

    response = client.post(url("availability"), {"unavailable": [slots[2].pk]})
    assert response.status_code == 400
    assert Unavailability.objects.filter(person=alice).count() == 2


def test_availability_query_count_does_not_grow(client, event, alice, django_assert_num_queries):
    SlotFactory(event=event)
    client.force_login(alice)
    with django_assert_num_queries(8) as small:  # +1: the navigation asks about booths
        client.get(url("availability"))
    for _ in range(10):
        UnavailabilityFactory(slot=SlotFactory(event=event), person=alice)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url("availability"))
