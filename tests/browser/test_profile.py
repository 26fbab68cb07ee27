"""The demo's participant edits what they look for on /accounts/me/profile/ and the directory's
"People you should meet" changes with it; invalid input is shown with its field on a phone."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.pages import EVENT

# transaction: the demo server writes the edit, so this test holds no transaction of its own
# (one would keep SQLite's write lock); it is the module's only test, as the database is emptied
# after it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path(__file__).resolve().parents[2] / "test-results"
LOOKING_FOR = "Hydrogen storage tanks for our pilot plant"


def field(page, label: str):
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def reasons(page) -> list[str]:
    page.goto(f"/events/{EVENT}/people/recommended/")
    return [text.strip() for text in page.locator("p.reason").all_inner_texts()]


def test_editing_what_one_looks_for_changes_the_recommendations(demo_site, screenshots):
    SHOTS.mkdir(exist_ok=True)
    context, page = demo_site.open("participant", width=360)
    try:
        page.goto("/accounts/me/profile/")
        field(page, "First name").fill("")
        page.get_by_role("button", name="Save my profile").click()
        expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below.")
        first_name = field(page, "First name")
        expect(first_name).to_have_attribute("aria-invalid", "true")
        expect(first_name).to_have_accessible_description(re.compile("This field is required"))
        page.screenshot(path=str(SHOTS / "profile-editor-360-error.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") == 360
    finally:
        context.close()

    context, page = demo_site.open("participant")
    try:
        before = reasons(page)
        page.get_by_role("link", name="Edit what you offer and look for").click()
        expect(page).to_have_url(re.compile(r"/accounts/me/profile/$"))
        expect(field(page, "First name")).not_to_have_value("")  # the invalid post saved nothing
        page.screenshot(path=str(SHOTS / "profile-editor-1280.png"), full_page=True)
        field(page, "What I can offer").fill("")
        field(page, "What I am looking for").fill(LOOKING_FOR)
        page.get_by_role("button", name="Save my profile").click()
        expect(page.get_by_role("status")).to_contain_text("Your profile is saved.")
        expect(field(page, "What I am looking for")).to_have_value(LOOKING_FOR)

        after = reasons(page)
        screenshots.take(page, "recommendations")
        page.screenshot(path=str(SHOTS / "recommendations-after-edit-1280.png"), full_page=True)
        assert after != before
        assert after[0].startswith("You look for ‘Hydrogen storage tanks for our pilot plant’; ")
    finally:
        context.close()
