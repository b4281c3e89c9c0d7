"""The semantic theme scores (app/coding/semantic.py) on hand-made vectors."""

from __future__ import annotations

import numpy as np

from app.coding.semantic import (
    MIN_POOL,
    example_similarity,
    neighbour_scores,
    theme_similarity,
)


def unit(*values):
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


COMMENTS = np.stack([unit(1, 0.1, 0), unit(0, 1, 0.2)])


def test_the_closest_theme_text_counts_relative_to_the_other_themes():
    themes = [
        np.stack([unit(0, 0, 1), unit(1, 0, 0)]),  # its second text fits comment 0
        np.stack([unit(0, 1, 0)]),
        np.zeros((0, 3), dtype=np.float32),  # a theme without texts scores 0
    ]
    scores = theme_similarity(COMMENTS, themes)
    assert scores.shape == (2, 3)
    assert scores[0, 0] > 0 > scores[0, 1]
    assert scores[1, 1] > 0 > scores[1, 0]
    assert np.allclose(scores[:, 2], 0)
    assert np.allclose(scores[:, :2].sum(axis=1), 0, atol=1e-6)


def test_examples_count_by_the_closest_few_and_themes_without_any_score_zero():
    examples = [
        np.stack([unit(1, 0, 0), unit(0, 0, 1), unit(0, 0, 1), unit(0, 0, 1)]),
        np.zeros((0, 3), dtype=np.float32),
        np.stack([unit(0, 1, 0)]),
    ]
    one = example_similarity(COMMENTS, examples, closest=1)
    assert one[0, 0] > 0 and one[1, 2] > 0 and np.allclose(one[:, 1], 0)
    three = example_similarity(COMMENTS, examples, closest=3)
    # averaging in two far examples lowers theme 0's fit for comment 0
    assert three[0, 0] < one[0, 0]


def test_a_theme_that_resembles_every_comment_does_not_win_them_all():
    """Theme-wise correction over the process's comments: a "hub" theme, close to
    everything, stops coming first for comments that fit another theme better
    than the other comments do."""
    rng = np.random.default_rng(7)
    pool = np.stack([unit(1, 0.6, *rng.normal(0, 0.05, 2)) for _ in range(MIN_POOL)])
    hub = [np.stack([unit(1, 0.6, 0, 0)])]
    specific = [np.stack([unit(0.6, 1, 0, 0)])]
    leaning = np.stack([unit(1, 0.9, 0, 0)])  # nearer the specific theme than most
    themes = hub + specific
    without = theme_similarity(leaning, themes)
    with_pool = theme_similarity(leaning, themes, pool)
    assert without[0, 0] > without[0, 1]  # the raw similarity favours the hub
    assert with_pool[0, 1] > with_pool[0, 0]


def test_neighbours_lend_their_scores_but_not_their_own_row():
    """A comment takes the mean score of its nearest comments in the pool; its own
    row is left out; a small pool lends nothing."""
    pool = np.stack([unit(1, 0.01 * i, 0) for i in range(MIN_POOL)] + [unit(0, 0, 1)])
    scores = np.zeros((len(pool), 2), dtype=np.float32)
    scores[:MIN_POOL, 0] = 1.0  # the cluster's comments score theme 0
    scores[MIN_POOL, 1] = 5.0  # the lone far comment scores theme 1
    comments = pool[[0, MIN_POOL]]
    lent = neighbour_scores(
        comments, pool, scores, np.array([0, MIN_POOL]), neighbours=3
    )
    assert np.allclose(lent[0], [1.0, 0.0])
    # the far comment's own 5.0 is not lent to itself: its neighbours are the cluster
    assert np.allclose(lent[1], [1.0, 0.0])
    small = neighbour_scores(comments, pool[:5], scores[:5], np.array([0, -1]))
    assert np.allclose(small, 0)


def test_neighbours_come_out_the_same_a_block_at_a_time(monkeypatch):
    """The rows are compared with the pool in blocks (memory); blocks change nothing."""
    from app.coding import semantic

    rng = np.random.default_rng(3)
    pool = rng.normal(size=(MIN_POOL * 3, 8)).astype(np.float32)
    pool /= np.linalg.norm(pool, axis=1, keepdims=True)
    scores = rng.normal(size=(len(pool), 4)).astype(np.float32)
    rows = np.arange(len(pool))
    whole = neighbour_scores(pool, pool, scores, rows)
    monkeypatch.setattr(semantic, "BLOCK", 7)
    assert np.allclose(neighbour_scores(pool, pool, scores, rows), whole)


def test_a_second_theme_is_suggested_only_close_to_the_best():
    """hybrid.pick with a margin: themes over the threshold but far under the
    comment's best one are left out; the best counts even when already decided."""
    from app.coding.hybrid import bar, pick

    scores = np.array([0.050, 0.047, 0.030, 0.020], dtype=np.float32)
    ids = [1, 2, 3, 4]
    assert [t for t, _ in pick(scores, ids, (), threshold=0.01, limit=3)] == [1, 2, 3]
    near = pick(scores, ids, (), threshold=0.01, limit=3, margin=0.005)
    assert [t for t, _ in near] == [1, 2]
    # Theme 1 confirmed already: theme 2 is still near it, theme 3 still is not.
    assert [
        t for t, _ in pick(scores, ids, {1}, threshold=0.01, limit=3, margin=0.005)
    ] == [2]
    # Nothing over the threshold: nothing, whatever the margin.
    assert pick(scores, ids, (), threshold=0.06, limit=3, margin=0.005) == []
    rows = np.stack([scores, scores - 0.04])
    assert np.allclose(bar(rows, 0.01, 0.005), [0.045, 0.01])
