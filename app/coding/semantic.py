"""Semantic theme scores: comments and themes compared as sentence embeddings.

Pure numpy over vectors (tested and evaluated without a database). A theme is known
by the vectors of its texts (title, description, keywords, in whatever languages
they are written; the model is multilingual, so a Swedish comment meets a Finnish
title) and by the vectors of the comments a person has confirmed to it. For each
comment and theme:

- *theme*: the best cosine similarity to one of the theme's texts;
- *examples*: the mean similarity to the theme's closest confirmed comments.

e5's similarities crowd into a narrow band (0.75-0.9 for any two texts of one
language), so each is taken relative to the comment's mean over all themes: what
counts is how much better a theme fits than the others. ``hybrid.py`` combines these
with the word-based score of ``suggest.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: The confirmed comments compared: the closest few, so a broad theme with many
#: different comments is not averaged into vagueness.
CLOSEST_EXAMPLES = 3


def _relative(similarity: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Each row minus its mean over the present columns; absent columns 0."""
    out = np.zeros_like(similarity)
    if not present.any():
        return out
    mean = similarity[:, present].mean(axis=1, keepdims=True)
    out[:, present] = similarity[:, present] - mean
    return out


def theme_similarity(
    comments: np.ndarray, theme_texts: Sequence[np.ndarray]
) -> np.ndarray:
    """(n_comments, n_themes): best similarity to each theme's texts, relative."""
    n, t = comments.shape[0], len(theme_texts)
    raw = np.zeros((n, t), dtype=np.float32)
    present = np.array([len(v) > 0 for v in theme_texts], dtype=bool)
    for column, vectors in enumerate(theme_texts):
        if len(vectors):
            raw[:, column] = (comments @ np.asarray(vectors).T).max(axis=1)
    return _relative(raw, present)


def example_similarity(
    comments: np.ndarray,
    examples: Sequence[np.ndarray],
    *,
    closest: int = CLOSEST_EXAMPLES,
) -> np.ndarray:
    """(n_comments, n_themes): mean similarity to each theme's closest confirmed
    comments, relative over the themes that have some; 0 for themes with none."""
    n, t = comments.shape[0], len(examples)
    raw = np.zeros((n, t), dtype=np.float32)
    present = np.array([len(v) > 0 for v in examples], dtype=bool)
    for column, vectors in enumerate(examples):
        if len(vectors):
            sims = comments @ np.asarray(vectors).T
            k = min(closest, sims.shape[1])
            raw[:, column] = -np.sort(-sims, axis=1)[:, :k].mean(axis=1)
    return _relative(raw, present)
