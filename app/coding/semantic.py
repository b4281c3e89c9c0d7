"""Semantic theme scores: comments and themes compared as sentence embeddings.

Pure numpy over vectors (tested and evaluated without a database). A theme is known
by the vectors of its texts (title, description, keywords, in whatever languages
they are written; the model is multilingual, so a Swedish comment meets a Finnish
title) and by the vectors of the comments a person has confirmed to it. For each
comment and theme:

- *theme*: the best cosine similarity to one of the theme's texts;
- *examples*: the mean similarity to the theme's closest confirmed comments.

e5's similarities crowd into a narrow band (0.75-0.9 for any two texts of one
language), so each is taken relative twice: to the theme's mean over the process's
comments (a theme whose words resemble everything would otherwise come first for
everyone: the "hub" of embedding spaces) and to the comment's mean over all themes
(what counts is how much better a theme fits than the others). Then each comment
also leans on its nearest neighbours among the process's comments
(``neighbour_scores``): people writing about one matter in other words still sit
close together. ``hybrid.py`` combines these with the word-based score of
``suggest.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: The confirmed comments compared: the closest few, so a broad theme with many
#: different comments is not averaged into vagueness.
CLOSEST_EXAMPLES = 3
#: Below this many comments in the process a theme's mean over them says little:
#: the theme-wise correction and the neighbours are left out.
MIN_POOL = 20
#: How many of the process's comments closest to a comment lend it their scores.
NEIGHBOURS = 10
#: Comments compared with the pool at a time (memory, not speed).
BLOCK = 512


def relative(similarity: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Each row minus its mean over the present columns; absent columns 0."""
    out = np.zeros_like(similarity)
    if not present.any():
        return out
    mean = similarity[:, present].mean(axis=1, keepdims=True)
    out[:, present] = similarity[:, present] - mean
    return out


def theme_raw(comments: np.ndarray, theme_texts: Sequence[np.ndarray]) -> np.ndarray:
    """(n_comments, n_themes): the best similarity to each theme's texts."""
    raw = np.zeros((comments.shape[0], len(theme_texts)), dtype=np.float32)
    for column, vectors in enumerate(theme_texts):
        if len(vectors):
            raw[:, column] = (comments @ np.asarray(vectors).T).max(axis=1)
    return raw


def example_raw(
    comments: np.ndarray,
    examples: Sequence[np.ndarray],
    *,
    closest: int = CLOSEST_EXAMPLES,
) -> np.ndarray:
    """(n_comments, n_themes): the mean similarity to each theme's closest
    confirmed comments; 0 for themes with none."""
    raw = np.zeros((comments.shape[0], len(examples)), dtype=np.float32)
    for column, vectors in enumerate(examples):
        if len(vectors):
            sims = comments @ np.asarray(vectors).T
            k = min(closest, sims.shape[1])
            raw[:, column] = -np.sort(-sims, axis=1)[:, :k].mean(axis=1)
    return raw


def theme_similarity(
    comments: np.ndarray,
    theme_texts: Sequence[np.ndarray],
    pool: np.ndarray | None = None,
) -> np.ndarray:
    """(n_comments, n_themes): the theme score, relative (see the module)."""
    raw = theme_raw(comments, theme_texts)
    if pool is not None and len(pool) >= MIN_POOL:
        raw = raw - theme_raw(pool, theme_texts).mean(axis=0)
    present = np.array([len(v) > 0 for v in theme_texts], dtype=bool)
    return relative(raw, present)


def example_similarity(
    comments: np.ndarray,
    examples: Sequence[np.ndarray],
    pool: np.ndarray | None = None,
    *,
    closest: int = CLOSEST_EXAMPLES,
) -> np.ndarray:
    """(n_comments, n_themes): the examples score, relative over the themes that
    have some; 0 for themes with none."""
    raw = example_raw(comments, examples, closest=closest)
    if pool is not None and len(pool) >= MIN_POOL:
        raw = raw - example_raw(pool, examples, closest=closest).mean(axis=0)
    present = np.array([len(v) > 0 for v in examples], dtype=bool)
    return relative(raw, present)


def neighbour_scores(
    comments: np.ndarray,
    pool: np.ndarray,
    pool_scores: np.ndarray,
    self_rows: np.ndarray,
    *,
    neighbours: int = NEIGHBOURS,
) -> np.ndarray:
    """(n_comments, n_themes): the mean score of each comment's nearest comments
    in the pool (itself left out: ``self_rows[i]`` is comment i's row in the pool,
    or -1); zeros when the pool is too small."""
    out = np.zeros((comments.shape[0], pool_scores.shape[1]), dtype=np.float32)
    if len(pool) < max(MIN_POOL, neighbours + 1) or not len(comments):
        return out
    # A block of rows at a time: 10,000 comments against 10,000 would be a 400 MB
    # matrix at once; a block of 512 against them is 20 MB.
    for start in range(0, len(comments), BLOCK):
        rows = slice(start, start + BLOCK)
        sims = comments[rows] @ pool.T
        own = self_rows[rows]
        inside = own >= 0
        sims[np.nonzero(inside)[0], own[inside]] = -np.inf
        nearest = np.argpartition(-sims, neighbours, axis=1)[:, :neighbours]
        out[rows] = pool_scores[nearest].mean(axis=1)
    return out
