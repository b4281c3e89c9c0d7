"""The semantic theme scores (app/coding/semantic.py) on hand-made vectors."""

from __future__ import annotations

import numpy as np

from app.coding.semantic import example_similarity, theme_similarity


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
