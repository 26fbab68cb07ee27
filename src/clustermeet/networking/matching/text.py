"""Text side of the recommendation engine (see `ranking`): normalisation, stop words, the
general concept list, and the `Engine` seam with its default TF-IDF implementation. No Django.

Normalisation (no stemmer): Unicode NFKC and case folding; British spelling (-ize/-ization →
-ise/-isation, fiber → fibre, center → centre); hyphens split words; a light plural fold
(companies → company, sensors → sensor); English stop words plus the stock words of networking
profiles ("offer", "looking", "partner", "EU", "European"...) are dropped. Other word forms
(recycled/recycling, supply/supplying) meet in the character n-grams.

Concept expansion: `CONCEPTS` is a small, general list of cluster-domain synonym groups (45
groups: funding ~ financing ~ investment ~ venture capital, SME ~ small company, recycled ~
circular ~ reclaimed, AI ~ machine learning...). A text containing any surface form of a group
also gets the group's token, so two texts that use different words of one group share a feature.
It is applied to every text alike. It was written for the engine from general knowledge of the
field, after reading the demo's phrase bank (demo/phrases.py) and before any benchmark
existed; `bench/recommend.py` draws its paraphrases from its own bank, written afterwards and
separately, and reports the recall with and without this list (docs/benchmarks.md). Synonyms
outside the list are not bridged: that is what an embedding engine behind the `Engine` seam
would be for."""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

# Each group: surface forms (single words or phrases, written as they occur; plural folding is
# applied to them too). A word may belong to several groups.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "funding": (
        "funding", "financing", "finance", "financial", "investment", "investor", "invest",
        "capital", "grant", "co-funding", "subsidy", "loan", "fundraising", "crowdfunding",
        "venture capital", "business angel", "funds",
    ),
    "sme": (
        "sme", "small company", "small business", "small firm", "small enterprise",
        "small and medium-sized enterprise", "small and medium enterprise", "micro-enterprise",
        "family business", "family-run",
    ),
    "startup": ("start-up", "startup", "scale-up", "scaleup", "young company", "spin-off"),
    "research": (
        "research", "r&d", "research and development", "scientific", "science", "academia",
        "academic", "university", "laboratory", "lab", "institute",
    ),
    "skills": (
        "training", "upskilling", "reskilling", "skill", "education", "learning", "course",
        "qualification", "competence", "capacity building", "teaching", "apprenticeship",
    ),
    "circular": (
        "recycling", "recycled", "recycle", "circular", "circularity", "reuse", "reused",
        "reusable", "reclaimed", "upcycling", "upcycled", "secondary raw material", "recovered",
        "recovery", "second-hand", "refurbished", "refurbishment", "remanufacturing", "repair",
    ),
    "waste": ("waste", "scrap", "residue", "by-product", "leftover", "discarded", "end-of-life"),
    "green": (
        "sustainable", "sustainability", "green", "eco-friendly", "environmentally friendly",
        "low-carbon", "decarbonisation", "decarbonise", "climate-neutral", "net zero",
        "carbon neutral", "carbon footprint", "environmental",
    ),
    "energy_efficiency": (
        "energy efficiency", "energy-efficient", "energy saving", "energy use",
        "energy consumption", "energy audit",
    ),
    "renewables": (
        "renewable", "renewables", "solar", "photovoltaic", "pv", "wind power", "wind energy",
        "green electricity", "clean energy", "green energy",
    ),
    "ai": (
        "artificial intelligence", "ai", "machine learning", "deep learning", "neural network",
        "data science", "predictive analytics", "computer vision",
    ),
    "data": ("data", "dataset", "analytics", "big data", "data analysis", "statistics"),
    "cybersecurity": (
        "cybersecurity", "cyber security", "cyber", "information security", "it security",
        "penetration testing", "data protection",
    ),
    "cloud": ("cloud", "cloud computing", "edge computing", "hosting", "data centre", "server"),
    "digital": (
        "digitalisation", "digitisation", "digital transformation", "industry 4.0", "software",
        "digital tool", "it solution", "platform", "app",
    ),
    "sensors": ("sensor", "sensing", "iot", "internet of things", "detector", "monitoring"),
    "automation": ("robot", "robotics", "automation", "automated", "cobot", "autonomous"),
    "additive": (
        "additive manufacturing", "3d printing", "3d printed", "3d-printed", "3d printer",
    ),
    "prototyping": (
        "prototype", "prototyping", "proof of concept", "demonstrator", "mock-up", "pilot line",
    ),
    "testing": (
        "testing", "test", "validation", "validate", "trial", "field trial", "test bed",
        "testbed", "test site", "living lab", "experimentation", "pilot",
    ),
    "compliance": (
        "certification", "certified", "certificate", "compliance", "regulatory", "regulation",
        "standardisation", "standard", "ce marking", "conformity", "accreditation", "approval",
    ),
    "internationalisation": (
        "internationalisation", "internationalise", "export", "foreign market", "market access",
        "new market", "cross-border", "abroad", "international expansion",
    ),
    "sales": (
        "distribution", "distributor", "sales channel", "reseller", "wholesaler", "sales",
        "customer", "client", "buyer", "market",
    ),
    "suppliers": (
        "supplier", "supply chain", "sourcing", "procurement", "subcontractor", "vendor",
        "value chain", "manufacturer", "supply",
    ),
    "logistics": (
        "logistics", "freight", "shipping", "delivery", "warehousing", "warehouse", "cargo",
        "last mile",
    ),
    "mobility": (
        "mobility", "transport", "vehicle", "automotive", "car", "e-mobility", "rail", "railway",
    ),
    "electric_vehicles": (
        "electric vehicle", "ev", "e-mobility", "charging", "charger", "charging station",
    ),
    "storage": ("battery", "energy storage", "storage system", "accumulator"),
    "health": (
        "medical", "health", "healthcare", "clinical", "hospital", "patient", "medtech",
        "care", "pharmaceutical", "biotech",
    ),
    "textiles": (
        "textile", "fabric", "garment", "apparel", "clothing", "fashion", "yarn", "fibre",
        "cloth", "knitwear",
    ),
    "packaging": ("packaging", "container", "wrapping", "pallet"),
    "food": ("food", "agri-food", "nutrition", "ingredient", "beverage", "meal", "dairy"),
    "agriculture": ("agriculture", "farming", "agricultural", "farm", "farmer", "agritech", "crop"),
    "construction": (
        "construction", "building", "renovation", "architecture", "housing", "retrofit",
    ),
    "tourism": (
        "tourism", "tourist", "visitor", "travel", "hospitality", "destination", "hotel",
    ),
    "design": ("design", "designer", "creative", "user experience", "ux"),
    "advice": (
        "consulting", "consultancy", "advice", "advisory", "expertise", "know-how", "coaching",
        "mentoring", "guidance", "expert",
    ),
    "partnership": (
        "consortium", "partnership", "cooperation", "collaboration", "joint project", "alliance",
    ),
    "marketing": (
        "marketing", "communication", "promotion", "branding", "advertising", "outreach",
        "dissemination",
    ),
    "ip": ("intellectual property", "patent", "licensing", "licence", "license"),
    "talent": (
        "recruitment", "talent", "hiring", "workforce", "employee", "skilled worker", "staff",
    ),
    "space": (
        "satellite", "earth observation", "space data", "remote sensing", "copernicus", "gnss",
    ),
    "drones": ("drone", "uav", "unmanned aerial"),
    "xr": (
        "virtual reality", "vr", "augmented reality", "immersive", "extended reality", "xr",
        "metaverse",
    ),
    "ecommerce": (
        "e-commerce", "ecommerce", "online shop", "online sales", "webshop", "online store",
    ),
}  # fmt: skip

# Stock words of networking profiles that carry no topic of their own.
_DOMAIN_STOP_TEXT = """
    offer offering offered provide providing provided look looking seek seeking search searching
    need needed interested interest want wish like able also new eu european europe partner
    company organisation organization cluster member help support opportunity contact meet
    meeting welcome especially particular particularly possible various different
"""
DOMAIN_STOP_WORDS = frozenset(_DOMAIN_STOP_TEXT.split())

_SPELLING = (
    (re.compile(r"(\w{2,})iz(ation|ations|ing|e|es|ed|er|ers)\b"), r"\1is\2"),
    (re.compile(r"(\w{2,})yz(e|es|ed|ing)\b"), r"\1ys\2"),
    (re.compile(r"\bfiber"), "fibre"),
    (re.compile(r"\bcenter"), "centre"),
)
_PHRASE_SPLIT = re.compile(r"[.,;:!?\n\r\t•·|()\[\]{}\"“”]+")
_TOKEN = re.compile(r"\w+(?:&\w+)*")


def fold(token: str) -> str:
    """The light plural fold: companies → company, sensors → sensor (not -ss, -us, -is)."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    for pattern, replacement in _SPELLING:
        text = pattern.sub(replacement, text)
    return text


def _tokens(phrase: str) -> list[str]:
    return [fold(t) for t in _TOKEN.findall(phrase.replace("-", " ").replace("_", " "))]


STOP_WORDS = frozenset(fold(w) for w in ENGLISH_STOP_WORDS | DOMAIN_STOP_WORDS)


def _build_concept_index() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    index: dict[tuple[str, ...], list[str]] = {}
    for group, forms in CONCEPTS.items():
        for form in forms:
            key = tuple(_tokens(_clean(form)))
            index.setdefault(key, [])
            if group not in index[key]:
                index[key].append(group)
    return {k: tuple(v) for k, v in index.items()}, max(len(k) for k in index)


_CONCEPT_INDEX, _CONCEPT_MAX = _build_concept_index()
_CONCEPT_FIRST = frozenset(key[0] for key in _CONCEPT_INDEX)


@dataclass(frozen=True)
class Analysed:
    """One text after normalisation: content tokens per phrase, and its concept groups."""

    phrases: tuple[tuple[str, ...], ...]
    concepts: tuple[str, ...]

    def word_features(self) -> list[str]:
        return [f"~{c}" for c in self.concepts] + [t for tokens in self.phrases for t in tokens]

    def char_text(self) -> str:
        return " ".join(" ".join(tokens) for tokens in self.phrases)


def analyse(text: str, *, concepts: bool = True) -> Analysed:
    """Normalise a text (see the module docstring). `concepts=False` skips the expansion."""
    phrases: list[tuple[str, ...]] = []
    found: list[str] = []
    for raw in _PHRASE_SPLIT.split(_clean(text)):
        tokens = _tokens(raw)
        if not tokens:
            continue
        if concepts:
            for start in range(len(tokens)):
                if tokens[start] not in _CONCEPT_FIRST:
                    continue
                for size in range(1, min(_CONCEPT_MAX, len(tokens) - start) + 1):
                    for group in _CONCEPT_INDEX.get(tuple(tokens[start : start + size]), ()):
                        if group not in found:
                            found.append(group)
        content = tuple(t for t in tokens if len(t) > 1 and not t.isdigit() and t not in STOP_WORDS)
        if content:
            phrases.append(content)
    return Analysed(tuple(phrases), tuple(found))


class Engine(Protocol):
    """The seam for text engines. `fit` sees every offering and looking-for text once;
    `transform` maps texts to row vectors (a scipy sparse matrix or a NumPy array) whose dot
    products are the similarities in [0, 1]: rows have unit length, or are zero for a text with
    nothing to match. An optional sentence-embedding engine would implement the same two calls."""

    def fit(self, texts: Sequence[str]) -> None: ...

    def transform(self, texts: Sequence[str]) -> Any: ...


def _identity(features: list[str]) -> list[str]:
    return features


# Character n-grams found in more than this share of the texts (and more than CHAR_MAX_DF_MIN
# texts) are dropped: they are suffixes and bits of function words that carry no topic, and
# dropping them makes the sparse products several times faster.
CHAR_MAX_DF = 0.05
CHAR_MAX_DF_MIN = 50


class TfidfEngine:
    """The default engine: TF-IDF over words (plus the concept tokens) and over character
    3–5-grams inside word boundaries, both with sublinear tf and one vocabulary fitted over all
    offering and looking-for texts. Each part is normalised to unit length and weighted, so
    similarity = word_weight·cos_words + (1 − word_weight)·cos_chars.

    Words are unigrams: word bigrams, being rare, get high IDF weights and dominate short
    texts, so they reward the same phrasing over the same terms — the opposite of what a match
    worded differently needs (on bench/recommend.py, seeds 1–4, recall@10 0.83–0.88 with them
    against 0.895–0.92 without). Multi-word terms still match through their words."""

    def __init__(self, *, word_weight: float = 0.5, concepts: bool = True) -> None:
        if not 0.0 <= word_weight <= 1.0:
            raise ValueError("word_weight must be within [0, 1]")
        self.word_weight = word_weight
        self.concepts = concepts
        self._words: TfidfVectorizer | None = None
        self._chars: TfidfVectorizer | None = None
        self._seen: dict[str, int] = {}
        self._seen_matrix: sp.csr_matrix | None = None

    def _analyse(self, texts: Sequence[str]) -> tuple[list[list[str]], list[str]]:
        analysed = [analyse(t, concepts=self.concepts) for t in texts]
        return [a.word_features() for a in analysed], [a.char_text() for a in analysed]

    def _combine(self, words: sp.spmatrix, chars: sp.spmatrix) -> sp.csr_matrix:
        parts = []
        for matrix, weight in ((words, self.word_weight), (chars, 1 - self.word_weight)):
            if weight > 0:
                parts.append(normalize(matrix) * np.float32(np.sqrt(weight)))
            else:  # a part weighted 0 keeps its columns, without entries
                parts.append(sp.csr_matrix(matrix.shape, dtype=np.float32))
        return sp.hstack(parts, format="csr", dtype=np.float32)

    def fit(self, texts: Sequence[str]) -> None:
        unique = list(dict.fromkeys(texts))
        words, chars = self._analyse(unique)
        self._words = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
        self._chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(3, 5),
            lowercase=False,
            sublinear_tf=True,
            dtype=np.float32,
            max_df=max(CHAR_MAX_DF_MIN, int(CHAR_MAX_DF * len(texts))),
        )
        # Every text counts for the document frequencies as often as it occurs; the dummy
        # documents keep the vocabularies non-empty when every text is empty.
        index = {text: i for i, text in enumerate(unique)}
        order = [index[text] for text in texts]
        fitted_words = self._words.fit_transform([*(words[i] for i in order), ["~"]])
        fitted_chars = self._chars.fit_transform([*(chars[i] for i in order), "~~~"])
        first: dict[int, int] = {}
        for row, i in enumerate(order):
            first.setdefault(i, row)
        rows = [first[i] for i in range(len(unique))]
        self._seen = index
        self._seen_matrix = self._combine(fitted_words[rows], fitted_chars[rows])

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        if self._words is None or self._chars is None or self._seen_matrix is None:
            raise RuntimeError("fit the engine first")
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if new:
            words, chars = self._analyse(new)
            matrix = self._combine(self._words.transform(words), self._chars.transform(chars))
            offset = self._seen_matrix.shape[0]
            self._seen_matrix = sp.vstack([self._seen_matrix, matrix], format="csr")
            self._seen.update((t, offset + i) for i, t in enumerate(new))
        return self._seen_matrix[[self._seen[t] for t in texts]]
