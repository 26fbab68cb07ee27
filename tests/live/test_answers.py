"""Checking and canonicalising untrusted poll answers."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustermeet.live.answers import (
    MAX_ENTRY_LENGTH,
    POLL_TYPES,
    AnswerError,
    PollSpec,
    normalise_answer,
)

UNKNOWN = "That option is not part of this poll."
OPTIONS = (10, 20, 30, 40)


def refused(spec, raw, message):
    with pytest.raises(AnswerError) as caught:
        normalise_answer(spec, raw)
    assert str(caught.value) == message


# -- PollSpec ----------------------------------------------------------------------------------


def test_spec_defaults_and_coercion():
    spec = PollSpec("multiple", options=[3, 1, 2])
    assert spec.options == (3, 1, 2)
    assert (spec.min_choices, spec.max_choices, spec.effective_max_choices) == (1, None, 3)
    assert (spec.scale_max, spec.max_words, spec.max_length) == (5, 3, 500)
    assert PollSpec("multiple", options=(1, 2), max_choices=5).effective_max_choices == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "quiz"}, "Unknown poll type 'quiz'"),
        ({"type": "single", "options": (1, 1)}, "Option ids must be unique."),
        ({"type": "single", "options": (1, True)}, "Option ids must be integers."),
        ({"type": "single", "options": ("1",)}, "Option ids must be integers."),
        ({"type": "multiple", "min_choices": -1}, "min_choices must be an integer ≥ 0."),
        ({"type": "multiple", "max_choices": 0}, "max_choices must be None or an integer ≥ 1."),
        (
            {"type": "multiple", "min_choices": 3, "max_choices": 2},
            "max_choices must not be smaller than min_choices.",
        ),
        ({"type": "rating", "scale_max": 1}, "scale_max must be an integer ≥ 2."),
        ({"type": "wordcloud", "max_words": 0}, "max_words must be an integer ≥ 1."),
        ({"type": "open_text", "max_length": 0}, "max_length must be an integer ≥ 1."),
    ],
)
def test_spec_rejects_bad_configuration(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        PollSpec(**kwargs)
    assert not isinstance(caught.value, AnswerError)


# -- single ------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [30, {"choice": 30}, 30.0, {"choice": 30.0}])
def test_single(raw):
    assert normalise_answer(PollSpec("single", OPTIONS), raw) == {"choice": 30}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (99, UNKNOWN),
        ({"choice": 11}, UNKNOWN),
        ("30", "Choose one option."),
        (True, "Choose one option."),
        ({"choice": True}, "Choose one option."),
        (30.5, "Choose one option."),
        (float("nan"), "Choose one option."),
        (None, "Choose one option."),
        ([30], "Choose one option."),
        ({}, "Choose one option."),
        ({"choice": 30, "extra": 1}, "Choose one option."),
        ({"choices": [30]}, "Choose one option."),
    ],
)
def test_single_refused(raw, message):
    refused(PollSpec("single", OPTIONS), raw, message)


# -- multiple ----------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [[40, 10], {"choices": [40, 10]}, [40.0, 10]])
def test_multiple_is_stored_in_option_order(raw):
    spec = PollSpec("multiple", OPTIONS, max_choices=2)
    assert normalise_answer(spec, raw) == {"choices": [10, 40]}


def test_multiple_without_maximum_allows_every_option():
    spec = PollSpec("multiple", OPTIONS)
    assert normalise_answer(spec, [40, 30, 20, 10]) == {"choices": [10, 20, 30, 40]}


@pytest.mark.parametrize(
    ("spec", "raw", "message"),
    [
        (PollSpec("multiple", OPTIONS, max_choices=2), [], "Choose at least 1 option."),
        (PollSpec("multiple", OPTIONS, max_choices=2), [10, 20, 30], "Choose at most 2 options."),
        (
            PollSpec("multiple", OPTIONS, min_choices=0, max_choices=1),
            [10, 20],
            "Choose at most 1 option.",
        ),
        (PollSpec("multiple", OPTIONS, max_choices=1), [10, 20], "Choose exactly 1 option."),
        (PollSpec("multiple", OPTIONS, min_choices=2), [10], "Choose at least 2 options."),
        (
            PollSpec("multiple", OPTIONS, min_choices=2, max_choices=2),
            [10],
            "Choose exactly 2 options.",
        ),
        (
            PollSpec("multiple", OPTIONS, min_choices=2, max_choices=2),
            [10, 20, 30],
            "Choose exactly 2 options.",
        ),
        (PollSpec("multiple", OPTIONS), [10, 10], "Each option can be chosen only once."),
        (PollSpec("multiple", OPTIONS), [10.0, 10], "Each option can be chosen only once."),
        (PollSpec("multiple", OPTIONS), [10, 99], UNKNOWN),
        (PollSpec("multiple", OPTIONS), ["10"], UNKNOWN),
        (PollSpec("multiple", OPTIONS), [True], UNKNOWN),
        (PollSpec("multiple", OPTIONS), [[10]], UNKNOWN),
        (PollSpec("multiple", OPTIONS), 10, "Choose one or more options."),
        (PollSpec("multiple", OPTIONS), "10", "Choose one or more options."),
        (PollSpec("multiple", OPTIONS), {"choices": 10}, "Choose one or more options."),
        (PollSpec("multiple", OPTIONS), {"choice": [10]}, "Choose one or more options."),
    ],
)
def test_multiple_refused(spec, raw, message):
    refused(spec, raw, message)


def test_multiple_may_allow_an_empty_choice():
    assert normalise_answer(PollSpec("multiple", OPTIONS, min_choices=0), []) == {"choices": []}


# -- ranking -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([30, 10, 40, 20], [30, 10, 40, 20]),
        ({"ranking": [30, 10, 40, 20]}, [30, 10, 40, 20]),
        ([20], [20]),  # a partial ranking: only the favourite
        ([40.0, 10], [40, 10]),
    ],
)
def test_ranking_keeps_the_voters_order(raw, expected):
    assert normalise_answer(PollSpec("ranking", OPTIONS), raw) == {"ranking": expected}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "Rank at least one option."),
        ({"ranking": []}, "Rank at least one option."),
        ([10, 20, 10], "Each option can be ranked only once."),
        ([10, 50], UNKNOWN),
        ([10, None], UNKNOWN),
        (10, "Put the options in order."),
        ({"ranking": {"10": 1}}, "Put the options in order."),
        ({"order": [10]}, "Put the options in order."),
        (None, "Put the options in order."),
    ],
)
def test_ranking_refused(raw, message):
    refused(PollSpec("ranking", OPTIONS), raw, message)


# -- rating ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [(1, 1), (5, 5), ({"rating": 3}, 3), (4.0, 4)])
def test_rating(raw, expected):
    assert normalise_answer(PollSpec("rating"), raw) == {"rating": expected}


def test_rating_on_ten():
    assert normalise_answer(PollSpec("rating", scale_max=10), 10) == {"rating": 10}
    refused(PollSpec("rating", scale_max=10), 11, "Choose a rating from 1 to 10.")


@pytest.mark.parametrize(
    "raw", [0, 6, -1, True, False, 4.5, "4", None, [4], {"rating": "4"}, {"rating": 4, "x": 1}]
)
def test_rating_refused(raw):
    refused(PollSpec("rating"), raw, "Choose a rating from 1 to 5.")


# -- word cloud --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["Cluster", "Innovation!", "the cooperation"], ["cluster", "innovation", "cooperation"]),
        ({"words": ["Économie", "R&D"]}, ["economie", "r&d"]),
        (["Cluster", "CLUSTER!", "Clúster"], ["cluster"]),  # duplicates collapse
        (["the", "cluster", "die"], ["cluster"]),  # stop words alone are dropped
        (["", "   ", "cluster"], ["cluster"]),  # blank boxes are ignored
        ("cluster, innovation; growth", ["cluster", "innovation", "growth"]),
        ({"words": "Cluster\nNetwork"}, ["cluster", "network"]),
        (["innovation  for\tSMEs"], ["innovation for smes"]),
        (["x" * MAX_ENTRY_LENGTH], ["x" * MAX_ENTRY_LENGTH]),
        (
            ["cluster" + " " * 60 + "network"],
            ["cluster network"],
        ),  # spacing is collapsed before measuring
    ],
)
def test_wordcloud(raw, expected):
    assert normalise_answer(PollSpec("wordcloud"), raw) == {"words": expected}


COMMON = (
    "Your answer has only common words (like “the” or “and”): please enter more specific words."
)


@pytest.mark.parametrize(
    ("spec", "raw", "message"),
    [
        (PollSpec("wordcloud"), ["the", "le", "и"], COMMON),
        (PollSpec("wordcloud"), "!!!", COMMON),
        (PollSpec("wordcloud"), [], "Enter at least one word."),
        (PollSpec("wordcloud"), ["", " "], "Enter at least one word."),
        (PollSpec("wordcloud"), "", "Enter at least one word."),
        (PollSpec("wordcloud"), ["a", "b", "c", "d"], "Enter at most 3 words or phrases."),
        (PollSpec("wordcloud", max_words=1), "a, b", "Enter only one word or phrase."),
        (
            PollSpec("wordcloud"),
            ["x" * (MAX_ENTRY_LENGTH + 1)],
            "Each word or phrase can have at most 40 characters.",
        ),
        (
            PollSpec("wordcloud"),
            ["ß" * 21],  # 21 characters typed, 42 once "ß" becomes "ss"
            "Each word or phrase can have at most 40 characters.",
        ),
        (PollSpec("wordcloud"), [5], "Each word or phrase must be text."),
        (PollSpec("wordcloud"), ["ok", None], "Each word or phrase must be text."),
        (PollSpec("wordcloud"), 5, "Enter one or more words."),
        (PollSpec("wordcloud"), {"words": 5}, "Enter one or more words."),
        (PollSpec("wordcloud"), {"word": "x"}, "Enter one or more words."),
    ],
)
def test_wordcloud_refused(spec, raw, message):
    refused(spec, raw, message)


# -- open text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  More funding for SMEs  ", "More funding for SMEs"),
        ({"text": "Hello\r\nworld\tagain\r"}, "Hello\nworld again"),
        ("a\x00b\x07c\x1b", "abc"),  # NUL and other controls go (PostgreSQL refuses NUL)
        ("\u202eevil\u202c text\ufeff", "evil text"),
        ("line\u2028two", "line\ntwo"),
        ("lone \ud800surrogate", "lone surrogate"),
        ("e\u0301conomie", "économie"),  # NFC
        ("e\x00\u0301", "é"),  # composed after the control is removed
    ],
)
def test_open_text(raw, expected):
    assert normalise_answer(PollSpec("open_text"), raw) == {"text": expected}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Your answer is empty."),
        ("  \n\t ", "Your answer is empty."),
        ("\x00\x01", "Your answer is empty."),
        ("x" * 11, "Your answer can have at most 10 characters."),
        (5, "Write your answer as text."),
        ({"text": 5}, "Write your answer as text."),
        ({"text": "x", "name": "y"}, "Write your answer as text."),
        (["x"], "Write your answer as text."),
    ],
)
def test_open_text_refused(raw, message):
    refused(PollSpec("open_text", max_length=10), raw, message)


def test_open_text_length_is_measured_after_cleaning():
    spec = PollSpec("open_text", max_length=10)
    assert normalise_answer(spec, "   " + "x" * 10 + "\x00   ") == {"text": "x" * 10}


# -- properties --------------------------------------------------------------------------------

_option_sets = st.lists(st.integers(1, 10_000), min_size=1, max_size=8, unique=True)


@st.composite
def _spec_and_valid_raw(draw):
    poll_type = draw(st.sampled_from(POLL_TYPES))
    options = tuple(draw(_option_sets))
    if poll_type == "single":
        return PollSpec(poll_type, options), draw(st.sampled_from(options))
    if poll_type == "multiple":
        high = draw(st.integers(1, len(options)))
        low = draw(st.integers(0, high))
        chosen = draw(st.permutations(options))[: draw(st.integers(low, high))]
        return PollSpec(poll_type, options, min_choices=low, max_choices=high), chosen
    if poll_type == "ranking":
        ranking = draw(st.permutations(options))[: draw(st.integers(1, len(options)))]
        return PollSpec(poll_type, options), {"ranking": ranking}
    if poll_type == "rating":
        scale = draw(st.sampled_from([5, 10]))
        return PollSpec(poll_type, scale_max=scale), draw(st.integers(1, scale))
    if poll_type == "wordcloud":
        word = st.sampled_from(["Cluster", "the", "Économie", "R&D!", "innovación", "l'idée"])
        phrase = st.lists(word, min_size=1, max_size=3).map(" ".join)
        return PollSpec(poll_type), draw(st.lists(phrase, min_size=1, max_size=3))
    return PollSpec(poll_type), draw(st.text(min_size=1, max_size=500))


@given(_spec_and_valid_raw())
def test_normalising_is_idempotent(case):
    spec, raw = case
    try:
        canonical = normalise_answer(spec, raw)
    except AnswerError:  # e.g. a word cloud of stop words only, blank open text
        return
    assert normalise_answer(spec, canonical) == canonical


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 50)
    | st.sampled_from([10, 20, 30, 40, 10.0, 2.5])
    | st.floats()
    | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(["choice", "choices", "ranking", "rating", "words", "text", "x"]),
            children,
            max_size=2,
        )
    ),
    max_leaves=10,
)


@given(st.sampled_from(POLL_TYPES), _json)
def test_any_json_is_either_refused_clearly_or_canonical(poll_type, raw):
    spec = PollSpec(poll_type, OPTIONS, max_choices=3 if poll_type == "multiple" else None)
    try:
        canonical = normalise_answer(spec, raw)
    except AnswerError as error:
        assert str(error)
        return
    assert normalise_answer(spec, canonical) == canonical
