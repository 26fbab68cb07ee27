"""What a rejected import reports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """One problem in the file. `row` counts as a spreadsheet does: the header is row 1."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


class ImportRejected(Exception):
    """The file has errors; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))
