"""The programme: public sessions by day with speakers and moderators by role, links and the
organisers' takeaways."""

import datetime as dt

import pytest

from clustermeet.paper.figures.programme import Link, Speaker, programme
from clustermeet.programme.models import Session
from tests.factories import EventFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db


def test_sessions_by_day_with_their_people_links_and_takeaways():
    built = build(2)
    figure = programme(built.event)
    assert [day.date for day in figure.days] == [dt.date(2020, 11, 10), dt.date(2020, 11, 11)]
    assert [s.slug for s in figure.days[0].sessions] == ["opening", "roundtable"]
    assert [s.slug for s in figure.days[1].sessions] == ["workshop-0", "cafe-green"]
    opening = figure.days[0].sessions[0]
    assert opening.speakers == [
        Speaker("Thierry Speaker", "", "Commissioner", "European Commission")
    ]
    assert opening.moderators == [Speaker("Ulla Moderator", "", "", "")]
    assert opening.recording == Link("High-level opening", "https://video.example.org/1")
    assert opening.presentations == [
        Link("Opening slides", "https://files.example.org/opening.pdf")
    ]
    assert opening.takeaway_in("en") == (
        "- Clusters are **drivers** of change\n- Collaboration matters"
    )
    assert opening.takeaway_in("de") == "- Cluster treiben den Wandel"
    assert opening.starts_at.utcoffset() == dt.timedelta(hours=1)  # Brussels in November


def test_hidden_and_participants_only_sessions_are_left_out():
    built = build()
    Session.objects.filter(slug="roundtable").update(visibility=Session.Visibility.PARTICIPANTS)
    slugs = [s.slug for s in programme(built.event).sessions]
    assert slugs == ["opening", "cafe-green"]


def test_erased_speakers_are_left_out():
    built = build()
    built.speaker.erased_at = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    built.speaker.save()
    assert programme(built.event).sessions[0].speakers == []


def test_an_event_without_public_sessions_has_no_programme():
    assert programme(EventFactory()) is None
