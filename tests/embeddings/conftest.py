"""A small deterministic embedding backend, so these tests need no model.

``words`` hashes each lower-case word into one of the 384 dimensions: texts that
share words are close, others are not. ``broken`` fails on any text containing
"RIKKI", to test retries; the real model has a test of its own (test_model.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import numpy as np
import pytest

from app.embeddings import model
from tests.embedding_backend import embedding_backend

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
    with embedding_backend(app, "words", WordHashing()) as instance:
        yield instance


@pytest.fixture()
def open_prompt(db, create_user, create_process, create_group, create_phase):
    """A member of a work group and an open discussion's prompt to post under."""
    from app.discussions import services as discussions
    from app.models import PhaseKind, Role

    member = create_user(Role.PARTICIPANT)
    process = create_process()
    group = create_group(process, members=(member,))
    now = datetime.now(UTC)
    phase = create_phase(
        process,
        kind=PhaseKind.DISCUSSION,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    prompt = discussions.add_prompt(
        discussions.ensure_discussion(phase), question={"fi": "Mitä?"}, guidance={}
    )
    db.session.commit()
    return SimpleNamespace(
        member=member,
        group=group,
        prompt=prompt,
        url=f"/p/{process.slug}/discussions/{phase.id}/prompts/{prompt.id}/",
    )
