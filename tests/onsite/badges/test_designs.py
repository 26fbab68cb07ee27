import pytest

from clustermeet.onsite.badges.designs import (
    BLACK,
    DEFAULT_COLOURS,
    WHITE,
    contrast,
    designs_for,
    text_colour,
)
from clustermeet.onsite.models import BadgeDesign, BadgeKind
from tests.onsite.factories import onsite_event


def test_every_kind_has_its_own_default_colour():
    assert set(DEFAULT_COLOURS) == set(BadgeKind.values)
    assert len(set(DEFAULT_COLOURS.values())) == len(BadgeKind.values)


@pytest.mark.parametrize("colour", list(DEFAULT_COLOURS.values()))
def test_default_bands_are_readable(colour):
    assert contrast(colour, text_colour(colour)) >= 4.5


def test_text_colour_follows_the_band():
    assert text_colour("#FFFF00") == BLACK
    assert text_colour("#000080") == WHITE
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0


@pytest.mark.django_db
def test_an_events_design_overrides_the_default(django_assert_num_queries):
    event = onsite_event()
    BadgeDesign.objects.create(
        event=event, kind=BadgeKind.PRESS, colour="#ffeb3b", label="Media", style="header"
    )
    with django_assert_num_queries(1):
        designs = designs_for(event)
    press = designs[BadgeKind.PRESS]
    assert (press.colour, press.text_colour, press.label, press.style) == (
        "#FFEB3B",
        BLACK,
        "Media",
        "header",
    )
    speaker = designs[BadgeKind.SPEAKER]
    assert (speaker.colour, str(speaker.label), speaker.style, speaker.is_default) == (
        DEFAULT_COLOURS[BadgeKind.SPEAKER],
        "Speaker",
        "band",
        True,
    )
