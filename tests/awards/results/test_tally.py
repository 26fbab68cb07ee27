"""The pure tally: counts, shares, the weight of the jury, ranks and ties, and the frozen JSON."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustermeet.awards.results.tally import comparable, decision, six_places, tally

FINALISTS = [(1, "Antonio"), (2, "Uwe"), (3, "Corinne")]


def ballots(*spec: tuple[int, int, int]) -> list[tuple[int, str]]:
    """(nomination id, online votes, on-site votes) → ballot pairs."""
    out = []
    for nomination_id, online, onsite in spec:
        out += [(nomination_id, "online")] * online + [(nomination_id, "onsite")] * onsite
    return out


def test_counts_per_channel_and_shares_by_votes_alone():
    result = tally(FINALISTS, ballots((1, 3, 1), (2, 5, 2), (3, 1, 0)), {}, 0)
    assert [(r.id, r.online, r.onsite, r.total, r.rank) for r in result.rows] == [
        (2, 5, 2, 7, 1),
        (1, 3, 1, 4, 2),
        (3, 1, 0, 1, 3),
    ]
    assert [r.vote_share for r in result.rows] == [
        Fraction(7, 12),
        Fraction(4, 12),
        Fraction(1, 12),
    ]
    assert [r.jury_share for r in result.rows] == [0, 0, 0]
    assert [r.combined for r in result.rows] == [Fraction(7, 12), Fraction(1, 3), Fraction(1, 12)]
    assert result.winners == (2,)
    assert (result.ballots, result.online, result.onsite, result.tie) == (12, 9, 3, False)


def test_a_tie_at_the_top_is_a_tie_and_the_next_rank_skips():
    result = tally(FINALISTS, ballots((1, 2, 0), (2, 1, 1), (3, 1, 0)), {}, 0)
    assert [(r.id, r.rank) for r in result.rows] == [(1, 1), (2, 1), (3, 3)]
    assert result.winners == (1, 2)
    assert result.tie is True


def test_a_tie_below_the_top():
    result = tally(FINALISTS, ballots((1, 0, 1), (2, 4, 0), (3, 1, 0)), {}, 0)
    assert [(r.id, r.rank) for r in result.rows] == [(2, 1), (1, 2), (3, 2)]
    assert result.winners == (2,)


def test_zero_ballots_and_no_jury_decide_nothing():
    result = tally(FINALISTS, [], {}, 0)
    assert [(r.id, r.total, r.rank, r.vote_share) for r in result.rows] == [
        (1, 0, 1, 0),
        (2, 0, 1, 0),
        (3, 0, 1, 0),
    ]
    assert result.winners == ()
    assert tally(FINALISTS, [], {}, 50).winners == ()
    assert tally(FINALISTS, [], {}, 100).winners == ()


def test_zero_ballots_the_jury_alone_decides_at_any_weight_above_zero():
    means = {1: Decimal("4.000"), 2: Decimal("3.000"), 3: Decimal("1.000")}
    result = tally(FINALISTS, [], means, 50)
    assert [(r.id, r.jury_share, r.combined) for r in result.rows] == [
        (1, Fraction(1, 2), Fraction(1, 4)),
        (2, Fraction(3, 8), Fraction(3, 16)),
        (3, Fraction(1, 8), Fraction(1, 16)),
    ]
    assert result.winners == (1,)
    assert tally(FINALISTS, [], means, 0).winners == ()  # the weight 0 ignores the jury


def test_weight_100_is_the_jury_alone():
    means = {1: Decimal("3.500"), 2: Decimal("4.250"), 3: Decimal("2.250")}
    result = tally(FINALISTS, ballots((1, 10, 0), (3, 5, 5)), means, 100)
    assert [(r.id, r.rank, r.combined) for r in result.rows] == [
        (2, 1, Fraction(17, 40)),
        (1, 2, Fraction(14, 40)),
        (3, 3, Fraction(9, 40)),
    ]
    assert result.winners == (2,)


def test_weight_50_combines_half_and_half():
    # Votes 6/3/1 of 10, jury means 2/4/4 of 10: combined = (v + j) / 2.
    means = {1: Decimal("2"), 2: Decimal("4"), 3: Decimal("4")}
    result = tally(FINALISTS, ballots((1, 6, 0), (2, 0, 3), (3, 1, 0)), means, 50)
    assert [(r.id, r.combined, r.rank) for r in result.rows] == [
        (1, Fraction(2, 5), 1),
        (2, Fraction(7, 20), 2),
        (3, Fraction(1, 4), 3),
    ]
    assert {r.id: r.combined for r in result.rows} == {
        1: Fraction(2, 5),
        2: Fraction(7, 20),
        3: Fraction(1, 4),
    }
    assert [r.id for r in result.rows] == [1, 2, 3]
    assert result.winners == (1,)


def test_weight_50_a_vote_lead_lost_to_the_jury():
    means = {1: Decimal("1.000"), 2: Decimal("5.000")}
    result = tally(FINALISTS[:2], ballots((1, 6, 0), (2, 4, 0)), means, 50)
    # 1: (3/5 + 1/6) / 2 = 23/60; 2: (2/5 + 5/6) / 2 = 37/60
    assert [(r.id, r.combined) for r in result.rows] == [
        (2, Fraction(37, 60)),
        (1, Fraction(23, 60)),
    ]
    assert result.winners == (2,)


def test_an_exact_tie_of_combined_scores_that_decimals_would_also_tie():
    means = {1: Decimal("3.000"), 2: Decimal("1.000")}
    # 1: votes 1/4, jury 3/4 → 1/2; 2: votes 3/4, jury 1/4 → 1/2
    result = tally(FINALISTS[:2], ballots((1, 1, 0), (2, 2, 1)), means, 50)
    assert [(r.id, r.rank) for r in result.rows] == [(1, 1), (2, 1)]
    assert result.winners == (1, 2)


def test_close_scores_are_not_tied_by_rounding():
    # 1: 1000001/3000000 vs 1/3 differ in the 7th place only: no tie.
    means = {1: Decimal("1.000001"), 2: Decimal("1")}
    result = tally(FINALISTS[:2], [], means, 100)
    assert [r.rank for r in result.rows] == [1, 2]
    assert [r.to_json()["jury_share"] for r in result.rows] == ["0.500000", "0.500000"]
    assert result.winners == (1,)


def test_a_finalist_nobody_scored_has_no_jury_share():
    result = tally(FINALISTS, ballots((3, 1, 0)), {1: Decimal("2.500")}, 50)
    assert {r.id: (r.jury_mean, r.jury_share) for r in result.rows} == {
        1: (Decimal("2.500"), Fraction(1)),
        2: (None, Fraction(0)),
        3: (None, Fraction(0)),
    }
    assert {r.id: r.combined for r in result.rows} == {1: Fraction(1, 2), 2: 0, 3: Fraction(1, 2)}
    assert result.winners == (1, 3)


def test_means_of_non_finalists_are_ignored():
    result = tally(FINALISTS[:1], ballots((1, 1, 0)), {1: Decimal(2), 99: Decimal(5)}, 50)
    assert result.rows[0].jury_share == 1


def test_to_json_six_places_half_up():
    means = {1: Decimal("1.000"), 2: Decimal("2.000")}
    result = tally(FINALISTS, ballots((1, 1, 0), (2, 1, 0), (3, 0, 1)), means, 30)
    assert result.to_json() == {
        "decided": False,
        "jury_weight": 30,
        "ballots": 3,
        "online": 2,
        "onsite": 1,
        "winners": [2],
        "finalists": [
            {
                "id": 2,
                "name": "Uwe",
                "online": 1,
                "onsite": 0,
                "total": 1,
                "jury_mean": "2.000",
                "vote_share": "0.333333",
                "jury_share": "0.666667",
                "combined": "0.433333",
                "rank": 1,
            },
            {
                "id": 1,
                "name": "Antonio",
                "online": 1,
                "onsite": 0,
                "total": 1,
                "jury_mean": "1.000",
                "vote_share": "0.333333",
                "jury_share": "0.333333",
                "combined": "0.333333",
                "rank": 2,
            },
            {
                "id": 3,
                "name": "Corinne",
                "online": 0,
                "onsite": 1,
                "total": 1,
                "jury_mean": None,
                "vote_share": "0.333333",
                "jury_share": "0.000000",
                "combined": "0.233333",
                "rank": 3,
            },
        ],
    }


def test_six_places():
    assert six_places(Fraction(1, 8)) == "0.125000"
    assert six_places(Fraction(1, 2_000_000)) == "0.000001"  # half up
    assert six_places(Fraction(1, 2_000_001)) == "0.000000"
    assert six_places(Fraction(2, 3)) == "0.666667"
    assert six_places(Fraction(1)) == "1.000000"
    assert six_places(Fraction(0)) == "0.000000"


def test_comparable_leaves_out_the_names():
    data = tally(FINALISTS[:1], ballots((1, 1, 0)), {}, 0).to_json()
    renamed = {**data, "finalists": [{**data["finalists"][0], "name": "Someone else"}]}
    assert comparable(data) == comparable(renamed)
    assert "name" not in comparable(data)["finalists"][0]


def test_decision():
    result = decision((7, "Antonio"))
    assert result.winners == (7,)
    assert result.to_json()["decided"] is True
    assert result.to_json()["finalists"][0]["rank"] == 1


@pytest.mark.parametrize(
    ("finalists", "votes", "weight", "message"),
    [
        (FINALISTS, [(4, "online")], 0, "A ballot for 4, who is not a finalist."),
        (FINALISTS, [(1, "post")], 0, "A ballot of the unknown channel 'post'."),
        (FINALISTS, [], 101, "The jury's weight is a percentage, not 101."),
        ([(1, "A"), (1, "B")], [], 0, "A finalist is listed twice."),
    ],
)
def test_bad_input(finalists, votes, weight, message):
    with pytest.raises(ValueError) as refused:
        tally(finalists, votes, {}, weight)
    assert str(refused.value) == message


@given(
    st.lists(st.tuples(st.integers(1, 4), st.sampled_from(["online", "onsite"])), max_size=60),
    st.dictionaries(st.integers(1, 4), st.decimals("1", "10", places=3), max_size=4),
    st.integers(0, 100),
)
def test_properties(votes, means, weight):
    finalists = [(i, f"F{i}") for i in range(1, 5)]
    result = tally(finalists, votes, means, weight)
    assert result.ballots == len(votes)
    assert sorted(r.id for r in result.rows) == [1, 2, 3, 4]
    assert [r.rank for r in result.rows] == sorted(r.rank for r in result.rows)
    if votes:
        assert sum(r.vote_share for r in result.rows) == 1
    if weight and means:
        assert sum(r.jury_share for r in result.rows) == 1
    if result.winners:
        top = max(r.combined for r in result.rows) if weight else max(r.total for r in result.rows)
        key = (lambda r: r.combined) if weight else (lambda r: r.total)
        assert result.winners == tuple(r.id for r in result.rows if key(r) == top)
    # the ballots' order does not matter
    assert tally(finalists, list(reversed(votes)), means, weight) == result
