"""The ballots file: every ballot of the given categories as one CSV line that anyone can
recount, and `clustermeet verify-awards` checks against the database.

Columns (a fixed machine format, the header in English whatever the reader's language):
`category` (the category's short name), `voter` (a pseudonym: the first 16 hex characters of
HMAC-SHA256 over "<event pk>:<person pk>", keyed by `salted_hmac` with the fixed salt
`VOTER_SALT` and the site's SECRET_KEY — the same for one voter in every category of an event,
different at another event, not reversible without the key), `finalist_id`, `finalist` (the
name), `channel` (online / onsite), `cast_at` (ISO 8601 in UTC, microseconds included) and
`receipt`. Lines are in category order, then by the time of the ballot. UTF-8 with a BOM (so
spreadsheets read it as UTF-8); a cell that a spreadsheet would run as a formula is written
with a leading apostrophe (`people.spreadsheets.spreadsheet_safe`), which `read_cell` takes
off again."""

import csv
import datetime as dt
import io

from django.utils.crypto import salted_hmac

from clustermeet.awards.models import Ballot, Category
from clustermeet.events.models import Event
from clustermeet.people.spreadsheets import FORMULA_STARTS, spreadsheet_safe

HEADER = ["category", "voter", "finalist_id", "finalist", "channel", "cast_at", "receipt"]
VOTER_SALT = "clustermeet.awards.ballots.voter"


def pseudonym(event_pk: int, person_pk: int) -> str:
    value = f"{event_pk}:{person_pk}"
    return salted_hmac(VOTER_SALT, value, algorithm="sha256").hexdigest()[:16]


def cast_at(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def read_cell(value: str) -> str:
    """A cell as written before `spreadsheet_safe`."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def rows(event: Event, categories: list[Category]) -> list[list[str]]:
    """One row per ballot of the categories (one query)."""
    slugs = {c.pk: c.slug for c in categories}
    ballots = (
        Ballot.objects.filter(category__in=list(slugs))
        .select_related("nomination")
        .order_by("category__position", "category_id", "cast_at", "pk")
    )
    return [
        [
            slugs[b.category_id],
            pseudonym(event.pk, b.voter_id),
            str(b.nomination_id),
            b.nomination.name,
            b.channel,
            cast_at(b.cast_at),
            b.receipt,
        ]
        for b in ballots
    ]


def ballots_csv(event: Event, categories: list[Category]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows(event, categories)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def filename(event: Event, category: Category | None = None) -> str:
    return f"ballots-{event.slug}{'-' + category.slug if category else ''}.csv"
