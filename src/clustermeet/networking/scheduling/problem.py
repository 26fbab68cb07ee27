"""Reading and checking a meeting-scheduling problem (see `scheduling` for the model).

`problem_from_json` checks the shape and types of the JSON document of shared/FORMATS.md and
builds a `Problem`; `index_problem` checks its references and fixed meetings and builds the
integer-indexed `Instance` the algorithms work on. Both raise `InputError` with a message that
names the field, e.g. ``meetings[4].people[1]: unknown person 'p99'``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from clustermeet.jsoncli import InputError

DEFAULT_TIME_LIMIT_S = 30.0
MAX_TIME_LIMIT_S = 86_400.0
MAX_WEIGHT = 1e12
# Weights are scaled to integers with at most this many decimal places (and fewer when the
# total would get too large for exact 64-bit arithmetic in the solver).
MAX_DECIMALS = 6
MAX_SCALED_TOTAL = 2**50


@dataclass(frozen=True)
class Slot:
    """A time slot. `tables` is the number of meetings it can hold; None means unlimited."""

    id: str
    tables: int | None = None


@dataclass(frozen=True)
class Person:
    """A participant: the slots they are available in, and an optional cap on meetings."""

    id: str
    available: tuple[str, ...]
    max_meetings: int | None = None


@dataclass(frozen=True)
class Meeting:
    """A requested 1-to-1 meeting. `slot` set means it is fixed in that slot."""

    id: str
    people: tuple[str, str]
    weight: float = 1.0
    slot: str | None = None


@dataclass(frozen=True)
class Problem:
    slots: tuple[Slot, ...]
    people: tuple[Person, ...]
    meetings: tuple[Meeting, ...]
    seed: int = 0
    time_limit_s: float = DEFAULT_TIME_LIMIT_S


# --- JSON shape ---------------------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key)
    if not isinstance(value, list):
        raise InputError(f"{where}{key}: must be a list")
    return value


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise InputError(f"{where}: must be an object")
    return value


def _identifier(item: dict, where: str) -> str:
    value = item.get("id")
    if not isinstance(value, str) or not value:
        raise InputError(f"{where}.id: must be a non-empty string")
    return value


def _optional_count(item: dict, key: str, where: str) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    if not _is_int(value) or value < 0:
        raise InputError(f"{where}.{key}: must be an integer ≥ 0 or null")
    return value


def problem_from_json(data: Any) -> Problem:
    """Build a `Problem` from the parsed JSON input; checks shapes and types only."""
    data = _object(data, "input")
    seed = data.get("seed", 0)
    if seed is None:
        seed = 0
    if not _is_int(seed):
        raise InputError("seed: must be an integer")
    time_limit = data.get("time_limit_s", DEFAULT_TIME_LIMIT_S)
    if time_limit is None:
        time_limit = DEFAULT_TIME_LIMIT_S
    if not _is_number(time_limit) or not 0 < time_limit <= MAX_TIME_LIMIT_S:
        raise InputError(f"time_limit_s: must be a number > 0 and ≤ {MAX_TIME_LIMIT_S:.0f}")

    slots = []
    for i, raw in enumerate(_list(data, "slots", "")):
        where = f"slots[{i}]"
        item = _object(raw, where)
        slots.append(Slot(_identifier(item, where), _optional_count(item, "tables", where)))

    people = []
    for i, raw in enumerate(_list(data, "people", "")):
        where = f"people[{i}]"
        item = _object(raw, where)
        person_id = _identifier(item, where)
        available = _list(item, "available", f"{where}.")
        for j, slot_id in enumerate(available):
            if not isinstance(slot_id, str):
                raise InputError(f"{where}.available[{j}]: must be a slot id (string)")
        max_meetings = _optional_count(item, "max_meetings", where)
        people.append(Person(person_id, tuple(available), max_meetings))

    meetings = []
    for i, raw in enumerate(_list(data, "meetings", "")):
        where = f"meetings[{i}]"
        item = _object(raw, where)
        meeting_id = _identifier(item, where)
        pair = _list(item, "people", f"{where}.")
        if len(pair) != 2:
            raise InputError(f"{where}.people: must list exactly 2 person ids")
        for j, person_id in enumerate(pair):
            if not isinstance(person_id, str):
                raise InputError(f"{where}.people[{j}]: must be a person id (string)")
        weight = item.get("weight", 1.0)
        if not _is_number(weight) or not math.isfinite(weight):
            raise InputError(f"{where}.weight: must be a number")
        slot = item.get("slot")
        if slot is not None and not isinstance(slot, str):
            raise InputError(f"{where}.slot: must be a slot id (string) or null")
        meetings.append(Meeting(meeting_id, (pair[0], pair[1]), weight, slot))

    return Problem(tuple(slots), tuple(people), tuple(meetings), seed, float(time_limit))


# --- the indexed instance -----------------------------------------------------------------


@dataclass
class Instance:
    """The problem with integer indices: slots 0..S-1 in input order, people 0..P-1, meetings
    0..M-1. Weights are integers `w[k] = round(weight * scale)`; `exact` says whether that
    rounding lost nothing (it does unless a weight has more than MAX_DECIMALS decimals)."""

    problem: Problem
    tables: list[int]  # per slot; unlimited slots get M (never binding)
    max_meetings: list[int]  # per person; no cap gives the number of slots
    available: list[list[int]]  # per person, the slot indices in slot order
    a: list[int]  # per meeting, the two people
    b: list[int]
    w: list[int]
    scale: int
    exact: bool
    rounding_excess: Decimal  # Σ max(0, weight - w/scale): added to bounds when not exact
    weights: list[Decimal]  # the weights as written (decimal)
    fixed: list[int]  # per meeting, its fixed slot index, or -1
    candidates: list[list[int]]  # per meeting, slots where both people are available

    @property
    def n_slots(self) -> int:
        return len(self.tables)

    @property
    def n_people(self) -> int:
        return len(self.max_meetings)

    @property
    def n_meetings(self) -> int:
        return len(self.w)


def _unique(ids: list[str], field: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, value in enumerate(ids):
        if not isinstance(value, str) or not value:
            raise InputError(f"{field}[{i}].id: must be a non-empty string")
        if value in index:
            raise InputError(f"{field}[{i}].id: duplicate id '{value}'")
        index[value] = i
    return index


def _scale_weights(weights: list[Decimal]) -> tuple[int, list[int], bool, Decimal]:
    decimals = 0
    for weight in weights:
        exponent = weight.normalize().as_tuple().exponent
        if isinstance(exponent, int):
            decimals = max(decimals, -exponent)
    decimals = min(decimals, MAX_DECIMALS)
    total = sum(weights, Decimal(0))
    while decimals > 0 and total * 10**decimals > MAX_SCALED_TOTAL:
        decimals -= 1
    scale = 10**decimals
    scaled = [int((weight * scale).to_integral_value()) for weight in weights]
    excess = sum(
        (
            max(Decimal(0), weight - Decimal(value) / scale)
            for weight, value in zip(weights, scaled, strict=True)
        ),
        Decimal(0),
    )
    exact = all(
        Decimal(value) == weight * scale for weight, value in zip(weights, scaled, strict=True)
    )
    return scale, scaled, exact, excess


def index_problem(problem: Problem) -> Instance:
    """Check references, duplicates and fixed meetings; build the indexed instance."""
    if not _is_int(problem.seed):
        raise InputError("seed: must be an integer")
    if not _is_number(problem.time_limit_s) or not 0 < problem.time_limit_s <= MAX_TIME_LIMIT_S:
        raise InputError(f"time_limit_s: must be a number > 0 and ≤ {MAX_TIME_LIMIT_S:.0f}")
    slot_index = _unique([slot.id for slot in problem.slots], "slots")
    person_index = _unique([person.id for person in problem.people], "people")
    _unique([meeting.id for meeting in problem.meetings], "meetings")
    n_slots, n_meetings = len(problem.slots), len(problem.meetings)

    tables = []
    for i, slot in enumerate(problem.slots):
        if slot.tables is not None and (not _is_int(slot.tables) or slot.tables < 0):
            raise InputError(f"slots[{i}].tables: must be an integer ≥ 0 or null")
        tables.append(n_meetings if slot.tables is None else min(slot.tables, n_meetings))

    available: list[list[int]] = []
    masks: list[int] = []
    max_meetings = []
    for i, person in enumerate(problem.people):
        mask = 0
        for j, slot_id in enumerate(person.available):
            if not isinstance(slot_id, str):
                raise InputError(f"people[{i}].available[{j}]: must be a slot id (string)")
            if slot_id not in slot_index:
                raise InputError(f"people[{i}].available[{j}]: unknown slot '{slot_id}'")
            mask |= 1 << slot_index[slot_id]
        masks.append(mask)
        available.append([s for s in range(n_slots) if mask >> s & 1])
        cap = person.max_meetings
        if cap is not None and (not _is_int(cap) or cap < 0):
            raise InputError(f"people[{i}].max_meetings: must be an integer ≥ 0 or null")
        max_meetings.append(n_slots if cap is None else min(cap, n_slots))

    a, b, weights, fixed, candidates = [], [], [], [], []
    for k, meeting in enumerate(problem.meetings):
        where = f"meetings[{k}]"
        if len(meeting.people) != 2:
            raise InputError(f"{where}.people: must list exactly 2 person ids")
        pair = []
        for j, person_id in enumerate(meeting.people):
            if not isinstance(person_id, str):
                raise InputError(f"{where}.people[{j}]: must be a person id (string)")
            if person_id not in person_index:
                raise InputError(f"{where}.people[{j}]: unknown person '{person_id}'")
            pair.append(person_index[person_id])
        if pair[0] == pair[1]:
            raise InputError(f"{where}.people: the same person '{meeting.people[0]}' twice")
        weight = meeting.weight
        if not _is_number(weight) or not math.isfinite(weight):
            raise InputError(f"{where}.weight: must be a number")
        if weight < 0:
            raise InputError(f"{where}.weight: must be ≥ 0")
        if weight > MAX_WEIGHT:
            raise InputError(f"{where}.weight: must be ≤ {MAX_WEIGHT:.0e}")
        if meeting.slot is not None and not isinstance(meeting.slot, str):
            raise InputError(f"{where}.slot: must be a slot id (string) or null")
        if meeting.slot is not None and meeting.slot not in slot_index:
            raise InputError(f"{where}.slot: unknown slot '{meeting.slot}'")
        a.append(pair[0])
        b.append(pair[1])
        weights.append(Decimal(repr(float(weight))))
        fixed.append(-1 if meeting.slot is None else slot_index[meeting.slot])
        both = masks[pair[0]] & masks[pair[1]]
        candidates.append([s for s in range(n_slots) if both >> s & 1])

    _check_fixed(problem, tables, max_meetings, masks, a, b, fixed)
    scale, w, exact, excess = _scale_weights(weights)
    return Instance(
        problem, tables, max_meetings, available, a, b, w, scale, exact, excess, weights, fixed,
        candidates,
    )  # fmt: skip


def _check_fixed(problem, tables, max_meetings, masks, a, b, fixed) -> None:
    """Reject fixed meetings that cannot all be kept, naming the first meeting that breaks."""
    used_tables = [0] * len(tables)
    counts = [0] * len(max_meetings)
    holder: dict[tuple[int, int], int] = {}
    for k, slot in enumerate(fixed):
        if slot < 0:
            continue
        meeting = problem.meetings[k]
        where = f"meetings[{k}].slot"
        slot_id = problem.slots[slot].id
        for person in (a[k], b[k]):
            person_id = problem.people[person].id
            if not masks[person] >> slot & 1:
                raise InputError(
                    f"{where}: fixed meeting '{meeting.id}' cannot be kept: "
                    f"'{person_id}' is not available in slot '{slot_id}'"
                )
            other = holder.get((person, slot))
            if other is not None:
                raise InputError(
                    f"{where}: fixed meeting '{meeting.id}' cannot be kept: '{person_id}' "
                    f"already has fixed meeting '{problem.meetings[other].id}' in slot '{slot_id}'"
                )
            holder[person, slot] = k
            counts[person] += 1
            if counts[person] > max_meetings[person]:
                raise InputError(
                    f"{where}: fixed meeting '{meeting.id}' cannot be kept: '{person_id}' would "
                    f"have more fixed meetings than max_meetings "
                    f"{problem.people[person].max_meetings}"
                )
        used_tables[slot] += 1
        if used_tables[slot] > tables[slot]:
            count = problem.slots[slot].tables
            raise InputError(
                f"{where}: fixed meeting '{meeting.id}' cannot be kept: slot '{slot_id}' has "
                f"{count} table{'' if count == 1 else 's'}, all taken by fixed meetings"
            )
