"""Exact small cases of the recommendation engine (clustermeet.networking.matching.ranking)."""

import random

import numpy as np
import pytest

from clustermeet.networking.matching.ranking import Profile, Recommendation, TfidfEngine, recommend
from clustermeet.networking.matching.reason import display
from clustermeet.networking.matching.scores import ECOSYSTEMS, LOOKS_FOR, OFFERS, Reason


def ranked(result: dict, person: str) -> list[tuple[str, float]]:
    return [(r.id, r.score) for r in result[person]]


def test_need_met_word_for_word_scores_one_and_says_why():
    result = recommend(
        [
            Profile("p1", looking_for="We are looking for recycled fibre supply."),
            Profile("p2", offering="We offer recycled fibre supply."),
        ],
        top=5,
    )
    phrase = "recycled fibre supply"
    assert result == {
        "p1": [Recommendation("p2", 1.0, Reason(LOOKS_FOR, phrase, phrase))],
        "p2": [Recommendation("p1", 1.0, Reason(OFFERS, phrase, phrase))],
    }
    quoted = f"'{phrase}'"
    assert result["p1"][0].reason_text == f"looks for {quoted}, p2 offers {quoted}"
    assert result["p2"][0].reason_text == f"offers {quoted}, p1 looks for {quoted}"


def test_never_oneself_nor_a_colleague():
    need, offer = "cloud hosting for industrial data", "cloud hosting for industrial data"
    people = [
        Profile("a", offering=offer, looking_for=need, organisation="o1"),
        Profile("b", offering=offer, looking_for=need, organisation="o1"),
        Profile("c", offering=offer, looking_for=need, organisation=" o1 "),  # same, trimmed
        Profile("d", offering=offer, looking_for=need, organisation=""),
        Profile("e", offering=offer, looking_for=need, organisation=""),
    ]
    result = recommend(people, top=10)
    assert ranked(result, "a") == [("d", 1.5), ("e", 1.5)]
    assert ranked(result, "b") == [("d", 1.5), ("e", 1.5)]
    # an empty organisation makes nobody a colleague
    assert ranked(result, "d") == [("a", 1.5), ("b", 1.5), ("c", 1.5), ("e", 1.5)]


def test_complementary_partner_ranks_above_a_competitor():
    people = [
        Profile("me", offering="cybersecurity audits for SMEs", looking_for="cloud hosting"),
        Profile("partner", offering="cloud hosting for industrial data"),
        Profile(
            "competitor",
            offering="cybersecurity audits for SMEs",
            looking_for="wine distributors in Japan",
        ),
    ]
    result = recommend(people, top=5)
    assert result["me"][0].id == "partner"
    scores = dict(ranked(result, "me"))
    assert scores["partner"] > scores.get("competitor", 0.0) * 3


def test_a_match_both_ways_ranks_above_a_one_way_match():
    people = [
        Profile("a", offering="event organisation", looking_for="testing facilities"),
        Profile("b", offering="testing facilities", looking_for="event organisation"),
        Profile("c", offering="testing facilities"),
    ]
    assert ranked(recommend(people, top=5), "a") == [("b", 1.5), ("c", 1.0)]


def test_a_shared_ecosystem_and_a_shared_language_break_ties():
    people = [
        Profile("a", looking_for="graphene sensors", ecosystems=("Digital",), languages=("pl",)),
        Profile("b", offering="graphene sensors"),
        Profile("c", offering="graphene sensors", languages=("PL",)),
        Profile("d", offering="graphene sensors", ecosystems=("digital", "health")),
        Profile("e", offering="graphene sensors"),
    ]
    # case-insensitive; equal scores by id
    assert ranked(recommend(people, top=5), "a") == [
        ("d", 1.03),
        ("c", 1.01),
        ("b", 1.0),
        ("e", 1.0),
    ]


def test_ecosystem_bonus_counts_two_shared_ecosystems_at_most():
    eco = ("digital", "health", "textiles")
    people = [Profile("a", ecosystems=eco), Profile("b", ecosystems=eco), Profile("c")]
    result = recommend(people, top=5)
    assert result["a"] == [Recommendation("b", 0.06, Reason(ECOSYSTEMS, ecosystems=eco[:2]))]
    assert result["a"][0].reason_text == "shares the ecosystems 'digital', 'health'"
    assert result["c"] == []


def test_people_without_texts_are_recommended_by_ecosystems_only():
    people = [
        Profile("a", ecosystems=("textiles",), languages=("en",)),
        Profile("b", offering="recycled fibre supply", ecosystems=("textiles",), languages=("en",)),
        Profile("c", offering="recycled fibre supply", ecosystems=("digital",), languages=("en",)),
        Profile("d", ecosystems=("textiles",)),
    ]
    result = recommend(people, top=5)
    textiles = Reason(ECOSYSTEMS, ecosystems=("textiles",))
    assert result["a"] == [Recommendation("b", 0.04, textiles), Recommendation("d", 0.03, textiles)]
    assert result["a"][0].reason_text == "shares the ecosystem 'textiles'"
    # a shared language alone is no reason to meet
    assert [r.id for r in result["c"]] == []


def test_people_already_met_are_excluded_both_ways():
    people = [
        Profile("a", looking_for="graphene sensors"),
        Profile("b", offering="graphene sensors"),
        Profile("c", offering="graphene sensors"),
    ]
    result = recommend(people, top=5, exclude={"a": {"b", "unknown"}, "ghost": {"c"}})
    assert ranked(result, "a") == [("c", 1.0)]
    assert ranked(result, "b") == []
    assert ranked(result, "c") == [("a", 1.0)]


def test_output_is_deterministic_whatever_the_input_order():
    rng = random.Random(7)
    words = ["graphene", "sensors", "cloud", "hosting", "wine", "export", "funding", "training"]
    people = [
        Profile(
            f"p{i}",
            offering=" ".join(rng.sample(words, 3)),
            looking_for=" ".join(rng.sample(words, 2)),
            organisation=rng.choice(["", "o1", "o2"]),
            ecosystems=tuple(rng.sample(["digital", "health"], rng.randint(0, 2))),
        )
        for i in range(12)
    ]
    first = recommend(people, top=4)
    shuffled = people[:]
    rng.shuffle(shuffled)
    second = recommend(shuffled, top=4)
    assert first == second
    assert list(first) == [p.id for p in people]
    assert list(second) == [p.id for p in shuffled]


def test_top_limits_the_lists():
    people = [Profile(f"p{i}", offering="graphene", looking_for="graphene") for i in range(6)]
    result = recommend(people, top=2)
    assert all(len(found) == 2 for found in result.values())
    assert ranked(result, "p3") == [("p0", 1.5), ("p1", 1.5)]


@pytest.mark.parametrize("top", [0, -1, True, 2.0, "3"])
def test_top_must_be_a_positive_int(top):
    with pytest.raises(ValueError, match="top must be a positive int"):
        recommend([Profile("a"), Profile("b")], top=top)


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate id 'a'"):
        recommend([Profile("a"), Profile("b"), Profile("a")], top=1)


def test_fewer_than_two_people():
    assert recommend([], top=3) == {}
    assert recommend([Profile("a", offering="x")], top=3) == {"a": []}


def test_reason_names_the_matching_phrases_without_lead_ins():
    people = [
        Profile(
            "p1",
            looking_for="We are looking for investors. Also a distributor for Spain, ideally soon.",
        ),
        Profile(
            "p2",
            offering="Founded in 1990. We offer a distributor network in Spain and Portugal.",
        ),
    ]
    [found] = recommend(people, top=3)["p1"]
    assert found.reason_text == (
        "looks for 'Also a distributor for Spain', p2 offers "
        "'a distributor network in Spain and Portugal'"
    )


def test_long_phrases_are_cut_at_a_word():
    phrase = "We offer " + "very long description of services " * 4
    assert display(phrase) == "very long description of services very long description of…"
    assert display("We are looking for investors") == "investors"
    assert display("Investors") == "Investors"


def test_word_forms_and_spelling_variants_still_match():
    people = [
        Profile("seeker", looking_for="recycling of textiles"),
        Profile("partner", offering="recycled textile fibers"),
        Profile("other", offering="software development"),
    ]
    assert [r.id for r in recommend(people, top=5)["seeker"]] == ["partner"]


def test_the_concept_list_bridges_cluster_synonyms():
    people = [
        Profile("seeker", looking_for="financing for our scale-up"),
        Profile("partner", offering="venture capital investment"),
    ]
    with_concepts = recommend(people, top=5)
    without = recommend(people, top=5, engine=TfidfEngine(concepts=False))
    assert [r.id for r in with_concepts["seeker"]] == ["partner"]
    assert with_concepts["seeker"][0].reason_text == (
        "looks for 'financing for our scale-up', partner offers 'venture capital investment'"
    )
    assert without["seeker"] == []


class ExactWords:
    """A dense engine for the `Engine` seam: one-hot exact words, unit length."""

    def fit(self, texts):
        self.vocabulary = sorted({w for t in texts for w in t.lower().split()})

    def transform(self, texts):
        rows = np.zeros((len(texts), len(self.vocabulary)), dtype=np.float32)
        for r, text in enumerate(texts):
            for word in text.lower().split():
                if word in self.vocabulary:
                    rows[r, self.vocabulary.index(word)] = 1.0
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return np.divide(rows, norms, out=rows, where=norms > 0)


def test_any_engine_fits_the_seam():
    people = [
        Profile("a", offering="wine export", looking_for="cloud hosting"),
        Profile("b", offering="cloud hosting", looking_for="wine export"),
        Profile("c", offering="cloud services"),
    ]
    result = recommend(people, top=5, engine=ExactWords())
    assert result["a"] == [
        Recommendation("b", 1.5, Reason(LOOKS_FOR, "cloud hosting", "cloud hosting")),
        Recommendation("c", 0.5, Reason(LOOKS_FOR, "cloud hosting", "cloud services")),
    ]
