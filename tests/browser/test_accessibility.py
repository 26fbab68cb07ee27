"""Every page type of the demo (tests/browser/pages.py), as the person who uses it, checked with
axe-core (node_modules/axe-core, installed by `make test` from package-lock.json; a test tool,
never shipped) against WCAG 2.0/2.1 A and AA: no violation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import AXE, PAGE_TYPES, PageType

# The demo is committed by `demo_site`; each test only reads. serialized_rollback: what the
# migrations wrote is kept to be restored when `demo_site` empties the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now (WCAG 2.1 A and AA rules only)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})).violations",
        WCAG_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}  {node.get('failureSummary', '').splitlines()[-1]}")
    return "\n".join(lines)


def open_page(
    demo_site, page_type: PageType, language: str | None = None, width: int | None = None
):
    context, page = demo_site.open(page_type.user, language=language, width=width)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    response = page.goto(page_type.path.format(**demo_site.refs))
    assert response is not None and response.status == 200, (page_type.path, response)
    expect(page.locator(page_type.ready).first).to_be_visible()
    if page_type.live:
        # Connected (the words depend on the language; the state does not).
        expect(page.locator("[data-role=connection]").first).to_have_attribute(
            "data-state", re.compile(r"^(online|open)$")
        )
    page.wait_for_load_state("networkidle")
    return context, page, problems


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_no_wcag_violation(demo_site, page_type):
    context, page, problems = open_page(demo_site, page_type)
    try:
        violations = axe_violations(page)
        print(describe(violations))
        assert [v["id"] for v in violations] == [], describe(violations)
        assert problems == []
    finally:
        context.close()
