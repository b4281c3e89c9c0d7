"""Which themes a comment most likely speaks of: the coding suggestions.

Each theme has a profile: its title, description and keywords in every language it
has (each text lemmatised in its own language), and the comments a person has
already confirmed to it. A comment is compared with both by TF-IDF cosine
similarity; the score is the similarity to the theme's texts plus half the mean
similarity to its closest confirmed comments, so the suggestions learn from the
facilitator's decisions while a theme nobody has coded yet still gets suggested.

Finnish writes long compound words ("opiskeluhuoltoryhmä", "lastensuojeluilmoitus")
that a lemmatiser leaves whole, so besides the base forms the features include the
character 4- and 5-grams of each base form: "tietosuojasta" then meets "tietosuoja"
and "lastensuojelu" meets "lastensuojeluilmoitus".

``rank`` is a pure function over texts (tested without a database);
``suggest`` loads a process's themes and decisions and calls it. Where the sentence
embedding model is available (app/embeddings), ``suggest`` uses the hybrid of
hybrid.py instead: meanings and these word scores together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa

from ..comments import visible
from ..embeddings.model import current as current_model
from ..embeddings.services import vectors_of
from ..extensions import db
from ..models import Comment, Process, TagStatus, Theme, ThemeTag
from ..textmining import SUPPORTED, base_forms
from .explain import Reason, explain
from .hybrid import pick, rank_hybrid

#: Below this score a theme is not suggested: a comment such as "Thank you, a good
#: meeting!" shares a word or two with some theme by chance, not a topic. Measured
#: on the labelled Finnish fixture (tests/coding): such comments mostly stay under
#: 0.05, while the right theme of a real comment scores 0.15 as a median. Long
#: comments score lower (more words, same overlap), so a higher bar would leave
#: many real comments without any suggestion; a wrong one costs a keystroke.
MIN_SCORE = 0.05
#: A comment needs this many content words to get suggestions: in "En tiedä." one
#: word matches a theme's "tieto" and the tiny vector makes the score look high.
MIN_FORMS = 3
#: At most this many suggestions per comment, best first.
MAX_SUGGESTIONS = 3
#: How much the confirmed comments weigh beside the theme's own texts.
EXAMPLE_WEIGHT = 0.5
#: The confirmed comments compared: the closest few, so a broad theme with many
#: different comments is not averaged into vagueness.
CLOSEST_EXAMPLES = 3
#: Character n-gram lengths taken from each base form (compound words).
NGRAM_RANGE = (4, 5)


@dataclass(frozen=True)
class ThemeProfile:
    """What a theme is known by: its texts with their languages, and examples."""

    theme_id: int
    #: ``(text, language)`` pairs: title, description and keywords.
    texts: tuple[tuple[str, str], ...]
    #: Texts of comments a person has confirmed to this theme.
    examples: tuple[str, ...] = field(default_factory=tuple)


def features(forms: list[str]) -> list[str]:
    """The base forms and their character n-grams (with word-edge marks)."""
    low, high = NGRAM_RANGE
    out = list(forms)
    for form in forms:
        padded = f"<{form}>"
        for size in range(low, high + 1):
            out.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return out


def _profile_forms(profile: ThemeProfile) -> list[str]:
    forms: list[str] = []
    for text, lang in profile.texts:
        forms.extend(base_forms(text, lang if lang in SUPPORTED else "fi"))
    return forms


def rank(
    profiles: Iterable[ThemeProfile],
    comments: Mapping[int, str],
    *,
    lang: str = "fi",
    skip: Mapping[int, Iterable[int]] | None = None,
    min_score: float = MIN_SCORE,
    limit: int = MAX_SUGGESTIONS,
) -> dict[int, list[tuple[int, float]]]:
    """Score every theme for every comment; keep the best ``limit`` above ``min_score``.

    ``comments`` maps comment ids to their texts (in ``lang``); ``skip`` maps a
    comment id to themes not to suggest for it (already confirmed or rejected).
    Returns ``{comment_id: [(theme_id, score), ...]}`` best first, scores 0..1;
    every comment is in the result, with an empty list when nothing fits.
    """
    profiles = list(profiles)
    ids = list(comments)
    result: dict[int, list[tuple[int, float]]] = {cid: [] for cid in ids}
    if not profiles or not ids:
        return result
    comment_forms = [base_forms(comments[cid], lang) for cid in ids]
    theme_forms = [_profile_forms(p) for p in profiles]
    example_forms = [[base_forms(t, lang) for t in p.examples] for p in profiles]
    flat_examples = [forms for group in example_forms for forms in group]
    corpus = comment_forms + theme_forms + flat_examples
    if not any(corpus):
        return result
    # scikit-learn is imported when used, not with the app (see textmining.py).
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    matrix = TfidfVectorizer(analyzer=features, sublinear_tf=True).fit_transform(corpus)
    n_comments, n_themes = len(ids), len(profiles)
    scores = cosine_similarity(
        matrix[:n_comments], matrix[n_comments : n_comments + n_themes]
    )
    if flat_examples:
        example_sims = cosine_similarity(
            matrix[:n_comments], matrix[n_comments + n_themes :]
        )
        start = 0
        for column, group in enumerate(example_forms):
            if group:
                sims = example_sims[:, start : start + len(group)]
                closest = -np.sort(-sims, axis=1)[:, :CLOSEST_EXAMPLES]
                scores[:, column] += EXAMPLE_WEIGHT * closest.mean(axis=1)
                start += len(group)
    skip = skip or {}
    theme_ids = [profile.theme_id for profile in profiles]
    capped = np.minimum(scores, 1.0)
    for row, cid in enumerate(ids):
        if len(comment_forms[row]) < MIN_FORMS:
            continue
        result[cid] = pick(
            capped[row], theme_ids, skip.get(cid, ()), threshold=min_score, limit=limit
        )
    return result


# Loading from the database -------------------------------------------------------


def _theme_texts(theme: Theme, process: Process) -> tuple[tuple[str, str], ...]:
    texts = [(text, lang) for lang, text in (theme.title or {}).items() if text]
    texts += [(text, lang) for lang, text in (theme.description or {}).items() if text]
    keywords = ", ".join(
        word.strip() for word in (theme.keywords or "").split(",") if word.strip()
    )
    if keywords:
        texts.append((keywords, process.language))
    return tuple(texts)


def _confirmed_examples(process: Process) -> dict[int, list[tuple[int, str]]]:
    """Ids and texts of visible comments confirmed to each theme of the process."""
    rows = db.session.execute(
        sa.select(ThemeTag.theme_id, Comment.id, Comment.body)
        .join(Comment, Comment.id == ThemeTag.comment_id)
        .join(Theme, Theme.id == ThemeTag.theme_id)
        .where(
            Theme.process_id == process.id,
            ThemeTag.status == TagStatus.CONFIRMED,
            visible(),
        )
        .order_by(ThemeTag.id)
    )
    examples: dict[int, list[tuple[int, str]]] = {}
    for theme_id, comment_id, body in rows:
        examples.setdefault(theme_id, []).append((comment_id, body))
    return examples


def profiles_of(
    process: Process, examples: dict[int, list[tuple[int, str]]] | None = None
) -> list[ThemeProfile]:
    """The process's themes as profiles, with what people have confirmed so far."""
    if examples is None:
        examples = _confirmed_examples(process)
    return [
        ThemeProfile(
            theme_id=theme.id,
            texts=_theme_texts(theme, process),
            examples=tuple(body for _cid, body in examples.get(theme.id, ())),
        )
        for theme in process.themes
    ]


def decided_themes(comment_ids: list[int]) -> dict[int, set[int]]:
    """Themes a person has confirmed or rejected, per comment: not to suggest."""
    decided: dict[int, set[int]] = {cid: set() for cid in comment_ids}
    if not comment_ids:
        return decided
    rows = db.session.execute(
        sa.select(ThemeTag.comment_id, ThemeTag.theme_id).where(
            ThemeTag.comment_id.in_(comment_ids),
            ThemeTag.status.in_([TagStatus.CONFIRMED, TagStatus.REJECTED]),
        )
    )
    for comment_id, theme_id in rows:
        decided[comment_id].add(theme_id)
    return decided


def suggest(
    process: Process, comments: Iterable[Comment]
) -> dict[int, list[tuple[int, float]]]:
    """Suggested themes for the comments: ``{comment_id: [(theme_id, score)...]}``.

    Themes confirmed or rejected for a comment are left out; so is anything below
    ``MIN_SCORE``; at most ``MAX_SUGGESTIONS`` per comment, best first.
    """
    return suggest_explained(process, comments)[0]


def suggest_explained(
    process: Process, comments: Iterable[Comment]
) -> tuple[dict[int, list[tuple[int, float]]], dict[tuple[int, int], Reason]]:
    """The suggestions and, for each (comment, theme), why (explain.py)."""
    comments = list(comments)
    texts = {comment.id: comment.body or "" for comment in comments}
    examples = _confirmed_examples(process)
    profiles = profiles_of(process, examples)
    skip = decided_themes(list(texts))
    theme_texts = {p.theme_id: p.texts for p in profiles}
    embedder = current_model()
    vectors: dict = {}
    example_ids = {
        tid: [cid for cid, _body in pairs] for tid, pairs in examples.items()
    }
    if embedder is None:
        suggestions = rank(profiles, texts, lang=process.language, skip=skip)
    else:
        # Every theme's word score (the hybrid weighs them); the choice comes after.
        words = rank(
            profiles, texts, lang=process.language, min_score=0.0, limit=len(profiles)
        )
        vectors = vectors_of(
            list(texts) + [cid for ids in example_ids.values() for cid in ids],
            embedder.name,
        )
        suggestions = rank_hybrid(
            theme_ids=[p.theme_id for p in profiles],
            theme_texts=[[text for text, _lang in p.texts] for p in profiles],
            comment_vectors={cid: vectors[cid] for cid in texts if cid in vectors},
            example_vectors=[
                [
                    vectors[cid]
                    for cid in example_ids.get(p.theme_id, ())
                    if cid in vectors
                ]
                for p in profiles
            ],
            word_scores={cid: dict(pairs) for cid, pairs in words.items()},
            embedder=embedder,
            skip=skip,
            limit=MAX_SUGGESTIONS,
        )
    reasons = explain(
        suggestions,
        texts=texts,
        lang=process.language,
        theme_texts=theme_texts,
        comment_vectors={cid: vectors[cid] for cid in texts if cid in vectors},
        example_vectors={
            tid: [(cid, vectors[cid]) for cid in ids if cid in vectors]
            for tid, ids in example_ids.items()
        },
    )
    return suggestions, reasons
