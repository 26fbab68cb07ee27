"""A small grouped bar chart of the editions' figures: a group per figure, a bar per edition
labelled with the edition's name and its value (not by colour alone). The figures differ by
orders of magnitude (a thousand participants, ten booths), so each group has its own scale,
from 0 to its largest value; a missing figure has no bar and shows "—"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clustermeet.paper.charts.svg import (
    Canvas,
    Chart,
    Palette,
    contrast,
    mix,
    text_width,
    truncate,
    wrap,
)

WIDTH = 640
PAD = 12
VALUE_ROOM = 64
SIZE = 12
GROUP_TITLE = 13
BAR = 14
ROW = 20


@dataclass(frozen=True)
class Group:
    title: str
    values: Sequence[float | None]  # per edition, in the editions' order
    texts: Sequence[str]  # as shown: grouped digits, "12.5%", "—"


def grouped_chart(
    editions: Sequence[str],
    groups: Sequence[Group],
    *,
    title: str,
    desc: str,
    key: str,
    palette: Palette | None = None,
    width: int = WIDTH,
) -> Chart:
    """`width` in px (the page draws a narrow one for phones); the editions' names take the
    room of the longest, at most 30 % of it."""
    canvas = Canvas(width, palette or Palette())
    palette = canvas.palette
    y = PAD + 14
    for line in wrap(title, width - 2 * PAD, 14, max_lines=2, bold=True):
        canvas.text(PAD, y, line, size=14, bold=True)
        y += 18
    # the editions alternate between the primary colour and the lightest tint of it that
    # keeps 3:1 on white (a graphic's contrast); their names label the bars anyway
    tint = next(
        (
            mix(palette.primary, "#ffffff", share)
            for share in (0.45, 0.35, 0.25, 0.15)
            if contrast(mix(palette.primary, "#ffffff", share), palette.paper) >= 3
        ),
        palette.primary,
    )
    fills = [palette.primary if i % 2 == 0 else tint for i in range(len(editions))]
    label = min(max(text_width(name, SIZE) for name in editions) + 4, width * 0.3)
    bar_left, bar_right = PAD + label + 8, width - PAD - VALUE_ROOM
    value_colour = palette.readable(palette.primary)
    for group in groups:
        y += 10
        canvas.text(
            PAD,
            y + GROUP_TITLE,
            truncate(group.title, width - 2 * PAD, GROUP_TITLE, bold=True),
            size=GROUP_TITLE,
            bold=True,
        )
        y += GROUP_TITLE + 8
        top = max((v for v in group.values if v is not None), default=0) or 1
        for n, name in enumerate(editions):
            middle = y + ROW / 2
            canvas.text(PAD, middle + 4, truncate(name, label, SIZE), size=SIZE, fill=palette.muted)
            value = group.values[n]
            length = 0.0 if value is None else (bar_right - bar_left) * value / top
            if length:
                canvas.rect(bar_left, middle - BAR / 2, length, BAR, fills[n])
            canvas.text(
                bar_left + length + 6,
                middle + 4,
                truncate(group.texts[n], VALUE_ROOM - 8, SIZE, bold=True),
                size=SIZE,
                bold=True,
                fill=value_colour if value is not None else palette.muted,
            )
            y += ROW
        canvas.line(bar_left, y - ROW * len(editions), bar_left, y, palette.muted)
    return canvas.chart(y + PAD, title=title, desc=desc, key=key)
