"""World café seating benchmark (issue 4): prints one JSON line per instance with the stats of
the `clustermeet seat-cafe` contract. Instances are generated deterministically.

    .venv/bin/python bench/cafe_seating.py [--only NAME] [--seed N]

Café instances (1,000 / 1,003 / 300 / 500 people) have 51 countries, organisations of 1–5
people (one country each) and a mix of stakeholder types; the 1,003 case has one host per table.
The two classic instances (social golfers 32/8×4/10, Kirkman's schoolgirls 15/5×3/7) have no
attributes: only repeats count there, as in the reference tool.
"""

from __future__ import annotations

import argparse
import json
import random
import time

from clustermeet.cafe.seating.plan import Person, Table, seat

STAKEHOLDERS = ("cluster", "public", "industry", "research", "network", "sme")
STAKEHOLDER_WEIGHTS = (30, 15, 25, 12, 8, 10)


def cafe_people(n: int, seed: int, countries: int = 51) -> list[Person]:
    rng = random.Random(seed)
    country_weights = [1.0 / (1 + i) ** 0.6 for i in range(countries)]
    people: list[Person] = []
    org = 0
    while len(people) < n:
        size = min(rng.randint(1, 5), n - len(people))
        country = f"C{rng.choices(range(countries), country_weights)[0]:02d}"
        for _ in range(size):
            stakeholder = rng.choices(STAKEHOLDERS, STAKEHOLDER_WEIGHTS)[0]
            people.append(Person(f"p{len(people)}", country, f"o{org}", stakeholder))
        org += 1
    # Every country appears at least once (51 countries as in 2020).
    for i in range(min(countries, n)):
        p = people[i * (n // countries)]
        people[i * (n // countries)] = Person(p.id, f"C{i:02d}", p.organisation, p.stakeholder)
    order = list(range(n))
    rng.shuffle(order)
    return [people[i] for i in order]


def spread_floor(people: list[Person], key: str, tables: int, rounds: int) -> int:
    """A lower bound on same-`key` pairs: each value spread as evenly as possible over the
    tables in every round (ignores every other constraint)."""
    counts: dict[str, int] = {}
    for person in people:
        value = getattr(person, key)
        if value is not None:
            counts[value] = counts.get(value, 0) + 1
    floor = 0
    for count in counts.values():
        q, rem = divmod(count, tables)
        floor += (tables - rem) * q * (q - 1) // 2 + rem * (q + 1) * q // 2
    return floor * rounds


def instances() -> list[tuple[str, list[Person], list[Table], int]]:
    found = []
    for name, n, t, cap, rounds in (
        ("1000/100x10/3", 1000, 100, 10, 3),
        ("300/30x10/3", 300, 30, 10, 3),
        ("500/50x10/3", 500, 50, 10, 3),
    ):
        people = cafe_people(n, seed=n)
        tables = [Table(f"T{i + 1}", cap) for i in range(t)]
        found.append((name, people, tables, rounds))
    people = cafe_people(1003, seed=1003)
    hosts = random.Random(104).sample([p.id for p in people], 104)
    tables = [Table(f"T{i + 1}", 10, hosts[i]) for i in range(104)]
    found.insert(1, ("1003/104x10/3 hosts", people, tables, 3))
    for name, n, t, cap, rounds in (("32/8x4/10", 32, 8, 4, 10), ("15/5x3/7", 15, 5, 3, 7)):
        people = [Person(f"g{i}") for i in range(n)]
        found.append((name, people, [Table(f"T{i + 1}", cap) for i in range(t)], rounds))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the instance with this name")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for name, people, tables, rounds in instances():
        if args.only and name != args.only:
            continue
        started = time.perf_counter()
        result = seat(people, tables, rounds, seed=args.seed)
        wall = time.perf_counter() - started
        line = {
            "instance": name,
            "people": len(people),
            "tables": len(tables),
            "rounds": rounds,
            "seed": args.seed,
            **result.to_json(tables)["stats"],
            "wall_seconds": round(wall, 3),
            "country_floor": spread_floor(people, "country", len(tables), rounds),
            "stakeholder_floor": spread_floor(people, "stakeholder", len(tables), rounds),
        }
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
