"""Participants on a tile-grid map of Europe: one square per country at a fixed place that
keeps its neighbours roughly around it (no geography file, no tiles from a server). Each tile
shows the country's code and its count, so nothing is read from the colour alone; the colour
says the class of the count (five classes, the legend gives their ranges). Pure Python."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from clustermeet.paper.charts.svg import Canvas, Chart, Palette, mix, truncate, wrap

# (column, row) of each country; EU member states and their neighbours.
GRID: dict[str, tuple[int, int]] = {
    "IS": (0, 0), "NO": (5, 0), "SE": (6, 0), "FI": (7, 0),
    "DK": (5, 1), "EE": (7, 1),
    "IE": (0, 2), "GB": (1, 2), "NL": (3, 2), "DE": (4, 2), "PL": (5, 2), "LT": (6, 2),
    "LV": (7, 2),
    "BE": (2, 3), "LU": (3, 3), "CZ": (4, 3), "SK": (5, 3), "UA": (6, 3), "BY": (7, 3),
    "FR": (1, 4), "CH": (2, 4), "LI": (3, 4), "AT": (4, 4), "HU": (5, 4), "RO": (6, 4),
    "MD": (7, 4),
    "PT": (0, 5), "ES": (1, 5), "IT": (2, 5), "SI": (3, 5), "HR": (4, 5), "RS": (5, 5),
    "BG": (6, 5), "GE": (8, 5),
    "MT": (2, 6), "BA": (3, 6), "ME": (4, 6), "XK": (5, 6), "MK": (6, 6), "TR": (7, 6),
    "AM": (8, 6),
    "AL": (5, 7), "GR": (6, 7), "CY": (7, 7),
}  # fmt: skip
EU = frozenset(
    (
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    )
)
TILE = 50
GAP = 4
PAD = 12
CLASSES = 5
SHARES = (0.85, 0.65, 0.45, 0.22, 0.0)  # white mixed into the primary colour, light to dark


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    fill: str


def bands(counts: Mapping[str, int], palette: Palette) -> list[Band]:
    """Up to five classes of the non-zero counts by rank (quantiles): the n-th class ends at
    the count of the country at n/5 of the sorted list; equal counts stay in one class, so
    there may be fewer classes. Light to dark."""
    values = sorted(v for v in counts.values() if v > 0)
    classes = min(CLASSES, len(set(values)))
    highs: list[int] = []
    for n in range(1, classes + 1):
        high = values[math.ceil(len(values) * n / classes) - 1]
        if not highs or high > highs[-1]:
            highs.append(high)
    lows = [values[0], *(high + 1 for high in highs[:-1])] if values else []
    shares = SHARES[len(SHARES) - len(highs) :]
    return [
        Band(low, high, mix(palette.primary, "#ffffff", share))
        for low, high, share in zip(lows, highs, shares, strict=True)
    ]


def _band_of(value: int, classes: list[Band]) -> Band | None:
    return next((b for b in classes if b.low <= value <= b.high), None)


def eu_map(
    counts: Mapping[str, int],
    *,
    title: str,
    desc: str,
    key: str,
    legend_title: str,
    no_one: str,
    outside: str,
    palette: Palette | None = None,
    number: Callable[[int], str] = "{:,}".format,
) -> Chart:
    """`counts` by ISO 3166 code; `no_one` labels the legend's zero class; `outside` is the
    sentence under the map for the countries that have no tile (already formatted); `number`
    writes a count (the reader's grouping of digits)."""
    canvas = Canvas(9 * (TILE + GAP) + 2 * PAD + 150, palette or Palette())
    palette = canvas.palette
    width = canvas.width
    y = PAD + 14
    for line in wrap(title, width - 2 * PAD, 14, max_lines=2, bold=True):
        canvas.text(PAD, y, line, size=14, bold=True)
        y += 18
    top = y + 6
    classes = bands({code: counts.get(code, 0) for code in GRID}, palette)
    empty = "#f1f3f6"
    for code, (column, row) in GRID.items():
        x = PAD + column * (TILE + GAP)
        tile_y = top + row * (TILE + GAP)
        value = counts.get(code, 0)
        band = _band_of(value, classes)
        fill = band.fill if band else empty
        stroke = palette.ink if code in EU else palette.line
        canvas.rect(
            x, tile_y, TILE, TILE, fill, stroke=stroke, stroke_width="1.2" if code in EU else "0.8"
        )
        ink = palette.text_on(fill)
        canvas.text(x + TILE / 2, tile_y + 21, code, size=13, anchor="middle", bold=True, fill=ink)
        canvas.text(
            x + TILE / 2,
            tile_y + 39,
            truncate(number(value), TILE - 6, 11),
            size=11,
            anchor="middle",
            fill=ink,
        )
    legend_x = PAD + 9 * (TILE + GAP) + 8
    legend_width = width - legend_x - PAD
    legend_y = top + 10
    for line in wrap(legend_title, legend_width, 11, max_lines=2, bold=True):
        canvas.text(legend_x, legend_y, line, size=11, bold=True)
        legend_y += 14
    legend_y += 4
    for band in [Band(0, 0, empty), *classes]:
        canvas.rect(legend_x, legend_y, 18, 18, band.fill, stroke=palette.muted, stroke_width="0.8")
        label = (
            no_one
            if band.high == 0
            else (
                number(band.low)
                if band.low == band.high
                else f"{number(band.low)}–{number(band.high)}"
            )
        )
        canvas.text(legend_x + 24, legend_y + 13, truncate(label, legend_width - 24, 11), size=11)
        legend_y += 24
    bottom = top + 8 * (TILE + GAP)
    lines = wrap(outside, width - 2 * PAD, 11, max_lines=3) if outside else []
    for line in lines:
        bottom += 15
        canvas.text(PAD, bottom, line, size=11, fill=palette.muted)
    return canvas.chart(bottom + PAD, title=title, desc=desc, key=key)
