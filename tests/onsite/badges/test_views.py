import pytest
from django.urls import reverse

from clustermeet.onsite.badges import services
from clustermeet.onsite.checkin.tokens import make_token
from clustermeet.onsite.models import Badge, BadgePrint, DoorStaff
from clustermeet.people.models import Registration
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.onsite.badges.pdfs import pages
from tests.onsite.factories import onsite_event, organiser_of

pytestmark = pytest.mark.django_db


def _url(name, event, *args):
    return reverse(f"badges:{name}", args=[event.slug, *args])


@pytest.fixture
def event():
    return onsite_event()


@pytest.fixture
def organiser(event, client):
    person = organiser_of(event)
    client.force_login(person)
    return person


def test_print_all_approved_then_progress_then_download(
    client, event, organiser, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("print", event), {"layout": "a6"})
    badge_print = BadgePrint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("progress", event, badge_print.pk)
    assert (badge_print.status, badge_print.total, badge_print.requested_by) == (
        "done",
        2,
        organiser,
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert _url("download", event, badge_print.pk) in page.content.decode()
    assert 'role="status"' in page.content.decode()
    download = client.get(_url("download", event, badge_print.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert pages(b"".join(download.streaming_content)) == 2


def test_print_a_selection(client, event, organiser, django_capture_on_commit_callbacks):
    chosen = RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(_url("print", event), {"layout": "a4", "registrations": f"{chosen.pk}"})
    assert len(callbacks) == 1
    assert BadgePrint.objects.get().registrations == [chosen.pk]


def test_a_bad_layout_prints_nothing(client, event, organiser):
    response = client.post(_url("print", event), {"layout": "a3"})
    assert response.status_code == 302
    assert response["Location"] == _url("home", event)
    assert BadgePrint.objects.count() == 0


def test_progress_polls_while_running_and_stops_when_done(client, event, organiser):
    badge_print = BadgePrint.objects.create(
        event=event, layout="a6", registrations=[1, 2], total=200, done=50, status="running"
    )
    page = client.get(_url("progress", event, badge_print.pk)).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert '<progress id="print-bar" max="200" value="50">' in page
    partial = client.get(_url("progress", event, badge_print.pk), headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert "<html" not in partial.content.decode()
    BadgePrint.objects.filter(pk=badge_print.pk).update(status="failed", error="Disk full")
    partial = client.get(_url("progress", event, badge_print.pk), headers={"HX-Request": "true"})
    assert partial.status_code == 286
    assert "Disk full" in partial.content.decode()
    page = client.get(_url("progress", event, badge_print.pk)).content.decode()
    assert "hx-trigger" not in page


def test_an_unfinished_print_has_no_download(client, event, organiser):
    badge_print = BadgePrint.objects.create(event=event, layout="a6", registrations=[], total=1)
    assert client.get(_url("download", event, badge_print.pk)).status_code == 404


@pytest.mark.parametrize("who", ["participant", "door", "pending_organiser"])
def test_only_organisers_open_the_badge_pages(client, event, who):
    badge_print = BadgePrint.objects.create(event=event, layout="a6", registrations=[], total=1)
    if who == "participant":
        person = RegistrationFactory(event=event).person
    elif who == "door":
        person = PersonFactory()
        DoorStaff.objects.create(event=event, person=person)
    else:
        person = RegistrationFactory(
            event=event, roles=["organiser"], status=Registration.Status.PENDING
        ).person
    client.force_login(person)
    for url in (
        _url("home", event),
        _url("progress", event, badge_print.pk),
        _url("download", event, badge_print.pk),
    ):
        assert client.get(url).status_code == 403
    assert client.post(_url("print", event), {"layout": "a6"}).status_code == 403
    assert BadgePrint.objects.count() == 1


def test_another_events_print_is_not_found(client, event, organiser):
    other = onsite_event()
    theirs = BadgePrint.objects.create(event=other, layout="a6", registrations=[], total=1)
    assert client.get(_url("progress", event, theirs.pk)).status_code == 404
    assert client.get(_url("download", event, theirs.pk)).status_code == 404
    assert client.get(_url("progress", other, theirs.pk)).status_code == 403


def test_anonymous_people_are_sent_to_log_in(client, event):
    for url in (_url("home", event), _url("ticket", event)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("people:login"))


def test_the_badge_page_lists_prints_in_a_fixed_number_of_queries(
    client, event, organiser, django_assert_num_queries
):
    for _ in range(3):
        BadgePrint.objects.create(
            event=event, layout="a6", registrations=[], total=1, requested_by=organiser
        )
    # session, person, event, organiser check, event nav, prints, designs
    with django_assert_num_queries(7):
        page = client.get(_url("home", event))
    assert page.content.decode().count("data-print=") == 3
    for _ in range(5):
        BadgePrint.objects.create(event=event, layout="a4", registrations=[], total=4)
    with django_assert_num_queries(7):
        page = client.get(_url("home", event))
    assert page.content.decode().count("data-print=") == 8


def test_my_ticket_shows_my_own_qr_code(client, event):
    registration = RegistrationFactory(event=event, roles=["speaker"])
    client.force_login(registration.person)
    page = client.get(_url("ticket", event))
    assert page.status_code == 200
    html = page.content.decode()
    badge = Badge.objects.get(registration=registration)
    assert html.count("<svg") == 1
    assert registration.person.email not in html
    assert badge.nonce not in html  # the QR code is drawn, not written out
    assert make_token(event.pk, badge.nonce) not in html
    assert "Show this at the entrance." in html
    # A reissued badge changes the code on the ticket.
    services.reissue_badge(registration, organiser_of(event))
    assert client.get(_url("ticket", event)).content.decode() != html


def test_the_ticket_reuses_the_badge_in_a_fixed_number_of_queries(
    client, event, django_assert_num_queries
):
    registration = RegistrationFactory(event=event)
    services.issue_badge(registration)
    client.force_login(registration.person)
    # session, person, event, registration (+ roles), the badge, designs, event nav
    with django_assert_num_queries(8):
        assert client.get(_url("ticket", event)).status_code == 200


@pytest.mark.parametrize("status", ["pending", "declined", "cancelled"])
def test_no_ticket_without_an_approved_registration(client, event, status):
    registration = RegistrationFactory(event=event, status=status)
    client.force_login(registration.person)
    assert client.get(_url("ticket", event)).status_code == 404
    assert Badge.objects.count() == 0


def test_no_ticket_for_door_staff_or_an_online_event(client, event):
    door = PersonFactory()
    DoorStaff.objects.create(event=event, person=door)
    client.force_login(door)
    assert client.get(_url("ticket", event)).status_code == 404
    online = EventFactory(upcoming=True)
    client.force_login(RegistrationFactory(event=online).person)
    assert client.get(_url("ticket", online)).status_code == 404


def test_my_profile_links_my_tickets(client, event):
    registration = RegistrationFactory(event=event)
    RegistrationFactory(person=registration.person, event=EventFactory(upcoming=True))
    RegistrationFactory(person=registration.person, event=onsite_event(), status="pending")
    client.force_login(registration.person)
    html = client.get(reverse("people:me")).content.decode()
    assert html.count('data-role="ticket"') == 1
    assert _url("ticket", event) in html
