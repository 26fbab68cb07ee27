"""The parts under the seating: finite fields, designs, and the search's incremental costs
(checked against a recomputation from scratch)."""

import copy
from itertools import combinations

import numpy as np
import pytest

from clustermeet.cafe.seating.designs import (
    affine_plane,
    doubled_affine_plane,
    field_tables,
    grid,
    kirkman_15,
    repeat_count,
    skeletons,
)
from clustermeet.cafe.seating.search import NO_MOVE, Search, Weights, attribute_matrix


@pytest.mark.parametrize("q", [2, 3, 4, 5, 8, 9])
def test_field_tables_form_a_field(q):
    add, mul = field_tables(q)
    assert (add[0] == np.arange(q)).all() and (mul[1] == np.arange(q)).all()
    assert (add == add.T).all() and (mul == mul.T).all()
    for row in add:
        assert sorted(row) == list(range(q))
    for row in mul[1:]:
        assert sorted(row[1:]) == list(range(1, q))
    a, b, c = np.meshgrid(np.arange(q), np.arange(q), np.arange(q), indexing="ij")
    assert (mul[a, add[b, c]] == add[mul[a, b], mul[a, c]]).all()
    assert (mul[a, mul[b, c]] == mul[mul[a, b], c]).all()


def _blocks_to_tables(design) -> np.ndarray:
    n = 1 + max(v for rnd in design for block in rnd for v in block)
    tables = np.full((len(design), n), -1)
    for r, rnd in enumerate(design):
        for b, block in enumerate(rnd):
            assert (tables[r, list(block)] == -1).all()
            tables[r, list(block)] = b
    assert (tables >= 0).all()
    return tables


@pytest.mark.parametrize("q", [3, 4, 5])
def test_affine_plane_covers_every_pair_once(q):
    classes = affine_plane(q)
    assert len(classes) == q + 1
    pairs = [pair for cls in classes for line in cls for pair in combinations(sorted(line), 2)]
    assert len(pairs) == len(set(pairs)) == q * q * (q * q - 1) // 2
    assert repeat_count(_blocks_to_tables(classes)) == 0


def test_kirkman_and_doubled_planes_are_resolvable_without_repeats():
    assert repeat_count(_blocks_to_tables(kirkman_15())) == 0
    for q, rounds in ((3, 8), (4, 10)):
        design = doubled_affine_plane(q)
        tables = _blocks_to_tables(design)
        assert tables.shape == (rounds, 2 * q * q)
        assert repeat_count(tables) == 0
        assert all(len(block) == q for rnd in design for block in rnd)


def test_grid_rotations_and_hosts():
    skeleton = grid(1003, 104, list(range(104)), 3, field=False)
    assert repeat_count(skeleton.tables) == 0
    assert (skeleton.tables[:, :104] == np.arange(104)).all()  # hosts never move
    for row in skeleton.tables:
        assert sorted(set(np.bincount(row, minlength=104))) == [9, 10]
    assert repeat_count(grid(64, 8, [], 8, field=True).tables) == 0
    assert repeat_count(grid(64, 8, [], 8, field=False).tables) > 0
    assert repeat_count(grid(25, 5, [], 6, field=False).tables) == 0  # with the row class


def test_skeletons_offer_the_constructions_that_fit():
    names = [s.name for s in skeletons(32, [4] * 8, [], 10)]
    assert names == ["grid over Z_8", "grid over GF(8)", "doubled AG(2,4)"]
    assert [s.name for s in skeletons(15, [3] * 5, [], 7)][-1].startswith("Kirkman")
    # Three hosts cannot share a doubled plane (every two people meet, except couples).
    assert not any(s.name.startswith("doubled") for s in skeletons(32, [4] * 8, [0, 1, 2], 10))


def _random_search(seed: int) -> Search:
    rng = np.random.default_rng(seed)
    n, t, rounds = int(rng.integers(4, 18)), int(rng.integers(2, 5)), int(rng.integers(2, 5))
    tab = rng.integers(0, t, size=(rounds, n))
    tab[rng.random((rounds, n)) < 0.1] = -1
    weights = Weights.for_pairs(500)
    codes = rng.integers(-1, 3, size=(3, n))
    return Search(
        tab,
        tab >= 0,
        np.full(t, n),
        attribute_matrix(codes, weights),
        weights,
        rng,
        np.ones(rounds, dtype=bool),
    )


@pytest.mark.parametrize("seed", range(8))
def test_incremental_costs_match_a_recomputation(seed):
    search = _random_search(seed)
    rng = np.random.default_rng(seed + 100)
    for _ in range(30):
        r, a = int(rng.integers(search.rounds)), int(rng.integers(search.n))
        search.move(r, a, int(rng.integers(search.t)))
    state = (search.total, search.pairs.copy(), search.sums.copy())
    search.rebuild()
    assert state[0] == search.total
    assert (state[1] == search.pairs).all() and (state[2] == search.sums).all()


@pytest.mark.parametrize("seed", range(4))
def test_scored_moves_change_the_total_by_their_score(seed):
    search = _random_search(seed)
    for r in range(search.rounds):
        swaps, shifts = search.swap_matrix(r), search.shift_matrix(r)
        for a, b in np.argwhere(swaps != NO_MOVE)[:6]:
            assert (search.swap_row(r, int(a)) == swaps[a]).all()
            trial = copy.deepcopy(search)
            trial.swap(r, int(a), int(b))
            trial.rebuild()
            assert trial.total - search.total == swaps[a, b]
        for a, table in np.argwhere(shifts != NO_MOVE)[:6]:
            trial = copy.deepcopy(search)
            trial.move(r, int(a), int(table))
            trial.rebuild()
            assert trial.total - search.total == shifts[a, table]


def test_weights_order_the_priorities():
    weights = Weights.for_pairs(100)
    # One repeat outweighs every organisation pair; one organisation pair outweighs every
    # country and stakeholder pair.
    assert weights.repeat > 100 * weights.organisation
    assert weights.organisation > 2 * 100
