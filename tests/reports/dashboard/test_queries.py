"""dashboard_figures: exact figures on a built event, and a pinned number of queries whatever
its size."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.onsite.checkin.queries import door_figures
from clustermeet.reports.dashboard import presence
from clustermeet.reports.dashboard.queries import SPARK_DAYS, dashboard_figures
from tests.awards.factories import CategoryFactory, vote_category
from tests.factories import EventFactory
from tests.reports.dashboard.factories import dashboard_event

pytestmark = pytest.mark.django_db


def test_the_figures_of_an_event_under_way():
    built = dashboard_event()
    event, live = built["event"], built["live"]
    now = timezone.now()
    figures = dashboard_figures(event, now)
    today = timezone.localtime(now, event.tz).date()

    assert figures["event"] == event.pk
    # Cancelled registrations are not "registered"; declined ones are.
    assert figures["registrations"] == {"registered": 7, "approved": 5, "pending": 1}
    per_day = figures["registrations_per_day"]
    assert len(per_day) == SPARK_DAYS
    assert per_day[-1] == {"day": today.isoformat(), "registrations": 7}
    assert per_day[-3] == {"day": (today - dt.timedelta(days=2)).isoformat(), "registrations": 1}
    assert sum(row["registrations"] for row in per_day) == 8
    assert figures["online"] == {"people": 0, "connections": 0}
    assert figures["door"] == door_figures(event)
    assert (figures["door"]["checked_in"], figures["door"]["expected"]) == (2, 5)
    cafe_session = event.sessions.get(cafe__isnull=False)
    assert [
        (s["id"], s["votes"], s["questions"], s["open_polls"]) for s in figures["sessions"]
    ] == [
        (cafe_session.pk, 0, 0, 0),
        (live.pk, 4, 4, 1),
    ]
    assert figures["sessions"][1] == {
        "id": live.pk,
        "slug": live.slug,
        "title": "Clusters and the twin transition",
        "room": "Main stage",
        "starts_at": live.starts_at.isoformat(),
        "ends_at": live.ends_at.isoformat(),
        "votes": 4,
        "questions": 4,
        "open_polls": 1,
    }
    assert figures["cafe"] == {"tables_active": 1, "people_seated": 2}
    assert figures["meetings"] == {"scheduled": 2, "in_progress": 1, "held": 1}
    assert figures["booths"] == {"visits": 2, "visits_today": 1}
    award = built["award"]
    assert figures["awards"] == [
        {
            "category": award.slug,
            "name": award.name,
            "phase": "voting",
            "decided_by": "vote",
            "online": 2,
            "onsite": 1,
            "total": 3,
            "eligible": 5,
            "percent": 60.0,
        }
    ]


def test_awards_no_vote_decides_have_no_counts():
    event = EventFactory()
    decided = CategoryFactory(event=event, kind="decision", position=1, slug="special")
    jury = vote_category(event, jury_weight=100, online=None, position=2, slug="jury")
    rows = dashboard_figures(event, timezone.now())["awards"]
    assert [(row["category"], row["decided_by"], row["total"], row["percent"]) for row in rows] == [
        (decided.slug, "organisers", None, None),
        (jury.slug, "jury", None, None),
    ]


def test_an_hour_later_the_sessions_cafe_and_meetings_are_over():
    built = dashboard_event()
    figures = dashboard_figures(built["event"], timezone.now() + dt.timedelta(hours=1.1))
    assert figures["sessions"] == []
    assert figures["cafe"] == {"tables_active": 0, "people_seated": 0}
    assert figures["meetings"] == {"scheduled": 2, "in_progress": 0, "held": 2}


def test_a_virtual_event_has_no_door_figures_and_an_empty_one_counts_zero():
    event = EventFactory(format="virtual")
    figures = dashboard_figures(event, timezone.now())
    assert figures["door"] is None
    assert figures["registrations"] == {"registered": 0, "approved": 0, "pending": 0}
    assert figures["sessions"] == []
    assert figures["awards"] == []
    # Over: the sparkline ends on the event's last day.
    assert figures["registrations_per_day"][-1] == {
        "day": event.end_date.isoformat(),
        "registrations": 0,
    }


def test_online_counts_this_processs_connections_to_the_event():
    event = EventFactory()
    person = 41
    presence.connected(event.pk, person)
    presence.connected(event.pk, person)  # a second tab
    presence.connected(event.pk, None)  # a visitor not logged in
    presence.connected(event.pk + 1, 42)  # another event
    try:
        assert dashboard_figures(event, timezone.now())["online"] == {
            "people": 1,
            "connections": 3,
        }
        presence.disconnected(event.pk, person)
        presence.disconnected(event.pk, None)
        assert presence.online(event.pk) == {"people": 1, "connections": 1}
    finally:
        presence.disconnected(event.pk, person)
        presence.disconnected(event.pk + 1, 42)
    assert presence.online(event.pk) == {"people": 0, "connections": 0}
    presence.disconnected(event.pk, person)  # once too often: nothing below zero
    assert presence.online(event.pk) == {"people": 0, "connections": 0}


@pytest.mark.parametrize("people", [4, 24])
def test_the_figures_take_twelve_queries_whatever_the_size(people, django_assert_num_queries):
    built = dashboard_event(people=people)
    with django_assert_num_queries(12):
        figures = dashboard_figures(built["event"], timezone.now())
    assert figures["registrations"]["approved"] == people + 1
