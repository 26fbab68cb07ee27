"""The cafés' outcomes are the harvest's themes (cafe.harvest.queries.harvest_of), with the
organisers' labels."""

import pytest

from clustermeet.cafe.harvest.queries import harvest_of
from clustermeet.cafe.models import Cafe, ThemeLabel, theme_key
from clustermeet.paper.figures.cafes import ThemeRow, cafes
from tests.factories import EventFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db


def test_themes_are_the_harvests():
    built = build(2)
    figure = cafes(built.event)
    cafe = Cafe.objects.get(session__event=built.event)
    harvest = harvest_of(cafe)
    [outcome] = figure.cafes
    assert (outcome.session, outcome.tables, outcome.tags) == (
        "World café: green transition",
        3,
        [],
    )
    [question] = outcome.questions
    assert question.text == "What does the green transition need?"
    assert question.notes == len(harvest[0].notes) == 6
    assert question.themes == [
        ThemeRow(t.rank, t.label, t.count, t.representative) for t in harvest[0].themes
    ]
    assert question.items == sum(t.count for t in harvest[0].themes)


def test_renamed_themes_keep_their_new_label():
    built = build()
    cafe = Cafe.objects.get(session__event=built.event)
    first = harvest_of(cafe)[0].themes[0]
    ThemeLabel.objects.create(
        question=cafe.questions.get(),
        key=theme_key(first.representative),
        representative=first.representative,
        label="Skills first",
    )
    assert cafes(built.event).cafes[0].questions[0].themes[0].label == "Skills first"


def test_a_cafe_without_notes_is_absent():
    built = build()
    Cafe.objects.get(session__event=built.event).questions.get().notes.update(text="")
    assert cafes(built.event) is None
    assert cafes(EventFactory()) is None
