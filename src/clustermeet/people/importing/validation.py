"""Checking an import file's rows: every error in the file, or rows ready to be written."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from clustermeet.events.models import Ecosystem, Event
from clustermeet.people.importing.columns import (
    COLUMNS,
    IMPORTABLE_STATUSES,
    LIST_SEPARATOR,
    MAX_LENGTHS,
    NO,
    REQUIRED_COLUMNS,
    YES,
    column_key,
    column_order,
)
from clustermeet.people.importing.errors import ImportRejected, RowError
from clustermeet.people.models import (
    OrganisationType,
    Person,
    Registration,
    Role,
    StakeholderType,
)
from clustermeet.people.services import ProfileData


@dataclass
class ValidRow:
    """A row that passed validation. `number` is its row in the file."""

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

    def profile(self) -> ProfileData:
        """The row's profile, as the registration form would give it to services."""
        return ProfileData(
            first_name=self.first_name,
            last_name=self.last_name,
            email=self.email,
            country=self.country,
            organisation_name=self.organisation,
            organisation_type=self.organisation_type,
            job_title=self.job_title,
            offering=self.offering,
            looking_for=self.looking_for,
            ecosystems=self.ecosystems,
        )


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
    """Value by value and by label, in English and in the active language, lower case."""
    found = {}
    for value, label in choices.choices:
        found[value.lower()] = value
        found[str(label).lower()] = value
        with translation.override("en"):
            found[str(label).lower()] = value
    return found


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def _validate_row(
    number: int, cells: dict[str, str], present: set[str], lookups: _Lookups
) -> tuple[ValidRow | None, list[RowError]]:
    errors: list[RowError] = []

    def error(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    for column in REQUIRED_COLUMNS:
        if column in present and not cells.get(column):
            error(column, _("required, but empty"))
    for column, limit in MAX_LENGTHS.items():
        if len(cells.get(column, "")) > limit:
            error(
                column,
                ngettext(
                    "longer than %(limit)d character", "longer than %(limit)d characters", limit
                )
                % {"limit": limit},
            )

    email = cells.get("email", "").lower()
    if email and len(email) <= MAX_LENGTHS["email"]:
        try:
            validate_email(email)
        except ValidationError:
            error("email", _("invalid e-mail address '%(value)s'") % {"value": cells["email"]})

    country = cells.get("country", "").upper()
    if country and country not in lookups.countries:
        error("country", _("unknown country code '%(value)s'") % {"value": cells["country"]})

    row = ValidRow(
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

    for column, table, unknown in (
        (
            "organisation_type",
            lookups.organisation_types,
            _("unknown organisation type '%(value)s'"),
        ),
        ("stakeholder_type", lookups.stakeholder_types, _("unknown stakeholder type '%(value)s'")),
    ):
        if text := cells.get(column, ""):
            if text.lower() in table:
                setattr(row, column, table[text.lower()])
            else:
                error(column, unknown % {"value": text})

    for text in _split(cells.get("ecosystems", "")):
        ecosystem = lookups.ecosystem(text)
        if ecosystem is None:
            error("ecosystems", _("unknown ecosystem '%(value)s'") % {"value": text})
        elif ecosystem not in row.ecosystems:
            row.ecosystems.append(ecosystem)

    for text in _split(cells.get("roles", "")) or [Role.PARTICIPANT]:
        role = lookups.roles.get(text.lower())
        if role is None:
            error("roles", _("unknown role '%(value)s'") % {"value": text})
        elif role not in row.roles:
            row.roles.append(role)

    if status := cells.get("status", "").lower():
        if status in IMPORTABLE_STATUSES:
            row.status = IMPORTABLE_STATUSES[status]
        else:
            error(
                "status",
                # Translators: "approved" and "pending" are the values to write in the file's
                # status column; keep them in English.
                _("unknown status '%(value)s' (use approved or pending)")
                % {"value": cells["status"]},
            )

    consent = cells.get("directory_consent", "").lower()
    if consent in YES:
        row.directory_consent = True
    elif consent not in NO:
        error(
            "directory_consent",
            # Translators: "yes" and "no" are the values to write in the file's directory_consent
            # column; keep them in English.
            _("'%(value)s' is not yes or no") % {"value": cells["directory_consent"]},
        )

    return (None if errors else row), errors


def _already_registered(status: str) -> str:
    """The error for a person registered already, one whole sentence per status."""
    if status == Registration.Status.APPROVED:
        return _("'%(email)s' is already registered for this event (approved)")
    if status == Registration.Status.PENDING:
        return _("'%(email)s' is already registered for this event (pending approval)")
    if status == Registration.Status.DECLINED:
        return _("'%(email)s' is already registered for this event (declined)")
    return _("'%(email)s' is already registered for this event (cancelled)")


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


def validate(event: Event, table: list[list[str]]) -> tuple[list[ValidRow], dict[str, Person]]:
    """The rows of the file, checked, and the accounts that exist already for their e-mail
    addresses; raises ImportRejected with every error found."""
    if not table or not any(table[0]):
        raise ImportRejected(
            [RowError(1, "", _("the file is empty: the first row must be a header"))]
        )
    errors: list[RowError] = []
    columns: dict[str, int] = {}
    for index, header in enumerate(table[0]):
        key = column_key(header)
        if not key or key not in COLUMNS:
            continue  # columns we do not know are ignored
        if key in columns:
            errors.append(RowError(1, key, _("the column appears twice")))
        else:
            columns[key] = index
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            errors.append(RowError(1, column, _("missing required column")))
    present = set(columns)

    lookups = _Lookups()
    rows: list[ValidRow] = []
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
                    RowError(
                        number,
                        "email",
                        _("duplicate of row %(row)d ('%(email)s')")
                        % {"row": first_row_of[email], "email": email},
                    )
                )
                row = None
            else:
                first_row_of[email] = number
        if row is not None:
            rows.append(row)
    if not first_row_of and not errors:
        errors.append(RowError(2, "", _("the file has a header but no participants")))

    existing = _existing_people(list(first_row_of))
    registered = _registered(event, existing.values())
    for email, number in first_row_of.items():
        person = existing.get(email)
        if person is not None and person.pk in registered:
            message = _already_registered(registered[person.pk])
            errors.append(RowError(number, "email", message % {"email": email}))
    if errors:
        errors.sort(key=lambda e: (e.row, column_order(e.column)))
        raise ImportRejected(errors)
    return rows, existing
