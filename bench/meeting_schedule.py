"""Benchmark of the 1-to-1 meeting scheduler (issue 5): first-fit greedy against ours, with the
proven upper bound, on five generated instances. One JSON line per instance.

    .venv/bin/python bench/meeting_schedule.py [--only NAME] [--time-limit S] [--log]

The generator (deterministic: `random.Random(f"{name}:{seed}")`, seed 1):
- slots s01..sNN, each with `tables` tables (None: unlimited, virtual rooms);
- each person is available in each slot independently with probability `availability` (at
  least one slot);
- popularity: the people in a random order get weights 1/(rank+1)^0.7, so a few people are
  asked for many meetings (as in a real matchmaking);
- each meeting: a requester drawn uniformly, a partner drawn by popularity, distinct and not an
  already requested pair; weight 1, 2 or 3 (with probabilities 1/2, 1/3, 1/6: the priority);
- `max_meetings`, when the instance sets caps, drawn from `caps` per person.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import logging
import random
import sys
from dataclasses import dataclass

from clustermeet.networking.scheduling.solver import (
    Meeting,
    Person,
    Problem,
    Slot,
    first_fit,
    schedule,
)


@dataclass(frozen=True)
class Spec:
    name: str
    people: int
    meetings: int
    slots: int
    availability: float
    tables: int | None
    caps: tuple[int | None, ...]
    time_limit_s: float
    requirement: str


SPECS = [
    Spec("ecc2020-bilateral", 250, 191, 8, 0.6, None, (None,), 30, "proven optimal"),
    Spec("matchmaking-112", 112, 230, 16, 0.6, 40, (4, 6, 8, None), 30, "proven optimal"),
    Spec("dense-300", 300, 1200, 10, 0.7, None, (None,), 30, ""),
    Spec("tables-1000", 1000, 3000, 12, 0.5, 60, (4, 6, 8, None), 55, "≥ 98% of the bound in 60 s"),
    Spec("large-5000", 5000, 20000, 16, 0.8, None, (None,), 90, "an answer in 120 s"),
]


def generate(spec: Spec, seed: int = 1) -> Problem:
    rng = random.Random(f"{spec.name}:{seed}")
    slots = tuple(Slot(f"s{j + 1:02d}", spec.tables) for j in range(spec.slots))
    ids = [f"p{i + 1:04d}" for i in range(spec.people)]
    people = []
    for person_id in ids:
        available = [slot.id for slot in slots if rng.random() < spec.availability]
        if not available:
            available = [rng.choice(slots).id]
        people.append(Person(person_id, tuple(available), rng.choice(spec.caps)))
    order = list(range(spec.people))
    rng.shuffle(order)
    popularity = [0.0] * spec.people
    for rank, person in enumerate(order):
        popularity[person] = 1 / (rank + 1) ** 0.7
    cumulative = list(itertools.accumulate(popularity))
    pairs: set[tuple[int, int]] = set()
    meetings = []
    while len(meetings) < spec.meetings:
        requester = rng.randrange(spec.people)
        partner = bisect.bisect_right(cumulative, rng.random() * cumulative[-1])
        pair = (min(requester, partner), max(requester, partner))
        if requester == partner or pair in pairs:
            continue
        pairs.add(pair)
        weight = rng.choice((1.0, 1.0, 1.0, 2.0, 2.0, 3.0))
        meeting_id = f"m{len(meetings) + 1:05d}"
        meetings.append(Meeting(meeting_id, (ids[requester], ids[partner]), weight))
    return Problem(slots, tuple(people), tuple(meetings), seed, spec.time_limit_s)


def run(spec: Spec, time_limit: float | None, log: bool) -> dict:
    problem = generate(spec)
    if time_limit is not None:
        problem = Problem(problem.slots, problem.people, problem.meetings, 1, time_limit)
    total = sum(meeting.weight for meeting in problem.meetings)
    greedy = first_fit(problem)
    ours = schedule(problem, log=log)
    return {
        "instance": spec.name,
        "people": spec.people,
        "meetings": spec.meetings,
        "slots": spec.slots,
        "tables": spec.tables,
        "time_limit_s": problem.time_limit_s,
        "requested_weight": total,
        "first_fit": {"scheduled": greedy.scheduled, "weight": greedy.scheduled_weight},
        "ours": {"scheduled": ours.scheduled, "weight": ours.scheduled_weight},
        "upper_bound": ours.upper_bound,
        "first_fit_ratio": round(greedy.scheduled_weight / ours.upper_bound, 4),
        "ratio": round(ours.scheduled_weight / ours.upper_bound, 4),
        "proven_optimal": ours.proven_optimal,
        "idle_gaps": {"first_fit": greedy.idle_gaps, "ours": ours.idle_gaps},
        "deterministic": ours.deterministic,
        "seconds": ours.seconds,
        "requirement": spec.requirement,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=[spec.name for spec in SPECS])
    parser.add_argument("--time-limit", type=float, help="override every instance's limit")
    parser.add_argument("--log", action="store_true", help="phase summaries on stderr")
    parser.add_argument("--cp-log", action="store_true", help="CP-SAT search log on stderr")
    args = parser.parse_args(argv)
    if args.log:
        logging.basicConfig(level=logging.INFO, format="%(relativeCreated)8.0f ms %(message)s")
    for spec in SPECS:
        if args.only in (None, spec.name):
            print(
                json.dumps(run(spec, args.time_limit, args.cp_log), ensure_ascii=False), flush=True
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
