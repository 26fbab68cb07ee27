"""The harvest's grouping on a fixed set of notes (pure, no database)."""

import pytest

from clustermeet.cafe.harvest.themes import Item, Theme, group_notes, split_items

NOTES = [
    "- Training of staff and managers\n- Market incentives for greener products",
    "❖ More training for managers; market incentives for green products",
    "Green public procurement. Training for staff",
    "1. Public procurement that rewards green solutions\n2. Knowledge of resource flows",
    "",
]


def test_notes_are_split_into_bullet_items():
    assert split_items(NOTES) == [
        Item(0, "Training of staff and managers"),
        Item(0, "Market incentives for greener products"),
        Item(1, "More training for managers"),
        Item(1, "market incentives for green products"),
        Item(2, "Green public procurement"),
        Item(2, "Training for staff"),
        Item(3, "Public procurement that rewards green solutions"),
        Item(3, "Knowledge of resource flows"),
    ]


def test_fixed_notes_give_exact_themes_sorted_by_count():
    assert group_notes(NOTES) == [
        Theme(
            "Training of staff and managers",
            "Training of staff and managers",
            (0, 2, 5),
            3,
            (0, 1, 2),
            ("training", "manager", "staff"),
        ),
        Theme(
            "Market incentives for greener products",
            "market incentives for green products",
            (1, 3),
            2,
            (0, 1),
            ("incentive", "market", "product", "greener"),
        ),
        Theme(
            "Public procurement that rewards green solutions",
            "Green public procurement",
            (4, 6),
            2,
            (2, 3),
            ("procurement", "public", "green", "reward"),
        ),
        Theme(
            "Knowledge of resource flows",
            "Knowledge of resource flows",
            (7,),
            1,
            (3,),
            ("flow", "knowledge", "resource"),
        ),
    ]


def test_a_label_is_a_phrase_the_tables_wrote_never_a_list_of_keywords():
    (short,) = group_notes(["access to finance for SMEs"])
    assert (short.label, short.keywords) == (
        "Access to finance for SMEs",
        ("access", "finance", "sme"),
    )
    (long,) = group_notes(
        ["we need much better and more affordable access to finance for small companies"]
    )
    assert long.label == "We need much better and more affordable access…"


def test_max_themes_cuts_the_tree():
    themes = group_notes(NOTES, max_themes=2)
    assert [(t.members, t.count) for t in themes] == [((0, 1, 2, 3, 4, 5, 6), 7), ((7,), 1)]
    with pytest.raises(ValueError, match="max_themes"):
        group_notes(NOTES, max_themes=0)


def test_deterministic_and_independent_of_seed():
    first = group_notes(NOTES)
    assert group_notes(list(NOTES)) == first
    assert group_notes(NOTES, seed=7) == first


def test_edge_cases():
    assert group_notes([]) == []
    assert group_notes(["", "  \n - "]) == []
    assert group_notes(["Only one idea"]) == [
        Theme("Only one idea", "Only one idea", (0,), 1, (0,), ("idea",))
    ]


def test_stop_word_items_are_grouped_by_their_words():
    themes = group_notes(["Companies", "we should companies", "Citizens and media"])
    assert [(t.members, t.count) for t in themes] == [((0, 1), 2), ((2,), 1)]
