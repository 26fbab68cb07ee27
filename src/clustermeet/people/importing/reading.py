"""Reading an import file (CSV or XLSX) into rows of stripped strings."""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from clustermeet.people.importing.errors import ImportRejected, RowError

# Beyond this the file is not a participant list, and reading on would only use memory.
MAX_ROWS = 50_000


def read_rows(file_obj_or_path: Any, filename: str = "") -> list[list[str]]:
    """All rows of the file (header first) as lists of stripped strings."""
    if isinstance(file_obj_or_path, str | os.PathLike):
        path = Path(file_obj_or_path)
        filename = filename or path.name
        data = path.read_bytes()
    else:
        if hasattr(file_obj_or_path, "seek"):
            file_obj_or_path.seek(0)
        data = file_obj_or_path.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
    suffix = Path(filename).suffix.lower()
    if suffix in {".xls", ".ods", ".numbers"}:
        raise ImportRejected(
            [
                RowError(
                    1,
                    "",
                    _("%(suffix)s files cannot be read: save the sheet as XLSX or CSV")
                    % {"suffix": suffix},
                )
            ]
        )
    if suffix in {".xlsx", ".xlsm"} or (suffix not in {".csv", ".txt"} and data[:4] == b"PK\3\4"):
        return _read_xlsx(data)
    return _read_csv(data)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [RowError(1, "", _("the file is not UTF-8 text: save it as 'CSV UTF-8' or as XLSX"))]
        ) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[cell.strip() for cell in record] for record in _limited(reader)]
    except csv.Error as exc:
        raise ImportRejected(
            [
                RowError(
                    reader.line_num,
                    "",
                    # Translators: the parenthesis is the CSV reader's own (English) message.
                    _("the file is not valid CSV (%(problem)s)") % {"problem": exc},
                )
            ]
        ) from exc


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    # openpyxl warns about workbook features it drops (data validation, styles): the values,
    # which are all the import reads, are unaffected.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ImportRejected(
                [RowError(1, "", _("the file is not a readable XLSX workbook"))]
            ) from exc
        try:
            if not workbook.worksheets:
                return []
            rows = workbook.worksheets[0].iter_rows(values_only=True)
            return [[_cell_text(value) for value in row] for row in _limited(rows)]
        finally:
            workbook.close()


def _limited(rows: Iterable) -> Iterator:
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:
            raise ImportRejected(
                [
                    RowError(
                        number,
                        "",
                        _("the file has more than %(max_rows)d rows; split it")
                        % {"max_rows": MAX_ROWS},
                    )
                ]
            )
        yield row
