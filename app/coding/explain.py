"""Why a theme is suggested, in words a facilitator can check at a glance.

Each suggestion gets a strength, *strong* or *possible*, and its reasons: the words
the comment shares with the theme's texts (by base form, compound parts included:
"tietosuojasta" meets "tietosuoja") and, where the theme has confirmed comments and
the comment an embedding, the confirmed comment closest to it.

A suggestion is strong when its score reaches the bar of the method that made it:
on the tune half of the evaluation set (docs/coding.md) 81 % of hybrid suggestions
at or above 0.04 were right (39 % of all above the suggestion threshold), while no
bar of the word-only score reached 80 % (0.25 gave 60 %), so word-only suggestions
are rarely called strong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..models import SuggestionStrength
from ..textmining import SUPPORTED, base_forms

STRONG_HYBRID = 0.04
STRONG_WORDS = 0.25
#: Words shown as a reason, at most.
REASON_WORDS = 3
#: A shorter form is not matched inside a compound ("tieto" would meet everything).
MIN_PART = 5


@dataclass(frozen=True)
class Reason:
    strength: SuggestionStrength
    words: tuple[str, ...] = ()
    #: The confirmed comment of the theme closest to this one, if any.
    comment_id: int | None = None


def strength(score: float, *, semantic: bool) -> SuggestionStrength:
    bar = STRONG_HYBRID if semantic else STRONG_WORDS
    return SuggestionStrength.STRONG if score >= bar else SuggestionStrength.POSSIBLE


def shared_words(
    text: str, lang: str, theme_texts: Iterable[tuple[str, str]]
) -> tuple[str, ...]:
    """The comment's base forms that meet a base form of the theme's texts, whole or
    as part of a compound, in the comment's order."""
    theme_forms = set()
    for theme_text, theme_lang in theme_texts:
        theme_forms.update(
            base_forms(theme_text, theme_lang if theme_lang in SUPPORTED else "fi")
        )
    found: list[str] = []
    for form in base_forms(text, lang):
        if form in found:
            continue
        if form in theme_forms or any(
            len(part) >= MIN_PART and (part in form or form in part)
            for part in theme_forms
            if len(form) >= MIN_PART
        ):
            found.append(form)
        if len(found) == REASON_WORDS:
            break
    return tuple(found)


def closest_example(
    vector: np.ndarray | None, examples: Sequence[tuple[int, np.ndarray]]
) -> int | None:
    if vector is None or not examples:
        return None
    similarities = [float(vector @ example) for _cid, example in examples]
    return examples[int(np.argmax(similarities))][0]


def explain(
    suggestions: Mapping[int, Sequence[tuple[int, float]]],
    *,
    texts: Mapping[int, str],
    lang: str,
    theme_texts: Mapping[int, Sequence[tuple[str, str]]],
    comment_vectors: Mapping[int, np.ndarray],
    example_vectors: Mapping[int, Sequence[tuple[int, np.ndarray]]],
) -> dict[tuple[int, int], Reason]:
    """A reason for every (comment, theme) suggested."""
    reasons = {}
    for cid, ranked in suggestions.items():
        vector = comment_vectors.get(cid)
        for theme_id, score in ranked:
            reasons[(cid, theme_id)] = Reason(
                strength=strength(score, semantic=vector is not None),
                words=shared_words(texts[cid], lang, theme_texts.get(theme_id, ())),
                comment_id=closest_example(vector, example_vectors.get(theme_id, ())),
            )
    return reasons
