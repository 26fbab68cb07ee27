"""Which channel a vote goes through (`channels.channel_for`) and "checked in today" in the
event's time zone."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.awards.voting.channels import channel_for, checked_in_today
from tests.awards.factories import checked_in, vote_category
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.onsite.factories import event_today

pytestmark = pytest.mark.django_db


def test_only_the_online_window_is_open():
    category = vote_category(online=(-1, 1), onsite=(5, 6))
    assert channel_for(category, timezone.now()) == "online"


def test_only_the_on_site_window_is_open():
    category = vote_category(online=(-5, -1), onsite=(-1, 1))
    assert channel_for(category, timezone.now()) == "onsite"


def test_no_window_is_open():
    category = vote_category(online=(-5, -1), onsite=(1, 2))
    assert channel_for(category, timezone.now()) is None


def test_no_channel_before_the_shortlist():
    category = vote_category(online=(-1, 1), confirmed=False)
    assert channel_for(category, timezone.now()) is None


def test_both_open_on_site_for_a_person_checked_in_today_online_for_the_others():
    category = vote_category(event=event_today(), online=(-1, 1), onsite=(-1, 1))
    inside = RegistrationFactory(event=category.event)
    checked_in(inside)
    at_home = RegistrationFactory(event=category.event)
    now = timezone.now()

    assert channel_for(category, now, inside.person) == "onsite"
    assert channel_for(category, now, at_home.person) == "online"
    assert channel_for(category, now, None) == "online"


def test_checked_in_today_is_the_event_s_day_in_its_time_zone():
    # 23:30 UTC on 25 September is already 26 September in Prague.
    event = EventFactory(
        timezone="Europe/Prague", start_date=dt.date(2022, 9, 25), end_date=dt.date(2022, 9, 27)
    )
    registration = RegistrationFactory(event=event)
    checked_in(registration, day=dt.date(2022, 9, 26))
    late = dt.datetime(2022, 9, 25, 23, 30, tzinfo=dt.UTC)

    assert checked_in_today(registration.person, event, late) is True
    assert checked_in_today(registration.person, event, late - dt.timedelta(hours=2)) is False
    assert checked_in_today(PersonFactory(), event, late) is False
    assert checked_in_today(None, event, late) is False
