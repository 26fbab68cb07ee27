"""A small SVG writer for the paper's charts: escaped text, a conservative estimate of a text's
width, wrapping and truncation to a width, colours and their contrast. Pure Python.

Text widths are estimated per character from DejaVu Sans and DejaVu Sans Bold (the widest of
the fonts the charts name), rounded up, plus a margin, so a label measured to fit does fit
whichever of the named fonts renders it (a test checks it against the font files). `Canvas`
records the box of every text it writes, so tests can check that no label leaves the chart."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

FONT = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif"
ELLIPSIS = "…"
MARGIN = 1.02  # 2 % on top of the per-character widths

# em widths of the printable ASCII characters in DejaVu Sans and DejaVu Sans Bold, rounded up
# to 1/100 em (Liberation Sans and Arial are narrower). A letter with accents measures as its
# base letter (NFD), plus 0.14 em; any other character as the widest of its kind in DejaVu
# Sans Bold (Latin, Greek, Cyrillic, general punctuation), and CJK as 1 em.
_ASCII = "".join(map(chr, range(32, 127)))
# fmt: off
_REGULAR = (
    0.32, 0.41, 0.46, 0.84, 0.64, 0.96, 0.78, 0.28, 0.4, 0.4, 0.5, 0.84, 0.32, 0.37, 0.32, 0.34,
    0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84,
    0.54, 1, 0.69, 0.69, 0.7, 0.78, 0.64, 0.58, 0.78, 0.76, 0.3, 0.3, 0.66, 0.56, 0.87, 0.75,
    0.79, 0.61, 0.79, 0.7, 0.64, 0.62, 0.74, 0.69, 0.99, 0.69, 0.62, 0.69, 0.4, 0.34, 0.4, 0.84,
    0.5, 0.5, 0.62, 0.64, 0.55, 0.64, 0.62, 0.36, 0.64, 0.64, 0.28, 0.28, 0.58, 0.28, 0.98, 0.64,
    0.62, 0.64, 0.64, 0.42, 0.53, 0.4, 0.64, 0.6, 0.82, 0.6, 0.6, 0.53, 0.64, 0.34, 0.64, 0.84,
)
_BOLD = (
    0.35, 0.46, 0.53, 0.84, 0.7, 1.01, 0.88, 0.31, 0.46, 0.46, 0.53, 0.84, 0.38, 0.42, 0.38, 0.37,
    0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.4, 0.4, 0.84, 0.84, 0.84, 0.59, 1, 0.78,
    0.77, 0.74, 0.84, 0.69, 0.69, 0.83, 0.84, 0.38, 0.38, 0.78, 0.64, 1, 0.84, 0.86, 0.74, 0.86,
    0.78, 0.73, 0.69, 0.82, 0.78, 1.11, 0.78, 0.73, 0.73, 0.46, 0.37, 0.46, 0.84, 0.5, 0.5, 0.68,
    0.72, 0.6, 0.72, 0.68, 0.44, 0.72, 0.72, 0.35, 0.35, 0.67, 0.35, 1.05, 0.72, 0.69, 0.72, 0.72,
    0.5, 0.6, 0.48, 0.72, 0.66, 0.93, 0.65, 0.66, 0.59, 0.72, 0.37, 0.72, 0.84,
)
# fmt: on
# common punctuation beyond ASCII, as wide as in DejaVu Sans Bold
_PUNCTUATION = {
    "…": 1.0,
    "–": 0.5,
    "—": 1.0,
    "‘": 0.38,
    "’": 0.38,
    "“": 0.66,
    "”": 0.66,
    "•": 0.64,
    "€": 0.7,
    "·": 0.38,
    "×": 0.84,
    "\u00a0": 0.35,
}  # fmt: skip
_WIDTHS = (
    dict(zip(_ASCII, _REGULAR, strict=True)) | _PUNCTUATION,
    dict(zip(_ASCII, _BOLD, strict=True)) | _PUNCTUATION,
)
_ACCENT = 0.14  # the widest difference: ľ against l in DejaVu Sans Bold
_LOWER, _UPPER, _OTHER, _CJK = 1.3, 1.56, 1.9, 1.0


def char_width(char: str, bold: bool = False) -> float:
    widths = _WIDTHS[bold]
    if char in widths:
        return widths[char]
    base = unicodedata.normalize("NFD", char)[:1]
    if base in widths and base != char:
        return widths[base] + _ACCENT
    if "\u2e80" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uff00" <= char <= "\uffef":
        return _CJK
    if char.islower():
        return _LOWER
    if char.isupper():
        return _UPPER
    return _OTHER


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An upper bound of the width of `text` at font size `size` (user units)."""
    return sum(char_width(c, bold) for c in text) * size * MARGIN


def truncate(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """`text`, or its longest start that fits `width` with an ellipsis."""
    if text_width(text, size, bold=bold) <= width:
        return text
    for end in range(len(text) - 1, 0, -1):
        candidate = text[:end].rstrip() + ELLIPSIS
        if text_width(candidate, size, bold=bold) <= width:
            return candidate
    return ELLIPSIS if text_width(ELLIPSIS, size, bold=bold) <= width else ""


def wrap(text: str, width: float, size: float, *, max_lines: int, bold: bool = False) -> list[str]:
    """`text` in at most `max_lines` lines that each fit `width`, broken between words (a word
    longer than the width is cut); the last line ends with an ellipsis when text is left over."""
    words = text.split()
    lines: list[str] = []
    i = 0
    while i < len(words) and len(lines) < max_lines:
        if len(lines) == max_lines - 1:
            lines.append(truncate(" ".join(words[i:]), width, size, bold=bold))
            break
        line = words[i]
        i += 1
        while i < len(words) and text_width(f"{line} {words[i]}", size, bold=bold) <= width:
            line = f"{line} {words[i]}"
            i += 1
        lines.append(truncate(line, width, size, bold=bold))
    return lines or [""]


# -- colours ----------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(colour: str, other: str, share: float) -> str:
    """`share` of `other` mixed into `colour` (0 keeps `colour`)."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, two: str) -> float:
    """The WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class Palette:
    primary: str = "#0b4f9c"
    accent: str = "#c2410c"
    ink: str = "#1b2330"
    muted: str = "#4f5b6b"
    line: str = "#c9d1db"
    paper: str = "#ffffff"

    def text_on(self, fill: str) -> str:
        """Ink or white, whichever reads better on `fill`."""
        return self.ink if contrast(self.ink, fill) >= contrast("#ffffff", fill) else "#ffffff"

    def readable(self, colour: str) -> str:
        """`colour`, darkened until it has 4.5:1 on white (for text and thin marks)."""
        for step in range(11):
            candidate = mix(colour, "#000000", step / 10)
            if contrast(candidate, self.paper) >= 4.5:
                return candidate
        return self.ink


# -- the canvas --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    text: str = ""

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return not (
            self.right + gap <= other.x
            or other.right + gap <= self.x
            or self.bottom + gap <= other.y
            or other.bottom + gap <= self.y
        )


@dataclass(frozen=True)
class Chart:
    """An SVG chart: its markup, its size (the viewBox), and the boxes of its texts."""

    svg: str
    width: float
    height: float
    texts: tuple[Box, ...]


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass
class Canvas:
    width: float
    palette: Palette = field(default_factory=Palette)
    parts: list[str] = field(default_factory=list)
    texts: list[Box] = field(default_factory=list)

    def rect(self, x: float, y: float, width: float, height: float, fill: str, **attrs) -> None:
        extra = "".join(f" {k.replace('_', '-')}={quoteattr(str(v))}" for k, v in attrs.items())
        self.parts.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(max(width, 0))}" '
            f'height="{_num(max(height, 0))}" fill="{fill}"{extra}/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, width=1.0) -> None:
        self.parts.append(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'stroke="{stroke}" stroke-width="{_num(width)}"/>'
        )

    def circle(self, cx: float, cy: float, r: float, fill: str) -> None:
        self.parts.append(f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" fill="{fill}"/>')

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 12,
        anchor: str = "start",
        bold: bool = False,
        fill: str | None = None,
        rotate: bool = False,
    ) -> Box:
        """A line of text whose baseline starts (or is centred, or ends) at x, y; its box is
        recorded (ascent 0.95 em above the baseline, descent 0.25 em below)."""
        width = text_width(text, size, bold=bold)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        if rotate:  # turned 90° anticlockwise around (x, y): the text runs upwards
            box = Box(
                x - 0.95 * size,
                y - (width if anchor == "start" else width / 2),
                1.2 * size,
                width,
                text,
            )
            transform = f' transform="rotate(-90 {_num(x)} {_num(y)})"'
        else:
            box = Box(left, y - 0.95 * size, width, 1.2 * size, text)
            transform = ""
        self.texts.append(box)
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(
            f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" '
            f'text-anchor="{anchor}" fill="{fill or self.palette.ink}"{weight}{transform}>'
            f"{escape(text)}</text>"
        )
        return box

    def chart(self, height: float, *, title: str, desc: str, key: str) -> Chart:
        """The finished SVG: `role="img"`, labelled by its <title> and described by its <desc>
        (ids made unique with `key`)."""
        height = math.ceil(height)
        ident = "".join(c if c.isalnum() else "-" for c in key)
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(self.width)} {height}" '
            f'width="{_num(self.width)}" height="{height}" role="img" '
            f'aria-labelledby="{ident}-t {ident}-d" font-family="{FONT}" class="chart">'
            f'<title id="{ident}-t">{escape(title)}</title>'
            f'<desc id="{ident}-d">{escape(desc)}</desc>'
            f'<rect width="{_num(self.width)}" height="{height}" fill="{self.palette.paper}"/>'
            + "".join(self.parts)
            + "</svg>"
        )
        return Chart(svg, self.width, height, tuple(self.texts))
