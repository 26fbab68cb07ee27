"""`clustermeet schedule-meetings`: the JSON contract of shared/FORMATS.md over `scheduling`."""

from collections.abc import Sequence
from typing import Any

from clustermeet.jsoncli import run
from clustermeet.networking.scheduling.solver import problem_from_json, schedule


def handle(data: Any) -> dict:
    return schedule(problem_from_json(data)).to_json()


def main(argv: Sequence[str] | None = None) -> int:
    return run(
        "schedule-meetings",
        "Schedule 1-to-1 meetings into slots and tables: the largest total weight, then the "
        "fewest idle gaps, with a proven upper bound.",
        handle,
        argv,
    )
