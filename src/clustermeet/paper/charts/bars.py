"""Bar charts as SVG: horizontal bars with their values (poll answers with percentages,
participants by country), ranking bars ("1 = most selected") and a rating distribution.
Pure Python; every label is measured (`svg.text_width`) and wrapped or truncated to fit, the
full text being in the data table beside the chart."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from clustermeet.paper.charts.svg import Canvas, Chart, Palette, text_width, truncate, wrap

WIDTH = 640
PAD = 12
LABEL_MIN, LABEL_MAX = 120, 330  # the label column: as wide as the widest label, within these
VALUE_ROOM = 58  # right of the longest bar, for its value
SIZE = 12
LINE = 15
TITLE_SIZE = 14


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as shown, e.g. "35%" or "1,024"


@dataclass(frozen=True)
class Ranked:
    label: str
    rank: int
    value: float  # the average points
    text: str


def label_width(labels, size: float = SIZE) -> float:
    """The label column's width: the widest label on one line, within LABEL_MIN … LABEL_MAX
    (longer labels wrap to two lines)."""
    widest = max((text_width(label, size) for label in labels), default=0)
    return min(max(widest, LABEL_MIN), LABEL_MAX)


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """0 and round steps (1, 2 or 5 × 10^k) up to the first tick ≥ maximum, at most count+1."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < maximum - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _tick_text(value: float, suffix: str) -> str:
    return f"{value:g}{suffix}"


def _title(canvas: Canvas, title: str) -> float:
    """The chart's visible title (at most two lines); returns the y below it."""
    y = PAD + TITLE_SIZE
    for line in wrap(title, WIDTH - 2 * PAD, TITLE_SIZE, max_lines=2, bold=True):
        canvas.text(PAD, y, line, size=TITLE_SIZE, bold=True)
        y += TITLE_SIZE + 4
    return y + 4


def _x_axis(canvas: Canvas, left: float, right: float, y: float, ticks, suffix, label) -> float:
    """Axis line, ticks with their values and the axis label under [left, right]; returns the
    bottom of the chart."""
    palette = canvas.palette
    top = ticks[-1] or 1
    canvas.line(left, y, right, y, palette.muted)
    for tick in ticks:
        x = left + (right - left) * tick / top
        canvas.line(x, y, x, y + 4, palette.muted)
        anchor = "end" if tick == ticks[-1] and len(ticks) > 1 else "middle"
        canvas.text(
            x if anchor == "middle" else x + 4,
            y + 17,
            _tick_text(tick, suffix),
            size=10,
            anchor=anchor,
            fill=palette.muted,
        )
    start, label = _centred(label, left, right, 11)
    canvas.text(start, y + 36, label, size=11, fill=palette.muted)
    return y + 44


def _centred(label: str, left: float, right: float, size: float) -> tuple[float, str]:
    """The x where `label` starts, centred under [left, right] but moved (or truncated) to
    stay inside the chart, and the label."""
    label = truncate(label, WIDTH - 2 * PAD, size)
    width = text_width(label, size)
    start = min(max((left + right - width) / 2, PAD), WIDTH - PAD - width)
    return start, label


def _grid(canvas: Canvas, left, right, top_y, bottom_y, ticks) -> None:
    top = ticks[-1] or 1
    for tick in ticks[1:]:
        x = left + (right - left) * tick / top
        canvas.line(x, top_y, x, bottom_y, canvas.palette.line, 0.5)


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    desc: str,
    key: str,
    x_label: str,
    y_label: str,
    maximum: float | None = None,
    suffix: str = "",
    palette: Palette | None = None,
) -> Chart:
    """Horizontal bars, one row per item in the given order, the value at the end of each bar;
    the x axis runs from 0 to `maximum` (default: the largest value), ticks with `suffix`."""
    canvas = Canvas(WIDTH, palette or Palette())
    palette = canvas.palette
    y = _title(canvas, title)
    column = label_width([bar.label for bar in bars])
    label_x, bar_left = PAD, PAD + column + 10
    bar_right = WIDTH - PAD - VALUE_ROOM
    canvas.text(label_x, y + 11, truncate(y_label, column, 11), size=11, fill=palette.muted)
    y += 20
    ticks = nice_ticks(maximum if maximum is not None else max((b.value for b in bars), default=0))
    top = ticks[-1] or 1
    grid_top = y
    rows = []
    for bar in bars:
        lines = wrap(bar.label, column, SIZE, max_lines=2)
        height = max(26, len(lines) * LINE + 10)
        rows.append((bar, lines, y, height))
        y += height
    _grid(canvas, bar_left, bar_right, grid_top, y, ticks)
    fill = palette.primary
    value_colour = palette.readable(palette.primary)
    for bar, lines, row_y, height in rows:
        middle = row_y + height / 2
        first = middle - (len(lines) - 1) * LINE / 2 + 4
        for n, line in enumerate(lines):
            canvas.text(label_x, first + n * LINE, line, size=SIZE)
        length = (bar_right - bar_left) * min(bar.value, top) / top
        canvas.rect(bar_left, middle - 8, length, 16, fill)
        canvas.text(
            bar_left + length + 6,
            middle + 4,
            truncate(bar.text, VALUE_ROOM - 8, SIZE, bold=True),
            size=SIZE,
            bold=True,
            fill=value_colour,
        )
    bottom = _x_axis(canvas, bar_left, bar_right, y + 2, ticks, suffix, x_label)
    return canvas.chart(bottom, title=title, desc=desc, key=key)


def ranking_chart(
    items: Sequence[Ranked],
    *,
    title: str,
    desc: str,
    key: str,
    x_label: str,
    y_label: str,
    maximum: float,
    palette: Palette | None = None,
) -> Chart:
    """Ranked answers, 1 at the top: the rank in a disc, the answer, a bar of its average
    points (the x axis runs from 0 to `maximum`, the points of a first place)."""
    canvas = Canvas(WIDTH, palette or Palette())
    palette = canvas.palette
    y = _title(canvas, title)
    disc_x = PAD + 12
    label_x = PAD + 32
    column = label_width([item.label for item in items])
    bar_left = label_x + column + 10
    bar_right = WIDTH - PAD - VALUE_ROOM
    canvas.text(PAD, y + 11, truncate(y_label, column + 32, 11), size=11, fill=palette.muted)
    y += 20
    ticks = nice_ticks(maximum)
    top = ticks[-1] or 1
    grid_top = y
    rows = []
    for item in sorted(items, key=lambda i: i.rank):
        lines = wrap(item.label, column, SIZE, max_lines=2)
        height = max(30, len(lines) * LINE + 12)
        rows.append((item, lines, y, height))
        y += height
    _grid(canvas, bar_left, bar_right, grid_top, y, ticks)
    value_colour = palette.readable(palette.primary)
    for item, lines, row_y, height in rows:
        middle = row_y + height / 2
        canvas.circle(disc_x, middle, 11, palette.primary)
        canvas.text(
            disc_x,
            middle + 4,
            truncate(str(item.rank), 20, 11, bold=True),
            size=11,
            anchor="middle",
            bold=True,
            fill=palette.text_on(palette.primary),
        )
        first = middle - (len(lines) - 1) * LINE / 2 + 4
        for n, line in enumerate(lines):
            canvas.text(label_x, first + n * LINE, line, size=SIZE)
        length = (bar_right - bar_left) * min(item.value, top) / top
        canvas.rect(bar_left, middle - 8, length, 16, palette.primary)
        canvas.text(
            bar_left + length + 6,
            middle + 4,
            truncate(item.text, VALUE_ROOM - 8, SIZE, bold=True),
            size=SIZE,
            bold=True,
            fill=value_colour,
        )
    bottom = _x_axis(canvas, bar_left, bar_right, y + 2, ticks, "", x_label)
    return canvas.chart(bottom, title=title, desc=desc, key=key)


def rating_chart(
    distribution: Sequence[tuple[str, int]],
    *,
    title: str,
    desc: str,
    key: str,
    x_label: str,
    y_label: str,
    palette: Palette | None = None,
) -> Chart:
    """Vertical bars, one per rating (1 … 5 or 1 … 10), the count above each bar."""
    canvas = Canvas(WIDTH, palette or Palette())
    palette = canvas.palette
    y = _title(canvas, title) + 8
    plot_left, plot_right = PAD + 56, WIDTH - PAD
    plot_top, plot_bottom = y + 16, y + 196
    ticks = nice_ticks(max((count for _, count in distribution), default=0), 4)
    top = ticks[-1] or 1
    for tick in ticks:
        tick_y = plot_bottom - (plot_bottom - plot_top) * tick / top
        canvas.line(plot_left, tick_y, plot_right, tick_y, palette.line, 0.5)
        canvas.text(
            plot_left - 6, tick_y + 4, f"{tick:g}", size=10, anchor="end", fill=palette.muted
        )
    canvas.line(plot_left, plot_bottom, plot_right, plot_bottom, palette.muted)
    slot = (plot_right - plot_left) / max(len(distribution), 1)
    bar_width = min(48, slot * 0.6)
    value_colour = palette.readable(palette.primary)
    for n, (rating, count) in enumerate(distribution):
        centre = plot_left + slot * (n + 0.5)
        height = (plot_bottom - plot_top) * count / top
        canvas.rect(
            centre - bar_width / 2, plot_bottom - height, bar_width, height, palette.primary
        )
        canvas.text(
            centre,
            plot_bottom - height - 5,
            truncate(str(count), slot, 11, bold=True),
            size=11,
            anchor="middle",
            bold=True,
            fill=value_colour,
        )
        canvas.text(centre, plot_bottom + 16, truncate(rating, slot, 11), size=11, anchor="middle")
    canvas.text(
        (plot_left + plot_right) / 2,
        plot_bottom + 36,
        truncate(x_label, plot_right - plot_left, 11),
        size=11,
        anchor="middle",
        fill=palette.muted,
    )
    canvas.text(
        PAD + 12,
        (plot_top + plot_bottom) / 2,
        truncate(y_label, plot_bottom - plot_top, 11),
        size=11,
        anchor="middle",
        fill=palette.muted,
        rotate=True,
    )
    return canvas.chart(plot_bottom + 46, title=title, desc=desc, key=key)
