"""Recommendations: whom each participant should meet. A pure module (no Django), served by
`clustermeet recommend` (shared/FORMATS.md) and called by the web feature.

Python API::

    from clustermeet.networking.matching.ranking import Profile, recommend

    result = recommend(
        [Profile("p1", offering="recycled fibre supply", looking_for="investors",
                 ecosystems=("textiles",), organisation="o1", languages=("en",)), ...],
        top=10,
        exclude={"p1": {"p7"}},  # people already met: never recommended, either way round
    )
    result["p1"]  # [Recommendation(id="p9", score=0.4123, reason=Reason("looks_for", ...))]
    result["p1"][0].reason_text  # "looks for 'investors', p9 offers 'venture funding'"

`recommend(profiles, top, exclude=None, engine=None) -> dict[str, list[Recommendation]]` returns
a list for every profile (keys in input order), best first: score descending, then id. It raises
ValueError on a duplicate id or a `top` that is not a positive int; ids in `exclude` that are not
among the profiles are ignored. `engine` defaults to a new `TfidfEngine()`; any object following
the `Engine` protocol of `matching/text.py` (e.g. a sentence-embedding engine) fits there.

Scoring, for people A and B, with sim(x, y) the engine's cosine similarity of two texts in [0, 1]
and item(x, y) its best value over pairs of phrases (sentences, comma-separated parts) of x and y:

    s(x, y) = ITEM_WEIGHT · item(x, y) + (1 − ITEM_WEIGHT) · sim(x, y)     ITEM_WEIGHT = 0.5
    a = s(A.looking_for, B.offering)       b = s(B.looking_for, A.offering)
    score = max(a, b) + MUTUAL · min(a, b)                                 MUTUAL = 0.5
          + ECOSYSTEM_BONUS · min(number of shared ecosystems, 2)          ECOSYSTEM_BONUS = 0.03
          + LANGUAGE_BONUS if they share a language                        LANGUAGE_BONUS = 0.01

- Complementary only: what one looks for against what the other offers, both ways. Offerings
  are never compared with offerings, nor needs with needs: competitors, or two people looking for
  the same thing, are not a match by themselves.
- A match that works both ways ranks above a one-way match of the same strength (MUTUAL).
- Profiles are lists of items; the item term keeps one strong item match from being diluted by
  the other items and the self-description around it.
- Scores lie in [0, 1.57] and are rounded to 4 decimals before ranking, so the order is exactly
  what the output shows.
- A candidate needs max(a, b) > 0 or a shared ecosystem; the language bonus only adds to those.
  So people whose texts are empty are recommended by shared ecosystems only (equal scores, so by
  id), or get an empty list when they share none.
- Never recommended to A: A, A's colleagues (same non-empty organisation, compared exactly after
  trimming spaces), and the people excluded for A or who have A excluded.

Scale: the texts are vectorised once; similarities are computed in blocks of up to 512 rows
with sparse matrix products (looking_for @ offering.T, offering @ looking_for.T, and the same over
phrases), excluded pairs masked, and the top k of each row picked with a partition. 10,000 people
take about 10 s on two cores (docs/benchmarks.md).

Reasons: in the stronger direction, the phrase of each text most similar to the other side's
text, cut to about 60 characters after a lead-in such as "We are looking for". A reason is data,
`Reason(code, mine, theirs, ecosystems)` (`scores.py`), which the web layer words in the reader's
language; `reason_text` is the CLI's English form: "looks for 'circular textiles', p9 offers
'recycled fibre'" (code "looks_for": A looks for, p9 offers) or "offers 'X', p9 looks for 'Y'"
("offers"); a match by ecosystems only ("ecosystems") reads "shares the ecosystem 'textiles'"."""

from collections.abc import Mapping, Sequence

import numpy as np

from clustermeet.networking.matching.reason import PhraseIndex, ReasonBuilder
from clustermeet.networking.matching.scores import (
    BLOCK_CELLS,
    BLOCK_ROWS,
    ECOSYSTEM_BONUS,
    ECOSYSTEM_CAP,
    ITEM_WEIGHT,
    LANGUAGE_BONUS,
    MUTUAL,
    TEXT_EPSILON,
    Profile,
    Reason,
    Recommendation,
    check_profiles,
    dense,
    incidence,
    top_k,
    transposed,
)
from clustermeet.networking.matching.text import Engine, TfidfEngine

__all__ = ["Engine", "Profile", "Reason", "Recommendation", "TfidfEngine", "recommend"]


def _masks(
    people: Sequence[Profile], exclude: Mapping[str, set[str]] | None
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """For each person (by index): the indices of their colleagues (an array shared by the whole
    organisation, themselves included) and of the people excluded for them, both ways."""
    position = {p.id: i for i, p in enumerate(people)}
    members: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        members.setdefault(p.organisation.strip(), []).append(i)
    arrays = {org: np.array(found, dtype=np.intp) for org, found in members.items() if org}
    nobody = np.empty(0, dtype=np.intp)
    colleagues = [arrays.get(p.organisation.strip(), nobody) for p in people]
    excluded: list[set[int]] = [set() for _ in people]
    for who, others in (exclude or {}).items():
        if who in position:
            for other in others:
                if other in position:
                    excluded[position[who]].add(position[other])
                    excluded[position[other]].add(position[who])
    return colleagues, [np.array(sorted(found), dtype=np.intp) for found in excluded]


def recommend(
    profiles: Sequence[Profile],
    top: int,
    exclude: Mapping[str, set[str]] | None = None,
    engine: Engine | None = None,
) -> dict[str, list[Recommendation]]:
    """Up to `top` recommendations for every profile; see the module docstring."""
    check_profiles(profiles, top)
    result: dict[str, list[Recommendation]] = {p.id: [] for p in profiles}
    if len(profiles) < 2:
        return result
    # Internally people are ordered by id, so that among equal scores a lower index is a lower id.
    people = sorted(profiles, key=lambda p: p.id)
    n = len(people)

    engine = engine if engine is not None else TfidfEngine()
    engine.fit([p.offering for p in people] + [p.looking_for for p in people])
    offering = engine.transform([p.offering for p in people])
    looking = engine.transform([p.looking_for for p in people])
    offering_t, looking_t = transposed(offering), transposed(looking)
    ecosystems = incidence([{e.strip().casefold() for e in p.ecosystems} - {""} for p in people])
    languages = incidence([{g.strip().casefold() for g in p.languages} - {""} for p in people])
    ecosystems_t, languages_t = transposed(ecosystems), transposed(languages)
    colleagues, excluded = _masks(people, exclude)
    phrases = PhraseIndex(engine, people)
    reasons = ReasonBuilder(phrases, people, offering, looking)

    block = max(16, min(BLOCK_ROWS, BLOCK_CELLS // n))
    for start in range(0, n, block):
        stop = min(n, start + block)
        a_items, b_items = phrases.item_similarity(start, stop)
        a = dense(looking[start:stop] @ offering_t)  # i looks for, j offers
        a *= np.float32(1 - ITEM_WEIGHT)
        a += np.float32(ITEM_WEIGHT) * a_items
        b = dense(offering[start:stop] @ looking_t)  # j looks for, i offers
        b *= np.float32(1 - ITEM_WEIGHT)
        b += np.float32(ITEM_WEIGHT) * b_items
        text = np.maximum(a, b)
        text += np.float32(MUTUAL) * np.minimum(a, b)
        shared = dense(ecosystems[start:stop] @ ecosystems_t)
        score = text + np.float32(ECOSYSTEM_BONUS) * np.minimum(shared, ECOSYSTEM_CAP)
        score += np.float32(LANGUAGE_BONUS) * (dense(languages[start:stop] @ languages_t) > 0)
        score[(text <= TEXT_EPSILON) & (shared == 0)] = -np.inf
        chosen: list[tuple[int, np.ndarray, np.ndarray]] = []
        for r, i in enumerate(range(start, stop)):
            score[r, i] = -np.inf
            score[r, colleagues[i]] = -np.inf
            score[r, excluded[i]] = -np.inf
            js, values = top_k(score[r], top)
            chosen.append((i, js, values))
        rows = np.concatenate([np.full(js.size, i - start) for i, js, _ in chosen])
        columns = np.concatenate([js for _, js, _ in chosen])
        explained = reasons.explain(
            rows + start,
            columns,
            forward=a[rows, columns] >= b[rows, columns] - TEXT_EPSILON,
            textual=text[rows, columns] > TEXT_EPSILON,
        )
        position = 0
        for i, js, values in chosen:
            result[people[i].id] = [
                Recommendation(people[j].id, float(v), explained[position + m])
                for m, (j, v) in enumerate(zip(js.tolist(), values.tolist(), strict=True))
            ]
            position += len(js)
    return result
