"""The word cloud as an SVG image, laid out deterministically: words by weight (then
alphabetically), each placed at the first free point of an Archimedean spiral from the centre,
its box never overlapping another's nor leaving the picture; when a word finds no place, the
whole cloud is laid out again with smaller fonts, and a word that still finds none is left out
of the picture (it stays in the data table). Pure Python."""

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
STEPS = 1400
BOLD_FROM = 24


@dataclass(frozen=True)
class Word:
    text: str
    weight: float  # 0 … 1, the count over the highest count
    count: int


SCALES = (1.0, 0.85, 0.72, 0.6)  # smaller fonts, tried in turn until every word has a place


def _size(weight: float, scale: float = 1.0) -> float:
    share = math.sqrt(max(0.0, min(weight, 1.0)))
    return round((MIN_SIZE + (MAX_SIZE - MIN_SIZE) * share) * scale, 1)


def layout(
    words: Sequence[Word], left: float, top: float, right: float, bottom: float
) -> list[tuple[Word, str, float, Box]]:
    """(word, text drawn, font size, box) of each word that found a place, at the largest of
    `SCALES` that places them all (else at the smallest)."""
    placed: list[tuple[Word, str, float, Box]] = []
    for scale in SCALES:
        placed = _layout(words, left, top, right, bottom, scale)
        if len(placed) == len(words):
            break
    return placed


def _layout(
    words: Sequence[Word], left: float, top: float, right: float, bottom: float, scale: float
) -> list[tuple[Word, str, float, Box]]:
    placed: list[tuple[Word, str, float, Box]] = []
    cx, cy = (left + right) / 2, (top + bottom) / 2
    ordered = sorted(words, key=lambda w: (-w.weight, w.text))
    for word in ordered:
        size = _size(word.weight, scale)
        bold = size >= BOLD_FROM
        text = truncate(word.text, right - left, size, bold=bold)
        if not text:
            continue
        width, height = text_width(text, size, bold=bold), 1.2 * size
        for step in range(STEPS):
            angle = step * 0.35
            radius = 2.2 * angle
            x = cx + radius * math.cos(angle) * 1.6 - width / 2
            y = cy + radius * math.sin(angle) - height / 2
            box = Box(x, y, width, height, text)
            if box.x < left or box.y < top or box.right > right or box.bottom > bottom:
                continue
            if any(box.overlaps(other, GAP) for _w, _t, _s, other in placed):
                continue
            placed.append((word, text, size, box))
            break
    return placed


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
    return canvas.chart(area_top + HEIGHT + PAD, title=title, desc=desc, key=key)
