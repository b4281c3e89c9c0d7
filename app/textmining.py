"""Words of Finnish, Swedish and English text as comparable base forms, and TF-IDF.

Used by the coding suggestions (which theme a comment speaks of) and by summaries (the
most central comments of a theme). simplemma lemmatises with its own dictionaries, so
nothing is downloaded at run time; scikit-learn does the TF-IDF and cosine similarity.
The dictionaries are read as simplemma's compressed streams, not unpacked into
Python dicts: about 60 MB for Finnish and Swedish instead of about 440 MB in every
process that lemmatises (a lookup is slower, and ``_lemma`` caches).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import StreamDictionaryFactory

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

SUPPORTED = ("fi", "sv", "en")

#: Very common words that carry no theme. Short on purpose: TF-IDF weighs down the
#: rest, and a long list would hide words such as "oppilas" that matter here.
STOPWORDS = {
    "fi": set(
        "ja tai sekä mutta että kun jos niin kuin myös vain jo ei eikä en et emme ette "
        "he hän me te se ne tämä nämä tuo ollut olla on ovat oli olivat olisi ole "
        "mikä mitä miten joka jotka jonka kuka voi voida pitää saada tulla tehdä "
        "meillä meidän meille meitä teillä teidän heidän sen sitä siitä siihen siinä "
        "niin nyt vielä aina jo paljon vähän hyvin kanssa kautta mukaan välillä".split()
    ),
    "sv": set(
        "och eller men att när om så som också bara redan inte vi ni de han hon den "
        "det denna dessa var är vara har hade ha kan ska skulle måste få göra vår "
        "våra vårt er era ert deras med för på i av till från om över under mycket".split()
    ),
    "en": set(
        "and or but that when if so as also only already not we you they he she it "
        "this these those was is are be been has have had can will would must get do "
        "our your their with for on in of to from about over under very much".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


_LEMMATIZER = simplemma.Lemmatizer(
    lemmatization_strategy=DefaultStrategy(dictionary_factory=StreamDictionaryFactory())
)


@lru_cache(maxsize=50_000)
def _lemma(word: str, lang: str) -> str:
    return _LEMMATIZER.lemmatize(word, lang=lang).lower()


def base_forms(text: str, lang: str = "fi") -> list[str]:
    """The text's words as lower-case base forms, without stop words and numbers."""
    lang = lang if lang in SUPPORTED else "fi"
    stop = STOPWORDS[lang]
    forms = []
    for match in _WORD.finditer(text or ""):
        word = match.group(0).lower()
        if word in stop:
            continue
        lemma = _lemma(word, lang)
        if lemma not in stop:
            forms.append(lemma)
    return forms


def with_pairs(words: list[str]) -> list[str]:
    """The words and each pair of neighbours ("yhteisöllinen työ")."""
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def vectorizer() -> TfidfVectorizer:
    """TF-IDF over pre-lemmatised words and word pairs, dampened term counts.
    (scikit-learn is imported here, not with the app: about 90 MB that a web
    worker which never mines text does not need.)"""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=with_pairs, sublinear_tf=True)


def similarity(
    queries: Sequence[str], documents: Sequence[str], lang: str = "fi"
) -> list[list[float]]:
    """Cosine similarity of every query text to every document text (0..1)."""
    if not queries or not documents:
        return [[0.0] * len(documents) for _ in queries]
    analysed = [base_forms(text, lang) for text in [*queries, *documents]]
    if not any(analysed):
        return [[0.0] * len(documents) for _ in queries]
    from sklearn.metrics.pairwise import cosine_similarity

    matrix = vectorizer().fit_transform(analysed)
    scores = cosine_similarity(matrix[: len(queries)], matrix[len(queries) :])
    return scores.tolist()


def most_central(texts: Sequence[str], k: int = 3, lang: str = "fi") -> list[int]:
    """Indexes of the ``k`` texts most similar to the others (the group's centre)."""
    if len(texts) <= k:
        return list(range(len(texts)))
    return by_centrality(texts, lang)[:k]


def by_centrality(texts: Sequence[str], lang: str = "fi") -> list[int]:
    """Every text's index, the most similar to the others first."""
    if len(texts) < 2:
        return list(range(len(texts)))
    scores = similarity(texts, texts, lang)
    centrality = [
        (sum(row) - row[index]) / (len(row) - 1) for index, row in enumerate(scores)
    ]
    return sorted(range(len(texts)), key=lambda index: (-centrality[index], index))
