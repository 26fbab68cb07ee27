"""Independent checks of a café seating, used by the seating tests (not by the code)."""

from collections import Counter
from itertools import combinations

from clustermeet.cafe.seating.plan import Person, Table


def recount(people: list[Person], rounds) -> dict:
    """The contract's counts, recomputed pair by pair."""
    by_id = {p.id: p for p in people}
    together = Counter()
    counts = Counter()
    spread = 0
    for rnd in rounds:
        sizes = [len(ids) for ids in rnd]
        spread = max(spread, max(sizes) - min(sizes))
        for ids in rnd:
            for a, b in combinations(ids, 2):
                together[frozenset((a, b))] += 1
                for key in ("organisation", "country", "stakeholder"):
                    va, vb = getattr(by_id[a], key), getattr(by_id[b], key)
                    counts[key] += va is not None and va == vb
    return {
        "repeat_meetings": sum(k - 1 for k in together.values()),
        "same_organisation_pairs": counts["organisation"],
        "same_country_pairs": counts["country"],
        "same_stakeholder_pairs": counts["stakeholder"],
        "size_spread": spread,
    }


def assert_hard_rules(people: list[Person], tables: list[Table], rounds, uneven=()) -> None:
    """Everyone present once per round, capacities, hosts, and water-filling sizes: whenever
    two tables differ by two or more, the smaller one is full (not checked in the rounds
    listed in `uneven`)."""
    present = sorted(p.id for p in people if p.present)
    for r, rnd in enumerate(rounds):
        assert len(rnd) == len(tables)
        assert sorted(x for ids in rnd for x in ids) == present, f"round {r}"
        sizes = [len(ids) for ids in rnd]
        for table, ids in zip(tables, rnd, strict=True):
            assert len(ids) <= table.capacity
            if table.host is not None:
                assert table.host in ids, f"round {r}: host {table.host} not at {table.id}"
        if r in uneven:
            continue
        for big in sizes:
            for j, small in enumerate(sizes):
                if big - small >= 2:
                    assert small == tables[j].capacity, f"round {r}: sizes {sizes}"


# The checkers themselves: they must reject what they are meant to catch.


def test_recount_counts_pairs_and_repeats():
    people = [Person("a", "DE", "o1", "x"), Person("b", "DE", "o1", "y"), Person("c", None, None)]
    rounds = [(("a", "b", "c"),), (("a", "b", "c"),)]
    assert recount(people, rounds) == {
        "repeat_meetings": 3,
        "same_organisation_pairs": 2,
        "same_country_pairs": 2,
        "same_stakeholder_pairs": 0,
        "size_spread": 0,
    }


def test_hard_rules_reject_uneven_sizes_missing_host_and_double_seat():
    people = [Person(x) for x in "abcd"]
    tables = [Table("T1", 4), Table("T2", 4, host="d")]
    assert_hard_rules(people, tables, [(("a", "b"), ("c", "d"))])
    for bad in (
        [(("a", "b", "c", "d"), ())],
        [(("a", "b", "d"), ("c",))],
        [(("a", "b", "c"), ("c", "d"))],
    ):
        try:
            assert_hard_rules(people, tables, bad)
        except AssertionError:
            continue
        raise AssertionError(f"accepted {bad}")
