"""What the all-pairs ranking (`ranking`) and the one-row index (`index`) share: the profile
and result types, the score weights, and the matrix helpers both score with. No Django."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

ITEM_WEIGHT = 0.5
MUTUAL = 0.5
ECOSYSTEM_BONUS = 0.03
ECOSYSTEM_CAP = 2
LANGUAGE_BONUS = 0.01
DECIMALS = 4
BLOCK_ROWS = 512  # rows scored at once, fewer when a block would exceed BLOCK_CELLS scores
BLOCK_CELLS = 8_000_000
TEXT_EPSILON = 1e-6


@dataclass(frozen=True)
class Profile:
    id: str
    offering: str = ""
    looking_for: str = ""
    ecosystems: tuple[str, ...] = ()
    country: str = ""
    organisation: str = ""
    languages: tuple[str, ...] = ()


LOOKS_FOR = "looks_for"  # the receiver looks for `mine`, the recommended person offers `theirs`
OFFERS = "offers"  # the receiver offers `mine`, the recommended person looks for `theirs`
ECOSYSTEMS = "ecosystems"  # no text matches: they share `ecosystems` (the first two, by name)
REASON_CODES = (LOOKS_FOR, OFFERS, ECOSYSTEMS)


@dataclass(frozen=True)
class Reason:
    """Why a person is recommended, as data (a code and the phrases it names), so that the web
    layer words it in the reader's language; `english` is the CLI's machine form."""

    code: str
    mine: str = ""
    theirs: str = ""
    ecosystems: tuple[str, ...] = ()

    def english(self, other_id: str) -> str:
        """E.g. "looks for 'X', p9 offers 'Y'" (shared/FORMATS.md, `clustermeet recommend`)."""
        if self.code == LOOKS_FOR:
            return f"looks for '{self.mine}', {other_id} offers '{self.theirs}'"
        if self.code == OFFERS:
            return f"offers '{self.mine}', {other_id} looks for '{self.theirs}'"
        quoted = ", ".join(f"'{e}'" for e in self.ecosystems)
        return f"shares the ecosystem{'s' if len(self.ecosystems) > 1 else ''} {quoted}"


@dataclass(frozen=True)
class Recommendation:
    id: str
    score: float
    reason: Reason

    @property
    def reason_text(self) -> str:
        """The reason in the CLI's English form: "looks for 'X', p9 offers 'Y'"."""
        return self.reason.english(self.id)


def dense(matrix) -> np.ndarray:
    return np.asarray(matrix.toarray() if hasattr(matrix, "toarray") else matrix, np.float32)


def transposed(matrix):
    return matrix.T.tocsr() if hasattr(matrix, "tocsr") else np.ascontiguousarray(matrix.T)


def incidence(sets: Sequence[set[str]]) -> sp.csr_matrix:
    """A 0/1 sparse matrix, one row per person, one column per distinct value."""
    columns: dict[str, int] = {}
    rows, cols = [], []
    for row, values in enumerate(sets):
        for value in sorted(values):
            rows.append(row)
            cols.append(columns.setdefault(value, len(columns)))
    return sp.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, cols)), shape=(len(sets), max(1, len(columns)))
    )


def top_k(row: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best finite scores of a row, rounded: by rounded score descending, then index (=
    id) ascending. Only scores within rounding distance of the k-th best are looked at twice."""
    finite = np.flatnonzero(np.isfinite(row))  # (partitioning many equal -inf values is slow)
    if finite.size == 0:
        return np.empty(0, dtype=np.intp), np.empty(0)
    values = row[finite]
    k = min(k, finite.size)
    kth = np.partition(values, values.size - k)[values.size - k]
    near = np.flatnonzero(values >= kth - 2 * 10.0**-DECIMALS)
    candidates = finite[near]
    rounded = np.round(values[near].astype(np.float64), DECIMALS)
    order = np.lexsort((candidates, -rounded))[:k]
    return candidates[order], rounded[order]


def check_profiles(profiles: Sequence[Profile], top: int) -> None:
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive int, not {top!r}")
    seen: set[str] = set()
    for profile in profiles:
        if profile.id in seen:
            raise ValueError(f"duplicate id {profile.id!r}")
        seen.add(profile.id)
