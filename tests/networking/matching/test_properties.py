"""Property tests of the recommendation engine on random instances (hypothesis): never oneself,
a colleague or someone excluded; at most `top`; best first, ties by id; valid ids and scores."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustermeet.networking.matching.ranking import Profile, recommend

PHRASES = [
    "recycled fibre supply",
    "circular textile materials",
    "cloud hosting for industrial data",
    "cybersecurity audits for SMEs",
    "investors for our growth stage",
    "venture capital",
    "testing facilities",
    "Based in Lyon",
    "",
]
IDS = [f"p{i}" for i in range(14)]


@st.composite
def instances(draw):
    ids = draw(st.lists(st.sampled_from(IDS), min_size=0, max_size=12, unique=True))
    text = st.lists(st.sampled_from(PHRASES), max_size=3).map(". ".join)
    people = [
        Profile(
            identifier,
            offering=draw(text),
            looking_for=draw(text),
            ecosystems=tuple(draw(st.lists(st.sampled_from(["digital", "health", "textiles"])))),
            organisation=draw(st.sampled_from(["", "", "o1", "o2", "o3"])),
            languages=tuple(draw(st.lists(st.sampled_from(["en", "fr"]), max_size=2))),
        )
        for identifier in ids
    ]
    exclude = draw(st.dictionaries(st.sampled_from(IDS), st.sets(st.sampled_from(IDS), max_size=3)))
    return people, draw(st.integers(min_value=1, max_value=6)), exclude


FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(instances())
def test_lists_obey_the_rules(instance):
    people, top, exclude = instance
    result = recommend(people, top, exclude)
    by_id = {p.id: p for p in people}
    assert list(result) == [p.id for p in people]
    for person, found in result.items():
        me = by_id[person]
        ids = [r.id for r in found]
        assert len(found) <= top
        assert len(set(ids)) == len(ids)
        assert set(ids) <= set(by_id) - {person}
        for r in found:
            other = by_id[r.id]
            assert not (me.organisation and me.organisation.strip() == other.organisation.strip())
            assert r.id not in exclude.get(person, set())
            assert person not in exclude.get(r.id, set())
            assert 0 < r.score <= 1.57
            assert r.score == round(r.score, 4)
            assert r.reason
        keys = [(-r.score, r.id) for r in found]
        assert keys == sorted(keys)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_same_input_same_output(instance):
    people, top, exclude = instance
    assert recommend(people, top, exclude) == recommend(list(reversed(people)), top, exclude)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_a_longer_list_starts_with_the_shorter_one(instance):
    people, top, exclude = instance
    short, long = recommend(people, top, exclude), recommend(people, top + 3, exclude)
    for person in short:
        assert long[person][: len(short[person])] == short[person]
