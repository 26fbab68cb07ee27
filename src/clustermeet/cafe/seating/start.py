"""The starting seating of `plan.seat`: the best zero-repeat skeleton for the people present
(`designs`), people assigned to its slots so that organisations and countries spread,
and the table sizes repaired to the water-filling (see `plan` for the rules)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from clustermeet.cafe.seating.designs import repeat_count, skeletons
from clustermeet.cafe.seating.search import Search, Weights


def even_sizes(
    headcount: int, lower: Sequence[int], capacities: Sequence[int], prefer: Sequence[int]
) -> list[int]:
    """The water-filling of `headcount` people into tables with these lower bounds (people
    who cannot move) and capacities; the tables getting L + 1 are those with the most `prefer`
    (then the first)."""

    def level_total(level: int) -> int:
        return sum(min(max(level, lo), cap) for lo, cap in zip(lower, capacities, strict=True))

    level = 0
    while level < max(capacities) and level_total(level + 1) <= headcount:
        level += 1
    sizes = [min(max(level, lo), cap) for lo, cap in zip(lower, capacities, strict=True)]
    extra = headcount - sum(sizes)
    open_tables = [
        t for t, size in enumerate(sizes) if size == level < capacities[t] and lower[t] <= level
    ]
    open_tables.sort(key=lambda t: (-prefer[t], t))
    for t in open_tables[:extra]:
        sizes[t] += 1
    return sizes


def repair(search: Search, r: int, lower: np.ndarray) -> None:
    """Move people (placing the unseated first) until round r has the water-filling sizes."""
    tab = search.tab[r]
    present = np.flatnonzero(search.movable[r] | (tab >= 0))
    sizes = np.bincount(tab[tab >= 0], minlength=search.t)
    target = even_sizes(len(present), lower, search.capacities, sizes)
    waiting = [int(p) for p in present if tab[p] < 0]
    while True:
        sizes = np.bincount(search.tab[r][search.tab[r] >= 0], minlength=search.t)
        under = np.flatnonzero(sizes < target)
        if len(under) == 0:
            return
        if waiting:
            a = waiting.pop(0)
        else:
            over = np.flatnonzero(sizes > target)
            movers = np.flatnonzero(search.movable[r] & np.isin(search.tab[r], over))
            a = int(movers[np.argmax(search.own()[r, movers])])
        search.move(r, a, int(under[np.argmin(search.sums[r, a, under])]))


def _label(
    skeleton_tables: np.ndarray,
    host_slots: dict[int, int],
    hosts: dict[int, int],
    people: np.ndarray,
    codes: np.ndarray,
    weights: Weights,
    t: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Slot of each person (people: indices; hosts: table → person): hosts get their slots,
    the others, largest organisation and country first, the free slot that adds the fewest
    same-organisation, same-country and same-stakeholder pairs so far."""
    rounds, n = skeleton_tables.shape
    slot = {person: host_slots[table] for table, person in hosts.items()}
    taken = np.zeros(n, dtype=bool)
    counts = [
        np.zeros((rounds, t, max(1, int(c.max(initial=-1)) + 1)), dtype=np.int64) for c in codes
    ]
    scale = (weights.organisation, 1, 1)
    at_round = np.arange(rounds)[:, None]

    def sit(person: int, s: int) -> None:
        slot[person] = s
        taken[s] = True
        for k in range(3):
            if codes[k, person] >= 0:
                counts[k][np.arange(rounds), skeleton_tables[:, s], codes[k, person]] += 1

    for person, s in list(slot.items()):
        sit(person, s)
    sizes = [np.bincount(c[c >= 0], minlength=1) for c in codes]
    order = sorted(
        (int(p) for p in people if int(p) not in slot),
        key=lambda p: (
            -(sizes[0][codes[0, p]] if codes[0, p] >= 0 else 0),
            -(sizes[1][codes[1, p]] if codes[1, p] >= 0 else 0),
            codes[0, p],
            codes[1, p],
            p,
        ),
    )
    for person in order:
        cost = np.zeros(n, dtype=np.float64)
        for k in range(3):
            if codes[k, person] >= 0:
                cost += scale[k] * counts[k][at_round, skeleton_tables, codes[k, person]].sum(0)
        cost += rng.random(n) * 0.5
        cost[taken] = np.inf
        sit(person, int(np.argmin(cost)))
    return np.array([slot.get(int(p), -1) for p in range(codes.shape[1])])


def initial(
    search_tab: np.ndarray,
    rounds_from: int,
    present: np.ndarray,
    hosts: dict[int, int],
    capacities: list[int],
    codes: np.ndarray,
    weights: Weights,
    rng: np.random.Generator,
) -> None:
    """Fill rounds_from.. of search_tab from the best skeleton for the present people."""
    count = search_tab.shape[0] - rounds_from
    if count <= 0 or len(present) == 0:
        return
    local = {int(p): i for i, p in enumerate(present)}
    hosted = sorted(hosts)
    options = skeletons(len(present), capacities, hosted, count)
    best = min(options, key=lambda s: repeat_count(s.tables))
    local_hosts = {table: local[person] for table, person in hosts.items()}
    local_codes = codes[:, present]
    slots = _label(
        best.tables,
        best.host_slots,
        local_hosts,
        np.arange(len(present)),
        local_codes,
        weights,
        len(capacities),
        rng,
    )
    search_tab[rounds_from:, present] = best.tables[:, slots]
