"""The café harvest: group the notes of one question (all tables, all rounds) into themes
(issue 4). Pure Python + scikit-learn, no Django.

    group_notes(notes: list[str], *, max_themes=None, seed=0) -> list[Theme]

1. Each note is split into items, the bullet points a table wrote: one per line, per ';' and
   per sentence; bullet marks (❖ • - * 1.) are dropped, as are items without a content word.
   `split_items(notes)` returns them as `Item(note, text)`, in note order.
2. The items are vectorised by `networking.matching_text.TfidfEngine` (word TF-IDF plus the
   concept tokens, and character 3–5-grams; English plus EU-networking stop words; rows of
   unit length, so a dot product is the cosine similarity).
3. Average-linkage agglomerative clustering on the cosine distances, cut at
   `DISTANCE_THRESHOLD`, so the number of themes follows the notes. With `max_themes`, and
   more themes than that, the tree is cut at `max_themes` clusters instead.
4. Per theme: the representative is the member closest (cosine) to the members' centroid
   (ties: the first); its `keywords`, the 2–4 terms whose mean weight in the theme most exceeds
   their mean weight elsewhere; its label, a phrase the tables wrote: the shortest member that
   holds the most keywords (ties: the first), at most `MAX_LABEL_WORDS` words (longer ones are
   cut between words, with "…"), starting with a capital.
5. Themes are sorted by count (items), descending, then by their first item.

Everything is deterministic (the clustering has no randomness; `seed` is kept in the signature
for engines that have some, and is not used by this one)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from clustermeet.networking.matching.text import TfidfEngine, analyse, fold

__all__ = ["DISTANCE_THRESHOLD", "Item", "Theme", "group_notes", "split_items"]

# Average cosine distance below which items are one theme (tuned on the 2020 demo notes: its
# paraphrases of one bullet point meet, two bullet points of the paper stay apart).
DISTANCE_THRESHOLD = 0.75
MAX_LABEL_TERMS = 4
MIN_LABEL_TERMS = 2
MAX_LABEL_WORDS = 8

_BULLET = re.compile(r"^\s*(?:[❖•▪◦·*\-–—>]+|\d{1,2}[.)])\s*")
_WORD = re.compile(r"\w\w")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"“])")


@dataclass(frozen=True)
class Item:
    note: int  # index into the notes
    text: str


@dataclass(frozen=True)
class Theme:
    label: str  # a short phrase from the members
    representative: str
    members: tuple[int, ...]  # indices into split_items(notes)
    count: int
    notes: tuple[int, ...] = ()  # indices of the notes the members come from, ascending
    keywords: tuple[str, ...] = ()  # the theme's most distinctive terms


def split_items(notes: Sequence[str]) -> list[Item]:
    """The bullet-like items of the notes: lines, then ';', then sentences."""
    items = []
    for n, note in enumerate(notes):
        for line in (note or "").splitlines():
            for part in line.split(";"):
                for sentence in _SENTENCE.split(part.strip()):
                    text = _BULLET.sub("", sentence).strip().rstrip(".,").strip()
                    if _WORD.search(text):
                        items.append(Item(n, text))
    return items


def _identity(features: list[str]) -> list[str]:
    return features


def _phrase(texts: list[str], members: np.ndarray, keywords: list[str]) -> str:
    """The label: the shortest member holding the most keywords, cut to MAX_LABEL_WORDS."""
    wanted = set(keywords)

    def rank(m: int) -> tuple[int, int, int]:
        terms = {t for p in analyse(texts[m], concepts=False).phrases for t in p}
        return (-len(wanted & terms), len(texts[m].split()), m)

    words = texts[min((int(m) for m in members), key=rank)].split()
    phrase = " ".join(words[:MAX_LABEL_WORDS]).rstrip(" ,;:.")
    if len(words) > MAX_LABEL_WORDS:
        phrase += "…"
    return phrase[:1].upper() + phrase[1:]


def _labels(texts: list[str], groups: list[np.ndarray]) -> list[list[str]]:
    """2–4 distinctive terms per group: the word TF-IDF (no concept tokens) averaged over the
    group minus the average over the other items."""
    words = [[t for p in analyse(text, concepts=False).phrases for t in p] for text in texts]
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vectorizer.fit_transform(words).toarray()
    terms = vectorizer.get_feature_names_out()
    total = matrix.sum(axis=0)
    labels = []
    for members in groups:
        inside = matrix[members].mean(axis=0)
        rest = len(texts) - len(members)
        outside = (total - matrix[members].sum(axis=0)) / rest if rest else 0.0
        score = inside - outside
        # stable order: score desc, then the term itself
        order = sorted(range(len(terms)), key=lambda j: (-round(float(score[j]), 9), terms[j]))
        chosen = [terms[j] for j in order[:MAX_LABEL_TERMS] if score[j] > 0]
        if len(chosen) < MIN_LABEL_TERMS:
            by_weight = sorted(range(len(terms)), key=lambda j: (-inside[j], terms[j]))
            chosen += [terms[j] for j in by_weight if terms[j] not in chosen and inside[j] > 0]
            chosen = chosen[:MIN_LABEL_TERMS]
        labels.append(chosen[:MAX_LABEL_TERMS])
    return labels


def _cluster(vectors: np.ndarray, max_themes: int | None) -> np.ndarray:
    n = vectors.shape[0]
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    distances = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=DISTANCE_THRESHOLD,
    ).fit_predict(distances)
    if max_themes is not None and labels.max() + 1 > max_themes:
        labels = AgglomerativeClustering(
            n_clusters=max_themes, metric="precomputed", linkage="average"
        ).fit_predict(distances)
    return labels


def _featureless(texts: list[str], vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Items without features (all stop words) get one label per set of their non-English-stop
    words; the labels are renumbered in order of first appearance."""
    keys: dict[object, int] = {}
    out = np.empty_like(labels)
    for i, text in enumerate(texts):
        if vectors[i].any():
            key: object = int(labels[i])
        else:
            words = re.findall(r"\w+", text.casefold())
            key = frozenset(fold(w) for w in words if w not in ENGLISH_STOP_WORDS) or text
        out[i] = keys.setdefault(key, len(keys))
    return out


def group_notes(notes: list[str], *, max_themes: int | None = None, seed: int = 0) -> list[Theme]:
    """The themes of the notes (see the module docstring)."""
    del seed  # deterministic: nothing to seed
    if max_themes is not None and max_themes < 1:
        raise ValueError("max_themes must be at least 1")
    items = split_items(notes)
    if not items:
        return []
    texts = [item.text for item in items]
    engine = TfidfEngine()
    engine.fit(texts)
    vectors = engine.transform(texts).toarray().astype(np.float64)
    labels = _cluster(vectors, max_themes)
    labels = _featureless(texts, vectors, labels)
    groups = [np.flatnonzero(labels == k) for k in range(labels.max() + 1)]
    keywords = _labels(texts, groups)
    themes = []
    for members, terms in zip(groups, keywords, strict=True):
        centroid = vectors[members].mean(axis=0)
        norm = np.linalg.norm(centroid)
        scores = vectors[members] @ (centroid / norm if norm else centroid)
        best = int(members[int(np.argmax(np.round(scores, 9)))])
        themes.append(
            Theme(
                label=_phrase(texts, members, terms),
                representative=texts[best],
                members=tuple(int(m) for m in members),
                count=len(members),
                notes=tuple(sorted({items[int(m)].note for m in members})),
                keywords=tuple(terms),
            )
        )
    themes.sort(key=lambda theme: (-theme.count, theme.members[0]))
    return themes
