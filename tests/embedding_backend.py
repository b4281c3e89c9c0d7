"""Switching the embedding model to a test backend for one test (app.embeddings.model):
the backend is registered, chosen in the configuration, and both undone after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.embeddings import model


@contextmanager
def embedding_backend(app, name: str, instance) -> Iterator:
    model.BACKENDS[name] = lambda: instance
    model.forget_loaded()
    app.config["EMBEDDINGS"] = name
    try:
        yield instance
    finally:
        app.config["EMBEDDINGS"] = "off"
        model.BACKENDS.pop(name, None)
        model.forget_loaded()
