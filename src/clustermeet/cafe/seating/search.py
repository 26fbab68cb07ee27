"""The local search behind `plan.seat` (see `plan` for the problem and its priorities).

One integer cost orders seatings lexicographically: ``W1·repeats + W2·same-organisation pairs +
same-country pairs + same-stakeholder pairs``, with W2 larger than any possible country plus
stakeholder total and W1 larger than W2 times any possible organisation total, so a smaller
cost is always better on the first priority that differs. All arithmetic is on integers.

State: ``tab[r, p]`` is the table of person p in round r (−1: not seated in that round),
``pairs[p, q]`` the number of rounds p and q share a table, ``attrs[p, q]`` the attribute cost
of the pair (W2 for one organisation, +1 for one country, +1 for one stakeholder type) and
``sums[r, p, t]`` the cost p would have at table t in round r: the sum over the people q at t of
``c_r(p, q) = W1·[p and q meet in another round] + attrs[p, q]``. So ``sums[r, p, tab[r, p]]``
is p's share of the cost, and the change of the total for a swap of a and b (tables A and B) is
``sums[a, B] − sums[a, A] + sums[b, A] − sums[b, B] − 2·c(a, b)``: every swap of a round, or of
one person against everyone, is scored at once with NumPy. A move updates ``sums`` in O(people).

Moves (only of ``movable[r, p]`` people — hosts and people kept in place are not):
- *swap* two people at different tables in one round;
- *shift* a person from a table of m+1 to an open table of m (table sizes stay as even);
- *relabel* two people's whole timetables (every round; the repeats stay the same, the
  attributes improve) — only when no round is fixed.
A tabu search (tabu tenure per person and round, aspiration by the best cost, perturbation from
the best after a long stall) spends a fixed number of iterations: no clock, so a seed gives the
same result on every run. Memory: O(rounds · people · tables + people²).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Score every swap of a round at once when rounds · people² is at most this.
FULL_NEIGHBOURHOOD = 100_000
NO_MOVE = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Weights:
    repeat: int
    organisation: int

    @classmethod
    def for_pairs(cls, most_pairs: int) -> Weights:
        organisation = 2 * most_pairs + 1
        return cls(repeat=organisation * (most_pairs + 1), organisation=organisation)


def attribute_matrix(codes: np.ndarray, weights: Weights) -> np.ndarray:
    """attrs[p, q] for codes (3, people): organisation, country, stakeholder (−1: unknown)."""
    n = codes.shape[1]
    attrs = np.zeros((n, n), dtype=np.int64)
    for k, scale in enumerate((weights.organisation, 1, 1)):
        c = codes[k]
        attrs += ((c[:, None] == c[None, :]) & (c[:, None] >= 0)) * scale
    np.fill_diagonal(attrs, 0)
    return attrs


class Search:
    def __init__(
        self,
        tab: np.ndarray,
        movable: np.ndarray,
        capacities: np.ndarray,
        attrs: np.ndarray,
        weights: Weights,
        rng: np.random.Generator,
        shifts: np.ndarray,
    ) -> None:
        """tab, movable: (rounds, people); shifts[r]: whether shifts keep round r as even as
        allowed (its sizes are a water-filling)."""
        self.tab = tab.astype(np.int64)
        self.movable = movable.copy()
        self.capacities = capacities.astype(np.int64)
        self.attrs = attrs
        self.w = weights
        self.rng = rng
        self.shifts = shifts
        self.rounds, self.n = self.tab.shape
        self.t = len(capacities)
        self.rebuild()

    # --- costs ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        """pairs, sums and the total from tab (the float products are exact: every value is
        far below 2**53)."""
        rounds, n = self.rounds, self.n
        onehot = np.zeros((rounds, n, self.t), dtype=np.float64)
        r_idx, p_idx = np.nonzero(self.tab >= 0)
        onehot[r_idx, p_idx, self.tab[r_idx, p_idx]] = 1.0
        pairs = np.zeros((n, n), dtype=np.float64)
        for r in range(rounds):
            pairs += onehot[r] @ onehot[r].T
        self.pairs = np.rint(pairs).astype(np.int64)
        np.fill_diagonal(self.pairs, 0)
        attrs = self.attrs.astype(np.float64)
        self.sums = np.stack([np.rint(attrs @ onehot[r]).astype(np.int64) for r in range(rounds)])
        # The repeat part: W1 for each pair that also meets in another round.
        p, q = np.nonzero(self.pairs >= 1)
        for r in range(rounds):
            tp, tq = self.tab[r, p], self.tab[r, q]
            together = (tp == tq) & (tp >= 0)
            hit = (self.pairs[p, q] - together >= 1) & (tq >= 0)
            np.add.at(self.sums[r], (p[hit], tq[hit]), self.w.repeat)
        repeats = int(np.maximum(self.pairs - 1, 0).sum()) // 2
        seated = self.tab >= 0
        shared = int(np.where(seated, self.own(), 0).sum())
        own_repeat = sum(
            int(
                (
                    (self.pairs[p, q] >= 2)
                    & (self.tab[r, p] == self.tab[r, q])
                    & (self.tab[r, p] >= 0)
                ).sum()
            )
            for r in range(rounds)
        )
        self.total = repeats * self.w.repeat + (shared - own_repeat * self.w.repeat) // 2

    def own(self) -> np.ndarray:
        """(rounds, people): each person's share of the cost (0 when not seated)."""
        r_idx = np.arange(self.rounds)[:, None]
        p_idx = np.arange(self.n)[None, :]
        own = self.sums[r_idx, p_idx, np.maximum(self.tab, 0)]
        return np.where(self.tab >= 0, own, 0)

    def per_table(self, r: int, values: np.ndarray) -> np.ndarray:
        seated = self.tab[r] >= 0
        return np.bincount(self.tab[r, seated], weights=values[seated], minlength=self.t).astype(
            np.int64
        )

    # --- moves ---------------------------------------------------------------------------

    def move(self, r: int, a: int, to: int) -> None:
        """Seat a at table `to` in round r (from its table, or from nowhere), keeping pairs,
        sums and total exact."""
        row = self.tab[r]
        source = int(row[a])
        if source == to:
            return
        in_source = (row == source) if source >= 0 else np.zeros(self.n, dtype=bool)
        in_target = row == to
        in_source[a] = False
        old = self.pairs[a].copy()
        new = old - in_source + in_target
        before = (old - in_source >= 1) * self.w.repeat + self.attrs[a]
        after = (new - in_target >= 1) * self.w.repeat + self.attrs[a]
        self.total += int(before[in_target].sum() - before[in_source].sum())
        if source >= 0:
            self.sums[r, :, source] -= before
        self.sums[r, :, to] += after
        self.pairs[a] = new
        self.pairs[:, a] = new
        row[a] = to
        self.sums[r, a] = self.per_table(r, after)
        self.sums[r, a, to] -= after[a]
        changed = np.flatnonzero(in_source | in_target)
        if self.rounds > 1 and len(changed):
            tabs = self.tab[:, changed]
            mine = self.tab[:, a][:, None]
            same = (tabs == mine) & (tabs >= 0)
            flip = ((new[changed] - same) >= 1).astype(np.int64) - ((old[changed] - same) >= 1)
            flip[r] = 0
            rr, kk = np.nonzero(flip)
            if len(rr):
                delta = flip[rr, kk] * self.w.repeat
                seated = tabs[rr, kk] >= 0
                np.add.at(self.sums, (rr[seated], a, tabs[rr[seated], kk[seated]]), delta[seated])
                seated = mine[rr, 0] >= 0
                np.add.at(
                    self.sums, (rr[seated], changed[kk[seated]], mine[rr[seated], 0]), delta[seated]
                )

    def swap(self, r: int, a: int, b: int) -> None:
        ta, tb = int(self.tab[r, a]), int(self.tab[r, b])
        self.move(r, b, ta)
        self.move(r, a, tb)

    def _pair_costs(self, rows: np.ndarray | slice) -> np.ndarray:
        return (self.pairs[rows] >= 1) * self.w.repeat + self.attrs[rows]

    def swap_row(self, r: int, a: int) -> np.ndarray:
        """Change of the total for swapping a with each person in round r (NO_MOVE where the
        swap is not possible)."""
        row = self.tab[r]
        source = row[a]
        where = np.maximum(row, 0)
        own = self.sums[r, np.arange(self.n), where]
        delta = (
            self.sums[r, a, where]
            - own[a]
            + self.sums[r, :, source]
            - own
            - 2 * self._pair_costs(a)
        )
        return np.where(self.movable[r] & (row != source) & (row >= 0), delta, NO_MOVE)

    def swap_matrix(self, r: int) -> np.ndarray:
        """Change of the total for every swap (a, b) in round r (NO_MOVE: not possible)."""
        row = self.tab[r]
        where = np.maximum(row, 0)
        cross = self.sums[r][:, where]
        own = np.diagonal(cross)
        delta = cross - own[:, None] + cross.T - own[None, :] - 2 * self._pair_costs(slice(None))
        ok = self.movable[r] & (row >= 0)
        ok = ok[:, None] & ok[None, :] & (row[:, None] != row[None, :])
        return np.where(ok, delta, NO_MOVE)

    def shift_matrix(self, r: int) -> np.ndarray:
        """Change of the total for moving each person to each table while the sizes stay as
        even (NO_MOVE: not possible)."""
        if not self.shifts[r]:
            return np.full((self.n, self.t), NO_MOVE)
        row = self.tab[r]
        where = np.maximum(row, 0)
        sizes = np.bincount(row[row >= 0], minlength=self.t)
        mine = sizes[where][:, None]
        ok = (sizes[None, :] == mine - 1) & (self.capacities[None, :] >= mine)
        ok &= (self.movable[r] & (row >= 0))[:, None]
        own = self.sums[r, np.arange(self.n), where]
        return np.where(ok, self.sums[r] - own[:, None], NO_MOVE)

    def shift_row(self, r: int, a: int) -> np.ndarray:
        """Change of the total for moving a to each table while the sizes stay as even."""
        if not self.shifts[r]:
            return np.full(self.t, NO_MOVE)
        row = self.tab[r]
        sizes = np.bincount(row[row >= 0], minlength=self.t)
        size = sizes[row[a]]
        ok = (sizes == size - 1) & (self.capacities >= size)
        return np.where(ok, self.sums[r, a] - self.sums[r, a, row[a]], NO_MOVE)

    # --- tabu search ---------------------------------------------------------------------

    def _level(self, own: np.ndarray) -> int | None:
        """The cost level to work on: mostly the highest one with movable people reaching it,
        sometimes a lower one (so that unavoidable repeats do not starve the other goals)."""
        levels = [
            lv
            for lv in (self.w.repeat, self.w.organisation, 1)
            if ((own >= lv) & self.movable).any()
        ]
        if not levels:
            return None
        if len(levels) > 1 and self.rng.random() < 0.15:
            return levels[int(self.rng.integers(1, len(levels)))]
        return levels[0]

    def improve(
        self,
        iterations: int,
        sample: int = 8,
        patience: int = 300,
        stall: int = 3000,
        floor: int = 0,
    ) -> None:
        """Tabu search for at most `iterations` steps, stopping at the lower bound `floor` or
        after `stall` steps without a new best, restarting from the best with a perturbation
        after `patience` steps without one; leaves the best seating found in place."""
        best, best_tab = self.total, self.tab.copy()
        tabu = np.zeros((self.rounds, self.n), dtype=np.int64)
        full = self.rounds * self.n * self.n <= FULL_NEIGHBOURHOOD
        last_gain = stall_from = 0
        for step in range(1, iterations + 1):
            if self.total <= floor or step - stall_from > stall:
                break
            own = self.own()
            level = self._level(own)
            if level is None:
                break
            hot = (own >= level) & self.movable
            free = tabu <= step
            move = (
                self._full_move(hot, free, best)
                if full
                else self._sampled_move(hot, free, best, sample)
            )
            if move is None:
                continue
            kind, r, a, target = move
            if kind == "swap":
                self.swap(r, a, target)
                tabu[r, target] = step + int(self.rng.integers(2, 6))
            else:
                self.move(r, a, target)
            tabu[r, a] = step + int(self.rng.integers(2, 6))
            if self.total < best:
                best, best_tab, last_gain, stall_from = self.total, self.tab.copy(), step, step
            elif step - last_gain > patience:
                self.restore(best_tab)
                self._perturb()
                last_gain = step
        if self.total != best:
            self.restore(best_tab)

    def _choose(self, deltas: np.ndarray, allowed: np.ndarray) -> int | None:
        """Index of the smallest allowed delta, ties broken at random."""
        scores = np.where(allowed, deltas, NO_MOVE)
        low = scores.min() if scores.size else NO_MOVE
        if low == NO_MOVE:
            return None
        ties = np.flatnonzero(scores.ravel() == low)
        return int(ties[0] if len(ties) == 1 else self.rng.choice(ties))

    def _full_move(self, hot: np.ndarray, free: np.ndarray, best: int):
        """The best allowed move over every swap and shift of every round, scored at once."""
        rounds, n = self.rounds, self.n
        where = np.maximum(self.tab, 0)
        r_idx = np.arange(rounds)[:, None, None]
        cross = self.sums[r_idx, np.arange(n)[None, :, None], where[:, None, :]]
        own = self.sums[np.arange(rounds)[:, None], np.arange(n)[None, :], where]
        pair_costs = (self.pairs >= 1) * self.w.repeat + self.attrs
        deltas = (
            cross
            - own[:, :, None]
            + cross.transpose(0, 2, 1)
            - own[:, None, :]
            - 2 * pair_costs[None]
        )
        ok = self.movable & (self.tab >= 0)
        slack = best - self.total
        possible = ok[:, :, None] & ok[:, None, :] & (self.tab[:, :, None] != self.tab[:, None, :])
        wanted = (hot[:, :, None] | hot[:, None, :]) & free[:, :, None] & free[:, None, :]
        allowed = possible & (wanted | (deltas < slack))
        sizes = np.zeros((rounds, self.t), dtype=np.int64)
        seated = self.tab >= 0
        np.add.at(sizes, (np.nonzero(seated)[0], self.tab[seated]), 1)
        mine = np.take_along_axis(sizes, where, axis=1)[:, :, None]
        shift_ok = (
            (sizes[:, None, :] == mine - 1)
            & (self.capacities[None, None, :] >= mine)
            & (ok & hot & self.shifts[:, None])[:, :, None]
        )
        shifts = self.sums - own[:, :, None]
        shift_ok &= free[:, :, None] | (shifts < slack)
        i = self._choose(
            np.concatenate([deltas.ravel(), shifts.ravel()]),
            np.concatenate([allowed.ravel(), shift_ok.ravel()]),
        )
        if i is None:
            return None
        if i < deltas.size:
            r, rest = divmod(i, n * n)
            return "swap", r, rest // n, rest % n
        r, rest = divmod(i - deltas.size, n * self.t)
        return "shift", r, rest // self.t, rest % self.t

    def _sampled_move(self, hot: np.ndarray, free: np.ndarray, best: int, sample: int):
        """The best allowed move of a few hot people (drawn over all rounds)."""
        cells = np.flatnonzero((hot & free).ravel())
        if len(cells) == 0:
            return None
        if len(cells) > sample:
            cells = self.rng.choice(cells, sample, replace=False)
        found = None
        slack = best - self.total
        for cell in cells:
            r, a = divmod(int(cell), self.n)
            for kind, deltas, ok in (
                ("swap", d := self.swap_row(r, a), free[r] | (d < slack)),
                ("shift", self.shift_row(r, a), np.ones(self.t, dtype=bool)),
            ):
                i = self._choose(deltas, ok & (deltas != NO_MOVE))
                if i is not None and (found is None or deltas[i] < found[0]):
                    found = (int(deltas[i]), kind, r, a, i)
        return None if found is None else found[1:]

    def _perturb(self) -> None:
        """A few random swaps in random rounds."""
        rounds = np.flatnonzero(self.movable.sum(axis=1) >= 2)
        for _ in range(3):
            if len(rounds) == 0:
                return
            r = int(self.rng.choice(rounds))
            a, b = (
                int(x) for x in self.rng.choice(np.flatnonzero(self.movable[r]), 2, replace=False)
            )
            if self.tab[r, a] != self.tab[r, b]:
                self.swap(r, a, b)

    def restore(self, tab: np.ndarray) -> None:
        self.tab = tab.copy()
        self.rebuild()

    # --- relabelling ---------------------------------------------------------------------

    def relabel(self, iterations: int, sample: int = 4) -> None:
        """Swap whole timetables of two people (never hosts or kept people) while that lowers
        the attribute costs; repeats are unchanged by construction."""
        free = self.movable.all(axis=0)
        if free.sum() < 2:
            return
        stuck = np.zeros(self.n, dtype=bool)
        for _ in range(iterations):
            attributes = self.own() % self.w.repeat
            level = self.w.organisation if (attributes >= self.w.organisation).any() else 1
            hot = np.flatnonzero((attributes >= level).any(axis=0) & free & ~stuck)
            if len(hot) == 0:
                return
            for a in self.rng.choice(hot, min(sample, len(hot)), replace=False):
                a = int(a)
                delta = sum(self._relabel_round(r, a, attributes[r]) for r in range(self.rounds))
                delta = np.where(free, delta, NO_MOVE)
                delta[a] = NO_MOVE
                b = int(np.argmin(delta))
                if delta[b] < 0:
                    self.relabel_swap(a, b)
                    break
                stuck[a] = True

    def _relabel_round(self, r: int, a: int, attributes: np.ndarray) -> np.ndarray:
        row = self.tab[r]
        source = row[a]
        at = self.per_table(r, self.attrs[a])
        rest = np.flatnonzero(row == source)
        gain = self.attrs[rest].sum(axis=0) - self.attrs[a]
        delta = at[np.maximum(row, 0)] - self.attrs[a] - attributes[a] + gain - attributes
        return np.where(row == source, 0, delta)

    def relabel_swap(self, a: int, b: int) -> None:
        for r in range(self.rounds):
            if self.tab[r, a] != self.tab[r, b]:
                self.swap(r, a, b)
