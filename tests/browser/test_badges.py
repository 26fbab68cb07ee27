"""Badges in the browser: an organiser prints three badges from the badge page and downloads
the PDF from the progress page; a participant's ticket shows a QR code that a reader decodes
back to their badge's token, at a phone's width without sideways scrolling. axe finds no
violation on the three pages."""

import io

import pytest
import zxingcpp
from PIL import Image

from clustermeet.onsite.checkin.tokens import make_token
from clustermeet.onsite.models import Badge, BadgePrint
from tests.browser.conftest import session_cookie
from tests.browser.test_accessibility import axe_violations, describe
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.badges.pdfs import pages
from tests.onsite.factories import onsite_event, organiser_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = None  # set to a folder (pathlib.Path) to keep the pages' screenshots while working


def _no_violations(page):
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def _shot(page, name):
    if SHOTS is not None:
        page.screenshot(path=str(SHOTS / f"badges-{name}.png"), full_page=True)


def test_print_badges_then_download(page, live_server, screenshots, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = onsite_event(slug="ecc-badges", name="ECC 2022 Prague")
    organiser = organiser_of(event)
    for name in ("Ana", "Bo"):
        RegistrationFactory(event=event, person=PersonFactory(first_name=name))
    page.context.add_cookies([session_cookie(organiser, live_server.url)])
    page.goto(f"/events/{event.slug}/badges/")
    _no_violations(page)
    _shot(page, "home")
    page.get_by_label("A4 sheets of four badges").check()
    page.get_by_role("button", name="Print the badges").click()
    download_link = page.get_by_role("link", name="Download the PDF")
    download_link.wait_for()
    screenshots.take(page, "progress")
    _shot(page, "progress")
    _no_violations(page)
    with page.expect_download() as download:
        download_link.click()
    assert pages(download.value.path().read_bytes()) == 1
    assert BadgePrint.objects.get().total == 3


def test_my_ticket_on_a_phone(page, live_server, screenshots):
    event = onsite_event(slug="ecc-ticket", name="ECC 2022 Prague")
    registration = RegistrationFactory(
        event=event,
        roles=["speaker"],
        person=PersonFactory(first_name="Maximiliana-Alexandrina", last_name="Hohenzollern"),
    )
    page.set_viewport_size({"width": 360, "height": 800})
    page.context.add_cookies([session_cookie(registration.person, live_server.url)])
    page.goto("/accounts/me/")
    page.get_by_role("link", name="My ticket").first.click()
    page.get_by_text("Show this at the entrance.").wait_for()
    screenshots.take(page, "ticket")
    _shot(page, "ticket")
    _no_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    picture = Image.open(io.BytesIO(page.locator(".ticket-qr svg").screenshot()))
    badge = Badge.objects.get(registration=registration)
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [
        make_token(event.pk, badge.nonce)
    ]
