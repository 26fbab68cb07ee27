"""One person's recommendations from a group fitted once (no Django).

`matching.recommend` scores everyone against everyone, which is what the CLI and the benchmark
need. The web page needs one row at a time, many times, for a group that rarely changes: a
`MatchIndex` does the expensive part of `recommend` once — fitting the text engine, vectorising
every text and phrase — and `MatchIndex.recommend(person_id, top, exclude)` then scores one
person against everyone with the very formula of `ranking`, so for any person it returns
exactly what `recommend` returns for them (tests/networking/directory/
test_recommendations.py checks it).

A `MatchIndex` keeps no reference to its engine after fitting: it holds arrays and strings only,
so it pickles (into Django's cache) whatever the engine was.

    index = MatchIndex(profiles, candidates={"p1", "p9"})  # only p1 and p9 may be recommended
    index.recommend("p3", 10, exclude={"p9"})              # [Recommendation(...), ...]

`candidates` (default: everyone) limits who may be recommended; everyone is scored as a
recommendation's receiver. Raises ValueError on a duplicate id, KeyError on an unknown person."""

from collections.abc import Collection, Iterable, Sequence

import numpy as np

from clustermeet.networking.matching.reason import PhraseIndex, ReasonBuilder
from clustermeet.networking.matching.scores import (
    ECOSYSTEM_BONUS,
    ECOSYSTEM_CAP,
    ITEM_WEIGHT,
    LANGUAGE_BONUS,
    MUTUAL,
    TEXT_EPSILON,
    Profile,
    Recommendation,
    check_profiles,
    dense,
    incidence,
    top_k,
    transposed,
)
from clustermeet.networking.matching.text import Engine, TfidfEngine


class MatchIndex:
    def __init__(
        self,
        profiles: Sequence[Profile],
        engine: Engine | None = None,
        candidates: Collection[str] | None = None,
    ) -> None:
        check_profiles(profiles, 1)
        # People ordered by id, as in `recommend`, so that equal scores rank by id.
        people = sorted(profiles, key=lambda p: p.id)
        self.people = people
        self.position = {p.id: i for i, p in enumerate(people)}
        n = len(people)
        allowed = np.ones(n, dtype=bool)
        if candidates is not None:
            allowed[:] = False
            allowed[[self.position[c] for c in candidates if c in self.position]] = True
        self.hidden = np.flatnonzero(~allowed)
        if n == 0:
            return
        engine = engine if engine is not None else TfidfEngine()
        engine.fit([p.offering for p in people] + [p.looking_for for p in people])
        self.offering = engine.transform([p.offering for p in people])
        self.looking = engine.transform([p.looking_for for p in people])
        self.offering_t, self.looking_t = transposed(self.offering), transposed(self.looking)
        self.ecosystems = incidence(
            [{e.strip().casefold() for e in p.ecosystems} - {""} for p in people]
        )
        self.languages = incidence(
            [{g.strip().casefold() for g in p.languages} - {""} for p in people]
        )
        self.ecosystems_t = transposed(self.ecosystems)
        self.languages_t = transposed(self.languages)
        members: dict[str, list[int]] = {}
        for i, p in enumerate(people):
            if p.organisation.strip():
                members.setdefault(p.organisation.strip(), []).append(i)
        self.members = {org: np.array(found, dtype=np.intp) for org, found in members.items()}
        self.phrases = PhraseIndex(engine, people)
        self.reasons = ReasonBuilder(self.phrases, people, self.offering, self.looking)

    def __len__(self) -> int:
        return len(self.people)

    def recommend(self, person_id: str, top: int, exclude: Iterable[str] = ()) -> list:
        """Up to `top` Recommendations for one person, best first (see `ranking`): never
        themselves, their colleagues, the people in `exclude` or those not among `candidates`."""
        check_profiles((), top)
        i = self.position[person_id]
        if len(self.people) < 2:
            return []
        people = self.people
        a_items, b_items = self.phrases.item_similarity(i, i + 1)
        a = dense(self.looking[i : i + 1] @ self.offering_t)  # i looks for, j offers
        a *= np.float32(1 - ITEM_WEIGHT)
        a += np.float32(ITEM_WEIGHT) * a_items
        b = dense(self.offering[i : i + 1] @ self.looking_t)  # j looks for, i offers
        b *= np.float32(1 - ITEM_WEIGHT)
        b += np.float32(ITEM_WEIGHT) * b_items
        text = np.maximum(a, b)
        text += np.float32(MUTUAL) * np.minimum(a, b)
        shared = dense(self.ecosystems[i : i + 1] @ self.ecosystems_t)
        score = text + np.float32(ECOSYSTEM_BONUS) * np.minimum(shared, ECOSYSTEM_CAP)
        score += np.float32(LANGUAGE_BONUS) * (
            dense(self.languages[i : i + 1] @ self.languages_t) > 0
        )
        score[(text <= TEXT_EPSILON) & (shared == 0)] = -np.inf
        row = score[0]
        row[i] = -np.inf
        row[self.members.get(people[i].organisation.strip(), [])] = -np.inf
        row[self.hidden] = -np.inf
        row[[self.position[x] for x in exclude if x in self.position]] = -np.inf
        js, values = top_k(row, top)
        if js.size == 0:
            return []
        columns = js
        rows = np.zeros(js.size, dtype=np.intp)
        explained = self.reasons.explain(
            np.full(js.size, i, dtype=np.intp),
            columns,
            forward=a[rows, columns] >= b[rows, columns] - TEXT_EPSILON,
            textual=text[rows, columns] > TEXT_EPSILON,
        )
        return [
            Recommendation(people[j].id, float(v), explained[m])
            for m, (j, v) in enumerate(zip(js.tolist(), values.tolist(), strict=True))
        ]
