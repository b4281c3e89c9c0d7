"""The hybrid theme score: sentence embeddings and words together.

score = THEME_WEIGHT x (how much better the comment fits the theme's texts than the
other themes', semantic.theme_similarity) + EXAMPLE_WEIGHT x (the same for the
theme's closest confirmed comments, semantic.example_similarity) + WORD_WEIGHT x
(the lemma TF-IDF score of suggest.rank). A theme is suggested when its score
reaches THRESHOLD (several may), best first. The weights and the threshold are
chosen on the tune half of the frozen evaluation set (evaluation/themes/,
``python -m evaluation.themes.evaluate --tune``); the heldout half is run once the
method is fixed (docs/coding.md). Not yet wired into the coding page.
"""

from __future__ import annotations

import numpy as np

THEME_WEIGHT = 1.0
EXAMPLE_WEIGHT = 1.0
WORD_WEIGHT = 0.05
THRESHOLD = 0.0227
#: The words-only method's own bar (suggest.MIN_SCORE), for the comparison.
WORDS_ONLY_THRESHOLD = 0.05


def combine(
    theme_part: np.ndarray, example_part: np.ndarray, words: np.ndarray
) -> np.ndarray:
    return THEME_WEIGHT * theme_part + EXAMPLE_WEIGHT * example_part + WORD_WEIGHT * words
