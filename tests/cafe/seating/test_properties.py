"""Property tests of the café seating on random instances (hypothesis): the hard rules always
hold, the stats equal an independent recount, and a seed reproduces the seating."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustermeet.cafe.seating.plan import Fixed, Person, Table, seat
from tests.cafe.seating.test_checks import assert_hard_rules, recount

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def instances(draw, most_people=22):
    n = draw(st.integers(0, most_people))
    attribute = st.one_of(st.none(), st.sampled_from(["A", "B", "C"]))
    people = [Person(f"p{i}", draw(attribute), draw(attribute), draw(attribute)) for i in range(n)]
    capacities = draw(st.lists(st.integers(1, 8), min_size=1, max_size=6))
    while sum(capacities) < n:
        capacities[draw(st.integers(0, len(capacities) - 1))] += 1
    host_count = draw(st.integers(0, min(n, len(capacities))))
    hosts = draw(st.permutations(range(n)))[:host_count] if n else []
    tables = [
        Table(f"T{t}", c, f"p{hosts[t]}" if t < len(hosts) else None)
        for t, c in enumerate(capacities)
    ]
    rounds = draw(st.integers(1, 4))
    seed = draw(st.integers(-(2**63), 2**63))
    return people, tables, rounds, seed


def _stats(result) -> dict:
    stats = vars(result.stats).copy()
    del stats["seconds"]
    return stats


@FAST
@given(instances())
def test_hard_rules_hold_and_stats_are_exact(instance):
    people, tables, rounds, seed = instance
    result = seat(people, tables, rounds, seed=seed, effort=0.05)
    assert len(result.rounds) == rounds
    assert_hard_rules(people, tables, result.rounds)
    assert _stats(result) == recount(people, result.rounds)
    order = {p.id: i for i, p in enumerate(people)}
    for rnd in result.rounds:
        for ids in rnd:
            assert list(ids) == sorted(ids, key=order.__getitem__)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(most_people=16))
def test_a_seed_reproduces_the_seating(instance):
    people, tables, rounds, seed = instance
    first = seat(people, tables, rounds, seed=seed, effort=0.05)
    again = seat(people, tables, rounds, seed=seed, effort=0.05)
    assert first.rounds == again.rounds


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(most_people=18), st.data())
def test_reseating_keeps_the_past_and_the_seated(instance, data):
    people, tables, rounds, seed = instance
    before = seat(people, tables, rounds, seed=seed, effort=0.05)
    current = data.draw(st.integers(0, rounds - 1))
    hosts = {t.host for t in tables}
    leaving = set(
        data.draw(
            st.lists(
                st.sampled_from([p.id for p in people if p.id not in hosts] or ["-"]), max_size=3
            )
        )
    )
    newcomers = data.draw(st.integers(0, 3))
    now = [
        Person(p.id, p.country, p.organisation, p.stakeholder, present=p.id not in leaving)
        for p in people
    ] + [Person(f"new{i}", "A") for i in range(newcomers)]
    room = sum(t.capacity for t in tables) - sum(p.present for p in now)
    if room < 0:
        now = now[:room]
    after = seat(now, tables, rounds, seed=seed, fixed=Fixed(before.rounds, current), effort=0.05)
    assert after.rounds[:current] == before.rounds[:current]
    for old, new in zip(before.rounds[current], after.rounds[current], strict=True):
        assert set(old) - leaving <= set(new)
    assert_hard_rules(now, tables, after.rounds[current:], uneven={0})
    assert _stats(after) == recount(now, after.rounds)
