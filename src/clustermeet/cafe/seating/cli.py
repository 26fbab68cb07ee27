"""`clustermeet seat-cafe`: the world café seating of shared/FORMATS.md from a JSON file.

Reads ``{"rounds", "seed", "tables": [{"id", "capacity", "host"}], "people": [{"id", "country",
"organisation", "stakeholder"}]}`` and writes ``{"rounds": [[{"table", "people"}]], "stats"}``
(see `plan`). Unknown keys are ignored; a missing or null attribute matches nobody. Invalid
input exits 2 with one line naming the field and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clustermeet.cafe.seating.plan import Person, Table, seat
from clustermeet.jsoncli import InputError, run


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(item: dict, key: str, where: str, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        kind = "a non-empty string" if required else "a string or null"
        raise InputError(f"{where}.{key}: must be {kind}")
    return value


def _objects(data: dict, key: str) -> list[dict]:
    items = data.get(key)
    if not isinstance(items, list):
        raise InputError(f"{key}: must be a list")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InputError(f"{key}[{i}]: must be an object")
    return items


def parse(data: Any) -> tuple[list[Person], list[Table], int, int]:
    """(people, tables, rounds, seed) from the JSON document; InputError names the field."""
    if not isinstance(data, dict):
        raise InputError("input: must be a JSON object")
    rounds = data.get("rounds")
    if not _is_int(rounds):
        raise InputError("rounds: must be an integer")
    seed = data.get("seed", 0)
    if seed is None:
        seed = 0
    if not _is_int(seed):
        raise InputError("seed: must be an integer")
    people = [
        Person(
            id=_text(item, "id", f"people[{i}]", required=True),
            country=_text(item, "country", f"people[{i}]"),
            organisation=_text(item, "organisation", f"people[{i}]"),
            stakeholder=_text(item, "stakeholder", f"people[{i}]"),
        )
        for i, item in enumerate(_objects(data, "people"))
    ]
    tables = []
    for i, item in enumerate(_objects(data, "tables")):
        capacity = item.get("capacity")
        if not _is_int(capacity):
            raise InputError(f"tables[{i}].capacity: must be an integer")
        tables.append(
            Table(
                id=_text(item, "id", f"tables[{i}]", required=True),
                capacity=capacity,
                host=_text(item, "host", f"tables[{i}]"),
            )
        )
    return people, tables, rounds, seed


def handle(data: Any) -> dict:
    people, tables, rounds, seed = parse(data)
    return seat(people, tables, rounds, seed=seed).to_json(tables)


def main(argv: Sequence[str] | None = None) -> int:
    return run(
        "seat-cafe", "World café seating: tables × rounds, new encounters, diversity.", handle, argv
    )
