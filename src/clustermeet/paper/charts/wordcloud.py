"""The word cloud as an SVG image, laid out deterministically: words by weight (then
alphabetically), each placed at the first free point of an Archimedean spiral from the centre,
its box never overlapping another's nor leaving the picture; a word that finds no place is
tried smaller, and one that still finds none is left out of the picture (it stays in the data
table). Pure Python."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from clustermeet.paper.charts.svg import Box, Canvas, Chart, Palette, text_width, truncate, wrap

WIDTH = 640
HEIGHT = 340
PAD = 12
MIN_SIZE = 12
MAX_SIZE = 44
GAP = 3
TURN = 1.6  # radius gained per radian
SPACING = 6.0  # between two points of the spiral
STRETCH = 1.7  # the picture is wider than high
BOLD_FROM = 24


@dataclass(frozen=True)
class Word:
    text: str
    weight: float  # 0 … 1, the count over the highest count
    count: int


SCALES = (1.0, 0.8, 0.64, 0.5)  # a word that finds no place is tried at these sizes


def _size(weight: float, scale: float = 1.0) -> float:
    share = math.sqrt(max(0.0, min(weight, 1.0)))
    return round((MIN_SIZE + (MAX_SIZE - MIN_SIZE) * share) * scale, 1)


def _spiral(cx: float, cy: float, reach: float) -> list[tuple[float, float]]:
    """Points of an Archimedean spiral from (cx, cy), about SPACING apart along the curve,
    stretched horizontally by STRETCH, out to `reach` (radius before the stretch)."""
    points = []
    angle = 0.0
    while (radius := TURN * angle) <= reach:
        points.append((cx + radius * math.cos(angle) * STRETCH, cy + radius * math.sin(angle)))
        angle += min(0.5, SPACING / max(radius, SPACING))
    return points


def layout(
    words: Sequence[Word], left: float, top: float, right: float, bottom: float
) -> list[tuple[Word, str, float, Box]]:
    """(word, text drawn, font size, box) of each word that found a place: heaviest first, at
    the first free point of the spiral; a word that finds none is tried smaller (`SCALES`)."""
    placed: list[tuple[Word, str, float, Box]] = []
    points = _spiral((left + right) / 2, (top + bottom) / 2, (right - left) / 2 / STRETCH + 40)
    for word in sorted(words, key=lambda w: (-w.weight, w.text)):
        for scale in SCALES:
            found = _place(word, scale, points, placed, left, top, right, bottom)
            if found:
                placed.append(found)
                break
    return placed


def _place(word, scale, points, placed, left, top, right, bottom):
    size = _size(word.weight, scale)
    bold = size >= BOLD_FROM
    text = truncate(word.text, right - left, size, bold=bold)
    if not text:
        return None
    width, height = text_width(text, size, bold=bold), 1.2 * size
    for px, py in points:
        box = Box(px - width / 2, py - height / 2, width, height, text)
        if box.x < left or box.y < top or box.right > right or box.bottom > bottom:
            continue
        if not any(box.overlaps(other, GAP) for _w, _t, _s, other in placed):
            return word, text, size, box
    return None


def word_cloud(
    words: Sequence[Word],
    *,
    title: str,
    desc: str,
    key: str,
    palette: Palette | None = None,
) -> Chart:
    canvas = Canvas(WIDTH, palette or Palette())
    palette = canvas.palette
    y = PAD + 14
    for line in wrap(title, WIDTH - 2 * PAD, 14, max_lines=2, bold=True):
        canvas.text(PAD, y, line, size=14, bold=True)
        y += 18
    colours = (palette.readable(palette.primary), palette.readable(palette.accent), palette.ink)
    area_top = y + 4
    # The words are the participants' answers, in their own languages: not ours to translate.
    canvas.parts.append('<g translate="no">')
    for n, (_word, text, size, box) in enumerate(
        layout(words, PAD, area_top, WIDTH - PAD, area_top + HEIGHT)
    ):
        canvas.text(
            box.x,
            box.y + 0.95 * size,
            text,
            size=size,
            bold=size >= BOLD_FROM,
            fill=colours[n % len(colours)],
        )
    canvas.parts.append("</g>")
    return canvas.chart(area_top + HEIGHT + PAD, title=title, desc=desc, key=key)
