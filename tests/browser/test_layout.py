"""Every page type of the demo (tests/browser/pages.py) on a phone (360 px), a tablet (768 px) and
a laptop (1280 px): nothing makes the page scroll sideways. A failing test keeps its screenshot in
test-results/ and names the elements that stick out; CLUSTERMEET_SCREENSHOTS=<dir> keeps every
screenshot there, to look at them."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.pages import EVENT, PAGE_TYPES
from tests.browser.test_accessibility import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

WIDTHS = (360, 768, 1280)

# The elements whose right edge passes the window's, outermost first (their descendants are
# left out), as "tag#id.class (right edge)".
OVERFLOW_JS = """() => {
  const limit = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= limit + 0.5) continue;
    if (out.some((o) => o.el.contains(el))) continue;
    if (getComputedStyle(el).position === 'fixed') continue;
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (el.classList.length) name += '.' + [...el.classList].join('.');
    out.push({el, text: `${name} (${Math.round(box.right)})`});
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: limit,
    culprits: out.slice(0, 8).map((o) => o.text),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_nothing_scrolls_sideways(demo_site, screenshots, page_type, width):
    context, page, problems = open_page(demo_site, page_type, width=width)
    try:
        screenshots.take(page, f"{width}")
        keep = os.environ.get("CLUSTERMEET_SCREENSHOTS")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{keep}/{page_type.name}-{width}.png", full_page=True)
        layout = page.evaluate(OVERFLOW_JS)
        assert layout["scrollWidth"] <= layout["clientWidth"], layout["culprits"]
        assert problems == []
    finally:
        context.close()


def test_on_a_phone_the_navigation_folds_behind_menu(demo_site):
    context, page = demo_site.open("participant", width=360)
    try:
        page.goto(f"/events/{EVENT}/")
        menu = page.get_by_role("button", name="Menu")
        meetings = page.locator("#event-nav").get_by_role("link", name="My meetings")
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(meetings).to_be_hidden()

        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(meetings).to_be_visible()
        expect(page.get_by_role("button", name="Log out")).to_be_visible()

        page.keyboard.press("Escape")
        expect(meetings).to_be_hidden()
        expect(menu).to_be_focused()
    finally:
        context.close()


def test_on_a_laptop_there_is_no_menu_button(demo_site):
    context, page = demo_site.open("participant", width=1280)
    try:
        page.goto(f"/events/{EVENT}/")
        expect(page.locator("#event-nav").get_by_role("link", name="My meetings")).to_be_visible()
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    finally:
        context.close()
