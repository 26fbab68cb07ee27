"""The reasons of "People you should meet" as the page words them: the matched phrases quoted
whole (both directions when both match), the other person named, long phrases cut only between
their parts, with an ellipsis."""

import pytest
from django.core.cache import cache
from django.utils import translation

from clustermeet.networking.directory import recommendations
from clustermeet.networking.matching.reason import QUOTE_CHARS, display, quote
from tests.factories import EventFactory
from tests.networking.factories import participant


@pytest.fixture
def event(db):
    cache.clear()
    recommendations.forget_local()
    yield EventFactory()
    cache.clear()
    recommendations.forget_local()


def reasons(event, person) -> list[tuple[str, str]]:
    return [
        (s.person.first_name, s.reason) for s in recommendations.recommendations_for(event, person)
    ]


def test_a_reason_quotes_the_matching_phrases_of_both_people(event):
    reader = participant(
        event,
        first_name="Ivo",
        looking_for="We are looking for partners for a Horizon Europe consortium. Also coffee.",
    )
    participant(
        event,
        first_name="Ana",
        offering="Founded in 1990, a lab. We offer coordination of Horizon Europe consortia.",
    )

    assert reasons(event, reader) == [
        (
            "Ana",
            "You look for ‘partners for a Horizon Europe consortium’; "
            "Ana offers ‘coordination of Horizon Europe consortia’.",
        )
    ]


def test_both_directions_are_said_when_both_match_the_stronger_first(event):
    reader = participant(
        event,
        first_name="Ivo",
        looking_for="Partners for a Horizon Europe consortium",
        offering="Testing facilities for electric drives",
    )
    participant(
        event,
        first_name="Ana",
        offering="Coordination of Horizon Europe consortia",
        looking_for="Access to testing facilities for drives",
    )

    assert reasons(event, reader) == [
        (
            "Ana",
            "You offer ‘Testing facilities for electric drives’; "
            "Ana looks for ‘Access to testing facilities for drives’. "
            "You look for ‘Partners for a Horizon Europe consortium’; "
            "Ana offers ‘Coordination of Horizon Europe consortia’.",
        )
    ]


def test_two_people_matched_on_different_phrases_get_different_reasons(event):
    reader = participant(
        event,
        first_name="Ivo",
        looking_for="Investors for our scale-up; a distributor network in Spain",
    )
    participant(event, first_name="Ana", offering="A distributor network in Spain and Portugal")
    participant(event, first_name="Ben", offering="Investors for hardware scale-ups")

    assert sorted(reasons(event, reader)) == [
        (
            "Ana",
            "You look for ‘a distributor network in Spain’; "
            "Ana offers ‘A distributor network in Spain and Portugal’.",
        ),
        (
            "Ben",
            "You look for ‘Investors for our scale-up’; "
            "Ben offers ‘Investors for hardware scale-ups’.",
        ),
    ]


def test_shared_ecosystems_name_the_other_person(event):
    from clustermeet.events.models import Ecosystem

    digital = Ecosystem.objects.get(slug="digital")
    reader = participant(event, first_name="Ivo")
    other = participant(event, first_name="Ana")
    reader.ecosystems.set([digital])
    other.ecosystems.set([digital])

    assert reasons(event, reader) == [
        ("Ana", "You and Ana both chose the industrial ecosystem ‘Digital’.")
    ]


def test_a_reason_is_worded_in_the_readers_language(event):
    reader = participant(event, first_name="Ivo", looking_for="hydrogen storage")
    participant(event, first_name="Ana", offering="hydrogen storage")

    with translation.override("fr"):
        [(_name, text)] = reasons(event, reader)
    nbsp = "\N{NO-BREAK SPACE}"
    quoted = f"«{nbsp}hydrogen storage{nbsp}»"
    assert text == f"Vous recherchez {quoted}{nbsp}; Ana propose {quoted}."


def test_a_phrase_is_quoted_whole():
    phrase = "We offer testing and certification of electric drives for light vehicles"
    assert quote(phrase) == "testing and certification of electric drives for light vehicles"
    assert quote("We are looking for investors") == "investors"
    assert quote("  Investors   for  scale-ups ") == "Investors for scale-ups"


def test_a_long_phrase_is_cut_between_its_parts_with_an_ellipsis():
    phrase = (
        "We offer pilot lines for recycled textile fibres from post-consumer garments "
        "and sorting technology for mixed fabrics with near-infrared cameras on the line"
    )
    assert len(quote(phrase)) <= QUOTE_CHARS + 1
    assert quote(phrase) == (
        "pilot lines for recycled textile fibres from post-consumer garments and sorting "
        "technology for mixed fabrics…"
    )


def test_a_long_phrase_without_parts_is_cut_between_words():
    phrase = "word " * 40
    assert quote(phrase) == " ".join(["word"] * 24) + "…"
    assert quote("x" * 200) == "x" * 200  # never inside a word


def test_the_cli_form_is_unchanged():
    phrase = "We offer " + "very long description of services " * 4
    assert display(phrase) == "very long description of services very long description of…"
