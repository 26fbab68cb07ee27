"""What every section's layout shares: grouped numbers, the whole-percent rule, tables, figures
numbered in document order, and the builder they hang on."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format

from clustermeet.paper.charts.svg import Palette


def n(value) -> str:
    return number_format(value, force_grouping=True)


def whole_percent(count: int, total: int) -> int:
    """count / total as a whole percentage, rounded half up on the exact counts."""
    return (200 * count + total) // (2 * total) if total else 0


def percent_text(count: int, total: int) -> str:
    """The whole percentage with its sign; "<1%" for a share that is not nil but rounds to 0."""
    share = whole_percent(count, total)
    return "<1%" if share == 0 and count else f"{share}%"


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # columns aligned right
    compact: bool = False  # a long list of short rows, laid out in two columns on paper
    own_words: bool = False  # the rows are people's own words (answers): not ours to translate

    @property
    def pairs(self) -> list[tuple[list[str], list[str]]]:
        """The rows in two columns, the first half down the left (for print)."""
        half = (len(self.rows) + 1) // 2
        left, right = self.rows[:half], self.rows[half:]
        return [(row, right[i] if i < len(right) else []) for i, row in enumerate(left)]


@dataclass
class Figure:
    number: int
    title: str
    svg: str
    table: Table | None = None
    note: str = ""


@dataclass
class Numbers:
    """Key figures shown as large numbers with their labels."""

    items: list[tuple[str, str]]


class Counter:
    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


@dataclass
class Base:
    palette: Palette
    language: str | None
    figures: Counter = field(default_factory=Counter)

    def figure(self, title: str, make, table: Table | None = None, note: str = "") -> Figure:
        number = self.figures.next()
        chart = make(f"figure-{number}")
        return Figure(number, title, chart.svg, table, note)
