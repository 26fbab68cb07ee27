"""Upper bounds on the weight: a combinatorial one, and the linear-programming relaxation.

`combinatorial_bound` is the minimum of (1) the weight of all meetings that have a variable
(a slot where both people are available and free of fixed meetings, with a table left) plus the
fixed ones, (2) the fixed weight plus the heaviest free meetings that fit in the tables left,
(3) the fixed weight plus half the sum over people of their heaviest free meetings, as many as
their cap and free slots allow (each meeting counts for both its people).

The LP has the variables and constraints of the CP-SAT model with 0 ≤ x ≤ 1 (per meeting at
most one slot, per person and slot at most one meeting, tables, caps). It is solved with HiGHS'
dual simplex (deterministic). The bound is not the LP value as the solver reports it but the
Lagrangian bound of its duals: for any y ≥ 0,

    max{w·x : A x ≤ b, 0 ≤ x ≤ 1}  ≤  b·y + Σ_j max(0, w_j − (Aᵀy)_j),

so the bound holds whatever the solver's tolerances were; a relative margin covers the floating
point evaluation, and since scaled weights are integers the bound is rounded down after it.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

import numpy as np

from clustermeet.networking.scheduling.cpsat import Variables
from clustermeet.networking.scheduling.problem import Instance

MARGIN = 1e-9  # relative, on the floating-point Lagrangian bound
LP_TIME_LIMIT_S = 60.0  # a safety net; the largest benchmark LP takes a few seconds


@dataclass
class Relaxation:
    bound: int | None  # upper bound on the scaled weight of the free meetings (None: failed)
    values: list[float] | None  # the LP solution, one value per CP-SAT variable
    timed_out: bool = False  # stopped by its wall-clock limit (so the run is not reproducible)


def combinatorial_bound(inst: Instance, vs: Variables) -> int:
    fixed = sum(inst.w[k] for k in range(inst.n_meetings) if inst.fixed[k] >= 0)
    free = [k for k, own in enumerate(vs.of_meeting) if own]
    weights = [inst.w[k] for k in free]
    bound = sum(weights)
    room = sum(vs.tables_left)
    if room < len(weights):
        bound = min(bound, sum(heapq.nlargest(room, weights)))
    per_person: list[list[int]] = [[] for _ in range(inst.n_people)]
    for k in free:
        per_person[inst.a[k]].append(inst.w[k])
        per_person[inst.b[k]].append(inst.w[k])
    star = 0
    for person, own in enumerate(per_person):
        slots = len(inst.available[person]) - len(vs.fixed_busy[person])
        limit = min(vs.cap_left[person], slots)
        star += sum(heapq.nlargest(limit, own)) if limit < len(own) else sum(own)
    return fixed + min(bound, star // 2)


def _rows(inst: Instance, vs: Variables) -> tuple[list[list[int]], list[int]]:
    rows: list[list[int]] = []
    rhs: list[int] = []
    for own in vs.of_meeting:
        if len(own) > 1:
            rows.append(own)
            rhs.append(1)
    n_slots = inst.n_slots
    person_slot: dict[int, list[int]] = {}
    per_person: dict[int, list[int]] = {}
    per_slot: list[list[int]] = [[] for _ in range(n_slots)]
    for var, (k, slot) in enumerate(zip(vs.meeting, vs.slot, strict=True)):
        per_slot[slot].append(var)
        for person in (inst.a[k], inst.b[k]):
            person_slot.setdefault(person * n_slots + slot, []).append(var)
            per_person.setdefault(person, []).append(var)
    for key in sorted(person_slot):
        if len(person_slot[key]) > 1:
            rows.append(person_slot[key])
            rhs.append(1)
    for slot, own in enumerate(per_slot):
        if vs.tables_left[slot] < len(own):
            rows.append(own)
            rhs.append(vs.tables_left[slot])
    for person in sorted(per_person):
        own = per_person[person]
        if vs.cap_left[person] < len({vs.slot[var] for var in own}):
            rows.append(own)
            rhs.append(vs.cap_left[person])
    return rows, rhs


def solve_relaxation(inst: Instance, vs: Variables, time_limit_s: float) -> Relaxation:
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    n_vars = len(vs.meeting)
    weights = np.array([inst.w[k] for k in vs.meeting], dtype=np.float64)
    rows, rhs = _rows(inst, vs)
    if not rows:  # no interaction at all: every variable can be 1
        return Relaxation(int(weights.sum()), [1.0] * n_vars)
    lengths = [len(row) for row in rows]
    matrix = csr_matrix(
        (
            np.ones(sum(lengths)),
            np.concatenate([np.asarray(row, dtype=np.int64) for row in rows]),
            np.concatenate([[0], np.cumsum(lengths)]),
        ),
        shape=(len(rows), n_vars),
    )
    b = np.asarray(rhs, dtype=np.float64)
    result = linprog(
        -weights,
        A_ub=matrix,
        b_ub=b,
        bounds=(0, 1),
        method="highs-ds",
        options={"time_limit": max(time_limit_s, 0.1), "presolve": True},
    )
    if result.status != 0 or result.ineqlin is None:
        return Relaxation(None, None, timed_out=result.status == 1)
    duals = np.maximum(-np.asarray(result.ineqlin.marginals, dtype=np.float64), 0.0)
    reduced = weights - matrix.T @ duals
    lagrangian = float(b @ duals + np.maximum(reduced, 0.0).sum())
    if not math.isfinite(lagrangian):
        return Relaxation(None, None)
    bound = math.floor(lagrangian * (1 + MARGIN) + 1e-6)
    return Relaxation(bound, [float(value) for value in result.x])
