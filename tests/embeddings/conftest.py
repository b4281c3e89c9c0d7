"""A small deterministic embedding backend, so these tests need no model.

``words`` hashes each lower-case word into one of the 384 dimensions: texts that
share words are close, others are not. ``broken`` fails on any text containing
"RIKKI", to test retries; the real model has a test of its own (test_model.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import pytest

from app.embeddings import model

DIM = 384


class WordHashing:
    dim = DIM

    def __init__(self, name: str = "words 1"):
        self.name = name
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            if "RIKKI" in text:
                raise ValueError("this text breaks the model")
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.sha256(word.encode()).digest()
                out[row, int.from_bytes(digest[:4], "little") % DIM] += 1.0
        return model.normalise(out)


@pytest.fixture()
def embedder(app):
    """The ``words`` backend switched on for this test (and off after it)."""
    instance = WordHashing()
    model.BACKENDS["words"] = lambda: instance
    model.forget_loaded()
    app.config["EMBEDDINGS"] = "words"
    yield instance
    app.config["EMBEDDINGS"] = "off"
    model.BACKENDS.pop("words", None)
    model.forget_loaded()
