"""What a rejected import reports."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class RowError:
    """One problem in the file. `row` counts as a spreadsheet does: the header is row 1."""

    row: int
    column: str
    message: str  # translated when the error is made, in the language of the request

    def __str__(self) -> str:
        if self.column:
            # Translators: one error of a rejected participant import, e.g.
            # "row 3, email: invalid e-mail address 'x'"; the column is a column name of the file.
            return _("row %(row)d, %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        # Translators: one error of a rejected participant import about the file or a whole row.
        return _("row %(row)d: %(message)s") % {"row": self.row, "message": self.message}


class ImportRejected(Exception):
    """The file has errors; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))
