"""The SVG writer: conservative text widths, wrapping and truncation that fit, colours."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ImageFont

from clustermeet.paper.charts.svg import (
    Box,
    Canvas,
    Palette,
    contrast,
    mix,
    text_width,
    truncate,
    wrap,
)

TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    max_size=120,
)


def test_text_width_is_at_least_the_dejavu_sans_width():
    # DejaVu Sans at 10 user units: "Increase public investments" is 141.7 wide, "WWW" 29.7.
    assert round(text_width("Increase public investments", 10), 2) == 144.94
    assert round(text_width("WWW", 10), 2) == 30.29
    assert text_width("", 10) == 0


def test_bold_is_wider():
    assert text_width("Clusters", 12, bold=True) > text_width("Clusters", 12)


@given(TEXT, st.floats(min_value=20, max_value=600), st.sampled_from([9, 11, 12, 14]))
def test_truncate_fits(text, width, size):
    cut = truncate(text, width, size)
    assert text_width(cut, size) <= width
    assert cut == text or cut.endswith("…") or cut == ""


@given(TEXT, st.floats(min_value=40, max_value=600), st.integers(min_value=1, max_value=4))
def test_wrap_fits_and_keeps_the_lines(text, width, max_lines):
    lines = wrap(text, width, 12, max_lines=max_lines)
    assert 1 <= len(lines) <= max_lines
    assert all(text_width(line, 12) <= width for line in lines)


def test_wrap_breaks_between_words_and_ends_with_an_ellipsis():
    text = "Facilitate collaboration and sharing business intelligence across the regions"
    assert wrap(text, 200, 12, max_lines=2) == [
        "Facilitate collaboration and",
        "sharing business intelligence…",
    ]
    assert wrap("Protect EU market", 200, 12, max_lines=2) == ["Protect EU market"]


def test_contrast_and_mix():
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert mix("#0b4f9c", "#ffffff", 0) == "#0b4f9c"
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    palette = Palette()
    assert palette.text_on("#0b4f9c") == "#ffffff"
    assert palette.text_on("#e7edf5") == palette.ink
    assert contrast(palette.readable("#ffcc00"), "#ffffff") >= 4.5


def test_canvas_escapes_and_labels_the_image():
    canvas = Canvas(100)
    canvas.text(10, 20, "<b>&", size=10)
    chart = canvas.chart(40, title="A & B", desc="<desc>", key="fig 1")
    assert chart.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"')
    assert 'role="img" aria-labelledby="fig-1-t fig-1-d"' in chart.svg
    assert '<title id="fig-1-t">A &amp; B</title>' in chart.svg
    assert '<desc id="fig-1-d">&lt;desc&gt;</desc>' in chart.svg
    assert ">&lt;b&gt;&amp;</text>" in chart.svg
    assert chart.texts == (Box(10, 10.5, text_width("<b>&", 10), 12.0, "<b>&"),)


def test_boxes_overlap():
    assert Box(0, 0, 10, 10).overlaps(Box(5, 5, 10, 10))
    assert not Box(0, 0, 10, 10).overlaps(Box(10, 0, 10, 10))
    assert Box(0, 0, 10, 10).overlaps(Box(11, 0, 10, 10), gap=2)


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans-Bold.ttf").exists(), reason="no DejaVu fonts")
@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(
            min_codepoint=32, max_codepoint=0x52F, exclude_categories=("Cc", "Cs", "Mn", "Me")
        ),
        min_size=1,
        max_size=40,
    ),
    st.booleans(),
)
def test_the_estimate_is_never_narrower_than_dejavu_sans(text, bold):
    font = ImageFont.truetype(
        str(DEJAVU / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), 100
    )
    assert text_width(text, 100, bold=bold) >= font.getlength(text)
