"""Every table of the output paper, as the paper shows it: the data tables of its figures (in
document order, whatever section lays them out), the themes of each café question and the
pitches. `tables(event, paper, public=...)` reads the document once (`document.context`), and
`cached_tables` keeps its outcome while the paper's fingerprint holds;
`csv_bytes`, `xlsx_bytes` and `workbook_bytes` write them with formula-safe cells."""

from __future__ import annotations

import csv
import dataclasses
import io
import re

from django.core.cache import cache
from django.utils import formats, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from clustermeet.events.models import Event
from clustermeet.paper import document
from clustermeet.paper.models import Paper
from clustermeet.paper.pdfs.fingerprint import fingerprint
from clustermeet.paper.sections import Table
from clustermeet.paper.sections.base import Figure, n
from clustermeet.people.spreadsheets import spreadsheet_safe

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
CACHE_SECONDS = 24 * 60 * 60


@dataclasses.dataclass
class PaperTable:
    number: int  # in document order, from 1
    section: str  # its section's title
    table: Table

    @property
    def caption(self) -> str:
        return self.table.caption


def _found(value, seen: set[int]):
    """The Table objects inside a section's context, in order (figures' tables included)."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Table):
        yield value
    elif isinstance(value, Figure):
        if value.table is not None:
            yield from _found(value.table, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _found(item, seen)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _found(item, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _found(getattr(value, field.name), seen)


def _cafe_tables(context: dict) -> list[Table]:
    found = []
    for cafe in context["cafes"]:
        for question in cafe.questions:
            found.append(
                Table(
                    f"{cafe.session} — {question.text}",
                    [_("Rank"), _("Theme"), _("Points"), _("A representative note")],
                    [[n(t.rank), t.label, n(t.count), t.representative] for t in question.themes],
                    {0, 2},
                )
            )
    return found


def _pitch_table(context: dict) -> list[Table]:
    pitches = context["figure"].pitches
    if not pitches:
        return []
    return [
        Table(
            _("The pitches and the contacts they brought (“Contact me about this”)"),
            [_("Pitch"), _("Kind"), _("Organisation"), _("Contacts")],
            [[p.title, p.kind, p.organisation, n(p.contacts)] for p in pitches],
            {3},
        )
    ]


def tables(event: Event, paper: Paper, *, public: bool) -> list[PaperTable]:
    """The paper's tables in the active language; `public`: the public sections' only."""
    content = document.context(event, paper, public=public)
    found: list[PaperTable] = []
    for section in content["sections"]:
        own = list(_found(section.context, set()))
        if section.key == "cafes":
            own += _cafe_tables(section.context)
        elif section.key == "networking":
            own += _pitch_table(section.context)
        found += [PaperTable(len(found) + i, section.title, t) for i, t in enumerate(own, 1)]
    return found


def cached_tables(event: Event, paper: Paper, *, public: bool) -> list[PaperTable]:
    """`tables`, kept in the cache under the paper's fingerprint (`paper.pdfs.fingerprint`),
    the language and the audience: the tables page and its files read the document (and lay
    out its charts) once per change of the event's data or texts, not once per request."""
    key = ":".join(
        [
            "paper-tables",
            str(event.pk),
            translation.get_language() or "",
            "public" if public else "full",
            fingerprint(paper),
        ]
    )
    found = cache.get(key)
    if found is None:
        found = tables(event, paper, public=public)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _cell(value: str, numeric: bool):
    """A number column's grouped integer as a number (the spreadsheet adds it up); anything
    else as the text the paper shows, formula-safe."""
    if numeric:
        separator = formats.get_format("THOUSAND_SEPARATOR")
        plain = value.replace(separator, "").replace("\u00a0", "").replace("\u202f", "")
        if plain.isdigit():
            return int(plain)
    return spreadsheet_safe(value)


def csv_bytes(item: PaperTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([spreadsheet_safe(h) for h in item.table.headers])
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in item.table.rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: spreadsheets read UTF-8


def _sheet(book: Workbook, item: PaperTable, names: set[str]):
    base = SHEET_FORBIDDEN.sub(" ", f"{item.number} {item.caption}")[:31].strip()
    name, extra = base, 1
    while name.lower() in names:  # the captions may begin alike
        extra += 1
        name = f"{base[:27]} ({extra})"
    names.add(name.lower())
    sheet = book.create_sheet(name)
    sheet.append([spreadsheet_safe(item.caption)])
    sheet.append([spreadsheet_safe(h) for h in item.table.headers])
    for row in item.table.rows:
        sheet.append([_cell(cell, column in item.table.numeric) for column, cell in enumerate(row)])
    for column, _header in enumerate(item.table.headers):
        widest = max([len(str(r[column])) for r in item.table.rows] + [10])
        sheet.column_dimensions[chr(ord("A") + column)].width = min(60, widest + 2)


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bytes(item: PaperTable) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _sheet(book, item, set())
    return _save(book)


def workbook_bytes(items: list[PaperTable]) -> bytes:
    """All the tables, a sheet each (named by number and caption)."""
    book = Workbook()
    book.remove(book.active)
    names: set[str] = set()
    for item in items:
        _sheet(book, item, names)
    if not items:
        book.create_sheet(_("Tables")[:31])
    return _save(book)
