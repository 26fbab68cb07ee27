"""The meeting scheduler: hard constraints and bounds on random instances, exact optima by brute
force, the idle-gap tie-break, determinism, and the input checks."""

import random
import time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustermeet.networking.scheduling import cpsat
from clustermeet.networking.scheduling.heuristics import idle_gaps
from clustermeet.networking.scheduling.problem import index_problem
from clustermeet.networking.scheduling.solver import (
    InputError,
    Meeting,
    Person,
    Problem,
    Slot,
    first_fit,
    problem_from_json,
    schedule,
)

WEIGHTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.25)


@st.composite
def problems(draw, max_meetings=8, dense=False):
    """Small random problems; `dense` ones have few people, mostly available, meeting in
    triangles and other odd cycles (where the LP bound is not tight)."""
    n_slots = draw(st.integers(1, 3 if dense else 4))
    slot_ids = [f"s{j}" for j in range(n_slots)]
    slots = tuple(Slot(i, draw(st.one_of(st.none(), st.integers(0, 3)))) for i in slot_ids)
    n_people = draw(st.integers(3, 5) if dense else st.integers(2, 6))
    present = st.integers(0, 4).map(bool) if dense else st.booleans()
    people = tuple(
        Person(
            f"p{i}",
            tuple(s for s in slot_ids if draw(present)),
            draw(st.one_of(st.none(), st.integers(0, 3))),
        )
        for i in range(n_people)
    )
    available = {person.id: set(person.available) for person in people}
    caps = {person.id: person.max_meetings for person in people}
    tables = {slot.id: slot.tables for slot in slots}
    fixed_busy: set[tuple[str, str]] = set()
    fixed_count = dict.fromkeys(caps, 0)
    fixed_load = dict.fromkeys(tables, 0)
    meetings = []
    for k in range(draw(st.integers(0, max_meetings))):
        a, b = draw(st.lists(st.integers(0, n_people - 1), min_size=2, max_size=2, unique=True))
        pa, pb = f"p{a}", f"p{b}"
        weight = draw(st.sampled_from((1.0, 3.0) if dense else WEIGHTS))
        slot = None
        if draw(st.integers(0, 3)) == 0:  # try to fix it in a slot where it can be kept
            for s in sorted(available[pa] & available[pb]):
                if (
                    (pa, s) not in fixed_busy
                    and (pb, s) not in fixed_busy
                    and (tables[s] is None or fixed_load[s] < tables[s])
                    and all(caps[p] is None or fixed_count[p] < caps[p] for p in (pa, pb))
                ):
                    slot = s
                    fixed_busy |= {(pa, s), (pb, s)}
                    fixed_load[s] += 1
                    fixed_count[pa] += 1
                    fixed_count[pb] += 1
                    break
        meetings.append(Meeting(f"m{k}", (pa, pb), weight, slot))
    seed = draw(st.integers(0, 10))
    return Problem(slots, people, tuple(meetings), seed, 10.0)


def brute_force(problem: Problem) -> tuple[Decimal, int]:
    """The largest total weight and, among schedules of that weight, the fewest idle gaps."""
    inst = index_problem(problem)
    weights = [Decimal(repr(m.weight)) for m in problem.meetings]
    busy: set[tuple[int, int]] = set()
    count = [0] * inst.n_people
    load = [0] * inst.n_slots
    slot_of = [-1] * inst.n_meetings
    best: list = [Decimal(-1), 0]

    def visit(k: int, weight: Decimal) -> None:
        if k == inst.n_meetings:
            gaps = idle_gaps(inst, slot_of)
            if weight > best[0] or (weight == best[0] and gaps < best[1]):
                best[:] = [weight, gaps]
            return
        a, b = inst.a[k], inst.b[k]
        options = [inst.fixed[k]] if inst.fixed[k] >= 0 else [-1, *inst.candidates[k]]
        for slot in options:
            if slot < 0:
                visit(k + 1, weight)
                continue
            if (
                (a, slot) in busy
                or (b, slot) in busy
                or load[slot] >= inst.tables[slot]
                or count[a] >= inst.max_meetings[a]
                or count[b] >= inst.max_meetings[b]
            ):
                continue
            busy.update({(a, slot), (b, slot)})
            count[a] += 1
            count[b] += 1
            load[slot] += 1
            slot_of[k] = slot
            visit(k + 1, weight + weights[k])
            busy.difference_update({(a, slot), (b, slot)})
            count[a] -= 1
            count[b] -= 1
            load[slot] -= 1
            slot_of[k] = -1

    visit(0, Decimal(0))
    return best[0], best[1]


def check_feasible(problem: Problem, result) -> None:
    meetings = {m.id: m for m in problem.meetings}
    people = {p.id: p for p in problem.people}
    tables = {s.id: s.tables for s in problem.slots}
    assigned = [item.meeting for item in result.assignments]
    assert sorted(assigned + list(result.unscheduled)) == sorted(meetings)
    assert len(set(assigned)) == len(assigned)
    seen: set[tuple[str, str]] = set()
    per_slot: dict[str, list[int]] = {}
    count = dict.fromkeys(people, 0)
    for item in result.assignments:
        meeting = meetings[item.meeting]
        if meeting.slot is not None:
            assert item.slot == meeting.slot
        for person in meeting.people:
            assert item.slot in people[person].available
            assert (person, item.slot) not in seen
            seen.add((person, item.slot))
            count[person] += 1
        per_slot.setdefault(item.slot, []).append(item.table)
    for slot, numbers in per_slot.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
        assert tables[slot] is None or len(numbers) <= tables[slot]
    for person, n in count.items():
        assert people[person].max_meetings is None or n <= people[person].max_meetings
    for meeting in problem.meetings:
        if meeting.slot is not None:
            assert meeting.id in assigned
    weight = sum((Decimal(repr(meetings[m].weight)) for m in assigned), Decimal(0))
    assert result.scheduled_weight == float(weight)
    assert result.upper_bound >= result.scheduled_weight


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(problems(), problems(dense=True)))
def test_hard_constraints_bound_and_exact_optimum(problem):
    result = schedule(problem)
    check_feasible(problem, result)
    best_weight, fewest_gaps = brute_force(problem)
    assert result.scheduled_weight == float(best_weight)
    assert result.proven_optimal
    assert result.upper_bound == result.scheduled_weight
    assert result.idle_gaps == fewest_gaps


def random_dense_problem(rng: random.Random) -> Problem:
    slots = tuple(Slot(f"s{j}", rng.choice([None, None, 1, 2])) for j in range(rng.randint(1, 4)))
    people = tuple(
        Person(
            f"p{i}",
            tuple(slot.id for slot in slots if rng.random() < 0.85),
            rng.choice([None, None, 1, 2]),
        )
        for i in range(rng.randint(3, 6))
    )
    meetings = tuple(
        Meeting(f"m{k}", tuple(rng.sample([p.id for p in people], 2)), rng.choice(WEIGHTS[1:]))
        for k in range(rng.randint(3, 8))
    )
    return Problem(slots, people, meetings, rng.randint(0, 5), 10.0)


def test_random_dense_instances_match_brute_force():
    # Crowded instances (odd cycles, full slots, caps): most need the LP and many CP-SAT.
    rng = random.Random(7)
    for _ in range(150):
        problem = random_dense_problem(rng)
        result = schedule(problem)
        check_feasible(problem, result)
        best_weight, fewest_gaps = brute_force(problem)
        assert (result.scheduled_weight, result.idle_gaps) == (float(best_weight), fewest_gaps)
        assert result.proven_optimal and result.upper_bound == result.scheduled_weight


@settings(max_examples=15, deadline=None)
@given(problems())
def test_same_input_and_seed_give_the_same_output(problem):
    first, second = schedule(problem).to_json(), schedule(problem).to_json()
    del first["stats"]["seconds"], second["stats"]["seconds"]
    assert first == second


@settings(max_examples=30, deadline=None)
@given(problems(max_meetings=12))
def test_first_fit_is_feasible_and_never_beats_the_bound(problem):
    greedy, ours = first_fit(problem), schedule(problem)
    check_feasible(problem, greedy)
    assert greedy.scheduled_weight <= ours.scheduled_weight <= ours.upper_bound


def two_slots_one_table_problem() -> Problem:
    # Three meetings of weight 1 compete for two single-table slots; p0 and p1 are free in both.
    return Problem(
        slots=(Slot("s1", 1), Slot("s2", 1)),
        people=tuple(Person(f"p{i}", ("s1", "s2")) for i in range(4)),
        meetings=(
            Meeting("m1", ("p0", "p1"), 1.0),
            Meeting("m2", ("p0", "p2"), 2.0),
            Meeting("m3", ("p1", "p3"), 1.5),
        ),
        seed=3,
    )


def test_exact_small_case():
    result = schedule(two_slots_one_table_problem())
    assert result.to_json()["assignments"] == [
        {"meeting": "m2", "slot": "s1", "table": 1},
        {"meeting": "m3", "slot": "s2", "table": 1},
    ]
    assert result.unscheduled == ("m1",)
    assert (result.scheduled_weight, result.upper_bound, result.proven_optimal) == (3.5, 3.5, True)


def test_odd_cycle_where_the_lp_bound_is_not_tight():
    # Three people meeting pairwise in one slot: the LP takes half of each meeting (4.5),
    # CP-SAT proves that one meeting (3) is the optimum.
    problem = Problem(
        slots=(Slot("s1"),),
        people=tuple(Person(f"p{i}", ("s1",)) for i in range(3)),
        meetings=(
            Meeting("a", ("p0", "p1"), 3.0),
            Meeting("b", ("p1", "p2"), 3.0),
            Meeting("c", ("p0", "p2"), 3.0),
        ),
    )
    result = schedule(problem)
    assert [(a.meeting, a.slot) for a in result.assignments] == [("a", "s1")]
    assert (result.scheduled_weight, result.upper_bound, result.proven_optimal) == (3.0, 3.0, True)


def test_weights_with_decimals_are_summed_exactly():
    problem = Problem(
        slots=(Slot("s1"),),
        people=tuple(Person(f"p{i}", ("s1",)) for i in range(6)),
        meetings=tuple(Meeting(f"m{i}", (f"p{2 * i}", f"p{2 * i + 1}"), 0.1) for i in range(3)),
    )
    result = schedule(problem)
    assert (result.scheduled, result.scheduled_weight, result.upper_bound) == (3, 0.3, 0.3)
    assert result.proven_optimal


def test_weights_with_many_decimals_keep_a_true_bound():
    # 7 decimals are rounded to 6 for the solver; the bound adds the rounding back.
    problem = Problem(
        slots=(Slot("s1", 1),),
        people=tuple(Person(f"p{i}", ("s1",)) for i in range(4)),
        meetings=(
            Meeting("a", ("p0", "p1"), 0.1234564),
            Meeting("b", ("p2", "p3"), 0.1234561),
        ),
    )
    result = schedule(problem)
    assert [a.meeting for a in result.assignments] == ["a"]
    assert result.scheduled_weight == 0.1234564
    assert result.scheduled_weight <= result.upper_bound <= 0.1234566
    lone = Problem(problem.slots, problem.people, problem.meetings[:1])
    assert schedule(lone).proven_optimal  # everything possible is scheduled


def test_among_equal_weights_the_schedule_without_gaps_wins():
    # p0 meets p1 (only free in s1) and p2 (free in s1..s3). Both schedules keep both
    # meetings; m2 in s3 would leave p0 idle in s2.
    problem = Problem(
        slots=(Slot("s1"), Slot("s2"), Slot("s3")),
        people=(
            Person("p0", ("s1", "s2", "s3")),
            Person("p1", ("s1",)),
            Person("p2", ("s1", "s2", "s3")),
        ),
        meetings=(Meeting("m2", ("p0", "p2"), 1.0), Meeting("m1", ("p0", "p1"), 1.0)),
    )
    result = schedule(problem)
    assert [(a.meeting, a.slot) for a in result.assignments] == [("m1", "s1"), ("m2", "s2")]
    assert result.idle_gaps == 0


def test_gap_phase_removes_gaps_without_losing_weight():
    problem = Problem(
        slots=tuple(Slot(f"s{j}") for j in range(4)),
        people=tuple(Person(f"p{i}", ("s0", "s1", "s2", "s3")) for i in range(4)),
        meetings=(
            Meeting("m01", ("p0", "p1"), 1.0),
            Meeting("m02", ("p0", "p2"), 1.0),
            Meeting("m13", ("p1", "p3"), 1.0),
        ),
    )
    inst = index_problem(problem)
    hint = [0, 3, 2]  # p0 meets in s0 and s3, p1 in s0 and s2: 2 + 1 idle slots
    assert idle_gaps(inst, hint) == 3
    outcome = cpsat.minimise_gaps(
        inst, cpsat.variables(inst), hint, 3, 5.0, time.perf_counter() + 30
    )
    assert outcome.optimal and outcome.objective == 0
    assert idle_gaps(inst, outcome.slot_of) == 0
    assert all(slot >= 0 for slot in outcome.slot_of)


def test_unavailable_slots_between_meetings_are_not_idle():
    problem = Problem(
        slots=(Slot("s1"), Slot("s2"), Slot("s3")),
        people=(
            Person("p0", ("s1", "s3")),
            Person("p1", ("s1",)),
            Person("p2", ("s3",)),
        ),
        meetings=(Meeting("m1", ("p0", "p1"), 1.0), Meeting("m2", ("p0", "p2"), 1.0)),
    )
    result = schedule(problem)
    assert (result.scheduled, result.idle_gaps) == (2, 0)


def test_fixed_meetings_are_kept_even_when_lighter():
    problem = Problem(
        slots=(Slot("s1", 1),),
        people=tuple(Person(f"p{i}", ("s1",)) for i in range(4)),
        meetings=(Meeting("heavy", ("p0", "p1"), 5.0), Meeting("fixed", ("p2", "p3"), 1.0, "s1")),
    )
    result = schedule(problem)
    assert [(a.meeting, a.slot, a.table) for a in result.assignments] == [("fixed", "s1", 1)]
    assert result.unscheduled == ("heavy",)
    assert (result.scheduled_weight, result.upper_bound, result.proven_optimal) == (1.0, 1.0, True)


def test_unlimited_slots_number_tables_too():
    problem = Problem(
        slots=(Slot("v", None),),
        people=tuple(Person(f"p{i}", ("v",)) for i in range(6)),
        meetings=tuple(Meeting(f"m{i}", (f"p{2 * i}", f"p{2 * i + 1}"), 1.0) for i in range(3)),
    )
    assert [a.table for a in schedule(problem).assignments] == [1, 2, 3]


def test_empty_problem():
    result = schedule(Problem(slots=(), people=(), meetings=()))
    assert result.to_json() == {
        "assignments": [],
        "unscheduled": [],
        "stats": {
            "scheduled": 0,
            "scheduled_weight": 0.0,
            "upper_bound": 0.0,
            "proven_optimal": True,
            "seconds": result.seconds,
        },
    }


# --- input checks -------------------------------------------------------------------------


def document(**changes):
    data = {
        "seed": 1,
        "time_limit_s": 5,
        "slots": [{"id": "s1", "tables": 1}, {"id": "s2", "tables": None}],
        "people": [
            {"id": "p1", "available": ["s1", "s2"], "max_meetings": 1},
            {"id": "p2", "available": ["s1"]},
            {"id": "p3", "available": ["s2"]},
        ],
        "meetings": [
            {"id": "m1", "people": ["p1", "p2"], "weight": 1.0, "slot": None},
            {"id": "m2", "people": ["p2", "p3"], "weight": 2, "slot": None},
        ],
    }
    data.update(changes)
    return data


def meetings_with(**fields):
    meetings = document()["meetings"]
    meetings[1] = {**meetings[1], **fields}
    return meetings


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            document(meetings=meetings_with(people=["p2", "p99"])),
            "meetings[1].people[1]: unknown person 'p99'",
        ),
        (document(meetings=meetings_with(slot="s9")), "meetings[1].slot: unknown slot 's9'"),
        (
            document(meetings=meetings_with(people=["p2", "p2"])),
            "meetings[1].people: the same person 'p2' twice",
        ),
        (document(meetings=meetings_with(weight=-1)), "meetings[1].weight: must be ≥ 0"),
        (document(meetings=meetings_with(weight="2")), "meetings[1].weight: must be a number"),
        (document(meetings=meetings_with(weight=True)), "meetings[1].weight: must be a number"),
        (
            document(meetings=meetings_with(people=["p2"])),
            "meetings[1].people: must list exactly 2 person ids",
        ),
        (document(meetings=meetings_with(id="m1")), "meetings[1].id: duplicate id 'm1'"),
        (
            document(slots=[{"id": "s1", "tables": 1}, {"id": "s1"}]),
            "slots[1].id: duplicate id 's1'",
        ),
        (
            document(slots=[{"id": "s1", "tables": "3"}, {"id": "s2"}]),
            "slots[0].tables: must be an integer ≥ 0 or null",
        ),
        (
            document(slots=[{"id": "s1", "tables": -1}, {"id": "s2"}]),
            "slots[0].tables: must be an integer ≥ 0 or null",
        ),
        (
            document(people=[{"id": "p1", "available": ["s1", "s7"]}]),
            "people[0].available[1]: unknown slot 's7'",
        ),
        (
            document(people=[{"id": "p1", "available": "s1"}]),
            "people[0].available: must be a list",
        ),
        (
            document(people=[{"id": "p1", "available": [], "max_meetings": 1.5}]),
            "people[0].max_meetings: must be an integer ≥ 0 or null",
        ),
        (document(people=[{"id": 7, "available": []}]), "people[0].id: must be a non-empty string"),
        (document(meetings={}), "meetings: must be a list"),
        (document(seed="1"), "seed: must be an integer"),
        (document(time_limit_s=0), "time_limit_s: must be a number > 0 and ≤ 86400"),
        ([], "input: must be an object"),
    ],
)
def test_invalid_input_names_the_field(data, message):
    with pytest.raises(InputError) as error:
        schedule(problem_from_json(data))
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("meetings", "message"),
    [
        (
            [{"id": "m1", "people": ["p1", "p3"], "weight": 1, "slot": "s1"}],
            "meetings[0].slot: fixed meeting 'm1' cannot be kept: 'p3' is not available in "
            "slot 's1'",
        ),
        (
            [
                {"id": "m1", "people": ["p1", "p2"], "weight": 1, "slot": "s2"},
                {"id": "m2", "people": ["p2", "p3"], "weight": 1, "slot": "s2"},
            ],
            "meetings[1].slot: fixed meeting 'm2' cannot be kept: 'p2' already has fixed meeting "
            "'m1' in slot 's2'",
        ),
        (
            [
                {"id": "m1", "people": ["p1", "p2"], "weight": 1, "slot": "s1"},
                {"id": "m2", "people": ["p4", "p5"], "weight": 1, "slot": "s1"},
            ],
            "meetings[1].slot: fixed meeting 'm2' cannot be kept: slot 's1' has 1 table, all taken "
            "by fixed meetings",
        ),
        (
            [
                {"id": "m1", "people": ["p1", "p2"], "weight": 1, "slot": "s1"},
                {"id": "m2", "people": ["p1", "p4"], "weight": 1, "slot": "s2"},
            ],
            "meetings[1].slot: fixed meeting 'm2' cannot be kept: 'p1' would have more fixed "
            "meetings than max_meetings 1",
        ),
    ],
)
def test_fixed_meetings_that_cannot_be_kept_are_rejected(meetings, message):
    data = document(
        people=[
            {"id": "p1", "available": ["s1", "s2"], "max_meetings": 1},
            {"id": "p2", "available": ["s1", "s2"]},
            {"id": "p3", "available": ["s2"]},
            {"id": "p4", "available": ["s1", "s2"]},
            {"id": "p5", "available": ["s1", "s2"]},
        ],
        meetings=meetings,
    )
    with pytest.raises(InputError) as error:
        schedule(problem_from_json(data))
    assert str(error.value) == message


def test_optional_fields_take_their_defaults():
    problem = problem_from_json(
        {
            "slots": [{"id": "s1"}],
            "people": [{"id": "a", "available": ["s1"]}, {"id": "b", "available": ["s1"]}],
            "meetings": [{"id": "m", "people": ["a", "b"]}],
            "unknown": "ignored",
        }
    )
    assert problem == Problem(
        slots=(Slot("s1", None),),
        people=(Person("a", ("s1",), None), Person("b", ("s1",), None)),
        meetings=(Meeting("m", ("a", "b"), 1.0, None),),
        seed=0,
        time_limit_s=30.0,
    )
