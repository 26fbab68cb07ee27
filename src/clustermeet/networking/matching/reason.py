"""Phrases of the profiles' texts (see `ranking`): item-level similarity — the best pair of
phrases of a looking-for and an offering text — and the reason given with a recommendation (a
`Reason`: a code and the phrases it names; the CLI and the web page word it each their way).
A phrase is a sentence or a comma-separated part of a text.

Two ways of showing a phrase: `display` (the CLI's `reason_text`, at most about MAX_CHARS, kept
as shared/FORMATS.md shows it) and `quote` (the web page's: the whole phrase, cut only when it is
longer than QUOTE_CHARS, and then at a boundary inside it — a dash, "and", "or", "with"... — or
at least between words, with an ellipsis). `ReasonBuilder.matches` gives the web page, for one
recommended pair, the matching phrases of both directions. No Django."""

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from clustermeet.networking.matching.scores import (
    ECOSYSTEMS,
    LOOKS_FOR,
    OFFERS,
    Profile,
    Reason,
)
from clustermeet.networking.matching.text import Engine

MAX_CHARS = 60
QUOTE_CHARS = 120
# The best pair of phrases of a direction below this similarity names no match of its own: the
# direction is left out of a two-way reason.
PHRASE_MATCH = 0.15

_SPLIT = re.compile(r"[.,;:!?\n\r\t•·|()\[\]{}\"“”]+")
# Lead-ins that say nothing about the topic ("We are looking for ...", "We offer ...").
_LEAD_IN = re.compile(
    r"^(?:and |also |plus )*"
    r"(?:(?:we|i)(?: are|'re| am|'m)? (?:also |currently |always |mainly )*"
    r"|our (?:company|team|cluster|organisation|organization) (?:also )?)?"
    r"(?:can )?(?:offer(?:ing|s)?|provid(?:e|es|ing)|look(?:ing|s)? for|seek(?:ing|s)?"
    r"|search(?:ing)? for|need(?:ing|s)?|interested in|want|would like)"
    r"(?: to (?:find|meet|get|have))?\s+",
    re.IGNORECASE,
)


def phrases(text: str) -> list[str]:
    """The phrases of a text: its sentences and comma-separated parts, without empty ones."""
    return [p.strip() for p in _SPLIT.split(text) if p.strip()]


@lru_cache(maxsize=65536)
def display(phrase: str) -> str:
    """A phrase as shown in a reason: lead-in dropped, at most about MAX_CHARS characters."""
    shown = _LEAD_IN.sub("", phrase).strip() or phrase
    if len(shown) > MAX_CHARS:
        cut = shown[:MAX_CHARS].rsplit(" ", 1)[0] if " " in shown[:MAX_CHARS] else shown
        shown = cut[:MAX_CHARS].rstrip() + "…"
    return shown


# Where a long phrase may be cut: before a dash or a conjunction, i.e. between its parts.
_SOFT_BREAK = re.compile(
    r"\s+(?=(?:[–—-]|and|or|with|including|such as|as well as|especially|e\.g\.)\s)",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def quote(phrase: str, limit: int = QUOTE_CHARS) -> str:
    """A phrase as the web page quotes it: lead-in dropped, whole when at most `limit`
    characters, else cut at the last boundary between its parts that leaves at least half of
    it (else between words) and ended with "…". Never cut inside a word."""
    shown = " ".join((_LEAD_IN.sub("", phrase).strip() or phrase.strip()).split())
    if len(shown) <= limit:
        return shown
    head = shown[: limit + 1]
    breaks = [m.start() for m in _SOFT_BREAK.finditer(head) if m.start() >= limit // 2]
    if breaks:
        cut = breaks[-1]
    elif " " in head.rstrip():
        cut = head.rstrip().rindex(" ")
    else:
        return shown  # one long word: shown whole rather than cut inside it
    return shown[:cut].rstrip(" ,;:–—-") + "…"


def _max_by_owner(products, row_owner: np.ndarray, col_owner: np.ndarray, shape) -> np.ndarray:
    """The maximum of a phrase × phrase similarity matrix over each (row owner, column owner)
    pair of people; 0 where they have no phrases."""
    out = np.zeros(shape, dtype=np.float32)
    if sp.issparse(products):
        products = products.tocoo()
        np.maximum.at(out, (row_owner[products.row], col_owner[products.col]), products.data)
    else:
        rows, cols = np.indices(products.shape)
        np.maximum.at(out, (row_owner[rows], col_owner[cols]), products)
    return out


class PhraseIndex:
    """Every phrase of every text, with its vector from the engine and its owner. Texts are
    numbered t = side·n + i (side 0: offering, 1: looking for; i: the person's index); the
    phrases of text t are rows starts[t]:starts[t + 1]."""

    def __init__(self, engine: Engine, people: Sequence[Profile]) -> None:
        n = self.n = len(people)
        self.texts: list[str] = []
        starts = np.zeros(2 * n + 1, dtype=np.intp)
        for side, attribute in enumerate(("offering", "looking_for")):
            for i, person in enumerate(people):
                self.texts.extend(phrases(getattr(person, attribute)))
                starts[side * n + i + 1] = len(self.texts)
        self.starts = starts
        self.owner = np.repeat(np.arange(2 * n) % n, np.diff(starts))
        self.vectors = engine.transform(self.texts or [""])
        offering = self.vectors[starts[0] : starts[n]]
        looking = self.vectors[starts[n] : starts[2 * n]]
        self._offering_t = offering.T.tocsr() if sp.issparse(offering) else offering.T
        self._looking_t = looking.T.tocsr() if sp.issparse(looking) else looking.T

    def item_similarity(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """For the people start:stop (rows) and everyone (columns): the best similarity of a
        phrase of the row's looking-for text with a phrase of the column's offering text, and
        of a phrase of the column's looking-for text with a phrase of the row's offering text."""
        n, starts, owner = self.n, self.starts, self.owner
        shape = (stop - start, n)
        mine = slice(starts[n + start], starts[n + stop])
        forward = _max_by_owner(
            self.vectors[mine] @ self._offering_t,
            owner[mine] - start,
            owner[starts[0] : starts[n]],
            shape,
        )
        mine = slice(starts[start], starts[stop])
        backward = _max_by_owner(
            self.vectors[mine] @ self._looking_t,
            owner[mine] - start,
            owner[starts[n] : starts[2 * n]],
            shape,
        )
        return forward, backward


class ReasonBuilder:
    """Picks, for a recommended pair and the stronger direction, the phrase of each text most
    similar to the other side's whole text."""

    def __init__(self, index: PhraseIndex, people: Sequence[Profile], offering, looking) -> None:
        self.index = index
        self.people = people
        self.sides = (
            sp.vstack([offering, looking], format="csr")
            if sp.issparse(offering)
            else np.vstack([offering, looking])
        )

    def _best(self, own: np.ndarray, other: np.ndarray) -> np.ndarray:
        """For each k: the index of the phrase of text own[k] most similar to text other[k]
        (the first of equals)."""
        starts = self.index.starts
        counts = starts[own + 1] - starts[own]
        segment = np.repeat(np.arange(own.size), counts)
        phrase = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        phrase += np.repeat(starts[own], counts)
        rows = self.index.vectors[phrase]
        against = self.sides[np.repeat(other, counts)]
        if sp.issparse(rows):
            sims = np.asarray(rows.multiply(against).sum(axis=1)).ravel()
        else:
            sims = np.einsum("ij,ij->i", rows, against)
        # per segment, the phrases by similarity descending, then position; take the first
        order = np.lexsort((np.arange(sims.size), -sims, segment))
        firsts = np.searchsorted(segment[order], np.arange(own.size))
        return phrase[order[firsts]]

    def _phrase_rows(self, text: int) -> range:
        return range(self.index.starts[text], self.index.starts[text + 1])

    def _best_pair(self, own: int, other: int) -> tuple[float, int, int]:
        """The most similar pair of a phrase of text `own` and one of text `other`: (similarity,
        own phrase row, other phrase row); (0.0, -1, -1) when either text has no phrase."""
        mine, theirs = self._phrase_rows(own), self._phrase_rows(other)
        if not mine or not theirs:
            return 0.0, -1, -1
        vectors = self.index.vectors
        sims = vectors[mine.start : mine.stop] @ vectors[theirs.start : theirs.stop].T
        sims = sims.toarray() if sp.issparse(sims) else np.asarray(sims)
        a, b = np.unravel_index(int(np.argmax(sims)), sims.shape)
        return float(sims[a, b]), mine.start + int(a), theirs.start + int(b)

    def matches(self, i: int, j: int, first: str) -> list[tuple[str, str, str]]:
        """For recommending j to i (indices into people), the directions whose texts match, as
        (LOOKS_FOR or OFFERS, i's phrase, j's phrase), each phrase as `quote` shows it: the
        direction `first` (the reason's) always, the other when a pair of its phrases is
        similar enough (PHRASE_MATCH). In each direction, the most similar pair of phrases; when
        no pair shares anything, the phrase of each text most similar to the other whole text
        (as `explain` picks them)."""
        n = len(self.people)
        found = []
        for code in (first, OFFERS if first == LOOKS_FOR else LOOKS_FOR):
            own, other = (n + i, j) if code == LOOKS_FOR else (i, n + j)
            similarity, mine, theirs = self._best_pair(own, other)
            if similarity < PHRASE_MATCH and code != first:
                continue
            if similarity <= 0.0:
                if mine < 0:
                    continue
                mine = int(self._best(np.array([own]), np.array([other]))[0])
                theirs = int(self._best(np.array([other]), np.array([own]))[0])
            texts = self.index.texts
            found.append((code, quote(texts[mine]), quote(texts[theirs])))
        return found

    def _ecosystems(self, i: int, j: int) -> Reason:
        theirs = {e.strip().casefold() for e in self.people[j].ecosystems}
        shared = sorted(
            {e.strip() for e in self.people[i].ecosystems if e.strip().casefold() in theirs}
        )
        return Reason(ECOSYSTEMS, ecosystems=tuple(shared[:2]))

    def explain(
        self, i: np.ndarray, j: np.ndarray, *, forward: np.ndarray, textual: np.ndarray
    ) -> list[Reason]:
        """Reasons for recommending j[k] to i[k] (indices into people), where forward[k] means
        that i's looking-for text matches j's offering at least as well as the reverse, and
        textual[k] that the texts match at all (else the reason is the shared ecosystems)."""
        n = len(self.people)
        reasons: list[Reason | None] = [
            None if t else self._ecosystems(a, b)
            for a, b, t in zip(i.tolist(), j.tolist(), textual.tolist(), strict=True)
        ]
        keep = np.flatnonzero(textual)
        if keep.size == 0:
            return reasons
        i, j, forward = i[keep], j[keep], forward[keep]
        mine = np.where(forward, n + i, i)  # i's looking-for text when forward, else offering
        theirs = np.where(forward, j, n + j)
        my_best, their_best = self._best(mine, theirs), self._best(theirs, mine)
        texts = self.index.texts
        for m, k in enumerate(keep.tolist()):
            reasons[k] = Reason(
                LOOKS_FOR if forward[m] else OFFERS,
                mine=display(texts[my_best[m]]),
                theirs=display(texts[their_best[m]]),
            )
        return reasons
