"""The paper's tables as files: every table of the document, the same numbers, formula-safe
cells, the public sections only for the public."""

import csv
import io

import pytest
from django.utils.html import escape
from openpyxl import load_workbook

from clustermeet.paper import document
from clustermeet.paper.exports import tables as exports
from clustermeet.paper.models import Paper
from tests.paper.data import PUBLIC_AUTHORITIES, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    return build()


def test_every_table_of_the_paper_with_the_same_cells(built):
    paper = Paper.objects.create(event=built.event)
    items = exports.tables(built.event, paper, public=False)
    html = document.render_html(document.context(built.event, paper))
    assert [item.number for item in items] == list(range(1, len(items) + 1))
    assert {item.section for item in items} == {
        "The conference at a glance",
        "Live polls",
        "World cafés",
        "Networking and exhibition",
    }
    for item in items:
        # a café's table is named by its café and question, as its headings in the paper
        for part in (
            item.caption.split(" — ", 1) if item.section == "World cafés" else [item.caption]
        ):
            assert escape(part) in html
        for row in item.table.rows:
            for cell in row:
                assert escape(cell) in html


def test_the_public_authorities_poll_as_csv(built):
    items = exports.tables(built.event, Paper.objects.create(event=built.event), public=False)
    (poll,) = [item for item in items if item.caption == PUBLIC_AUTHORITIES]
    rows = list(csv.reader(io.StringIO(exports.csv_bytes(poll).decode("utf-8-sig"))))
    assert rows == [
        ["Answer", "Votes", "Share of voters"],
        ["Increase public investments", "75", "35%"],
        ["Facilitate collaboration and sharing business intelligence", "70", "33%"],
        ["Simplify regulations", "30", "14%"],
        ["Support services for business", "29", "14%"],
        ["Protect EU market", "5", "2%"],
        ["Help in internationalisation of activities", "4", "2%"],
    ]


def test_the_public_gets_the_public_sections_only(built):
    paper = Paper.objects.create(
        event=built.event, status=Paper.Status.PUBLISHED, public_sections=["polls"]
    )
    items = exports.tables(built.event, paper, public=True)
    assert {item.section for item in items} == {"Live polls"}


def test_a_workbook_has_a_sheet_per_table_with_numbers_as_numbers(built):
    items = exports.tables(built.event, Paper.objects.create(event=built.event), public=False)
    book = load_workbook(io.BytesIO(exports.workbook_bytes(items)))
    assert len(book.sheetnames) == len(items)
    assert len({name.lower() for name in book.sheetnames}) == len(items)
    (poll,) = [item for item in items if item.caption == PUBLIC_AUTHORITIES]
    sheet = book.worksheets[poll.number - 1]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[:3] == [
        [PUBLIC_AUTHORITIES, None, None],
        ["Answer", "Votes", "Share of voters"],
        ["Increase public investments", 75, "35%"],
    ]


def test_cells_that_look_like_formulas_are_text():
    table = exports.Table("=cmd", ["=SUM(A1)", "n"], [["+1 (call)", "1,234"], ["@x", "-"]], {1})
    item = exports.PaperTable(1, "Section", table)
    rows = list(csv.reader(io.StringIO(exports.csv_bytes(item).decode("utf-8-sig"))))
    assert rows == [["'=SUM(A1)", "n"], ["'+1 (call)", "1,234"], ["'@x", "'-"]]
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(item))).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["'=cmd", None],
        ["'=SUM(A1)", "n"],
        ["'+1 (call)", 1234],
        ["'@x", "'-"],
    ]
