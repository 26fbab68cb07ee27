"""Zero-repeat skeletons for the café seating (see `plan` for the problem).

A skeleton says, for abstract *slots* 0..n-1, which table each slot sits at in each round. The
optimiser then decides which person takes which slot (hosts get the slots reserved for them),
so a skeleton without repeated pairs gives a seating without repeated pairs whoever sits where.

Constructions:

- **Rotating grid.** The slots form a grid with one column per table and K = ⌈n/T⌉ rows; slot
  (x, y) sits at table x + m_r·y in round r, for a multiplier m_r per round (m_0 = 0, so round 0
  is the grid's columns). Two slots in rows y1 ≠ y2 meet in rounds r and r' only if
  (m_r − m_r')·(y1 − y2) = 0, and slots of one row never meet. Over the integers mod T every
  multiplier set whose differences times 1..K−1 are non-zero mod T works (with T prime: any R ≤ T
  rounds; with T = 100, K = 10 and 3 rounds: 0, 1, 2). When T is a prime power q the same grid
  over the field GF(q) works for any R ≤ q. With a full square grid (n = T², no hosts) one more
  round seats each row at one table ("table = y"): the affine plane AG(2, q).
  Row 0 holds the hosts, who therefore never move (their multiplier term is 0·m_r); the empty
  cells, if any, are at the end of the last row, so every round has tables of K and K−1.
- **Kirkman's schoolgirls** (15 people, 5 tables of 3, up to 7 rounds): a packing of the
  projective space PG(3, 2) into 7 disjoint spreads, found by a small exact search.
- **Doubled affine plane** (2q² people, 2q tables of q, up to 2(q + 1) rounds; q = 4 is the
  social golfers' 32 in 8 groups of 4 for 10 weeks): see `doubled_affine_plane`.

`skeletons()` returns every construction that fits; the caller keeps the one with the fewest
repeats. Everything here is deterministic and free of Django.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import numpy as np


@dataclass(frozen=True)
class Skeleton:
    """`tables[r, s]` is the table of slot s in round r; `host_slots[t]` is the slot reserved
    for the host of table t (only for hosted tables)."""

    name: str
    tables: np.ndarray
    host_slots: dict[int, int]


def repeat_count(tables: np.ndarray) -> int:
    """Repeated pair meetings of a skeleton (or seating): Σ over pairs of max(0, k − 1). Slots
    with a negative table are absent."""
    keys = []
    n = tables.shape[1]
    for row in tables:
        present = np.flatnonzero(row >= 0)
        order = present[np.argsort(row[present], kind="stable")]
        grouped = row[order]
        starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        ends = np.r_[starts[1:], len(order)]
        for start, end in zip(starts, ends, strict=True):
            members = order[start:end]
            if len(members) > 1:
                i, j = np.triu_indices(len(members), 1)
                keys.append(members[i].astype(np.int64) * n + members[j])
    if not keys:
        return 0
    every = np.concatenate(keys)
    return int(len(every) - len(np.unique(every)))


# --- finite fields ---------------------------------------------------------------------------


def _prime_power(q: int) -> tuple[int, int] | None:
    """(p, e) with q = p**e, or None."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    e, rest = 0, q
    while rest % p == 0:
        rest //= p
        e += 1
    return (p, e) if rest == 1 else None


@cache
def field_tables(q: int) -> tuple[np.ndarray, np.ndarray]:
    """Addition and multiplication tables of GF(q), elements numbered 0..q−1 (0 and 1 are the
    field's 0 and 1; element x is the polynomial whose coefficients are the base-p digits of x).
    Requires q to be a prime power."""
    p, e = _prime_power(q) or (0, 0)
    if not p:
        raise ValueError(f"{q} is not a prime power")
    powers = p ** np.arange(e)
    digits = (np.arange(q)[:, None] // powers) % p  # (q, e)
    add = ((digits[:, None, :] + digits[None, :, :]) % p) @ powers
    # The first monic polynomial of degree e for which every non-zero element has an inverse
    # (that is, an irreducible one); all products at once, reduced degree by degree.
    product = np.zeros((q, q, 2 * e - 1), dtype=np.int64)
    for i in range(e):
        for j in range(e):
            product[:, :, i + j] += digits[:, None, i] * digits[None, :, j]
    for tail in range(1, p**e):
        modulus = np.array([*((tail // powers) % p), 1])
        if modulus[0] == 0:
            continue
        reduced = product % p
        for k in range(2 * e - 2, e - 1, -1):
            reduced[:, :, k - e : k + 1] -= reduced[:, :, k : k + 1] * modulus
            reduced %= p
        mul = reduced[:, :, :e] @ powers
        if (mul[1:, 1:] == 1).any(axis=1).all():
            return add, mul
    raise AssertionError("no irreducible polynomial")  # pragma: no cover - one always exists


# --- the rotating grid -----------------------------------------------------------------------


def _grid_cells(n: int, t: int, hosted: Sequence[int]) -> tuple[list[tuple[int, int]], int]:
    """The cells (column, row) of the n slots, hosts first in row 0, and the row count."""
    rows = max(1, -(-n // t))
    hosted_set = set(hosted)
    first_row = [(x, 0) for x in hosted] + [(x, 0) for x in range(t) if x not in hosted_set]
    cells = first_row + [(x, y) for y in range(1, rows) for x in range(t)]
    return cells[:n], rows


def _multipliers(t: int, rows: int, rounds: int, zero_divisor_free: bool) -> list[int]:
    """Round multipliers: greedily the ones whose pairwise differences never meet a row
    difference; beyond that, the unused ones that clash least."""

    def clashes(m: int, other: int) -> int:
        if zero_divisor_free:
            return 0
        return sum(1 for dy in range(1, rows) if ((m - other) * dy) % t == 0)

    chosen = [0]
    for m in range(1, t):
        if len(chosen) == rounds:
            break
        if all(clashes(m, other) == 0 for other in chosen):
            chosen.append(m)
    while len(chosen) < rounds:
        unused = [m for m in range(t) if m not in chosen] or list(range(t))
        chosen.append(min(unused, key=lambda m: sum(clashes(m, other) for other in chosen)))
    return chosen


def grid(n: int, t: int, hosted: Sequence[int], rounds: int, field: bool) -> Skeleton:
    """The rotating grid over Z_t (field=False) or GF(t) (field=True, t a prime power)."""
    cells, rows = _grid_cells(n, t, hosted)
    xs = np.array([x for x, _ in cells], dtype=np.int64)
    ys = np.array([y for _, y in cells], dtype=np.int64)
    square = n == t * t and not hosted and rows == t
    plain = rounds - 1 if square and rounds > t else rounds
    if field:
        add, mul = field_tables(t)
        multipliers = _multipliers(t, rows, plain, zero_divisor_free=True)
        table_rows = [add[xs, mul[m, ys]] for m in multipliers]
    else:
        multipliers = _multipliers(t, rows, plain, zero_divisor_free=False)
        table_rows = [(xs + m * ys) % t for m in multipliers]
    if plain < rounds:
        table_rows.append(ys.copy())  # the parallel class of the rows: the affine plane
    host_slots = {x: i for i, x in enumerate(hosted)}
    kind = f"GF({t})" if field else f"Z_{t}"
    return Skeleton(f"grid over {kind}", np.array(table_rows, dtype=np.int64), host_slots)


# --- resolvable designs ----------------------------------------------------------------------


@cache
def kirkman_15() -> tuple[tuple[tuple[int, ...], ...], ...]:
    """Seven rounds of five triples on 15 points, every pair exactly once: a packing of
    PG(3, 2) (points: the non-zero vectors of GF(2)^4; lines: {a, b, a⊕b}) into 7 spreads."""
    lines = sorted(
        {tuple(sorted((a, b, a ^ b))) for a in range(1, 16) for b in range(1, 16) if a != b}
    )
    spreads: list[tuple[int, ...]] = []

    def extend(chosen: list[int], covered: int, start: int) -> None:
        if covered == (1 << 16) - 2:
            spreads.append(tuple(chosen))
            return
        for i in range(start, len(lines)):
            mask = sum(1 << v for v in lines[i])
            if not mask & covered:
                extend([*chosen, i], covered | mask, i + 1)

    extend([], 0, 0)

    def pack(used: int, chosen: list[int]) -> list[int] | None:
        if len(chosen) == 7:
            return chosen
        first = next(i for i in range(len(lines)) if not used >> i & 1)
        for index, spread in enumerate(spreads):
            mask = sum(1 << i for i in spread)
            if first in spread and not mask & used:
                found = pack(used | mask, [*chosen, index])
                if found:
                    return found
        return None

    packing = pack(0, [])
    assert packing is not None
    return tuple(tuple(tuple(v - 1 for v in lines[i]) for i in spreads[s]) for s in packing)


def affine_plane(q: int) -> list[list[tuple[int, ...]]]:
    """The q + 1 parallel classes of lines of AG(2, q); point (x, y) is numbered q·x + y."""
    add, mul = field_tables(q)
    neg = [int(np.flatnonzero(add[a] == 0)[0]) for a in range(q)]
    classes = []
    for m in range(q):
        lines: dict[int, list[int]] = {}
        for x in range(q):
            for y in range(q):
                lines.setdefault(int(add[y, neg[int(mul[m, x])]]), []).append(q * x + y)
        classes.append([tuple(line) for line in lines.values()])
    classes.append([tuple(q * x + y for y in range(q)) for x in range(q)])
    return classes


def _gf2_solve(rows: np.ndarray, rhs: np.ndarray) -> np.ndarray | None:
    """A solution of rows·x = rhs over GF(2), or None."""
    a = np.concatenate([rows, rhs[:, None]], axis=1).astype(np.uint8) % 2
    pivots, top = [], 0
    for col in range(rows.shape[1]):
        hits = np.flatnonzero(a[top:, col]) + top
        if len(hits) == 0:
            continue
        a[[top, hits[0]]] = a[[hits[0], top]]
        below = np.flatnonzero(a[:, col])
        below = below[below != top]
        a[below] ^= a[top]
        pivots.append(col)
        top += 1
        if top == len(a):
            break
    if a[top:, -1].any():
        return None
    x = np.zeros(rows.shape[1], dtype=np.int64)
    for i, col in enumerate(pivots):
        x[col] = a[i, -1]
    return x


def _crossing_permutations(q: int, classes: list[list[tuple[int, ...]]], tries: int):
    """Permutations π of the plane's points such that no three points collinear in the plane
    are collinear in its image under π (a fixed-seed randomised backtracking)."""
    rng = random.Random(q)
    collinear = {t for cls in classes for line in cls for t in combinations(sorted(line), 3)}
    lines_at = {v: [line for cls in classes for line in cls if v in line] for v in range(q * q)}

    def extend(perm: list[int], budget: list[int]) -> bool:
        v = len(perm)
        if v == q * q:
            return True
        options = [u for u in range(q * q) if u not in perm]
        rng.shuffle(options)
        for u in options:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            images = [[perm[w] for w in line if w < v] for line in lines_at[v]]
            if all(
                tuple(sorted((*pair, u))) not in collinear
                for image in images
                for pair in combinations(image, 2)
            ):
                perm.append(u)
                if extend(perm, budget):
                    return True
                perm.pop()
        return False

    for _ in range(tries):
        perm: list[int] = []
        if extend(perm, [20_000]):
            yield perm


@cache
def doubled_affine_plane(q: int) -> tuple[tuple[tuple[int, ...], ...], ...] | None:
    """2q² people at 2q tables of q for 2(q + 1) rounds, every pair at most once (the social
    golfer problem; q = 4 is the classic 32 golfers, 8 groups of 4, 10 weeks).

    People g and g + q² form a *couple* that never meets. Take the lines of AG(2, q) and of a
    second copy of it whose lines share at most two points with any line of the first: every
    couple pair {g, h} then lies on exactly two lines. A line L of a round becomes the two
    tables {g + q²·s_g : g ∈ L} and {g + q²·(1 − s_g)}, for signs s ∈ {0, 1}^L; g + q²·a and
    h + q²·b meet there iff a ⊕ b = s_g ⊕ s_h. So each person meets each other person (outside
    the couple) exactly once iff, for every couple pair, the two lines through it give
    s_g ⊕ s_h different parities: linear equations over GF(2), solved by elimination. None when
    no second copy tried gives a solvable system."""
    plane = affine_plane(q)
    lines1 = {tuple(sorted(line)) for cls in plane for line in cls}
    for perm in _crossing_permutations(q, plane, tries=40):
        classes = plane + [[tuple(sorted(perm[v] for v in line)) for line in cls] for cls in plane]
        blocks = [line for cls in classes for line in cls]
        if any(block in lines1 for block in blocks[len(lines1) :]):
            continue
        variable = {
            (b, g): i
            for i, (b, g) in enumerate((b, g) for b, block in enumerate(blocks) for g in block)
        }
        through: dict[tuple[int, int], list[int]] = {}
        for b, block in enumerate(blocks):
            for pair in combinations(sorted(block), 2):
                through.setdefault(pair, []).append(b)
        rows = np.zeros((len(through), len(variable)), dtype=np.uint8)
        for i, ((g, h), on) in enumerate(sorted(through.items())):
            for b in on:
                rows[i, variable[(b, g)]] ^= 1
                rows[i, variable[(b, h)]] ^= 1
        signs = _gf2_solve(rows, np.ones(len(through), dtype=np.uint8))
        if signs is None:
            continue
        half = q * q
        rounds = []
        for cls_index in range(len(classes)):
            tables = []
            for b in range(cls_index * q, cls_index * q + q):
                s = {g: int(signs[variable[(b, g)]]) for g in blocks[b]}
                tables.append(tuple(g + half * s[g] for g in blocks[b]))
                tables.append(tuple(g + half * (1 - s[g]) for g in blocks[b]))
            rounds.append(tuple(tables))
        return tuple(rounds)
    return None


def _design_skeleton(
    name: str,
    design: Sequence[Sequence[Sequence[int]]],
    rounds: int,
    capacities: Sequence[int],
    hosted: Sequence[int],
) -> Skeleton | None:
    """Blocks onto tables: the block of a host's slot goes to the host's table, the others to
    the remaining tables by capacity. None when hosts would have to share a block."""
    used = [list(block_list) for block_list in design[:rounds]]
    n = 1 + max(v for blocks in used for block in blocks for v in block)
    block_of = np.zeros((len(used), n), dtype=np.int64)
    for r, blocks in enumerate(used):
        for b, block in enumerate(blocks):
            block_of[r, list(block)] = b
    host_slots: dict[int, int] = {}
    for table in hosted:
        slot = next(
            (
                s
                for s in range(n)
                if s not in host_slots.values()
                and all((block_of[:, s] != block_of[:, h]).all() for h in host_slots.values())
            ),
            None,
        )
        if slot is None:
            return None
        host_slots[table] = slot
    tables = np.zeros_like(block_of)
    others = sorted(
        (t for t in range(len(capacities)) if t not in host_slots),
        key=lambda t: (-capacities[t], t),
    )
    for r, blocks in enumerate(used):
        hosted_blocks = {int(block_of[r, s]): t for t, s in host_slots.items()}
        free = iter(others)
        for b, block in enumerate(blocks):
            tables[r, list(block)] = hosted_blocks[b] if b in hosted_blocks else next(free)
    return Skeleton(name, tables, host_slots)


def skeletons(
    n: int, capacities: Sequence[int], hosted: Sequence[int], rounds: int
) -> list[Skeleton]:
    """Every construction that fits n people at these tables (hosted: table indices, in order)
    for `rounds` rounds. The grid over Z_T always fits (capacities may then need repair)."""
    t = len(capacities)
    found = [grid(n, t, hosted, rounds, field=False)]
    power = _prime_power(t)
    if power and power[1] > 1 and t <= 256 and -(-n // t) <= t and repeat_count(found[0].tables):
        found.append(grid(n, t, hosted, rounds, field=True))
    if n == 15 and t == 5 and rounds <= 7 and min(capacities) >= 3:
        design = _design_skeleton(
            "Kirkman (PG(3,2) packing)", kirkman_15(), rounds, capacities, hosted
        )
        if design:
            found.append(design)
    q = t // 2
    # Solvable quickly for q = 3 and 4 (for 5 and 7 the randomised search finds no signing).
    if (
        q in (3, 4)
        and n == 2 * q * q
        and t == 2 * q
        and min(capacities) >= q
        and (rounds <= 2 * (q + 1))
    ):
        design = doubled_affine_plane(q)
        if design:
            doubled = _design_skeleton(f"doubled AG(2,{q})", design, rounds, capacities, hosted)
            if doubled:
                found.append(doubled)
    return found
