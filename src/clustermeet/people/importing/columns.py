"""The columns of an import file and the values its cells may take."""

from __future__ import annotations

from clustermeet.people.models import Organisation, Person, Registration

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


def column_key(header: str) -> str:
    """The column a header names: "First name" and "first-name" are `first_name`."""
    key = "_".join(header.strip().lower().replace("-", " ").split())
    return ALIASES.get(key, key)


def column_order(column: str) -> int:
    """Sort key for errors within a row: file-level errors first, then the columns in order."""
    return COLUMNS.index(column) if column in COLUMNS else -1
