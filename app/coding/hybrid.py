"""The hybrid theme score: sentence embeddings and words together.

score = THEME_WEIGHT x (how much better the comment fits the theme's texts than the
other themes', semantic.theme_similarity) + EXAMPLE_WEIGHT x (the same for the
theme's closest confirmed comments, semantic.example_similarity) + NEIGHBOUR_WEIGHT
x (those two for the comment's nearest comments in the process,
semantic.neighbour_scores) + WORD_WEIGHT x (the lemma TF-IDF score of suggest.rank).

A theme is suggested when its score reaches ``bar``: THRESHOLD, and no more than
MARGIN under the comment's best theme (at most three, best first). A threshold
alone had to trade one scenario against another: on set B's tune half the old bar
gave Finnish comments with two confirmed comments a theme 2.1 suggestions each (a
third of them right) while 32 of 51 Swedish comments without any got none; with
the margin a comment whose best theme stands out gets that one, and one about two
matters (a quarter of them) can get both.

The weights, the threshold and the margin were chosen in session 8 on the tune half
of the second frozen set (evaluation/themes_b/) together with both halves of the
first (evaluation/themes/, whose heldout figures were already spent), with
``python -m evaluation.themes.evaluate --set NAME --tune``; the second set's heldout
half is run once, after that (docs/coding.md, "Tuned on set B's tune half").

Comments whose embedding is not there yet (the worker has not reached them) keep
the word score alone, against the words-only bar, so a fresh comment still gets
suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from ..embeddings.model import Embedder
from .semantic import example_similarity, neighbour_scores, theme_similarity

THEME_WEIGHT = 0.5
#: Session 8 (before: EXAMPLE 0.5, NEIGHBOUR 1.0, THRESHOLD 0.0134, no margin): the
#: best mean objective over set B's tune half and both halves of set A. The new
#: weights' own gain is small and mixed (better on B tune and A heldout, a little
#: worse on A tune); the margin is what helps on all three (docs/coding.md).
EXAMPLE_WEIGHT = 0.25
NEIGHBOUR_WEIGHT = 1.5
WORD_WEIGHT = 0.05
THRESHOLD = 0.01
#: A theme is suggested only within this much of the comment's best theme.
MARGIN = 0.005
#: The words-only method's own bar (suggest.MIN_SCORE), for the comparison.
WORDS_ONLY_THRESHOLD = 0.05


def semantic_parts(
    comments: np.ndarray,
    pool: np.ndarray,
    self_rows: np.ndarray,
    themes: Sequence[np.ndarray],
    examples: Sequence[np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The embedding parts of the score, each (n_comments, n_themes): the theme and
    the examples score of the comments, and the same two of their nearest comments.
    ``pool`` holds the vectors of the process's comments (the ones scored among
    them: comment i is row ``self_rows[i]``, or -1). Apart, so that the evaluation
    (evaluation/themes/) weighs them with the same ``weigh`` in its grid search."""
    n_themes = len(themes)
    pool_scores = np.concatenate(
        [
            theme_similarity(pool, themes, pool),
            example_similarity(pool, examples, pool),
        ],
        axis=1,
    )
    # One neighbour search for both parts (the mean is taken column by column).
    neighbours = neighbour_scores(comments, pool, pool_scores, self_rows)
    return (
        theme_similarity(comments, themes, pool),
        example_similarity(comments, examples, pool),
        neighbours[:, :n_themes],
        neighbours[:, n_themes:],
    )


def weigh(
    parts: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    words: np.ndarray,
    theme: float = THEME_WEIGHT,
    example: float = EXAMPLE_WEIGHT,
    neighbour: float = NEIGHBOUR_WEIGHT,
    word: float = WORD_WEIGHT,
) -> np.ndarray:
    """The hybrid score from its parts (``semantic_parts``) and the word scores."""
    theme_part, example_part, theme_neighbours, example_neighbours = parts
    own = theme * theme_part + example * example_part
    near = theme * theme_neighbours + example * example_neighbours
    return own + neighbour * near + word * words


#: Theme texts' vectors by (model, text): themes change rarely, so a click on
#: "Suggest themes" embeds only what is new. Bounded: cleared when it grows past this.
_THEME_VECTORS: dict[tuple[str, str], np.ndarray] = {}
_THEME_VECTORS_MAX = 5000


def theme_text_vectors(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    if len(_THEME_VECTORS) > _THEME_VECTORS_MAX:
        _THEME_VECTORS.clear()
    missing = [
        t for t in dict.fromkeys(texts) if (embedder.name, t) not in _THEME_VECTORS
    ]
    if missing:
        for text, vector in zip(missing, embedder.embed(missing), strict=True):
            _THEME_VECTORS[(embedder.name, text)] = vector
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([_THEME_VECTORS[(embedder.name, t)] for t in texts])


def bar(scores: np.ndarray, threshold: float, margin: float | None) -> np.ndarray:
    """The score a theme needs to be suggested, for each row of ``scores`` (or for
    one row): ``threshold``, and with a ``margin`` no less than the row's best score
    minus it. The best counts every theme, also the ones already decided for the
    comment: a second theme is suggested because it fits nearly as well as the
    best one, whether or not that one has been confirmed yet."""
    scores = np.asarray(scores)
    if margin is None or scores.shape[-1] == 0:
        return np.full(scores.shape[:-1], threshold, dtype=np.float64)
    return np.maximum(threshold, scores.max(axis=-1) - margin)


def pick(
    scores: np.ndarray,
    theme_ids: Sequence[int],
    excluded: Iterable[int],
    *,
    threshold: float,
    limit: int,
    margin: float | None = None,
) -> list[tuple[int, float]]:
    """The best ``limit`` themes at or above ``bar`` (``threshold``, and within
    ``margin`` of the best when one is given), best first."""
    excluded = set(excluded)
    least = float(bar(scores, threshold, margin))
    ranked = sorted(
        (
            (theme_id, float(scores[column]))
            for column, theme_id in enumerate(theme_ids)
            if theme_id not in excluded
        ),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return [(tid, round(score, 4)) for tid, score in ranked[:limit] if score >= least]


def rank_hybrid(
    *,
    theme_ids: Sequence[int],
    theme_texts: Sequence[Sequence[str]],
    comment_vectors: Mapping[int, np.ndarray],
    example_vectors: Sequence[Sequence[np.ndarray]],
    word_scores: Mapping[int, Mapping[int, float]],
    embedder: Embedder,
    skip: Mapping[int, Iterable[int]],
    limit: int,
) -> dict[int, list[tuple[int, float]]]:
    """Suggestions for the comments of ``word_scores`` (every comment asked about):
    the hybrid score where the comment has a vector, the word score where not."""
    result: dict[int, list[tuple[int, float]]] = {}
    with_vector = [cid for cid in word_scores if cid in comment_vectors]
    words = np.array(
        [[word_scores[cid].get(tid, 0.0) for tid in theme_ids] for cid in word_scores],
        dtype=np.float32,
    ).reshape(len(word_scores), len(theme_ids))
    rows = {cid: row for row, cid in enumerate(word_scores)}
    for cid in word_scores:
        if cid not in comment_vectors:
            result[cid] = pick(
                words[rows[cid]],
                theme_ids,
                skip.get(cid, ()),
                threshold=WORDS_ONLY_THRESHOLD,
                limit=limit,
            )
    if with_vector:
        vectors = np.stack([comment_vectors[cid] for cid in with_vector])
        themes = [theme_text_vectors(embedder, list(texts)) for texts in theme_texts]
        examples = [
            np.stack(list(group))
            if len(group)
            else np.zeros((0, embedder.dim), np.float32)
            for group in example_vectors
        ]
        # The process as far as it is known here: these comments and the confirmed.
        pool = np.concatenate([vectors, *examples])
        scores = weigh(
            semantic_parts(
                vectors, pool, np.arange(len(with_vector)), themes, examples
            ),
            words[[rows[cid] for cid in with_vector]],
        )
        for row, cid in enumerate(with_vector):
            result[cid] = pick(
                scores[row],
                theme_ids,
                skip.get(cid, ()),
                threshold=THRESHOLD,
                limit=limit,
                margin=MARGIN,
            )
    return result
