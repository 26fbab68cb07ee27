"""Networking and exhibition: the apps' own figures, the most visited booths, the pitches."""

import pytest

from clustermeet.networking.meetings.queries import networking_figures
from clustermeet.paper.figures.networking import BoothRow, PitchRow, networking
from clustermeet.reports.queries import exhibition_figures
from tests.factories import EventFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db


def test_figures_are_the_apps_own():
    built = build(2)
    figure = networking(built.event)
    assert figure.meetings == networking_figures(built.event)
    assert figure.exhibition == exhibition_figures(built.event)
    assert (figure.meetings["meetings_scheduled"], figure.meetings["meetings_held"]) == (2, 2)
    assert (figure.matchmaking_meetings, figure.matchmaking_published) == (0, False)
    assert figure.top_booths == [
        BoothRow("Booth 3", 4, 4),
        BoothRow("Booth 2", 3, 3),
        BoothRow("Booth 1", 2, 2),
        BoothRow("Booth 0", 1, 1),
    ]
    assert figure.pitches == [
        PitchRow("Hydrogen valley", "Pitch for contacts", "Org ecc-like 0", 3)
    ]


def test_an_event_without_networking_is_absent():
    assert networking(EventFactory()) is None
