"""Tallying canonical ballots: exact results per poll type, and invariants under random ballots."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustermeet.live.answers import PollSpec, normalise_answer
from clustermeet.live.tally import BallotRow, tally

# The ECC 2020 policy panel poll (output paper, 35/33/14/14/2/2 %).
ECC_QUESTION = (
    "How can public authorities support business during the covid-19 crisis "
    "and post-covid-19 recovery?"
)
ECC_OPTIONS = {
    1: "Increase public investments",
    2: "Facilitate collaboration and sharing business intelligence",
    3: "Simplify regulations",
    4: "Support services for business",
    5: "Protect EU market",
    6: "Help in internationalisation of activities",
}
ECC_COUNTS = {1: 35, 2: 33, 3: 14, 4: 14, 5: 2, 6: 2}

# The ECC 2020 "How should businesses adapt…? (1 = most selected)" ranking question.
ADAPT_OPTIONS = {
    1: "Train staff",
    2: "Enhance use of digital tools",
    3: "Uptake of green solutions",
    4: "Search new markets",
}


def ballots_for(answers, status="counted"):
    return [BallotRow(answer, status) for answer in answers]


def single_ballots(counts):
    return ballots_for({"choice": option} for option, n in counts.items() for _ in range(n))


# -- single and multiple choice ----------------------------------------------------------------


def test_ecc_2020_single_choice_poll():
    spec = PollSpec("single", tuple(ECC_OPTIONS))
    result = tally(spec, single_ballots(ECC_COUNTS))
    assert result == {
        "type": "single",
        "voters": 100,
        "invalid": 0,
        "options": [
            {"id": 1, "count": 35, "percent": 35.0},
            {"id": 2, "count": 33, "percent": 33.0},
            {"id": 3, "count": 14, "percent": 14.0},
            {"id": 4, "count": 14, "percent": 14.0},
            {"id": 5, "count": 2, "percent": 2.0},
            {"id": 6, "count": 2, "percent": 2.0},
        ],
        "ranked": [1, 2, 3, 4, 5, 6],
    }


def test_ecc_2020_poll_with_labels_and_ties_in_display_order():
    display = (6, 4, 1, 3, 2, 5)  # the moderator listed them in another order
    spec = PollSpec("single", display)
    result = tally(spec, reversed(single_ballots(ECC_COUNTS)), option_labels=ECC_OPTIONS)
    assert result["options"][:2] == [
        {"id": 6, "label": ECC_OPTIONS[6], "count": 2, "percent": 2.0},
        {"id": 4, "label": ECC_OPTIONS[4], "count": 14, "percent": 14.0},
    ]
    assert result["ranked"] == [1, 2, 4, 3, 6, 5]  # 14 % and 2 % ties follow display order


def test_percent_rounds_half_up_exactly():
    # 49 / 400 = 12.25 % and 351 / 400 = 87.75 %: Python's round() would give 12.2 and 87.8.
    result = tally(PollSpec("single", (1, 2)), single_ballots({1: 49, 2: 351}))
    assert [o["percent"] for o in result["options"]] == [12.3, 87.8]
    third = tally(PollSpec("single", (1, 2, 3)), single_ballots({1: 1, 2: 1, 3: 1}))
    assert [o["percent"] for o in third["options"]] == [33.3, 33.3, 33.3]


def test_single_without_ballots():
    assert tally(PollSpec("single", (1, 2)), []) == {
        "type": "single",
        "voters": 0,
        "invalid": 0,
        "options": [{"id": 1, "count": 0, "percent": 0.0}, {"id": 2, "count": 0, "percent": 0.0}],
        "ranked": [1, 2],
    }


def test_multiple_choice_percentages_are_shares_of_voters():
    spec = PollSpec("multiple", (1, 2, 3), max_choices=2)
    answers = [{"choices": [1, 2]}, {"choices": [1, 3]}, {"choices": [1]}, {"choices": [2, 3]}]
    result = tally(spec, ballots_for(answers))
    assert result == {
        "type": "multiple",
        "voters": 4,
        "invalid": 0,
        "options": [
            {"id": 1, "count": 3, "percent": 75.0},
            {"id": 2, "count": 2, "percent": 50.0},
            {"id": 3, "count": 2, "percent": 50.0},
        ],
        "ranked": [1, 2, 3],
    }
    assert sum(option["percent"] for option in result["options"]) == 175.0


# -- ranking -----------------------------------------------------------------------------------


def test_ranking_points_averages_and_ranks():
    spec = PollSpec("ranking", tuple(ADAPT_OPTIONS))
    answers = (
        [{"ranking": [1, 2, 3, 4]}] * 3
        + [{"ranking": [2, 1, 4, 3]}] * 2
        + [{"ranking": [3]}]  # partial: only the favourite, 4 points; the rest 0
    )
    result = tally(spec, ballots_for(answers), option_labels=ADAPT_OPTIONS)
    # 4 options: 4 points for a 1st place, 3, 2, 1 for the 4th.
    assert result == {
        "type": "ranking",
        "voters": 6,
        "invalid": 0,
        "options": [
            {
                "id": 1,
                "label": "Train staff",
                "points": 18,  # 3×4 + 2×3
                "average": 3.0,
                "first_places": 3,
                "rank": 1,
            },
            {
                "id": 2,
                "label": "Enhance use of digital tools",
                "points": 17,  # 3×3 + 2×4
                "average": 2.83,
                "first_places": 2,
                "rank": 2,
            },
            {
                "id": 3,
                "label": "Uptake of green solutions",
                "points": 12,  # 3×2 + 2×1 + 1×4
                "average": 2.0,
                "first_places": 1,
                "rank": 3,
            },
            {
                "id": 4,
                "label": "Search new markets",
                "points": 7,  # 3×1 + 2×2
                "average": 1.17,
                "first_places": 0,
                "rank": 4,
            },
        ],
        "ranked": [1, 2, 3, 4],
    }


def test_ranking_ties_share_a_rank():
    spec = PollSpec("ranking", (7, 8, 9))
    answers = [{"ranking": [9, 7, 8]}, {"ranking": [8, 7, 9]}]  # 9: 4, 8: 4, 7: 4
    result = tally(spec, ballots_for(answers))
    assert [(o["id"], o["points"], o["rank"]) for o in result["options"]] == [
        (7, 4, 1),
        (8, 4, 1),
        (9, 4, 1),
    ]
    answers.append({"ranking": [9]})  # 9: 7, 7: 4, 8: 4
    result = tally(spec, ballots_for(answers))
    assert [(o["id"], o["points"], o["rank"]) for o in result["options"]] == [
        (7, 4, 2),
        (8, 4, 2),
        (9, 7, 1),
    ]
    assert result["ranked"] == [9, 7, 8]


def test_ranking_without_ballots():
    result = tally(PollSpec("ranking", (1, 2)), [])
    assert result["options"] == [
        {"id": 1, "points": 0, "average": None, "first_places": 0, "rank": 1},
        {"id": 2, "points": 0, "average": None, "first_places": 0, "rank": 1},
    ]
    assert (result["voters"], result["ranked"]) == (0, [1, 2])


# -- rating ------------------------------------------------------------------------------------


def ratings(*values):
    return ballots_for({"rating": value} for value in values)


def test_rating_average_median_distribution():
    assert tally(PollSpec("rating"), ratings(5, 4, 4, 3, 1)) == {
        "type": "rating",
        "voters": 5,
        "invalid": 0,
        "average": 3.4,
        "median": 4.0,
        "distribution": {"1": 1, "2": 0, "3": 1, "4": 2, "5": 1},
    }


def test_rating_even_median_and_rounding():
    result = tally(PollSpec("rating"), ratings(2, 3, 1, 2, 3, 3))
    assert (result["average"], result["median"]) == (2.33, 2.5)
    assert tally(PollSpec("rating"), ratings(1, 2, 2))["average"] == 1.67


def test_rating_on_ten_without_voters():
    assert tally(PollSpec("rating", scale_max=10), []) == {
        "type": "rating",
        "voters": 0,
        "invalid": 0,
        "average": None,
        "median": None,
        "distribution": {str(n): 0 for n in range(1, 11)},
    }


# -- word cloud --------------------------------------------------------------------------------

CLOUD_RAW = [
    ["Cluster", "Innovation", "the cooperation"],
    [" cluster ", "innovación"],
    ["CLUSTER!", "Cooperation"],
    ["Clúster", "network"],
    ["Networks", "the"],
]


def cloud_ballots():
    spec = PollSpec("wordcloud")
    return ballots_for(normalise_answer(spec, raw) for raw in CLOUD_RAW)


def test_wordcloud_counts_normalised_words():
    assert tally(PollSpec("wordcloud"), cloud_ballots()) == {
        "type": "wordcloud",
        "voters": 5,
        "invalid": 0,
        "words": [
            {"text": "cluster", "count": 4, "weight": 1.0},
            {"text": "cooperation", "count": 2, "weight": 0.5},
            {"text": "innovacion", "count": 1, "weight": 0.25},
            {"text": "innovation", "count": 1, "weight": 0.25},
            {"text": "network", "count": 1, "weight": 0.25},
            {"text": "networks", "count": 1, "weight": 0.25},
        ],
        "total_entries": 10,
        "distinct_words": 6,
    }


def test_wordcloud_top_words_and_weights():
    answers = [{"words": ["b"]}] * 3 + [{"words": ["a", "c"]}] * 2 + [{"words": ["d"]}]
    result = tally(PollSpec("wordcloud"), ballots_for(answers), top_words=3)
    assert result["words"] == [
        {"text": "b", "count": 3, "weight": 1.0},
        {"text": "a", "count": 2, "weight": 0.667},
        {"text": "c", "count": 2, "weight": 0.667},
    ]
    assert (result["voters"], result["total_entries"], result["distinct_words"]) == (6, 8, 4)
    assert tally(PollSpec("wordcloud"), ballots_for(answers), top_words=0)["words"] == []


def test_wordcloud_without_ballots():
    assert tally(PollSpec("wordcloud"), []) == {
        "type": "wordcloud",
        "voters": 0,
        "invalid": 0,
        "words": [],
        "total_entries": 0,
        "distinct_words": 0,
    }


def test_top_words_must_not_be_negative():
    with pytest.raises(ValueError, match="top_words"):
        tally(PollSpec("wordcloud"), [], top_words=-1)


# -- open text ---------------------------------------------------------------------------------


def test_open_text_shows_only_approved_answers_in_ballot_order():
    rows = [
        BallotRow({"text": "More green funding"}, "approved"),
        BallotRow({"text": "spam"}, "rejected"),
        BallotRow({"text": "Awaiting"}, "pending"),
        BallotRow({"text": "Skills, skills, skills"}, "approved"),
        BallotRow({"text": "Later"}, "pending"),
    ]
    assert tally(PollSpec("open_text"), rows) == {
        "type": "open_text",
        "voters": 5,
        "invalid": 0,
        "counts": {"pending": 2, "approved": 2, "rejected": 1},
        "approved": ["More green funding", "Skills, skills, skills"],
    }


def test_open_text_unknown_status_is_invalid_not_shown():
    rows = [BallotRow({"text": "unmoderated"}), BallotRow({"text": "ok"}, "approved")]
    result = tally(PollSpec("open_text"), rows)
    assert (result["voters"], result["invalid"], result["approved"]) == (1, 1, ["ok"])


# -- ballots that no longer fit the poll -------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "answers"),
    [
        (PollSpec("single", (1, 2)), [{"choice": 3}, {"choice": True}, {}, {"choice": [1]}]),
        (
            PollSpec("multiple", (1, 2)),
            [{"choices": [1, 3]}, {"choices": [1, 1]}, {"choices": 1}, {"choices": [True]}],
        ),
        (
            PollSpec("ranking", (1, 2)),
            [{"ranking": []}, {"ranking": [2, 2]}, {"ranking": [3]}, {"ranking": [[1]]}],
        ),
        (PollSpec("rating"), [{"rating": 6}, {"rating": 0}, {"rating": True}, {"rating": "5"}]),
        (PollSpec("wordcloud"), [{"words": "cluster"}, {"words": [1]}, {}, {"text": "x"}]),
    ],
)
def test_invalid_ballots_are_counted_apart(spec, answers):
    valid = {
        "single": {"choice": 1},
        "multiple": {"choices": [1]},
        "ranking": {"ranking": [1, 2]},
        "rating": {"rating": 1},
        "wordcloud": {"words": ["cluster"]},
    }[spec.type]
    rows = [BallotRow(valid), *ballots_for(answers), BallotRow(None), BallotRow(valid)]
    result = tally(spec, rows)
    assert (result["voters"], result["invalid"]) == (2, len(answers) + 1)
    assert result == {**tally(spec, ballots_for([valid, valid])), "invalid": len(answers) + 1}


# -- shape -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "rows"),
    [
        (PollSpec("single", tuple(ECC_OPTIONS)), single_ballots(ECC_COUNTS)),
        (PollSpec("ranking", (1, 2, 3)), ballots_for([{"ranking": [3, 1]}, {"ranking": [2]}])),
        (PollSpec("rating"), ratings(1, 5)),
        (PollSpec("wordcloud"), cloud_ballots()),
        (PollSpec("open_text"), [BallotRow({"text": "é"}, "approved")]),
    ],
)
def test_results_are_json_and_do_not_depend_on_ballot_order(spec, rows):
    result = tally(spec, iter(rows), option_labels={1: "One"})
    assert json.loads(json.dumps(result)) == result
    if spec.type != "open_text":
        assert tally(spec, list(reversed(rows)), option_labels={1: "One"}) == result


# -- properties --------------------------------------------------------------------------------

_options = st.lists(st.integers(1, 1000), min_size=1, max_size=7, unique=True).map(tuple)


@given(_options.flatmap(lambda o: st.tuples(st.just(o), st.lists(st.sampled_from(o), max_size=40))))
def test_single_counts_sum_to_voters(case):
    options, choices = case
    result = tally(PollSpec("single", options), ballots_for({"choice": c} for c in choices))
    assert sum(option["count"] for option in result["options"]) == result["voters"]
    assert result["voters"] == len(choices)
    counts = [option["count"] for option in result["options"]]
    assert [counts[options.index(o)] for o in result["ranked"]] == sorted(counts, reverse=True)


@given(_options.flatmap(lambda o: st.tuples(st.just(o), st.lists(st.permutations(o), max_size=30))))
def test_full_rankings_share_out_all_points(case):
    options, rankings = case
    n = len(options)
    result = tally(PollSpec("ranking", options), ballots_for({"ranking": r} for r in rankings))
    total = sum(option["points"] for option in result["options"])
    assert total == len(rankings) * n * (n + 1) // 2
    assert sum(option["first_places"] for option in result["options"]) == len(rankings)


@given(
    _options.flatmap(
        lambda o: st.tuples(
            st.just(o),
            st.lists(st.tuples(st.permutations(o), st.integers(1, len(o))), max_size=30),
        )
    )
)
def test_partial_rankings_score_by_place(case):
    options, drawn = case
    rankings = [permutation[:k] for permutation, k in drawn]
    n = len(options)
    result = tally(PollSpec("ranking", options), ballots_for({"ranking": r} for r in rankings))
    expected = sum(n - place for r in rankings for place in range(len(r)))
    assert sum(option["points"] for option in result["options"]) == expected
    assert result["voters"] == len(rankings)


@given(
    st.sampled_from([5, 10]).flatmap(
        lambda s: st.tuples(st.just(s), st.lists(st.integers(1, s), max_size=40))
    )
)
def test_rating_distribution_sums_to_voters(case):
    scale, values = case
    result = tally(PollSpec("rating", scale_max=scale), ratings(*values))
    assert sum(result["distribution"].values()) == result["voters"] == len(values)
    if values:
        ordered = sorted(values)
        middle = len(values) // 2
        median = ordered[middle] if len(values) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
        assert result["median"] == median
        assert abs(result["average"] - sum(values) / len(values)) <= 0.005 + 1e-9


@given(
    st.lists(st.lists(st.sampled_from("abcdefg"), min_size=1, max_size=3, unique=True), max_size=40)
)
def test_wordcloud_counts_sum_to_entries(word_lists):
    result = tally(PollSpec("wordcloud"), ballots_for({"words": w} for w in word_lists))
    assert sum(word["count"] for word in result["words"]) == result["total_entries"]
    assert result["total_entries"] == sum(map(len, word_lists))
    assert result["voters"] == len(word_lists)


@given(st.lists(st.sampled_from(["pending", "approved", "rejected"]), max_size=40))
def test_open_text_counts_sum_to_voters(statuses):
    rows = [BallotRow({"text": str(i)}, status) for i, status in enumerate(statuses)]
    result = tally(PollSpec("open_text"), rows)
    assert sum(result["counts"].values()) == result["voters"] == len(statuses)
    assert len(result["approved"]) == result["counts"]["approved"]
