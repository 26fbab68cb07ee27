"""World café seating: who sits at which table in each round (issue 4; the JSON contract of
`clustermeet seat-cafe` is in shared/FORMATS.md). Pure Python + NumPy, no Django.

API (the web feature calls this; the command-line wrapper is `cli`)::

    seat(people: Sequence[Person], tables: Sequence[Table], rounds: int, seed: int = 0,
         fixed: Fixed | None = None, effort: float = 1.0) -> Seating

- `Person(id, country=None, organisation=None, stakeholder=None, present=True)`,
  `Table(id, capacity, host=None)`. Identifiers are strings; a missing attribute matches nobody.
- `Seating.rounds[r][t]` is the tuple of person ids at `tables[t]` in round r, in the order of
  `people`; `Seating.stats` the figures of the contract; `Seating.to_json(tables)` the output
  document. Invalid input raises `clustermeet.jsoncli.InputError` naming the field; the cases
  a café of the web feature can meet (too many rounds, too few seats, too large) raise its
  subclass `SeatingError`, whose `code` and `params` let the Django layer word the refusal in the
  user's language (the message itself stays the command line's English line).
- Late arrivals and departures: pass the seating made so far as
  `Fixed(rounds=previous.rounds, current=r)` (one list of ids per table, for each of the
  `rounds` rounds; what it says after round r is ignored). Rounds before r come back exactly as
  given (people who left stay in them: pass them with `present=False`). In round r everyone
  present who was seated keeps their table (up to the table's capacity), newcomers take the free
  seats of the smallest tables, and people who left are removed. Rounds after r are seated anew,
  counting the earlier rounds' meetings as already used. Hosts always sit at their own table.
- `effort` scales the search's step budget (tests use less; 1.0 seats 1,000 people × 3 rounds
  in about a second). Memory grows as rounds · people · tables + people², hence the limits
  `MAX_PEOPLE` and `MAX_CELLS`.

Hard rules, in every round that is seated anew: everyone present sits at exactly one table, no
table exceeds its capacity, a host sits at their own table, and the sizes are as even as the
capacities allow — the *water-filling*: with level L the largest integer such that
Σ_t min(capacity_t, L) ≤ headcount, a table of capacity ≤ L is full and every other table has L
or L + 1 (a host's table has at least its host). Equivalently: whenever two tables differ by two
or more, the smaller one is full. (In the current round of a re-seating, "as even" is subject to
nobody moving.)

Then, lexicographically: fewest repeated pair meetings (a pair together in k rounds counts
k − 1), fewest pairs of one organisation at a table, fewest same-country plus same-stakeholder
pairs (every count over all rounds and tables).

How: a construction without repeats when one is known (`designs`: a rotating grid over
Z_T or GF(q), the affine plane, Kirkman's 15, the doubled affine plane of the 32 social
golfers), people assigned to its slots greedily so that organisations and countries spread and
sizes repaired to the water-filling where capacities differ (`start`), then a tabu search
(`search`) with a fixed step budget that stops early at a lower bound. No clock decides
anything: the same input and seed give the same seating (only `stats.seconds` differs).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from clustermeet.cafe.seating.search import FULL_NEIGHBOURHOOD, Search, Weights, attribute_matrix
from clustermeet.cafe.seating.start import even_sizes, initial, repair
from clustermeet.jsoncli import InputError

__all__ = [
    "Fixed",
    "Person",
    "Seating",
    "SeatingError",
    "Stats",
    "Table",
    "count_stats",
    "even_sizes",
    "seat",
]

# Memory grows as rounds · people · tables + people² (8 bytes each): these keep it below 1 GB.
MAX_PEOPLE = 5_000
MAX_CELLS = 20_000_000
MAX_ROUNDS = 1000


class SeatingError(InputError):
    """Invalid input a café of the web feature can meet. `code` says which ("rounds",
    "capacity", "too_large"), `params` holds its figures; str() is the English line of the
    command line (shared/FORMATS.md), which names the field."""

    def __init__(self, code: str, message: str, **params: int):
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Person:
    id: str
    country: str | None = None
    organisation: str | None = None
    stakeholder: str | None = None
    present: bool = True


@dataclass(frozen=True)
class Table:
    id: str
    capacity: int
    host: str | None = None


@dataclass(frozen=True)
class Fixed:
    """A seating made earlier (`rounds[r][t]`: ids at tables[t]) and the current round."""

    rounds: Sequence[Sequence[Sequence[str]]]
    current: int


@dataclass(frozen=True)
class Stats:
    repeat_meetings: int
    same_organisation_pairs: int
    same_country_pairs: int
    same_stakeholder_pairs: int
    size_spread: int
    seconds: float


@dataclass(frozen=True)
class Seating:
    rounds: tuple[tuple[tuple[str, ...], ...], ...]
    stats: Stats

    def to_json(self, tables: Sequence[Table]) -> dict:
        return {
            "rounds": [
                [
                    {"table": table.id, "people": list(ids)}
                    for table, ids in zip(tables, rnd, strict=True)
                ]
                for rnd in self.rounds
            ],
            "stats": asdict(self.stats),
        }


# --- checks ----------------------------------------------------------------------------------


def _check(people: Sequence[Person], tables: Sequence[Table], rounds: int) -> dict[str, int]:
    if not isinstance(rounds, int) or isinstance(rounds, bool) or not 1 <= rounds <= MAX_ROUNDS:
        raise SeatingError(
            "rounds", f"rounds: must be an integer from 1 to {MAX_ROUNDS}", maximum=MAX_ROUNDS
        )
    index: dict[str, int] = {}
    for i, person in enumerate(people):
        if person.id in index:
            raise InputError(f"people[{i}].id: duplicate id {person.id!r}")
        index[person.id] = i
    if not tables:
        raise InputError("tables: must not be empty")
    table_ids: set[str] = set()
    hosting: dict[str, int] = {}
    for i, table in enumerate(tables):
        if table.id in table_ids:
            raise InputError(f"tables[{i}].id: duplicate id {table.id!r}")
        table_ids.add(table.id)
        if (
            isinstance(table.capacity, bool)
            or not isinstance(table.capacity, int)
            or (table.capacity < 1)
        ):
            raise InputError(f"tables[{i}].capacity: must be an integer ≥ 1")
        if table.host is not None:
            if table.host not in index:
                raise InputError(f"tables[{i}].host: unknown person {table.host!r}")
            if table.host in hosting:
                raise InputError(
                    f"tables[{i}].host: {table.host!r} already hosts tables[{hosting[table.host]}]"
                )
            if not people[index[table.host]].present:
                raise InputError(f"tables[{i}].host: {table.host!r} is not present")
            hosting[table.host] = i
    headcount = sum(1 for person in people if person.present)
    capacity = sum(table.capacity for table in tables)
    if capacity < headcount:
        raise SeatingError(
            "capacity",
            f"tables: total capacity {capacity} is below the {headcount} people",
            capacity=capacity,
            headcount=headcount,
        )
    return index


def _fixed_tab(fixed: Fixed, index: dict[str, int], t: int, rounds: int) -> np.ndarray:
    if (
        isinstance(fixed.current, bool)
        or not isinstance(fixed.current, int)
        or not (0 <= fixed.current < rounds)
    ):
        raise InputError(f"fixed.current: must be an integer from 0 to {rounds - 1}")
    if len(fixed.rounds) != rounds:
        raise InputError(f"fixed.rounds: must have {rounds} rounds")
    tab = np.full((rounds, len(index)), -1, dtype=np.int64)
    for r in range(fixed.current + 1):
        if len(fixed.rounds[r]) != t:
            raise InputError(f"fixed.rounds[{r}]: must have {t} tables")
        for table, ids in enumerate(fixed.rounds[r]):
            for k, pid in enumerate(ids):
                where = f"fixed.rounds[{r}][{table}][{k}]"
                if pid not in index:
                    raise InputError(f"{where}: unknown person {pid!r}")
                if tab[r, index[pid]] >= 0:
                    raise InputError(f"{where}: {pid!r} is seated twice")
                tab[r, index[pid]] = table
    return tab


# --- seating ---------------------------------------------------------------------------------


def _codes(people: Sequence[Person], key: str) -> np.ndarray:
    """Numbers for the values of one attribute (−1 for none), in order of appearance."""
    numbers: dict[str, int] = {}
    values = [getattr(person, key) for person in people]
    return np.array(
        [-1 if v is None else numbers.setdefault(v, len(numbers)) for v in values], dtype=np.int64
    ).reshape(len(people))


def seat(
    people: Sequence[Person],
    tables: Sequence[Table],
    rounds: int,
    seed: int = 0,
    fixed: Fixed | None = None,
    effort: float = 1.0,
) -> Seating:
    """Seat everyone present for all rounds (see the module docstring). `effort` scales the
    search's step budget (1.0: the default)."""
    started = time.perf_counter()
    index = _check(people, tables, rounds)
    n, t = len(people), len(tables)
    history = None if fixed is None else _fixed_tab(fixed, index, t, rounds)
    capacities = [table.capacity for table in tables]
    seats = [min(c, n) for c in capacities]
    weights = Weights.for_pairs(rounds * sum(s * (s - 1) // 2 for s in seats) + 1)
    if n > MAX_PEOPLE or rounds * n * t > MAX_CELLS or weights.repeat * (max(seats) + 1) >= 2**51:
        raise SeatingError(
            "too_large",
            f"input: too large ({n} people, {t} tables, {rounds} rounds; at most {MAX_PEOPLE} "
            f"people and {MAX_CELLS:,} rounds × people × tables)",
            people=n,
            tables=t,
            rounds=rounds,
            max_people=MAX_PEOPLE,
            max_cells=MAX_CELLS,
        )
    present = np.array([i for i, p in enumerate(people) if p.present], dtype=np.int64)
    hosts = {i: index[table.host] for i, table in enumerate(tables) if table.host is not None}
    codes = np.array([_codes(people, k) for k in ("organisation", "country", "stakeholder")])
    rng = np.random.default_rng(np.random.SeedSequence(seed % 2**64))
    current = 0 if fixed is None else fixed.current

    tab = np.full((rounds, n), -1, dtype=np.int64)
    movable = np.zeros((rounds, n), dtype=bool)
    movable[current:, present] = True
    movable[:, list(hosts.values())] = False
    lower = np.zeros((rounds, t), dtype=np.int64)
    lower[:, list(hosts)] = 1
    if history is not None:
        tab[: current + 1] = history[: current + 1]
        keep = _kept(tab[current], people, hosts, capacities)
        tab[current] = keep
        movable[current, keep >= 0] = False
        lower[current] += np.bincount(keep[keep >= 0], minlength=t)
    first_new = current + (fixed is not None)
    initial(tab, first_new, present, hosts, capacities, codes, weights, rng)
    for table, person in hosts.items():
        tab[current:, person] = table
    shifts = np.arange(rounds) >= first_new
    search = Search(
        tab, movable, np.array(capacities), attribute_matrix(codes, weights), weights, rng, shifts
    )
    for r in range(current, rounds):
        repair(search, r, lower[r])
    relabels, steps, patience, stall = _budget(len(present), rounds - current, effort)
    if fixed is None:
        search.relabel(relabels)
    search.improve(
        steps, patience=patience, stall=stall, floor=_floor(search.tab, t, codes, weights)
    )
    seating = tuple(
        tuple(
            tuple(people[p].id for p in np.flatnonzero(search.tab[r] == table))
            for table in range(t)
        )
        for r in range(rounds)
    )
    return Seating(seating, count_stats(people, seating, time.perf_counter() - started))


def _kept(
    row: np.ndarray, people: Sequence[Person], hosts: dict[int, int], capacities: list[int]
) -> np.ndarray:
    """Who keeps their table in the current round of a re-seating: everyone present who was
    seated, up to the table's capacity (in the given order); hosts are seated separately."""
    keep = row.copy()
    keep[[i for i, p in enumerate(people) if not p.present]] = -1
    keep[list(hosts.values())] = -1
    for table, capacity in enumerate(capacities):
        members = np.flatnonzero(keep == table)
        keep[members[capacity - (table in hosts) :]] = -1
    return keep


def _floor(tab: np.ndarray, t: int, codes: np.ndarray, weights: Weights) -> int:
    """A lower bound on the cost: for the repeats, the meetings of all rounds minus the
    distinct pairs; for each attribute, every value spread as evenly as possible over the
    tables in every round. The search stops when it gets there."""
    seated = np.flatnonzero((tab >= 0).any(axis=0))
    meetings = attributes = 0
    for row in tab:
        sizes = np.bincount(row[row >= 0])
        meetings += int((sizes * (sizes - 1) // 2).sum())
        for scale, code in zip((weights.organisation, 1, 1), codes, strict=True):
            counts = np.bincount(code[(row >= 0) & (code >= 0)])
            q, rem = np.divmod(counts, t)
            attributes += scale * int(((t - rem) * q * (q - 1) // 2 + rem * (q + 1) * q // 2).sum())
    repeats = max(0, meetings - len(seated) * (len(seated) - 1) // 2)
    return repeats * weights.repeat + attributes


def _budget(n: int, rounds: int, effort: float) -> tuple[int, int, int, int]:
    """(relabelling steps, tabu steps, steps without a new best before a perturbation, and
    before stopping). Small instances, where each step scores every swap, get many steps and
    perturbations, as long as that stays within seconds; larger ones, where a step scores a few
    people against everyone, stop after a thousand steps without progress."""
    work = max(1, rounds * n * n)
    if work <= FULL_NEIGHBOURHOOD:
        steps = min(10_000, max(500, 100_000_000 // work))
        stall = min(1_000, max(200, 10_000_000 // work))
        return int(500 * effort), int(steps * effort), 300, int(stall * effort)
    steps = int(effort * 5_000)
    return steps // 4, steps, steps, int(1_000 * effort)


def count_stats(
    people: Sequence[Person], rounds: Sequence[Sequence[Sequence[str]]], seconds: float
) -> Stats:
    """The contract's stats of a seating, counted from the seating itself."""
    by_id = {person.id: person for person in people}
    seen: dict[tuple[str, str], int] = {}
    organisation = country = stakeholder = spread = 0
    for rnd in rounds:
        sizes = [len(ids) for ids in rnd]
        spread = max(spread, max(sizes) - min(sizes))
        for ids in rnd:
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    key = (a, b) if a < b else (b, a)
                    seen[key] = seen.get(key, 0) + 1
                    pa, pb = by_id[a], by_id[b]
                    organisation += pa.organisation is not None and (
                        pa.organisation == pb.organisation
                    )
                    country += pa.country is not None and pa.country == pb.country
                    stakeholder += pa.stakeholder is not None and pa.stakeholder == pb.stakeholder
    repeats = sum(k - 1 for k in seen.values())
    return Stats(repeats, organisation, country, stakeholder, spread, round(seconds, 3))
