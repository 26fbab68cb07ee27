"""The CP-SAT models of the meeting scheduler, written straight into the model proto (fast to
build: one boolean per (free meeting, slot where both people are free)).

Phase 1 maximises the total (integer-scaled) weight. Phase 2 keeps the weight at least at the
best one found and minimises the idle gaps. Fixed meetings are constants: they take their
people's slot, a table and a unit of each person's cap before the model is built.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from clustermeet.networking.scheduling.problem import Instance

# Threads of the "lns" mode. Its interleaved portfolio (a no-LP search, LNS, local search) runs
# in deterministic batches: the result is a function of the model and the seed, and the number
# of threads only changes the speed. The "exact" mode is single-threaded.
NUM_WORKERS = 2


@dataclass
class Variables:
    meeting: list[int]  # per variable: the meeting
    slot: list[int]  # per variable: the slot
    of_meeting: list[list[int]]  # per meeting: its variables
    tables_left: list[int]  # per slot, after the fixed meetings
    cap_left: list[int]  # per person, after the fixed meetings
    fixed_busy: list[set[int]]  # per person, the slots of their fixed meetings


@dataclass
class Outcome:
    slot_of: list[int] | None  # the solver's best solution (None when it found none)
    objective: int | None  # its objective value (phase 1: scaled weight; phase 2: idle gaps)
    bound: int | None  # phase 1: a true upper bound on the scaled weight
    optimal: bool
    dtime: float  # deterministic time used
    wall_limited: bool  # stopped by the wall-clock safety limit, not the deterministic one
    cpu: float = 0.0  # CPU seconds of the process during the solve (for calibration logs)


def variables(inst: Instance) -> Variables:
    tables_left = list(inst.tables)
    cap_left = list(inst.max_meetings)
    fixed_busy: list[set[int]] = [set() for _ in range(inst.n_people)]
    for k, slot in enumerate(inst.fixed):
        if slot >= 0:
            tables_left[slot] -= 1
            for person in (inst.a[k], inst.b[k]):
                cap_left[person] -= 1
                fixed_busy[person].add(slot)
    meeting, slot_list, of_meeting = [], [], []
    for k in range(inst.n_meetings):
        own: list[int] = []
        a, b = inst.a[k], inst.b[k]
        if inst.fixed[k] < 0 and cap_left[a] > 0 and cap_left[b] > 0:
            blocked_a, blocked_b = fixed_busy[a], fixed_busy[b]
            for slot in inst.candidates[k]:
                if tables_left[slot] > 0 and slot not in blocked_a and slot not in blocked_b:
                    own.append(len(meeting))
                    meeting.append(k)
                    slot_list.append(slot)
        of_meeting.append(own)
    return Variables(meeting, slot_list, of_meeting, tables_left, cap_left, fixed_busy)


class _Model:
    """A thin writer of CpModelProto fields (the Python expression layer is ~10x slower)."""

    def __init__(self) -> None:
        self.model = cp_model.CpModel()
        self.proto = self.model.proto
        self.values: list[int] = []  # the hint, one value per variable

    def booleans(self, count: int) -> int:
        first = len(self.values)
        add = self.proto.variables.add
        for _ in range(count):
            add().domain.extend((0, 1))
        self.values.extend([0] * count)
        return first

    def at_most_one(self, literals: list[int]) -> None:
        if len(literals) > 1:
            self.proto.constraints.add().at_most_one.literals.extend(literals)

    def linear(self, literals: list[int], coeffs: list[int], low: int, high: int) -> None:
        linear = self.proto.constraints.add().linear
        linear.vars.extend(literals)
        linear.coeffs.extend(coeffs)
        linear.domain.extend((low, high))

    def at_least(self, var: int, literals: list[int]) -> None:
        """var = 1 if any of `literals` is (at most two of them can be: a chain literal and the
        person's meetings in one slot, of which at most one is true)."""
        linear = self.proto.constraints.add().linear
        linear.vars.extend([var, *literals])
        linear.coeffs.extend([2] + [-1] * len(literals))
        linear.domain.extend((0, 2))

    def clause(self, literals: list[int]) -> None:
        self.proto.constraints.add().bool_or.literals.extend(literals)

    def fix_true(self, var: int) -> None:
        self.proto.variables[var].domain[0] = 1
        self.values[var] = 1

    def minimize(self, literals: list[int], coeffs: list[int]) -> None:
        self.proto.objective.vars.extend(literals)
        self.proto.objective.coeffs.extend(coeffs)

    def write_hint(self) -> None:
        self.proto.solution_hint.vars.extend(range(len(self.values)))
        self.proto.solution_hint.values.extend(self.values)


def _negated(var: int) -> int:
    return -var - 1


def _base(inst: Instance, vs: Variables) -> _Model:
    """The variables and the hard constraints shared by both phases."""
    model = _Model()
    n_vars = len(vs.meeting)
    model.booleans(n_vars)
    for own in vs.of_meeting:
        model.at_most_one(own)
    n_slots = inst.n_slots
    person_slot: dict[int, list[int]] = {}
    per_slot: list[list[int]] = [[] for _ in range(n_slots)]
    per_person: dict[int, list[int]] = {}
    for var in range(n_vars):
        k, slot = vs.meeting[var], vs.slot[var]
        per_slot[slot].append(var)
        for person in (inst.a[k], inst.b[k]):
            person_slot.setdefault(person * n_slots + slot, []).append(var)
            per_person.setdefault(person, []).append(var)
    for key in sorted(person_slot):
        model.at_most_one(person_slot[key])
    for slot, own in enumerate(per_slot):
        if vs.tables_left[slot] < len(own):
            model.linear(own, [1] * len(own), 0, vs.tables_left[slot])
    for person in sorted(per_person):
        own = per_person[person]
        slots_used = len({vs.slot[var] for var in own})
        if vs.cap_left[person] < slots_used:
            model.linear(own, [1] * len(own), 0, vs.cap_left[person])
    return model


def _hint(model: _Model, vs: Variables, slot_of: list[int]) -> None:
    for var, (k, slot) in enumerate(zip(vs.meeting, vs.slot, strict=True)):
        model.values[var] = int(slot_of[k] == slot)


def _gap_structure(model: _Model, inst: Instance, vs: Variables, slot_of: list[int]) -> list[int]:
    """Idle-gap booleans: for a person's t-th available slot, `before` ⇐ a meeting in an
    earlier available slot, `after` ⇐ a meeting in a later one, and the gap boolean ⇐ before ∧
    after ∧ no meeting in that slot. Minimising the gap booleans makes each one exact."""
    n_slots = inst.n_slots
    busy_vars: dict[int, list[int]] = {}
    for var, (k, slot) in enumerate(zip(vs.meeting, vs.slot, strict=True)):
        busy_vars.setdefault(inst.a[k] * n_slots + slot, []).append(var)
        busy_vars.setdefault(inst.b[k] * n_slots + slot, []).append(var)
    potential = [len(fixed) for fixed in vs.fixed_busy]
    for k, own in enumerate(vs.of_meeting):
        if own:
            potential[inst.a[k]] += 1
            potential[inst.b[k]] += 1
    hinted: list[set[int]] = [set() for _ in range(inst.n_people)]
    for k, slot in enumerate(slot_of):
        if slot >= 0:
            hinted[inst.a[k]].add(slot)
            hinted[inst.b[k]].add(slot)
    gaps: list[int] = []
    values = model.values
    for person, slots in enumerate(inst.available):
        count = len(slots)
        if count < 3 or potential[person] < 2:
            continue
        fixed = vs.fixed_busy[person]
        busy = [busy_vars.get(person * n_slots + slot, []) for slot in slots]
        before = model.booleans(count - 1) - 1  # before + t for t = 1..count-1
        after = model.booleans(count - 1)  # after + t for t = 0..count-2
        for t in range(1, count):
            # before[t] ≥ max(before[t-1], busy[t-1]), as 2·before[t] ≥ before[t-1] + busy[t-1]
            if slots[t - 1] in fixed:
                model.fix_true(before + t)
            elif t >= 2 or busy[t - 1]:
                chain = [before + t - 1] if t >= 2 else []
                model.at_least(before + t, chain + busy[t - 1])
        for t in range(count - 2, -1, -1):
            if slots[t + 1] in fixed:
                model.fix_true(after + t)
            elif t <= count - 3 or busy[t + 1]:
                chain = [after + t + 1] if t <= count - 3 else []
                model.at_least(after + t, chain + busy[t + 1])
        # The hint: the values the hinted schedule gives.
        marks = [int(slot in hinted[person]) for slot in slots]
        for t in range(1, count):
            values[before + t] = int(any(marks[:t]))
            values[after + t - 1] = int(any(marks[t:]))
        for t in range(1, count - 1):
            if slots[t] in fixed:
                continue
            gap = model.booleans(1)
            model.clause([gap, _negated(before + t), _negated(after + t), *busy[t]])
            values[gap] = int(values[before + t] and values[after + t] and not marks[t])
            gaps.append(gap)
    return gaps


def _solve(
    model: _Model, mode: str, seed: int, dtime: float, deadline: float, log: bool
) -> tuple[cp_model.CpSolver, int, float]:
    """`exact`: CP-SAT's sequential search with its strongest LP (linearization level 2; proves
    optimality on small and medium models). `lns`: the interleaved portfolio of large-
    neighbourhood searches around a no-LP search (improves large models). Both stop on a
    deterministic-time limit; `deadline` (a perf_counter time) is the wall-clock safety net."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.random_seed = seed % 2**31
    if mode == "exact":
        params.num_workers = 1
        params.linearization_level = 2
    else:
        params.num_workers = NUM_WORKERS
        params.interleave_search = True
        params.subsolvers.append("quick_restart_no_lp")
    params.max_deterministic_time = max(dtime, 0.01)
    params.max_time_in_seconds = max(deadline - time.perf_counter(), 0.01)
    params.log_search_progress = log
    cpu = time.process_time()
    status = solver.solve(model.model)
    return solver, status, time.process_time() - cpu


def _read(
    solver: cp_model.CpSolver, status: int, inst: Instance, vs: Variables, dtime: float
) -> tuple[list[int] | None, bool, float, bool]:
    response = solver.response_proto
    if status == cp_model.MODEL_INVALID:  # a bug in the model writer, never the input
        raise RuntimeError(f"CP-SAT rejected the model: {solver.solution_info()}")
    used = response.deterministic_time
    optimal = status == cp_model.OPTIMAL
    wall_limited = not optimal and used < 0.98 * dtime
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, optimal, used, wall_limited
    values = response.solution
    slot_of = [slot if slot >= 0 else -1 for slot in inst.fixed]
    for var, (k, slot) in enumerate(zip(vs.meeting, vs.slot, strict=True)):
        if values[var]:
            slot_of[k] = slot
    return slot_of, optimal, used, wall_limited


def fixed_weight(inst: Instance) -> int:
    return sum(inst.w[k] for k in range(inst.n_meetings) if inst.fixed[k] >= 0)


def maximise_weight(
    inst: Instance,
    vs: Variables,
    hint: list[int],
    upper: int,
    mode: str,
    dtime: float,
    deadline: float,
    log: bool = False,
) -> Outcome:
    """Maximise the scaled weight; `upper`, a known true bound, lets CP-SAT stop as soon as a
    schedule reaches it."""
    model = _base(inst, vs)
    weights = [inst.w[k] for k in vs.meeting]
    positive = [var for var, weight in enumerate(weights) if weight > 0]
    model.minimize(positive, [-weights[var] for var in positive])
    fixed = fixed_weight(inst)
    model.proto.objective.domain.extend((-(upper - fixed), 0))
    _hint(model, vs, hint)
    model.write_hint()
    solver, status, cpu = _solve(model, mode, inst.problem.seed, dtime, deadline, log)
    slot_of, optimal, used, wall_limited = _read(solver, status, inst, vs, dtime)
    if status == cp_model.INFEASIBLE:  # cannot happen: the empty schedule is feasible
        raise RuntimeError("CP-SAT found the schedule infeasible")
    bound = None
    lower = solver.best_objective_bound
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and math.isfinite(lower):
        bound = fixed + math.ceil(-lower - 1e-6)
    objective = None
    if slot_of is not None:
        objective = sum(inst.w[k] for k, slot in enumerate(slot_of) if slot >= 0)
    return Outcome(slot_of, objective, bound, optimal, used, wall_limited, cpu)


def minimise_gaps(
    inst: Instance,
    vs: Variables,
    hint: list[int],
    min_weight: int,
    dtime: float,
    deadline: float,
    log: bool = False,
    mode: str = "lns",
) -> Outcome:
    """Among schedules of scaled weight ≥ `min_weight`, the one with the fewest idle gaps."""
    model = _base(inst, vs)
    fixed_weight = sum(inst.w[k] for k in range(inst.n_meetings) if inst.fixed[k] >= 0)
    weights = [inst.w[k] for k in vs.meeting]
    positive = [var for var, weight in enumerate(weights) if weight > 0]
    if min_weight - fixed_weight > 0:
        model.linear(positive, [weights[var] for var in positive], min_weight - fixed_weight, 2**62)
    _hint(model, vs, hint)
    gaps = _gap_structure(model, inst, vs, hint)
    model.minimize(gaps, [1] * len(gaps))
    model.write_hint()
    solver, status, cpu = _solve(model, mode, inst.problem.seed, dtime, deadline, log)
    slot_of, optimal, used, wall_limited = _read(solver, status, inst, vs, dtime)
    objective = None if slot_of is None else round(solver.objective_value)
    return Outcome(slot_of, objective, None, optimal, used, wall_limited, cpu)
