"""The lead pages (exhibition.leads.views): the share box's posts, the dashboard (staff: names;
organisers: figures only), the exports, the scanning page and its JSON — and what nobody else
ever sees (another booth's leads, an e-mail not shared with the reader, a withdrawn lead)."""

import csv
import io
import json
import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from clustermeet.exhibition.leads import services
from clustermeet.exhibition.models import BoothMessage, BoothVisit, Lead
from tests.exhibition.factories import BoothFactory, staff_of
from tests.onsite.factories import approved, badged, organiser_of

pytestmark = pytest.mark.django_db


def url(name, booth, *args):
    return reverse(f"leads:{name}", args=[booth.event.slug, booth.slug, *args])


def post_json(client, address, data):
    return client.post(
        address, json.dumps(data), content_type="application/json", HTTP_ACCEPT="application/json"
    )


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_text(response) -> str:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return repr([[cell.value for cell in row] for row in sheet.iter_rows()])


# --- the share box -------------------------------------------------------------------------------


def test_sharing_and_withdrawing_redirect_back_to_the_booth_page(client, booth, visitor):
    client.force_login(visitor)
    page = reverse("booths:booth", args=[booth.event.slug, booth.slug])

    shared = client.post(url("share", booth), {"next": page})
    assert (shared.status_code, shared["Location"]) == (302, page)
    assert Lead.objects.get().withdrawn_at is None

    withdrawn = client.post(url("withdraw", booth), {"next": "https://evil.example/"})
    assert (withdrawn.status_code, withdrawn["Location"]) == (302, page)
    assert Lead.objects.get().withdrawn_at is not None


def test_the_booth_page_share_form_carries_its_csrf_token(booth, visitor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(visitor)
    page = client.get(reverse("booths:booth", args=[booth.event.slug, booth.slug])).content
    box = page.decode().split('class="lead-share', 1)[1].split("</section>", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', box).group(1)

    response = client.post(url("share", booth), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert Lead.objects.get().person == visitor


def test_the_share_box_says_what_the_exhibitor_will_see_and_when_it_was_shared(rf, booth, visitor):
    from django.template.loader import render_to_string

    from clustermeet.exhibition.leads.views import share_box

    request = rf.get("/")
    request.user = visitor
    before = render_to_string("exhibition/leads/_share.html", share_box(request, booth), request)
    assert "Share my contact with this exhibitor" in before
    assert "name, organisation, country, job title and e-mail address" in before

    services.share_contact(booth, visitor)
    after = render_to_string("exhibition/leads/_share.html", share_box(request, booth), request)
    assert "You shared your contact with Acme Cluster on" in after
    assert "data-confirm" in after


# --- who sees what --------------------------------------------------------------------------------


def test_staff_see_their_leads_with_a_meeting_link_and_export_them(client, booth, staff, visitor):
    services.share_contact(booth, visitor)
    client.force_login(staff)

    page = client.get(url("dashboard", booth)).content.decode()
    assert "Vera Visitor" in page
    assert reverse("meetings:request_new", args=[booth.event.slug, visitor.slug]) in page
    assert "vera@example.org" not in page  # the e-mail is in the exports, not on screen

    rows = csv_rows(client.get(url("export", booth, "csv")))
    assert [row[:5] for row in rows] == [
        ["Name", "E-mail", "Organisation", "Country", "Job title"],
        ["Vera Visitor", "vera@example.org", "", "Germany", "Innovation manager"],
    ]
    assert "vera@example.org" in xlsx_text(client.get(url("export", booth, "xlsx")))


def test_staff_of_another_booth_never_see_its_leads(client, booth, event, visitor):
    services.share_contact(booth, visitor)
    other = staff_of(BoothFactory(event=event))
    client.force_login(other)

    for address in (url("dashboard", booth), url("export", booth, "csv"), url("scan", booth)):
        response = client.get(address)
        assert response.status_code == 403
        assert b"Vera" not in response.content
    lead = Lead.objects.get()
    assert client.post(url("update", booth, lead.pk), {"note": "x"}).status_code == 403


def test_organisers_see_counts_not_names(client, booth, event, visitor):
    services.share_contact(booth, visitor)
    BoothMessage.objects.create(booth=booth, person=visitor, text="Hello from Vera")
    client.force_login(organiser_of(event))

    response = client.get(url("dashboard", booth))
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 lead." in page
    assert "1 message." in page and "Hello from Vera" not in page
    assert "Vera" not in page and "vera@example.org" not in page
    assert client.get(url("export", booth, "csv")).status_code == 403
    assert client.get(url("export", booth, "xlsx")).status_code == 403


def test_participants_do_not_open_the_dashboard(client, booth, visitor):
    client.force_login(visitor)
    assert client.get(url("dashboard", booth)).status_code == 403
    assert client.get(url("scan", booth)).status_code == 403
    assert post_json(client, url("scan_api", booth), {"token": "x"}).status_code == 403


def test_an_email_not_shared_with_the_booth_is_in_no_page_or_export(client, booth, staff, event):
    """A visitor who visited and wrote, but did not share, stays out of every list."""
    quiet = approved(event, person__first_name="Quiet", person__email="quiet@example.org")
    BoothVisit.objects.create(booth=booth, person=quiet)
    services.share_contact(BoothFactory(event=event), quiet)  # shared with another booth only
    client.force_login(staff)

    assert b"quiet@example.org" not in client.get(url("dashboard", booth)).content
    assert b"quiet@example.org" not in client.get(url("export", booth, "csv")).content
    assert "quiet@example.org" not in xlsx_text(client.get(url("export", booth, "xlsx")))


def test_withdrawing_removes_the_person_from_the_list_and_the_exports(
    client, booth, staff, visitor
):
    services.share_contact(booth, visitor)
    services.withdraw(booth, visitor)
    client.force_login(staff)

    assert b"Vera" not in client.get(url("dashboard", booth)).content
    assert len(csv_rows(client.get(url("export", booth, "csv")))) == 1  # the headings alone
    assert "vera@example.org" not in xlsx_text(client.get(url("export", booth, "xlsx")))


def test_staff_save_a_note_and_rating_inline(client, booth, staff, visitor):
    lead = services.share_contact(booth, visitor)
    client.force_login(staff)

    response = client.post(url("update", booth, lead.pk), {"note": "Call back", "rating": "hot"})

    assert response.status_code == 302
    assert Lead.objects.values_list("note", "rating").get() == ("Call back", "hot")
    saved = post_json(client, url("update", booth, lead.pk), {"note": "Later", "rating": "cold"})
    assert saved.json() == {"ok": True, "note": "Later", "rating": "cold"}


# --- scanning ---------------------------------------------------------------------------


def test_the_scan_api_answers_new_then_already(client, booth, staff, event):
    _registration, token = badged(event, person__first_name="Ada", person__last_name="Scan")
    client.force_login(staff)

    first = post_json(
        client, url("scan_api", booth), {"token": token, "scan_id": str(uuid.uuid4())}
    )
    again = post_json(client, url("scan_api", booth), {"token": token})

    assert (first.json()["code"], first.json()["name"]) == ("new", "Ada Scan")
    assert again.json()["code"] == "already"
    assert Lead.objects.count() == 1


def test_bad_payloads_get_a_clear_message_and_record_nothing(client, booth, staff):
    client.force_login(staff)

    forged = post_json(client, url("scan_api", booth), {"token": "nonsense.123"})
    assert forged.json()["message"] == "This is not a badge of this event."
    assert post_json(client, url("scan_api", booth), {"nope": 1}).status_code == 400
    assert post_json(client, url("sync", booth), {"scans": "x"}).status_code == 400
    page = client.post(url("scan", booth), {"token": "nonsense"})
    assert "This is not a badge of this event." in page.content.decode()
    assert Lead.objects.count() == 0


def test_sync_answers_each_scan_id(client, booth, staff, event):
    _registration, token = badged(event)
    client.force_login(staff)
    scan_id = str(uuid.uuid4())
    batch = {"scans": [{"token": token, "scan_id": scan_id, "rating": "warm"}]}

    first = post_json(client, url("sync", booth), batch).json()
    second = post_json(client, url("sync", booth), batch).json()

    assert [(r["scan_id"], r["code"]) for r in first["results"]] == [(scan_id, "new")]
    assert [(r["scan_id"], r["code"]) for r in second["results"]] == [(scan_id, "new")]
    assert Lead.objects.values_list("rating", flat=True).get() == "warm"


# --- query counts -----------------------------------------------------------------------


def test_the_dashboard_runs_a_fixed_number_of_queries(
    client, booth, staff, event, django_assert_num_queries
):
    client.force_login(staff)
    for _ in range(3):
        services.share_contact(booth, approved(event))
    client.get(url("dashboard", booth))  # warm caches (session, sites)
    with django_assert_num_queries(13) as few:
        client.get(url("dashboard", booth))
    for _ in range(10):
        person = approved(event)
        services.share_contact(booth, person)
        BoothVisit.objects.create(booth=booth, person=person)
        BoothMessage.objects.create(booth=booth, person=person, text="Hi")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url("dashboard", booth))
