"""Switching the embedding model to a test backend for one test (app.embeddings.model):
the backend is registered, chosen in the configuration, and both undone after. And
``Topics``, a backend whose vectors group texts by two known topics (discovery)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np

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


DIM = 16

#: Two topics the process's themes do not cover, and comments about nothing shared.
PARKING = [
    "Pysäköintipaikkoja koulun pihalla on liian vähän aamuisin.",
    "Pysäköinti on kaaos, vanhemmat jättävät autot pihalle.",
    "Opettajien pysäköintipaikat ovat aina täynnä.",
    "Pysäköintialue pitäisi laajentaa ennen syksyä.",
    "Pysäköinti vie pihasta tilaa välitunneilta.",
]
LUNCH = [
    "Kouluruoka loppuu kesken, jonossa viimeisinä tulevat jäävät ilman.",
    "Kouluruoka on liian suolaista ja kylmää.",
    "Kouluruoka pitäisi tarjota myöhemmin, aamupäivä venyy.",
    "Kouluruoka: kasvisvaihtoehto loppuu ensimmäisenä.",
    "Kouluruoka ja välipala eivät riitä urheileville nuorille.",
]
LONERS = ["Kiitos hyvästä tapaamisesta!", "Milloin seuraava kokous on?"]


def direction(seed: str) -> np.ndarray:
    digest = hashlib.sha256(seed.encode()).digest()
    return np.frombuffer(digest[: DIM * 2], dtype=np.uint16)[:DIM].astype(np.float32)


class Topics:
    """Texts about parking or lunch point near their topic's direction (with a
    little noise of their own); anything else points somewhere of its own."""

    dim = DIM
    name = "topics 1"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            low = text.lower()
            topic = (
                "parking"
                if "pysäköin" in low
                else "lunch"
                if "kouluruoka" in low
                else text
            )
            base = direction(topic) - 32768
            noise = (direction(text) - 32768) * (0.08 if topic != text else 1.0)
            rows.append(base + noise)
        return model.normalise(np.array(rows, dtype=np.float32))
