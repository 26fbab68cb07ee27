"""Import participants into an event from a CSV or XLSX file.

The whole file is read and every row validated before anything is written; a file with a single
invalid row is rejected whole (`ImportRejected` lists every error by row and column) and nothing is
imported. A valid file is written in one transaction.

Columns (header names are case- and space-insensitive, "First name" is `first_name`):

    required  email, first_name, last_name, country (ISO 3166-1 alpha-2, "de" or "DE")
    optional  organisation, organisation_type, stakeholder_type, job_title, offering,
              looking_for, ecosystems ("digital; Health"), roles ("speaker; moderator", default
              participant), status (approved or pending, default approved),
              directory_consent (yes/no/true/false/1/0, default no)

Columns not in this list are ignored. Rows that are entirely empty are skipped.

Consent: the import records the terms as accepted at the time of the import. By importing, the
organiser vouches that every person in the file agreed to the terms of participation (e.g. on the
organiser's own registration form). Listing in the attendee directory is recorded only where the
`directory_consent` column says yes.

People who already have an account (same e-mail address, e.g. from another event) are registered
with that account; their profile is left as they wrote it. New accounts are the ones
`services.create_person` makes, built by the same functions (`services.build_person`,
`allocate_person_slugs`, `find_or_create_organisations`; no usable password: people log in with a
one-time link), written in bulk so that a file of thousands of rows takes a second, not minutes.
The import sends no e-mail.

The modules: `reading` (file → rows of strings), `validation` (rows → checked rows, or every
error), `writing` (checked rows → people and registrations); `columns` and `errors` are shared.
"""

from __future__ import annotations

import os
from typing import IO

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.people.importing.columns import (
    ALIASES,
    COLUMNS,
    IMPORTABLE_STATUSES,
    LIST_SEPARATOR,
    MAX_LENGTHS,
    NO,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    YES,
)
from clustermeet.people.importing.errors import ImportRejected, RowError
from clustermeet.people.importing.reading import MAX_ROWS, read_rows
from clustermeet.people.importing.validation import ValidRow, validate
from clustermeet.people.importing.writing import ImportResult, write
from clustermeet.people.models import Person

__all__ = [
    "ALIASES",
    "COLUMNS",
    "IMPORTABLE_STATUSES",
    "LIST_SEPARATOR",
    "MAX_LENGTHS",
    "MAX_ROWS",
    "NO",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "YES",
    "ImportRejected",
    "ImportResult",
    "RowError",
    "ValidRow",
    "import_participants",
    "read_rows",
    "validate",
]


def import_participants(
    event: Event,
    file_obj_or_path: str | os.PathLike | IO[bytes],
    filename: str = "",
    *,
    by: Person | None = None,
) -> ImportResult:
    """Read, validate and import the file into `event`, all or nothing.

    `filename` tells the format (.csv or .xlsx) when a file object is given; `by` is recorded as
    the organiser who approved the imported registrations."""
    table = read_rows(file_obj_or_path, filename)
    try:
        with transaction.atomic():
            rows, existing = validate(event, table)
            return write(event, rows, existing, by)
    except IntegrityError as exc:
        # Someone registered one of these people while the file was being imported.
        raise ImportRejected(
            [
                RowError(
                    1,
                    "",
                    # Translators: the parenthesis is the database's own (English) message.
                    _("the import clashed with a change made meanwhile, try again (%(problem)s)")
                    % {"problem": exc},
                )
            ]
        ) from exc
