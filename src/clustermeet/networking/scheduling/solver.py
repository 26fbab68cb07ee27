"""1-to-1 meeting scheduling: requested meetings into slots and tables (pure; no Django).

Python API (the web feature and `clustermeet schedule-meetings` both use it)::

    from clustermeet.networking.scheduling.solver import Meeting, Person, Problem, Slot, schedule

    problem = Problem(
        slots=(Slot("s1", tables=60), Slot("s2", tables=None)),  # None: unlimited (virtual)
        people=(Person("p1", available=("s1", "s2"), max_meetings=8), Person("p2", ("s2",))),
        meetings=(Meeting("m1", people=("p1", "p2"), weight=1.0, slot=None),),  # slot: fixed
        seed=1,
        time_limit_s=30,
    )
    result = schedule(problem)  # raises InputError (a ValueError) naming the field
    result.assignments  # (Assignment(meeting="m1", slot="s2", table=1),)
    result.unscheduled, result.scheduled, result.scheduled_weight, result.upper_bound
    result.proven_optimal, result.idle_gaps, result.deterministic, result.seconds
    result.to_json()  # the output of shared/FORMATS.md

`problem_from_json(data)` builds a `Problem` from the JSON input (shapes and types);
`schedule` checks the rest (unknown or duplicate ids, fixed meetings that cannot be kept).
`first_fit(problem)` is the baseline greedy, for comparisons.

The problem. Hard rules: a person is in at most one meeting per slot, only in slots they are
available in, and in at most `max_meetings` meetings; a slot holds at most `tables` meetings; a
fixed meeting stays in its slot (fixed meetings that cannot all be kept are rejected with an
InputError naming the meeting). Objective, lexicographic: (1) the largest total weight of
scheduled meetings; (2) among equal weights, the fewest idle gaps. A person's idle gaps are the
slots they are available in that lie strictly between their first and last meeting (in slot
order: the order of `slots` in the input) and in which they have no meeting; slots they are not
available in (breaks, other duties) are not idle. The total is summed over people.

The method (modules `problem`, `heuristics`, `bounds`, `cpsat` of this package).
1. Weights become integers: times 10^d, d = the most decimals a weight has (at most 6, fewer if
   the total would pass 2^50); if that rounds a weight, the rounding is added to the bound.
2. Variables: one boolean per (free meeting, slot where both people are available and free of
   fixed meetings, with a table left); fixed meetings are constants.
3. Greedy: first fit by decreasing weight, then local improvement (insert a meeting by moving
   the ones in its way to other slots, or by swapping out lighter ones for a strict gain; then
   single moves and pairwise slot swaps that lower idle gaps).
4. The LP relaxation (HiGHS dual simplex): its Lagrangian dual bound is a true upper bound, and
   rounding its solution (largest values first), then local improvement, is a second start.
5. Phase 1, CP-SAT, maximise the weight, hinted with the best schedule and told the bound (it
   stops when a schedule reaches it): "exact" (one thread, full LP relaxation with cuts) on
   models of up to EXACT_MAX_VARIABLES booleans, then "lns" (deterministic interleaved large-
   neighbourhood search) if not proven.
6. Phase 2, CP-SAT, weight ≥ the best found, minimise idle gaps (per person and slot, booleans
   "has a meeting before / after" and "idle"): "exact" on small models, then "lns".
7. The best schedule seen wins (weight first, then gaps), so the greedy one is the fallback
   whatever happens to the solver. `upper_bound` is the smallest of the combinatorial bound
   (`bounds.combinatorial_bound`), the LP bound and CP-SAT's proven bound; `proven_optimal`
   says the weight equals it (the gap count is then minimal only if phase 2 proved it).
8. Tables: within a slot, meetings get tables 1..k in input order (unlimited slots too).
   Assignments are listed in slot order, then table order; unscheduled meetings in input order.

Time and determinism. `time_limit_s` bounds the wall-clock time of the whole call. The searches
themselves are limited in CP-SAT's deterministic time, never in seconds: each phase gets a share
of the limit converted with `cpu_seconds_per_dtime` (measured on the benchmark machine), and at
most `2 + n/200` units for n booleans (so small problems return early). "exact" is single-
threaded; "lns" uses `interleave_search`, whose batches make the result independent of thread
timing (NUM_WORKERS threads only change the speed). So the schedule depends on the input and the
seed, not on the machine load. The wall clock is only a safety net: when it stops a search first
(a heavily loaded or slow machine) the answer is still feasible and the bound still true, but
it may differ between runs, and `Schedule.deterministic` is False. `stats.seconds` is the only
output field that differs between identical deterministic runs.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from decimal import Decimal

from clustermeet.jsoncli import InputError
from clustermeet.networking.scheduling import cpsat
from clustermeet.networking.scheduling.bounds import (
    LP_TIME_LIMIT_S,
    combinatorial_bound,
    solve_relaxation,
)
from clustermeet.networking.scheduling.heuristics import (
    Board,
    compact,
    idle_gaps,
    improve,
    lp_rounding,
)
from clustermeet.networking.scheduling.heuristics import first_fit as _first_fit
from clustermeet.networking.scheduling.problem import (
    Instance,
    Meeting,
    Person,
    Problem,
    Slot,
    index_problem,
    problem_from_json,
)

__all__ = [
    "Assignment",
    "InputError",
    "Meeting",
    "Person",
    "Problem",
    "Schedule",
    "Slot",
    "first_fit",
    "problem_from_json",
    "schedule",
]

# The search budget: SEARCH_SHARE of `time_limit_s`, in seconds of an idle machine (the rest
# covers the greedy start, the LP, model building and some machine load), converted into CP-SAT
# deterministic time with `cpu_seconds_per_dtime`. Each "exact" phase (models up to
# EXACT_MAX_VARIABLES booleans) gets EXACT_SHARE of what is left, phase 1 "lns" LNS_SHARE of what
# is left, phase 2 "lns" the rest.
SEARCH_SHARE = 0.45
EXACT_MAX_VARIABLES = 30_000
EXACT_SHARE = 0.35
LNS_SHARE = 0.55
LNS_CORES = 2  # the interleaved search runs on two threads
# Each phase also stops after 2 + n/200 deterministic-time units for n booleans, so small
# problems return long before their time limit.
DTIME_PER_VARIABLE = 1 / 200
WALL_RESERVE_S = 0.5  # kept back from the wall-clock limit for reading and writing the answer
RESERVE_PER_MEETING_S = 2e-4  # and more for polishing large schedules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: str
    table: int


@dataclass(frozen=True)
class Schedule:
    assignments: tuple[Assignment, ...]  # in slot order, then table order
    unscheduled: tuple[str, ...]  # meeting ids, in input order
    scheduled_weight: float
    upper_bound: float  # a true upper bound on the total weight of any feasible schedule
    proven_optimal: bool  # the weight is the largest possible
    seconds: float
    idle_gaps: int
    deterministic: bool  # False when the wall-clock safety limit cut a search short

    @property
    def scheduled(self) -> int:
        return len(self.assignments)

    def to_json(self) -> dict:
        return {
            "assignments": [
                {"meeting": item.meeting, "slot": item.slot, "table": item.table}
                for item in self.assignments
            ],
            "unscheduled": list(self.unscheduled),
            "stats": {
                "scheduled": self.scheduled,
                "scheduled_weight": self.scheduled_weight,
                "upper_bound": self.upper_bound,
                "proven_optimal": self.proven_optimal,
                "seconds": self.seconds,
            },
        }


def _float_up(value: Decimal) -> float:
    """A float whose JSON text (its repr) is ≥ value: a bound must not shrink when written."""
    result = float(value)
    while Decimal(repr(result)) < value:
        result = math.nextafter(result, math.inf)
    return result


def _result(
    inst: Instance,
    vs: cpsat.Variables,
    slot_of: list[int],
    bound: int,
    started: float,
    deterministic: bool,
) -> Schedule:
    problem = inst.problem
    tables = [0] * inst.n_slots
    assignments = []
    for k, slot in enumerate(slot_of):
        if slot >= 0:
            tables[slot] += 1
            assignments.append((slot, tables[slot], k))
    assignments.sort()
    weight = sum((inst.weights[k] for k, slot in enumerate(slot_of) if slot >= 0), Decimal(0))
    upper = Decimal(bound) / inst.scale
    if not inst.exact:
        upper += inst.rounding_excess
        # Exact whatever the rounding: all meetings that can be scheduled at all.
        possible = (k for k, own in enumerate(vs.of_meeting) if own or inst.fixed[k] >= 0)
        upper = min(upper, sum((inst.weights[k] for k in possible), Decimal(0)))
    return Schedule(
        assignments=tuple(
            Assignment(problem.meetings[k].id, problem.slots[slot].id, table)
            for slot, table, k in assignments
        ),
        unscheduled=tuple(problem.meetings[k].id for k, slot in enumerate(slot_of) if slot < 0),
        scheduled_weight=float(weight),
        upper_bound=_float_up(upper),
        proven_optimal=upper <= weight,
        seconds=round(time.perf_counter() - started, 3),
        idle_gaps=idle_gaps(inst, slot_of),
        deterministic=deterministic,
    )


def first_fit(problem: Problem) -> Schedule:
    """The baseline greedy: fixed meetings, then each meeting by decreasing weight into the
    first slot where it fits. Its bound is the combinatorial one only (no LP, no solver)."""
    started = time.perf_counter()
    inst = index_problem(problem)
    board = _first_fit(inst)
    vs = cpsat.variables(inst)
    return _result(inst, vs, board.slot_of, combinatorial_bound(inst, vs), started, True)


def _better(candidate: tuple[int, int], best: tuple[int, int]) -> bool:
    """(weight, gaps): more weight first, then fewer gaps."""
    return candidate[0] > best[0] or (candidate[0] == best[0] and candidate[1] < best[1])


def cpu_seconds_per_dtime(n_vars: int) -> float:
    """CPU seconds per unit of CP-SAT deterministic time on these models (measured on the
    benchmark machine: about 3 for 6,000-9,000 booleans, about 10 for 200,000)."""
    return 2.7 + n_vars / 27_000


class _Run:
    """One call of `schedule`: the best schedule so far, the bound, the clocks."""

    def __init__(self, problem: Problem):
        self.started = time.perf_counter()
        self.inst = index_problem(problem)
        # CP-SAT must stop early enough to leave time for the polishing and the answer.
        reserve = WALL_RESERVE_S + self.inst.n_meetings * RESERVE_PER_MEETING_S
        self.deadline = self.started + problem.time_limit_s - reserve
        self.deterministic = True
        self.best: list[int] = []
        self.key = (-1, 0)
        self.last_dtime = 0.0
        self.gaps_optimal = False

    def offer(self, slot_of: list[int] | None, source: str) -> None:
        if slot_of is None:
            return
        inst = self.inst
        key = (
            sum(inst.w[k] for k, slot in enumerate(slot_of) if slot >= 0),
            idle_gaps(inst, slot_of),
        )
        better = _better(key, self.key)
        if better:
            self.best, self.key = list(slot_of), key
        logger.info(
            "%-12s weight %d, gaps %d%s, %.2f s",
            source, key[0], key[1], " (best)" if better else "", self.elapsed(),
        )  # fmt: skip

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def wall_left(self) -> float:
        return self.deadline - time.perf_counter()


def schedule(problem: Problem, *, log: bool = False) -> Schedule:
    """The schedule of largest weight (then fewest idle gaps) found within the time limit."""
    run = _Run(problem)
    inst = run.inst
    run.offer(improve(_first_fit(inst)).slot_of, "greedy")
    vs = cpsat.variables(inst)
    bound = combinatorial_bound(inst, vs)
    n_vars = len(vs.meeting)
    if n_vars and run.key[0] < bound:
        relaxation = solve_relaxation(inst, vs, min(LP_TIME_LIMIT_S, run.wall_left() / 2))
        if relaxation.bound is not None:
            bound = min(bound, cpsat.fixed_weight(inst) + relaxation.bound)
            rounded = lp_rounding(inst, vs.meeting, vs.slot, relaxation.values)
            run.offer(improve(rounded).slot_of, "LP rounding")
        run.deterministic &= not relaxation.timed_out
        logger.info("bounds: relaxation %d, %.2f s", bound, run.elapsed())

    # The search budget in seconds of an idle machine; each phase converts its share into
    # deterministic time (LNS runs on LNS_CORES threads), and what it did not use stays.
    seconds = problem.time_limit_s * SEARCH_SHARE
    per_dtime = cpu_seconds_per_dtime(n_vars)
    effort = 2.0 + n_vars * DTIME_PER_VARIABLE
    if n_vars and run.key[0] < bound and n_vars <= EXACT_MAX_VARIABLES:
        budget = min(seconds * EXACT_SHARE / per_dtime, effort)
        bound = _phase_one(run, vs, bound, "exact", budget, log)
        seconds -= run.last_dtime * per_dtime
    if n_vars and run.key[0] < bound:
        budget = min(seconds * LNS_SHARE / per_dtime * LNS_CORES, effort)
        bound = _phase_one(run, vs, bound, "lns", budget, log)
        seconds -= run.last_dtime * per_dtime / LNS_CORES
    if n_vars and run.key[1] > 0 and n_vars <= EXACT_MAX_VARIABLES and seconds > 0.05:
        budget = min(seconds * EXACT_SHARE / per_dtime, effort)
        _phase_two(run, vs, "exact", budget, log)
        seconds -= run.last_dtime * per_dtime
    if n_vars and run.key[1] > 0 and not run.gaps_optimal and seconds > 0.05:
        budget = min(seconds / per_dtime * LNS_CORES, effort)
        _phase_two(run, vs, "lns", budget, log)
    best = run.best
    if run.key[1] > 0:
        polished = Board(inst)
        for k, slot in enumerate(best):
            if slot >= 0 and inst.fixed[k] < 0:
                polished.place(k, slot)
        compact(polished)
        run.offer(polished.slot_of, "compacted")
    return _result(inst, vs, run.best, bound, run.started, run.deterministic)


def _phase_two(run: _Run, vs: cpsat.Variables, mode: str, dtime: float, log: bool) -> None:
    run.last_dtime = 0.0
    if run.wall_left() < 0.2:
        run.deterministic = False
        return
    inst = run.inst
    outcome = cpsat.minimise_gaps(inst, vs, run.best, run.key[0], dtime, run.deadline, log, mode)
    run.last_dtime = outcome.dtime
    run.deterministic &= not outcome.wall_limited
    run.offer(outcome.slot_of, f"gaps {mode}")
    if outcome.optimal and outcome.objective == run.key[1]:
        run.gaps_optimal = True
    logger.info(
        "CP-SAT gaps %s: optimal %s, dtime %.2f of %.2f, cpu %.1f s, wall-limited %s",
        mode, outcome.optimal, outcome.dtime, dtime, outcome.cpu, outcome.wall_limited,
    )  # fmt: skip


def _phase_one(
    run: _Run, vs: cpsat.Variables, bound: int, mode: str, dtime: float, log: bool
) -> int:
    run.last_dtime = 0.0
    if run.wall_left() < 0.2:
        run.deterministic = False
        return bound
    outcome = cpsat.maximise_weight(run.inst, vs, run.best, bound, mode, dtime, run.deadline, log)
    run.last_dtime = outcome.dtime
    run.deterministic &= not outcome.wall_limited
    run.offer(outcome.slot_of, f"CP-SAT {mode}")
    if outcome.bound is not None:
        bound = min(bound, outcome.bound)
    logger.info(
        "CP-SAT %s: bound %s, optimal %s, dtime %.2f of %.2f, cpu %.1f s, wall-limited %s",
        mode, outcome.bound, outcome.optimal, outcome.dtime, dtime, outcome.cpu,
        outcome.wall_limited,
    )  # fmt: skip
    return bound
