"""The awards log's entries in words: each action's details as one sentence, nominations by
name, times in the active time zone, unknown details as key: value pairs."""

import zoneinfo

import pytest
from django.utils import timezone

from clustermeet.awards.models import AuditEntry
from clustermeet.awards.results.entries import describe, nomination_ids

NAMES = {1: "Antonio", 2: "Uwe"}


def entry(action: str, **detail) -> AuditEntry:
    return AuditEntry(action=action, detail=detail)


@pytest.mark.parametrize(
    ("action", "detail", "words"),
    [
        (
            "opened",
            {
                "channel": "online",
                "opens_at": "2022-09-14T07:00:00+00:00",
                "closes_at": "2022-09-22T16:00:00+00:00",
            },
            "Online vote, from 14 Sep 2022 09:00 to 22 Sep 2022 18:00",
        ),
        (
            "closed",
            {"channel": "onsite", "closes_at": "2022-09-26T10:30:00+00:00"},
            "On-site vote, closed at 26 Sep 2022 12:30",
        ),
        ("viewed", {"ballots": 1, "open": []}, "1 ballot at the time"),
        ("viewed", {"ballots": 12, "open": ["online"]}, "12 ballots at the time"),
        ("decision", {"nomination": 1}, "Decided: Antonio"),
        ("revealed", {"winners": [2], "ballots": 31}, "Winner: Uwe; 31 ballots"),
        ("revealed", {"winners": [1, 2], "ballots": 1}, "Winners (a tie): Antonio, Uwe; 1 ballot"),
        ("revealed", {"winners": [9], "ballots": 0}, "Winner: #9; 0 ballots"),
        (
            "exported",
            {"categories": ["a", "b"], "before_reveal": ["b"]},
            "Awards: a, b; before their reveal: b",
        ),
        ("exported", {"categories": [], "before_reveal": []}, "Awards: —"),
        ("shortlist", {"finalists": [1, 2], "size": 3}, "finalists: Antonio, Uwe; size: 3"),
        ("settings", {"fields": ["name", "jury_weight"]}, "fields: name, jury_weight"),
        ("juror", {}, ""),
    ],
)
def test_describe(action, detail, words):
    with timezone.override(zoneinfo.ZoneInfo("Europe/Prague")):
        assert describe(entry(action, **detail), NAMES) == words


def test_nomination_ids():
    assert nomination_ids({"winners": [1, 2], "nomination": 3, "finalists": [4], "ballots": 7}) == {
        1,
        2,
        3,
        4,
    }
    assert nomination_ids({"nomination": True, "winners": "x"}) == set()
    assert nomination_ids([]) == set()


def test_a_time_that_is_not_one_is_shown_as_it_is():
    opened = entry("opened", channel="online", opens_at="soon", closes_at=None)
    assert describe(opened, {}) == "Online vote, from soon to None"
