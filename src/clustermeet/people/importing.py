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
`services.create_person` makes (no usable password: people log in with a one-time link), written
in bulk so that a file of thousands of rows takes a second, not minutes. The import sends no e-mail.
"""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django_countries import countries

from clustermeet.events.models import Ecosystem, Event
from clustermeet.people.models import (
    Organisation,
    OrganisationType,
    Person,
    Registration,
    Role,
    StakeholderType,
)

REQUIRED_COLUMNS = ["email", "first_name", "last_name", "country"]
OPTIONAL_COLUMNS = [
    "organisation",
    "organisation_type",
    "stakeholder_type",
    "job_title",
    "offering",
    "looking_for",
    "ecosystems",
    "roles",
    "status",
    "directory_consent",
]
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# Other spellings organisers use for the same columns.
ALIASES = {
    "e_mail": "email",
    "email_address": "email",
    "firstname": "first_name",
    "given_name": "first_name",
    "lastname": "last_name",
    "surname": "last_name",
    "family_name": "last_name",
    "organization": "organisation",
    "organization_type": "organisation_type",
}
MAX_LENGTHS = {
    "email": Person._meta.get_field("email").max_length,
    "first_name": Person._meta.get_field("first_name").max_length,
    "last_name": Person._meta.get_field("last_name").max_length,
    "job_title": Person._meta.get_field("job_title").max_length,
    "organisation": Organisation._meta.get_field("name").max_length,
}
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}
IMPORTABLE_STATUSES = {
    Registration.Status.APPROVED.value: Registration.Status.APPROVED,
    Registration.Status.PENDING.value: Registration.Status.PENDING,
}
LIST_SEPARATOR = ";"
# Beyond this the file is not a participant list, and reading on would only use memory.
MAX_ROWS = 50_000


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


@dataclass
class ImportResult:
    created_people: int = 0
    reused_people: int = 0
    registrations: int = 0


@dataclass
class _Row:
    number: int
    email: str
    first_name: str
    last_name: str
    country: str
    organisation: str = ""
    organisation_type: str = OrganisationType.OTHER
    stakeholder_type: str = StakeholderType.OTHER
    job_title: str = ""
    offering: str = ""
    looking_for: str = ""
    ecosystems: list[Ecosystem] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    status: str = Registration.Status.APPROVED
    directory_consent: bool = False


# --- reading the file ---------------------------------------------------------------------


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
            [RowError(1, "", "the file is not UTF-8 text: save it as 'CSV UTF-8' or as XLSX")]
        ) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[cell.strip() for cell in record] for record in _limited(reader)]
    except csv.Error as exc:
        raise ImportRejected(
            [RowError(reader.line_num, "", f"the file is not valid CSV ({exc})")]
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
                [RowError(1, "", "the file is not a readable XLSX workbook")]
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
                [RowError(number, "", f"the file has more than {MAX_ROWS} rows; split it")]
            )
        yield row


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
            [RowError(1, "", f"{suffix} files cannot be read: save the sheet as XLSX or CSV")]
        )
    if suffix in {".xlsx", ".xlsm"} or (suffix not in {".csv", ".txt"} and data[:4] == b"PK\3\4"):
        return _read_xlsx(data)
    return _read_csv(data)


def _column_key(header: str) -> str:
    key = "_".join(header.strip().lower().replace("-", " ").split())
    return ALIASES.get(key, key)


# --- validation ---------------------------------------------------------------------------


class _Lookups:
    """Reference data loaded once per import, matched case-insensitively."""

    def __init__(self) -> None:
        self.countries = {code.upper() for code, _name in countries}
        self.ecosystems: dict[str, Ecosystem] = {}
        for ecosystem in Ecosystem.objects.all():
            for key in (ecosystem.slug, ecosystem.name, slugify(ecosystem.name)):
                self.ecosystems[key.lower()] = ecosystem
        self.roles: dict[str, Role] = {}
        for role in Role.objects.all():
            self.roles[role.code.lower()] = role
            self.roles[role.name.lower()] = role
        self.organisation_types = _choices(OrganisationType)
        self.stakeholder_types = _choices(StakeholderType)

    def ecosystem(self, text: str) -> Ecosystem | None:
        return self.ecosystems.get(text.lower()) or self.ecosystems.get(slugify(text))


def _choices(choices) -> dict[str, str]:
    found = {}
    for value, label in choices.choices:
        found[value.lower()] = value
        found[str(label).lower()] = value
    return found


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def _validate_row(
    number: int, cells: dict[str, str], present: set[str], lookups: _Lookups
) -> tuple[_Row | None, list[RowError]]:
    errors: list[RowError] = []

    def error(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    for column in REQUIRED_COLUMNS:
        if column in present and not cells.get(column):
            error(column, "required, but empty")
    for column, limit in MAX_LENGTHS.items():
        if len(cells.get(column, "")) > limit:
            error(column, f"longer than {limit} characters")

    email = cells.get("email", "").lower()
    if email and len(email) <= MAX_LENGTHS["email"]:
        try:
            validate_email(email)
        except ValidationError:
            error("email", f"invalid e-mail address '{cells['email']}'")

    country = cells.get("country", "").upper()
    if country and country not in lookups.countries:
        error("country", f"unknown country code '{cells['country']}'")

    row = _Row(
        number=number,
        email=email,
        first_name=cells.get("first_name", ""),
        last_name=cells.get("last_name", ""),
        country=country,
        organisation=" ".join(cells.get("organisation", "").split()),
        job_title=cells.get("job_title", ""),
        offering=cells.get("offering", ""),
        looking_for=cells.get("looking_for", ""),
    )

    for column, table in (
        ("organisation_type", lookups.organisation_types),
        ("stakeholder_type", lookups.stakeholder_types),
    ):
        if text := cells.get(column, ""):
            if text.lower() in table:
                setattr(row, column, table[text.lower()])
            else:
                error(column, f"unknown {column.replace('_', ' ')} '{text}'")

    for text in _split(cells.get("ecosystems", "")):
        ecosystem = lookups.ecosystem(text)
        if ecosystem is None:
            error("ecosystems", f"unknown ecosystem '{text}'")
        elif ecosystem not in row.ecosystems:
            row.ecosystems.append(ecosystem)

    for text in _split(cells.get("roles", "")) or [Role.PARTICIPANT]:
        role = lookups.roles.get(text.lower())
        if role is None:
            error("roles", f"unknown role '{text}'")
        elif role not in row.roles:
            row.roles.append(role)

    if status := cells.get("status", "").lower():
        if status in IMPORTABLE_STATUSES:
            row.status = IMPORTABLE_STATUSES[status]
        else:
            error("status", f"unknown status '{cells['status']}' (use approved or pending)")

    consent = cells.get("directory_consent", "").lower()
    if consent in YES:
        row.directory_consent = True
    elif consent not in NO:
        error("directory_consent", f"'{cells['directory_consent']}' is not yes or no")

    return (None if errors else row), errors


def _existing_people(emails: list[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for start in range(0, len(emails), 500):
        chunk = emails[start : start + 500]
        people = Person.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=chunk)
        for person in people:
            found[person.email_lower] = person
    return found


def _registered(event: Event, people: Iterable[Person]) -> dict[int, str]:
    """Person id → status of their registration for this event."""
    ids = [person.pk for person in people]
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        rows = Registration.objects.filter(event=event, person_id__in=ids[start : start + 500])
        found.update(rows.values_list("person_id", "status"))
    return found


def validate(event: Event, table: list[list[str]]) -> tuple[list[_Row], dict[str, Person]]:
    """The rows of the file, checked, and the accounts that exist already for their e-mail
    addresses; raises ImportRejected with every error found."""
    if not table or not any(table[0]):
        raise ImportRejected([RowError(1, "", "the file is empty: the first row must be a header")])
    errors: list[RowError] = []
    columns: dict[str, int] = {}
    for index, header in enumerate(table[0]):
        key = _column_key(header)
        if not key or key not in COLUMNS:
            continue  # columns we do not know are ignored
        if key in columns:
            errors.append(RowError(1, key, "the column appears twice"))
        else:
            columns[key] = index
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            errors.append(RowError(1, column, "missing required column"))
    present = set(columns)

    lookups = _Lookups()
    rows: list[_Row] = []
    first_row_of: dict[str, int] = {}
    for number, record in enumerate(table[1:], start=2):
        if not any(record):
            continue
        cells = {
            column: (record[index] if index < len(record) else "")
            for column, index in columns.items()
        }
        row, row_errors = _validate_row(number, cells, present, lookups)
        errors.extend(row_errors)
        email = cells.get("email", "").lower()
        if email:
            if email in first_row_of:
                errors.append(
                    RowError(number, "email", f"duplicate of row {first_row_of[email]} ('{email}')")
                )
                row = None
            else:
                first_row_of[email] = number
        if row is not None:
            rows.append(row)
    if not first_row_of and not errors:
        errors.append(RowError(2, "", "the file has a header but no participants"))

    existing = _existing_people(list(first_row_of))
    registered = _registered(event, existing.values())
    for email, number in first_row_of.items():
        person = existing.get(email)
        if person is not None and person.pk in registered:
            status = Registration.Status(registered[person.pk]).label.lower()
            errors.append(
                RowError(
                    number,
                    "email",
                    f"'{email}' is already registered for this event ({status})",
                )
            )
    if errors:
        errors.sort(key=lambda e: (e.row, _column_order(e.column)))
        raise ImportRejected(errors)
    return rows, existing


def _column_order(column: str) -> int:
    return COLUMNS.index(column) if column in COLUMNS else -1


# --- writing ------------------------------------------------------------------------------


def _organisations(rows: list[_Row]) -> dict[tuple[str, str], Organisation]:
    """(lower-case name, country) → organisation, matched as find_or_create_organisation matches
    (name case-insensitively, same country); the missing ones are created in bulk."""
    wanted: dict[tuple[str, str], _Row] = {}
    for row in rows:
        if row.organisation:  # the first spelling in the file names a new organisation
            wanted.setdefault((row.organisation.lower(), row.country), row)
    found: dict[tuple[str, str], Organisation] = {}
    names = sorted({name for name, _country in wanted})
    for start in range(0, len(names), 500):
        candidates = Organisation.objects.annotate(name_lower=Lower("name")).filter(
            name_lower__in=names[start : start + 500]
        )
        for organisation in candidates.order_by("pk"):
            key = (organisation.name.lower(), organisation.country.code)
            found.setdefault(key, organisation)
    missing = {
        key: Organisation(name=row.organisation, country=row.country, type=row.organisation_type)
        for key, row in wanted.items()
        if key not in found
    }
    Organisation.objects.bulk_create(missing.values(), batch_size=500)
    return found | missing


def _slugs(rows: list[_Row]) -> list[str]:
    """A free slug for each row, as services.unique_person_slug makes them (anna-schmidt,
    anna-schmidt-2, ...), with one query per 500 rows instead of one per row."""
    bases = [slugify(f"{row.first_name} {row.last_name}")[:100] or "person" for row in rows]
    distinct = sorted(set(bases))
    taken: set[str] = set()
    for start in range(0, len(distinct), 500):
        chunk = distinct[start : start + 500]
        taken.update(Person.objects.filter(slug__in=chunk).values_list("slug", flat=True))
    for base in {base for base in distinct if base in taken}:
        taken.update(
            Person.objects.filter(slug__startswith=f"{base}-").values_list("slug", flat=True)
        )
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _create_people(rows: list[_Row]) -> list[Person]:
    """The accounts services.create_person would make for these rows (same fields, no usable
    password: people log in with a one-time link), written in bulk."""
    organisations = _organisations(rows)
    people = []
    for row, slug in zip(rows, _slugs(rows), strict=True):
        person = Person(
            email=row.email,
            first_name=row.first_name,
            last_name=row.last_name,
            country=row.country,
            job_title=row.job_title,
            offering=row.offering,
            looking_for=row.looking_for,
            slug=slug,
            organisation=organisations.get((row.organisation.lower(), row.country)),
        )
        person.set_unusable_password()
        people.append(person)
    Person.objects.bulk_create(people, batch_size=500)
    through = Person.ecosystems.through
    through.objects.bulk_create(
        [
            through(person_id=person.pk, ecosystem_id=ecosystem.pk)
            for person, row in zip(people, rows, strict=True)
            for ecosystem in row.ecosystems
        ],
        batch_size=500,
    )
    return people


def _write(
    event: Event, rows: list[_Row], existing: dict[str, Person], by: Person | None
) -> ImportResult:
    new_rows = [row for row in rows if row.email not in existing]
    created = _create_people(new_rows)
    people = existing | {row.email: person for row, person in zip(new_rows, created, strict=True)}
    now = timezone.now()
    registrations = [
        Registration(
            event=event,
            person=people[row.email],
            status=row.status,
            stakeholder_type=row.stakeholder_type,
            # The organiser vouches for the terms having been accepted (module docstring).
            terms_accepted_at=now,
            directory_consent_at=now if row.directory_consent else None,
            source=Registration.Source.IMPORT,
            created_at=now,
            decided_at=now if row.status == Registration.Status.APPROVED else None,
            decided_by=by if row.status == Registration.Status.APPROVED else None,
        )
        for row in rows
    ]
    Registration.objects.bulk_create(registrations, batch_size=500)
    through = Registration.roles.through
    through.objects.bulk_create(
        [
            through(registration_id=registration.pk, role_id=role.pk)
            for registration, row in zip(registrations, rows, strict=True)
            for role in row.roles
        ],
        batch_size=500,
    )
    return ImportResult(
        created_people=len(new_rows),
        reused_people=len(rows) - len(new_rows),
        registrations=len(registrations),
    )


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
            return _write(event, rows, existing, by)
    except IntegrityError as exc:
        # Someone registered one of these people while the file was being imported.
        raise ImportRejected(
            [RowError(1, "", f"the import clashed with a change made meanwhile, try again ({exc})")]
        ) from exc
