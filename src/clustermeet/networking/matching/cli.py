"""`clustermeet recommend`: whom each participant should meet (shared/FORMATS.md).

Input {"top": 10, "people": [{"id", "offering", "looking_for", "ecosystems", "country",
"organisation", "languages"}]}: `top` defaults to 10; every field of a person but `id` may be
missing or null (empty); unknown keys are ignored. Output {"recommendations": {id: [{"id",
"score", "reason"}]}}, a list for every person in input order. See `ranking` for the
scoring. Invalid input exits 2 with one line naming the field and writes nothing."""

from collections.abc import Sequence
from typing import Any

from clustermeet.jsoncli import InputError, run
from clustermeet.networking.matching.ranking import Profile, recommend

DEFAULT_TOP = 10
TEXT_FIELDS = ("offering", "looking_for", "country", "organisation")
LIST_FIELDS = ("ecosystems", "languages")


def _text(person: dict, field: str, where: str) -> str:
    value = person.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{where}.{field}: must be a string")
    return value


def _strings(person: dict, field: str, where: str) -> tuple[str, ...]:
    value = person.get(field)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f"{where}.{field}: must be a list of strings")
    for k, item in enumerate(value):
        if not isinstance(item, str):
            raise InputError(f"{where}.{field}[{k}]: must be a string")
    return tuple(value)


def parse(data: Any) -> tuple[list[Profile], int]:
    """The profiles and `top` of a decoded input document; InputError names a bad field."""
    if not isinstance(data, dict):
        raise InputError("input: must be a JSON object")
    top = data.get("top", DEFAULT_TOP)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError("top: must be a positive integer")
    if "people" not in data:
        raise InputError("people: missing")
    people = data["people"]
    if not isinstance(people, list):
        raise InputError("people: must be a list")
    profiles: list[Profile] = []
    seen: set[str] = set()
    for n, person in enumerate(people):
        where = f"people[{n}]"
        if not isinstance(person, dict):
            raise InputError(f"{where}: must be an object")
        if "id" not in person:
            raise InputError(f"{where}.id: missing")
        identifier = person["id"]
        if not isinstance(identifier, str) or not identifier.strip():
            raise InputError(f"{where}.id: must be a non-empty string")
        if identifier in seen:
            raise InputError(f"{where}.id: duplicate id {identifier!r}")
        seen.add(identifier)
        texts = {field: _text(person, field, where) for field in TEXT_FIELDS}
        lists = {field: _strings(person, field, where) for field in LIST_FIELDS}
        profiles.append(Profile(id=identifier, **texts, **lists))
    return profiles, top


def handle(data: Any) -> dict:
    profiles, top = parse(data)
    result = recommend(profiles, top)
    return {
        "recommendations": {
            person: [{"id": r.id, "score": r.score, "reason": r.reason_text} for r in found]
            for person, found in result.items()
        }
    }


def main(argv: Sequence[str] | None = None) -> int:
    return run("recommend", "Whom each participant should meet.", handle, argv)
