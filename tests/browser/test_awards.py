"""The awards end to end, in the browser, on an award built here: the juror scores both
nominations with the keyboard (radio groups: arrow keys) and finishes; the organiser confirms
the shortlist; a participant at home votes online and gets a receipt; a second one, whose
badge the door's scanning page checks in, votes on site on her phone; the organiser closes
both votes, and on the stage screen the reveal puts the winner into the award's live region
(announced by screen readers), with the votes per channel."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from clustermeet.awards.models import Ballot, Category
from tests.awards.factories import (
    CategoryFactory,
    CriterionFactory,
    JurorFactory,
    NominationFactory,
)
from tests.browser.conftest import TIMEOUT_MS, session_cookie
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.factories import badged, door_staff_of, event_today, organiser_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def open_as(browser, live_server, person, problems: list[str]):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="UTC")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies([session_cookie(person, live_server.url)])
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on(
        "response",
        lambda r: (
            problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    return context, page


def score_with_keyboard(page, criterion: str, value: int) -> None:
    """Focus the criterion's first radio, check it with Space, move right to `value`."""
    radios = page.get_by_role("group", name=criterion).get_by_role("radio")
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(value - 1):
        page.keyboard.press("ArrowRight")
    expect(radios.nth(value - 1)).to_be_checked()


def test_score_shortlist_vote_online_and_on_site_then_reveal(browser, live_server, screenshots):
    now = timezone.now()
    event = event_today(slug="awards-night", name="Cluster Awards Night")
    organiser = organiser_of(event)
    category = CategoryFactory(
        event=event,
        name="Cluster Manager of the Year",
        slug="manager",
        shortlist_size=2,
        online_opens_at=now - dt.timedelta(hours=1),
        online_closes_at=now + dt.timedelta(hours=3),
        onsite_opens_at=now - dt.timedelta(hours=1),
        onsite_closes_at=now + dt.timedelta(hours=3),
    )
    CriterionFactory(category=category, name="Impact", position=0)
    CriterionFactory(category=category, name="Cooperation", position=1)
    ana = NominationFactory(category=category, name="Ana Novak", position=0)
    jan = NominationFactory(category=category, name="Jan Dvořák", position=1)
    juror = JurorFactory(category=category, person=PersonFactory(first_name="Jo", last_name="Jury"))
    at_home = RegistrationFactory(event=event, roles=["participant"]).person
    in_hall, token = badged(event)
    door = door_staff_of(event)

    problems: list[str] = []
    contexts = []
    try:
        # The door checks the second participant in: her badge scanned (typed, as a scanner).
        context, door_page = open_as(browser, live_server, door, problems)
        contexts.append(context)
        with door_page.expect_response(lambda r: r.url.endswith("/checkin/roster.json")):
            door_page.goto(f"/events/{event.slug}/checkin/")
        scanner = door_page.get_by_label("Badge code (scanner or keyboard)")
        scanner.fill(token)
        scanner.press("Enter")
        expect(door_page.locator("#checkin-result")).to_contain_text("Checked in")
        assert in_hall.check_ins.count() == 1

        # The juror scores both nominations with the keyboard, then finishes.
        context, page = open_as(browser, live_server, juror.person, problems)
        contexts.append(context)
        for nomination, values in ((ana, (5, 4)), (jan, (3, 2))):
            page.goto(f"/events/{event.slug}/awards/jury/{category.slug}/{nomination.pk}/")
            score_with_keyboard(page, "Impact", values[0])
            score_with_keyboard(page, "Cooperation", values[1])
            page.get_by_role("button", name="Save my scores").press("Enter")
            expect(page.get_by_text(f"Your scores of {nomination.name} are saved.")).to_be_visible()
        page.goto(f"/events/{event.slug}/awards/jury/")
        page.get_by_role("button", name="I have finished: make my scores final").click()
        expect(page.get_by_text("You have finished")).to_be_visible()
        juror.refresh_from_db()
        assert juror.finished_at is not None
        assert sorted(juror.scores.values_list("nomination__name", "value")) == [
            ("Ana Novak", 4),
            ("Ana Novak", 5),
            ("Jan Dvořák", 2),
            ("Jan Dvořák", 3),
        ]

        # The organiser confirms the shortlist (both, as proposed).
        context, organiser_page = open_as(browser, live_server, organiser, problems)
        contexts.append(context)
        organiser_page.goto(f"/events/{event.slug}/awards/jury/{category.slug}/shortlist/")
        for name in ("Ana Novak", "Jan Dvořák"):
            organiser_page.get_by_label(name).check()
        organiser_page.get_by_role("button", name="Confirm the shortlist").click()
        expect(organiser_page.get_by_text("Confirmed on")).to_be_visible()
        assert sorted(
            category.nominations.filter(finalist=True).values_list("name", flat=True)
        ) == [
            "Ana Novak",
            "Jan Dvořák",
        ]

        # A participant at home votes online; one checked in at the door votes on site.
        for person, channel_text in (
            (at_home, "Your vote goes through the online vote."),
            (in_hall.person, "Your vote goes through the on-site vote"),
        ):
            context, voter_page = open_as(browser, live_server, person, problems)
            contexts.append(context)
            voter_page.goto(f"/events/{event.slug}/awards/{category.slug}/vote/")
            expect(voter_page.get_by_text(channel_text)).to_be_visible()
            voter_page.get_by_label("Ana Novak").check()
            voter_page.get_by_role("button", name="Cast my vote").click()
            expect(voter_page.locator("#receipt")).to_be_visible()
            ballot = Ballot.objects.get(voter=person)
            expect(voter_page.locator("#receipt")).to_have_text(ballot.receipt)
            screenshots.take(voter_page, f"voted-{ballot.channel}")
        assert sorted(category.ballots.values_list("channel", "nomination__name")) == [
            ("online", "Ana Novak"),
            ("onsite", "Ana Novak"),
        ]

        # The organiser closes both votes, then reveals on the stage screen.
        organiser_page.goto(f"/events/{event.slug}/awards/results/manage/")
        for vote in ("online", "on-site"):
            organiser_page.get_by_role("button", name=f"Close the {vote} vote now").click()
            organiser_page.get_by_role("dialog").get_by_role("button", name="Close now").click()
            expect(
                organiser_page.get_by_role("button", name=f"Close the {vote} vote now")
            ).to_have_count(0)
        organiser_page.goto(f"/events/{event.slug}/awards/results/stage/")
        organiser_page.once("dialog", lambda dialog: dialog.accept())  # hx-confirm
        organiser_page.get_by_role(
            "button", name="Reveal the winner of Cluster Manager of the Year"
        ).click()
        live = organiser_page.locator(f"#result-{category.slug}")
        expect(live).to_have_attribute("aria-live", "polite")
        expect(live.locator(".stage-winners")).to_have_text("Ana Novak")
        expect(live).to_contain_text("The winner is")
        rows = live.locator("tbody tr")
        expect(rows.first).to_contain_text("Ana Novak")
        expect(rows.first.locator("td")).to_have_text(["1", "1", "2"])
        screenshots.take(organiser_page, "revealed")
        category.refresh_from_db()
        assert category.result["winners"] == [ana.pk]
        assert category.revealed_at is not None
        assert list(category.nominations.filter(winner=True)) == [ana]
        assert category.log.filter(action="revealed").count() == 1
        assert Category.objects.get(pk=category.pk).shortlist_confirmed_at is not None
        assert problems == []
    finally:
        for context in contexts:
            context.close()
