"""Quotes of a theme's comments: their most central sentences, not whole comments.

A summary, a memo or a proposal draft quotes a sentence or two (at most about
EXCERPT_MAX characters) from each of a theme's most central comments, and refers to
the whole comment. The sentences of all the theme's comments are compared with
each other (TF-IDF over base forms, textmining.most_central); the best ones, each
from a different comment, are taken, and a short one is joined by the sentence
after it when both fit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Comment
from ..textmining import by_centrality, most_central

EXCERPT_MAX = 300
#: Shorter "sentences" (a greeting, a heading) are not quoted on their own.
SENTENCE_MIN = 25
#: Within a line, a sentence ends at . ! ? or … followed by a space and a capital,
#: a digit or a quotation mark (lines are Markdown paragraphs and list items).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"'”»(\[A-ZÅÄÖ0-9])")
#: Markdown block marks at a line's start: headings, quotes, list items.
_BLOCK_MARK = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")


@dataclass(frozen=True)
class Excerpt:
    comment: Comment
    text: str
    #: False when the excerpt is the whole comment.
    partial: bool


def sentences(text: str) -> list[str]:
    """The text's sentences: line by line (without Markdown block marks), then at
    sentence ends."""
    out = []
    for line in text.splitlines():
        line = _BLOCK_MARK.sub("", line).strip()
        out += [part.strip() for part in _SENTENCE_END.split(line) if part.strip()]
    return out


def shorten(text: str, limit: int = EXCERPT_MAX) -> str:
    """At most ``limit`` characters, cut at a word with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def _excerpt(parts: list[str], index: int) -> str:
    text = parts[index]
    if index + 1 < len(parts) and len(text) + 1 + len(parts[index + 1]) <= EXCERPT_MAX:
        text = f"{text} {parts[index + 1]}"
    return shorten(text)


def excerpt_of(comment: Comment, lang: str) -> Excerpt:
    """One comment's own most central sentence or two (a chosen quote that is long)."""
    whole = comment.body.strip()
    if len(whole) <= EXCERPT_MAX:
        return Excerpt(comment, whole, partial=False)
    parts = sentences(whole)
    candidates = [i for i, p in enumerate(parts) if len(p) >= SENTENCE_MIN] or [0]
    best = most_central([parts[i] for i in candidates], 1, lang)[0]
    return Excerpt(comment, _excerpt(parts, candidates[best]), partial=True)


def central_excerpts(comments: Sequence[Comment], k: int, lang: str) -> list[Excerpt]:
    """The ``k`` most central sentences of the comments, each from another comment."""
    pool: list[tuple[Comment, list[str], int]] = []
    for comment in comments:
        parts = sentences(comment.body.strip())
        pool += [
            (comment, parts, i) for i, p in enumerate(parts) if len(p) >= SENTENCE_MIN
        ]
    if not pool:
        return [excerpt_of(c, lang) for c in list(comments)[:k]]
    ranked = by_centrality([parts[i] for _c, parts, i in pool], lang)
    chosen: list[Excerpt] = []
    seen: set[int] = set()
    for index in ranked:
        comment, parts, i = pool[index]
        if comment.id in seen:
            continue
        seen.add(comment.id)
        text = _excerpt(parts, i)
        chosen.append(Excerpt(comment, text, partial=text != comment.body.strip()))
        if len(chosen) == k:
            break
    return chosen
