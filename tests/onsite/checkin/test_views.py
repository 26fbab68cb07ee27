"""The check-in pages and their JSON (onsite.checkin.views): who may open them, what they
answer, the no-JavaScript fallbacks, and what door staff may NOT open."""

import json
import uuid

import pytest
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.onsite.checkin import services
from clustermeet.onsite.models import CheckIn, DoorStaff
from clustermeet.people.models import Role
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.factories import badged, door_staff_of, event_today

pytestmark = pytest.mark.django_db


def url(name, event, *args):
    return reverse(f"checkin:{name}", args=[event.slug, *args])


def post_json(client, address, data):
    return client.post(
        address, json.dumps(data), content_type="application/json", HTTP_ACCEPT="application/json"
    )


@pytest.fixture
def door(client, staff):
    client.force_login(staff)
    return client


# --- who may open the check-in -------------------------------------------------------------------


def test_anonymous_people_are_sent_to_log_in_and_the_api_refuses_them(client, event):
    response = client.get(url("scan", event))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))
    assert client.get(url("roster", event)).status_code == 403
    assert post_json(client, url("scan_api", event), {"token": "x"}).status_code == 403


def test_participants_get_403_on_the_page_the_roster_and_the_api(client, event):
    registration, token = badged(event)
    client.force_login(registration.person)
    page = client.get(url("scan", event))
    assert page.status_code == 403
    assert "Only the check-in staff and the organisers" in page.content.decode()
    assert client.get(url("kiosk", event)).status_code == 403
    assert client.get(url("roster", event)).status_code == 403
    assert client.get(url("search", event) + "?q=first").status_code == 403
    assert post_json(client, url("scan_api", event), {"token": token}).status_code == 403
    assert post_json(client, url("sync", event), {"scans": [{"token": token}]}).status_code == 403
    assert client.post(url("check_in_person", event, registration.pk)).status_code == 403
    assert client.get(url("figures", event)).status_code == 403
    assert CheckIn.objects.count() == 0


def test_door_staff_of_another_event_get_403(client, event):
    client.force_login(door_staff_of(event_today()))
    assert client.get(url("scan", event)).status_code == 403
    assert client.get(url("roster", event)).status_code == 403


def test_door_staff_open_an_invitation_only_events_check_in_but_others_get_404(client):
    event = event_today(visibility=Event.Visibility.INVITATION)
    client.force_login(door_staff_of(event))
    assert client.get(url("scan", event)).status_code == 200
    client.force_login(PersonFactory())
    assert client.get(url("scan", event)).status_code == 404
    assert client.get(url("roster", event)).status_code == 404


def test_door_staff_see_nothing_else_of_the_event(door, event):
    other_registration, _token = badged(event)
    slug = event.slug
    assert door.get(reverse("meetings:my_meetings", args=[slug])).status_code == 403
    assert door.get(reverse("directory:directory", args=[slug])).status_code in (403, 404)
    profile = reverse("directory:profile", args=[slug, other_registration.person.slug])
    assert door.get(profile).status_code in (403, 404)
    assert door.get(f"/events/{slug}/ticket/").status_code in (403, 404)
    assert door.get(url("figures", event)).status_code == 403
    # The back office (registrations and everything else) is for staff accounts only.
    admin = door.get(reverse("admin:people_registration_changelist"))
    assert admin.status_code == 302
    assert admin["Location"].startswith(reverse("admin:login"))


def test_organisers_open_the_check_in_and_the_figures(client, event):
    client.force_login(RegistrationFactory(event=event, roles=[Role.ORGANISER]).person)
    page = client.get(url("scan", event))
    assert page.status_code == 200
    assert url("figures", event) in page.content.decode()
    assert client.get(url("figures", event)).status_code == 200


# --- the scanning page --------------------------------------------------------------------------


def test_the_scan_page_is_private_and_has_its_parts(door, event):
    response = door.get(url("scan", event))
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    for part in ('id="checkin-token"', 'id="checkin-q"', 'aria-live="polite"', "checkin.js"):
        assert part in html
    assert 'data-roster-url="' + url("roster", event) + '"' in html


def test_a_code_typed_without_javascript_checks_in(door, event, staff):
    _registration, token = badged(event, note="VIP")
    response = door.post(url("scan", event), {"token": token})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-colour="green"' in html
    assert "VIP" in html
    again = door.post(url("scan", event), {"token": token}).content.decode()
    assert 'data-colour="amber"' in again
    assert "by Dora Door" in again
    forged = door.post(url("scan", event), {"token": "nonsense"}).content.decode()
    assert 'data-colour="red"' in forged
    assert CheckIn.objects.get().checked_in_by == staff


def test_the_no_javascript_search_lists_people_and_checks_one_in(door, event):
    registration, _token = badged(event, person=PersonFactory(first_name="Zdena", last_name="Kral"))
    html = door.get(url("scan", event) + "?q=zdena").content.decode()
    assert "Zdena Kral" in html
    assert url("check_in_person", event, registration.pk) in html
    response = door.post(url("check_in_person", event, registration.pk))
    assert 'data-colour="green"' in response.content.decode()
    assert CheckIn.objects.get().method == "search"


def test_the_kiosk_greets_by_first_name_only(door, event):
    _registration, token = badged(
        event, note="VIP", person=PersonFactory(first_name="Eva", last_name="Hidden")
    )
    page = door.get(url("kiosk", event)).content.decode()
    assert "Scan your badge" in page
    assert 'id="checkin-q"' not in page
    html = door.post(url("scan", event) + "?kiosk=1", {"token": token, "method": "kiosk"})
    html = html.content.decode()
    assert "Welcome, Eva!" in html
    assert "Hidden" not in html
    assert "VIP" not in html
    assert CheckIn.objects.get().method == "kiosk"
    _r, other = badged(event, person=PersonFactory(first_name="Ivo", last_name="Secret"))
    answer = post_json(door, url("scan_api", event), {"token": other, "method": "kiosk"}).json()
    assert answer == {
        "ok": True,
        "code": "checked_in",
        "message": "Checked in.",
        "colour": "green",
        "first_name": "Ivo",
    }


# --- JSON ---------------------------------------------------------------------------------------


def test_the_scan_api_answers_green_then_amber(door, event):
    _registration, token = badged(event, roles=[Role.SPEAKER])
    scan_id = str(uuid.uuid4())
    first = post_json(door, url("scan_api", event), {"token": token, "scan_id": scan_id})
    assert first.status_code == 200
    assert first["Cache-Control"] == "no-store"
    data = first.json()
    assert (data["code"], data["colour"], data["kind_label"]) == ("checked_in", "green", "Speaker")
    repeat = post_json(door, url("scan_api", event), {"token": token, "scan_id": scan_id}).json()
    assert repeat == data
    other = post_json(door, url("scan_api", event), {"token": token, "scan_id": str(uuid.uuid4())})
    assert other.json()["code"] == "already"
    assert CheckIn.objects.count() == 1


def test_the_scan_api_refuses_what_it_cannot_read(door, event):
    assert post_json(door, url("scan_api", event), {}).status_code == 400
    bad = door.post(url("scan_api", event), "{", content_type="application/json")
    assert bad.status_code == 400
    assert door.get(url("scan_api", event)).status_code == 405


def test_sync_sends_a_queued_batch_with_its_times(door, event):
    _r1, token1 = badged(event)
    _r2, token2 = badged(event)
    ids = [str(uuid.uuid4()) for _ in range(3)]
    scans = [
        {"token": token1, "scan_id": ids[0], "scanned_at": "2000-01-01T08:00:00Z"},
        {"token": token2, "scan_id": ids[1]},
        {"token": "forged", "scan_id": ids[2]},
    ]
    response = post_json(door, url("sync", event), {"scans": scans})
    results = response.json()["results"]
    assert [(r["scan_id"], r["code"]) for r in results] == [
        (ids[0], "checked_in"),
        (ids[1], "checked_in"),
        (ids[2], "forged"),
    ]
    again = post_json(door, url("sync", event), {"scans": scans}).json()["results"]
    assert [r["code"] for r in again] == ["checked_in", "checked_in", "forged"]
    assert CheckIn.objects.count() == 2
    assert post_json(door, url("sync", event), {"scans": "nope"}).status_code == 400
    assert post_json(door, url("sync", event), {"scans": [{"x": 1}]}).status_code == 400


def test_the_roster_is_json_for_the_door_and_never_cached(door, event):
    registration, _token = badged(event, note="VIP")
    response = door.get(url("roster", event))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    badges = response.json()["badges"]
    assert [entry["registration"] for entry in badges.values()] == [registration.pk]


def test_search_api_and_check_in_by_json(door, event, django_assert_num_queries):
    registration, _token = badged(event, person=PersonFactory(first_name="Milan", last_name="Nový"))
    for n in range(5):
        badged(event, person=PersonFactory(first_name=f"Milan{n}"))
    # Session, user, the event, "organiser?", "door staff?"; then the search's three.
    with django_assert_num_queries(8):
        response = door.get(url("search", event) + "?q=milan")
    results = response.json()["results"]
    assert len(results) == 6
    assert results[-1]["name"] == "Milan Nový"  # by last name: Last…, then Nový
    answer = door.post(
        url("check_in_person", event, registration.pk), HTTP_ACCEPT="application/json"
    )
    assert answer.json()["code"] == "checked_in"
    missing = door.post(url("check_in_person", event, 999999), HTTP_ACCEPT="application/json")
    assert missing.status_code == 404


def test_the_figures_page_renders_the_numbers(client, event):
    _registration, token = badged(event)
    badged(event)
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    client.force_login(organiser)
    post_json(client, url("scan_api", event), {"token": token})
    html = client.get(url("figures", event)).content.decode()
    assert '<dd id="door-checked-in">1</dd>' in html
    assert '<dd id="door-expected">3</dd>' in html
    assert 'data-ws-path="/ws/events/' + event.slug + '/"' in html


# --- the back office ----------------------------------------------------------------------------


def test_the_back_office_adds_door_staff_by_e_mail(admin_client, event):
    person = PersonFactory(email="door@example.org")
    add = reverse("admin:onsite_doorstaff_add")
    response = admin_client.post(add, {"event": event.pk, "email": "DOOR@example.org"})
    assert response.status_code == 302
    duty = DoorStaff.objects.get()
    assert (duty.event, duty.person) == (event, person)
    unknown = admin_client.post(add, {"event": event.pk, "email": "nobody@example.org"})
    assert unknown.status_code == 200
    assert "No account has this e-mail address" in unknown.content.decode()
    assert admin_client.get(reverse("admin:onsite_doorstaff_changelist")).status_code == 200


def test_the_back_office_lists_check_ins_read_only(admin_client, event, staff):
    _registration, token = badged(event)
    services.check_in_token(event, token, by=staff)
    changelist = reverse("admin:onsite_checkin_changelist")
    assert admin_client.get(changelist + "?method__exact=scan").status_code == 200
    assert admin_client.get(reverse("admin:onsite_checkin_add")).status_code == 403
