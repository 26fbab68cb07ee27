"""The dashboard's small charts as SVG, drawn on the server (no chart library, nothing loaded
from elsewhere). Each returns a `Chart`: the viewBox's size and the plot's markup; the template
wraps it in an `<svg role="img">` with its title and text alternative, and puts the numbers
beside it. `static/clustermeet/reports/dashboard.js` draws the same geometry from each update
(keep the two in step)."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 300, 64, 4
COLUMN, COLUMN_GAP, COLUMNS_HEIGHT, COLUMN_LABELS = 34, 8, 160, 20
ROW_HEIGHT, ROW_BAR, ROWS_WIDTH, ROW_LABEL = 38, 12, 360, 16


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot: SafeString


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def sparkline(values: list[int]) -> Chart:
    """A line of `values` (one per day) over the chart's width, the highest at the top, zero
    at the bottom; the last value marked with a dot."""
    inner_w, inner_h = SPARK_WIDTH - 2 * SPARK_PAD, SPARK_HEIGHT - 2 * SPARK_PAD
    most = max(values, default=0) or 1
    step = inner_w / max(len(values) - 1, 1)
    points = [
        (SPARK_PAD + i * step, SPARK_PAD + inner_h - value * inner_h / most)
        for i, value in enumerate(values)
    ]
    if not points:
        return Chart(SPARK_WIDTH, SPARK_HEIGHT, mark_safe(""))
    line = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
    base = _num(SPARK_PAD + inner_h)
    area = f"{_num(points[0][0])},{base} {line} {_num(points[-1][0])},{base}"
    last_x, last_y = points[-1]
    plot = format_html(
        '<polygon class="spark-area" points="{}"/><polyline class="spark-line" points="{}"/>'
        '<circle class="spark-dot" cx="{}" cy="{}" r="3"/>',
        area,
        line,
        _num(last_x),
        _num(last_y),
    )
    return Chart(SPARK_WIDTH, SPARK_HEIGHT, plot)


def columns(rows: list[tuple[str, int]]) -> Chart:
    """Vertical bars, one per (label, value), the value above each bar and the label below."""
    width = max(len(rows), 1) * (COLUMN + COLUMN_GAP) + COLUMN_GAP
    top = COLUMN_LABELS  # room for the values
    inner_h = COLUMNS_HEIGHT - top - COLUMN_LABELS
    most = max((value for _label, value in rows), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(rows):
        x = COLUMN_GAP + i * (COLUMN + COLUMN_GAP)
        h = value * inner_h / most
        y = top + inner_h - h
        middle = _num(x + COLUMN / 2)
        bars.append(
            (
                x,
                _num(y),
                COLUMN,
                _num(h),
                middle,
                _num(y - 4),
                value,
                middle,
                COLUMNS_HEIGHT - 4,
                label,
            )
        )
    plot = format_html_join(
        "",
        '<rect class="bar" x="{}" y="{}" width="{}" height="{}"/>'
        '<text class="value" x="{}" y="{}" text-anchor="middle">{}</text>'
        '<text class="label" x="{}" y="{}" text-anchor="middle">{}</text>',
        bars,
    )
    return Chart(width, COLUMNS_HEIGHT, plot)


def rows(items: list[tuple[str, int]]) -> Chart:
    """Horizontal bars, one per (label, value): the label above its bar, the value after it."""
    height = max(len(items), 1) * ROW_HEIGHT
    most = max((value for _label, value in items), default=0) or 1
    room = ROWS_WIDTH - 40  # the widest bar leaves room for its value
    parts = []
    for i, (label, value) in enumerate(items):
        y = i * ROW_HEIGHT
        w = value * room / most
        parts.append(
            (
                y + ROW_LABEL - 2,
                label,
                y + ROW_LABEL + 2,
                _num(w),
                ROW_BAR,
                _num(w + 6),
                y + ROW_LABEL + ROW_BAR,
                value,
            )
        )
    plot = format_html_join(
        "",
        '<text class="label" x="0" y="{}">{}</text>'
        '<rect class="bar" x="0" y="{}" width="{}" height="{}"/>'
        '<text class="value" x="{}" y="{}">{}</text>',
        parts,
    )
    return Chart(ROWS_WIDTH, height, plot)
