"""The demo's ECC 2020 paper (the one module of the paper's tests that loads the demo, once,
inside a transaction rolled back at its end): its numbers are `clustermeet stats`' and the
apps' own, its polls give the 2020 paper's percentages, every section is there, and no
participant's name or e-mail appears."""

import re

import pytest
from django.utils import translation

from clustermeet.events.models import Event
from clustermeet.networking.meetings.queries import networking_figures
from clustermeet.paper import document, queries
from clustermeet.people.models import Registration
from clustermeet.programme.models import SessionSpeaker
from clustermeet.reports.queries import event_stats, exhibition_figures

PUBLIC_AUTHORITIES = (
    "How can public authorities support business during the covid-19 crisis and post-covid-19 "
    "recovery?"
)


@pytest.fixture(scope="module")
def paper(demo, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("en"):
        event = Event.objects.get(slug="ecc-2020")
        content = document.context(event, queries.paper_of(event))
        html = document.render_html(content)
        stats = event_stats(event)
        figures = {
            "networking": networking_figures(event),
            "exhibition": exhibition_figures(event),
        }
        speakers = set(
            SessionSpeaker.objects.filter(session__event=event).values_list(
                "person__email", flat=True
            )
        )
        others = list(
            Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
            .exclude(person__email__in=speakers)
            .values_list("person__email", "person__first_name", "person__last_name")[:200]
        )
    return {"content": content, "html": html, "stats": stats, "others": others, **figures}


def section(paper, key):
    return next(s for s in paper["content"]["sections"] if s.key == key)


@pytest.mark.django_db
def test_every_section_is_there(paper):
    assert [s.key for s in paper["content"]["sections"]] == [
        "glance",
        "programme",
        "polls",
        "cafes",
        "networking",
        "awards",
    ]


@pytest.mark.django_db
def test_the_numbers_are_clustermeet_stats(paper):
    stats = paper["stats"]
    numbers = {label: value for value, label in section(paper, "glance").context["numbers"].items}
    assert numbers == {
        "registered": f"{stats['registrations']:,}",
        "participants": f"{stats['approved']:,}",
        "countries": str(stats["countries"]),
        "organisations": str(stats["organisations"]),
        "speakers": str(stats["speakers"]),
        "sessions": str(stats["sessions"]),
        "days": "2",
    }
    assert (stats["approved"], stats["countries"]) == (1135, 51)
    networking = section(paper, "networking").context["figure"]
    assert networking.meetings == paper["networking"] == stats["networking"]
    assert networking.exhibition == paper["exhibition"] == stats["exhibition"]
    awards = section(paper, "awards").context
    assert [{"category": e["slug"], "winners": e["winners"]} for e in awards["entries"]] == stats[
        "awards"
    ]["winners"]
    ballots = {label: value for value, label in awards["numbers"].items}["award ballots"]
    assert ballots == f"{stats['awards']['ballots']['total']:,}"


@pytest.mark.django_db
def test_the_demo_papers(paper):
    content = paper["content"]
    assert (content["paper"].status, content["paper"].public_sections) == (
        "published",
        ["glance", "programme", "polls", "cafes", "networking", "awards"],
    )
    assert content["introduction"].startswith("<p>For two days in November 2020")
    takeaways = [
        item["entry"].slug
        for day in section(paper, "programme").context["days"]
        for item in day["sessions"]
        if item["takeaway"]
    ]
    assert len(takeaways) == 12
    with translation.override("en"):
        later = queries.paper_of(Event.objects.get(slug="ecc-2022"))
    assert (later.pk is not None, later.status) == (True, "draft")


@pytest.mark.django_db
def test_the_public_authorities_poll_gives_35_33_14_14_2_2(paper):
    html = paper["html"]
    start = html.index(f"<h4>{PUBLIC_AUTHORITIES}</h4>")
    table = html[html.index("<table>", start) : html.index("</table>", start)]
    assert re.findall(r'<td class="num">(\d+%)</td>', table) == [
        "35%",
        "33%",
        "14%",
        "14%",
        "2%",
        "2%",
    ]


@pytest.mark.django_db
def test_no_participant_appears_by_name_or_e_mail(paper):
    html = paper["html"]
    assert len(paper["others"]) == 200
    for email, first_name, last_name in paper["others"]:
        assert email not in html
        assert f"{first_name} {last_name}" not in html
