"""The output paper end to end, in the browser: the organiser writes a session's takeaways in
the editor, publishes the paper (confirming in the dialog), and a visitor reads the takeaways
on the published paper, linked from the event's page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from clustermeet.paper.models import Paper
from clustermeet.programme.models import Session
from tests.browser.conftest import TIMEOUT_MS, session_cookie
from tests.factories import EventFactory, RegistrationFactory, SessionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_write_a_takeaway_publish_and_a_visitor_reads_it(browser, live_server, page, screenshots):
    event = EventFactory(slug="paper-night", name="Cluster Paper Night")
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    session = SessionFactory(
        event=event,
        title="Opening keynote",
        slug="opening",
        type=Session.Type.KEYNOTE,
        starts_at=dt.datetime(2020, 11, 10, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2020, 11, 10, 10, tzinfo=dt.UTC),
    )
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="UTC")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies([session_cookie(organiser, live_server.url)])
    editor = context.new_page()
    try:
        editor.goto(f"/events/{event.slug}/paper/edit/takeaways/")
        box = editor.get_by_label("Takeaways of “Opening keynote”")
        box.fill("- Clusters **carry** the twin transition\n- Skills come first")
        editor.get_by_role("button", name="Save the takeaways of “Opening keynote”").click()
        expect(editor.get_by_role("status")).to_contain_text("The takeaways are saved.")
        screenshots.take(editor, "takeaways")

        editor.get_by_role("link", name="Sections, cover and colours").click()
        editor.get_by_role("button", name="Publish").click()
        dialog = editor.get_by_role("dialog")
        expect(dialog).to_contain_text("Publish the output paper?")
        dialog.get_by_role("button", name="Publish").click()
        expect(editor.get_by_role("status")).to_contain_text("The output paper is published.")
        assert Paper.objects.get(event=event).status == Paper.Status.PUBLISHED
    finally:
        context.close()

    page.goto(f"/events/{event.slug}/")
    page.get_by_role("link", name="The output paper").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cluster Paper Night: the output paper"
    )
    takeaway = page.locator(f"#session-{session.slug}").locator("xpath=..")
    expect(takeaway.locator(".paper-takeaway strong")).to_have_text("carry")
    expect(takeaway.locator(".paper-takeaway")).to_contain_text("Skills come first")
    screenshots.take(page, "public")
