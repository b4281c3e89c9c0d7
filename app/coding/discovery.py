"""Theme discovery: grouping comments that talk about the same thing (pure numpy and
scikit-learn over vectors and texts; services_discovery.py loads and stores).

1. The comments' sentence embeddings are centred (e5 gives every text a large
   common component that hides the differences) and reduced to a few principal
   directions, then grouped by average-linkage clustering on cosine distance with a
   distance limit: the data decides how many groups there are, and a comment far
   from every other stays on its own.
2. Groups smaller than ``MIN_SIZE`` are not candidates: their comments stay
   ungrouped rather than forced into a group they do not fit.
3. Each candidate is named by its key words: the base forms (textmining.py) whose
   TF-IDF weight is highest inside the group compared with the rest, in the
   process's language; its comments are ordered by closeness to the group's centre,
   so the first two or three represent it.

The limits were chosen on the tune half of the evaluation set (docs/coding.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..textmining import base_forms

#: Fewer comments than this are not grouped: the page says so instead.
MIN_COMMENTS = 8
#: A candidate has at least this many comments.
MIN_SIZE = 3
#: Principal directions kept (fewer when there are fewer comments).
DIMENSIONS = 40
#: Cosine distance under which groups are joined (average linkage).
DISTANCE = 0.6
#: Key words in a candidate's name.
NAME_WORDS = 3
#: Common words that name nothing (pronouns, quantifiers, everyday verbs): the
#: lemmatiser's stop words (textmining.STOPWORDS) are only the shortest list.
NOT_KEYWORDS = {
    "fi": set(
        "kaikki mikään kukaan joku jokin minä sinä hän me te he mä sä kerta kerran "
        "asia juttu tapa tehdä saada käydä kertoa toivoa tietää sanoa ajatella ihan "
        "aika hyvä paljon liian enemmän vähemmän jotenkin oikeasti yksi kaksi".split()
    ),
    "sv": set(
        "alla allt någon något ingen inget jag du vi ni man sak gång saker göra "
        "få säga tycka veta bra mycket lite mer mindre en ett två".split()
    ),
    "en": set(
        "all any anyone someone nothing i you we thing things time make get say "
        "think know good lot more less one two really".split()
    ),
}


@dataclass(frozen=True)
class Group:
    #: Indexes into the input, closest to the group's centre first.
    members: tuple[int, ...]
    keywords: tuple[str, ...]


def _reduced(vectors: np.ndarray) -> np.ndarray:
    from sklearn.decomposition import PCA  # not with the app: see textmining.py

    centred = vectors - vectors.mean(axis=0)
    dims = min(DIMENSIONS, len(vectors) - 1, vectors.shape[1])
    reduced = PCA(n_components=dims, random_state=0).fit_transform(centred)
    norms = np.linalg.norm(reduced, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return reduced / norms


class _KeyWords:
    """Key words of groups of the same texts: the texts are lemmatised and weighed
    (TF-IDF) once, then each group's words are contrasted with the rest."""

    def __init__(self, texts: Sequence[str], lang: str):
        skip = NOT_KEYWORDS.get(lang, set())
        forms = [
            [
                form
                for form in base_forms(text, lang)
                if form not in skip and len(form) > 3
            ]
            for text in texts
        ]
        self.empty = not any(forms)
        if self.empty:
            return
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(analyzer=lambda words: words, sublinear_tf=True)
        self.weights = vectorizer.fit_transform(forms).tocsr()
        self.names = vectorizer.get_feature_names_out()
        self.total = np.asarray(self.weights.sum(axis=0)).ravel()
        self.n = len(texts)

    def of(self, members: list[int]) -> tuple[str, ...]:
        if self.empty:
            return ()
        inside = self.weights[members]
        inside_sum = np.asarray(inside.sum(axis=0)).ravel()
        rest = self.n - len(members)
        outside = (self.total - inside_sum) / rest if rest else 0.0
        contrast = inside_sum / len(members) - outside
        # A key word must come up in at least two of the group's comments.
        present = np.asarray((inside > 0).sum(axis=0)).ravel()
        contrast[present < min(2, len(members))] = -np.inf
        best = np.argsort(-contrast, kind="stable")[:NAME_WORDS]
        return tuple(
            str(self.names[i])
            for i in best
            if np.isfinite(contrast[i]) and contrast[i] > 0
        )


def discover(vectors: np.ndarray, texts: Sequence[str], lang: str) -> list[Group]:
    """Candidate groups among the comments, biggest first; [] when there are fewer
    than MIN_COMMENTS or no group reaches MIN_SIZE."""
    if len(vectors) < MIN_COMMENTS:
        return []
    from sklearn.cluster import AgglomerativeClustering

    reduced = _reduced(np.asarray(vectors, dtype=np.float32))
    labels = AgglomerativeClustering(
        n_clusters=None, distance_threshold=DISTANCE, metric="cosine", linkage="average"
    ).fit_predict(reduced)
    keywords = _KeyWords(texts, lang)
    groups = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < MIN_SIZE:
            continue
        centre = reduced[members].mean(axis=0)
        closeness = reduced[members] @ centre
        ordered = [int(i) for i in members[np.argsort(-closeness, kind="stable")]]
        groups.append(Group(tuple(ordered), keywords.of(ordered)))
    groups.sort(key=lambda g: (-len(g.members), g.members[0]))
    return groups


def discover_comments(comments: Sequence, vectors: dict, lang: str) -> list[Group]:
    """:func:`discover` over comments (or a wall's notes) by their stored vectors
    (``vectors[comment.id]``); a group's members are positions in ``comments``."""
    return discover(
        np.stack([vectors[c.id] for c in comments]), [c.body for c in comments], lang
    )
