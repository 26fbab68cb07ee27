"""Cursor pagination for every list: items are ordered by a key of unique values (the last one
is the primary key); the cursor is the key of the last item of the page, signed, so that a client
can only hand back a cursor the API gave it. `limit` is at most 100. Lists read from a query add
`WHERE key > cursor` (no OFFSET), lists built in Python compare the same keys."""

import base64
import json
from collections.abc import Callable, Sequence

from django.core import signing
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from clustermeet.api.errors import ApiError

MAX_LIMIT = 100
DEFAULT_LIMIT = 50
_SALT = "clustermeet.api.cursor"


def encode(values: Sequence) -> str:
    raw = json.dumps(list(values), separators=(",", ":"), default=str)
    signed = signing.Signer(salt=_SALT).sign(raw)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def decode(cursor: str, size: int) -> list:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        signed = base64.urlsafe_b64decode(padded.encode()).decode()
        values = json.loads(signing.Signer(salt=_SALT).unsign(signed))
    except (ValueError, signing.BadSignature, UnicodeDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != size:
        raise ApiError(422, "invalid_cursor", _("This cursor is not valid."), "cursor")
    return values


def _after(fields: Sequence[str], values: Sequence) -> Q:
    """Lexicographic "after" on (fields): f1 > v1, or f1 = v1 and f2 > v2, … ('-f' descends)."""
    condition = Q()
    for n in range(len(fields) - 1, -1, -1):
        name = fields[n].lstrip("-")
        op = "lt" if fields[n].startswith("-") else "gt"
        step = Q(**{f"{name}__{op}": values[n]})
        if n < len(fields) - 1:
            step |= Q(**{name: values[n]}) & condition
        condition = step
    return condition


def _next_link(request, cursor: str) -> str:
    params = request.GET.copy()
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def page(
    request,
    items,
    *,
    key: Sequence[str],
    cursor: str | None,
    limit: int,
    value: Callable | None = None,
    shape: Callable | None = None,
) -> dict:
    """One page of `items` (a QuerySet, or a list already in `key` order with `value(item)`
    giving its key) as {"items", "next", "next_cursor"}; `shape` turns the page's rows into
    what the schema shows (in bulk, so a page costs the same queries at any size)."""
    limit = max(1, min(limit, MAX_LIMIT))
    if isinstance(items, QuerySet):
        if cursor:
            items = items.filter(_after(key, decode(cursor, len(key))))
        rows = list(items.order_by(*key)[: limit + 1])

        def value(row):
            values = []
            for field in key:
                current = row
                for part in field.lstrip("-").split("__"):
                    current = getattr(current, part if part != "pk" else "pk")
                values.append(current)
            return values
    else:
        rows = list(items)
        if cursor:
            after = decode(cursor, len(key))
            rows = [row for row in rows if _later(_jsonable(value(row)), after, key)]
        rows = rows[: limit + 1]
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode(_jsonable(value(rows[-1]))) if more and rows else None
    return {
        "items": shape(rows) if shape else rows,
        "next": _next_link(request, next_cursor) if next_cursor else None,
        "next_cursor": next_cursor,
    }


def _jsonable(values) -> list:
    return json.loads(json.dumps(list(values), default=str))


def _later(values: list, after: list, key: Sequence[str]) -> bool:
    for field, mine, theirs in zip(key, values, after, strict=True):
        if mine == theirs:
            continue
        try:
            greater = mine > theirs
        except TypeError:
            return False
        return greater != field.startswith("-")
    return False
