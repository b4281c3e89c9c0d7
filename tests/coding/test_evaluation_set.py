"""The labelled evaluation sets of theme suggestions (evaluation/themes/ and
evaluation/themes_b/) are well formed and frozen, and hold what their READMEs promise.

Each set was written before any tuning and its heldout half is never used for tuning;
its FROZEN.sha256 holds the SHA-256 of its two files, so a change to a comment, a label
or the split fails here instead of passing silently (see each set's README.md). The
checks are the same for both sets; what differs is the counts each set promises.
Plain file checks: no app, no database.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

EVALUATION = Path(__file__).resolve().parents[2] / "evaluation"
LANGS = ("fi", "sv", "en")
SPLITS = ("tune", "heldout")
KEYS = {"id", "lang", "text", "themes", "split", "author"}


@dataclass(frozen=True)
class Promise:
    """What a set's README promises; an empty mapping promises nothing there."""

    #: language -> at least this many comments in all
    comments: dict[str, int] = field(default_factory=dict)
    #: language -> at least this many comments with a theme
    labelled: dict[str, int] = field(default_factory=dict)
    #: language -> at least this many comments about no theme
    no_theme: dict[str, int] = field(default_factory=dict)
    #: language -> the comments about no theme are at most this share of all
    no_theme_at_most: dict[str, float] = field(default_factory=dict)
    #: language -> every theme is a label (first or second) of at least this many
    per_theme: dict[str, int] = field(default_factory=dict)
    #: the share of labelled comments with two themes lies in this range, if given
    two_themes: tuple[float, float] | None = None
    #: at least this share of the labelled comments avoid their titles' words ...
    title_free: float = 0.70
    #: ... and in each language too, if true
    title_free_each_language: bool = False
    #: the split is the rule of the README: in id order, within each first label
    #: ("no theme" counting as one), the comments alternate between the halves
    stratified_split: bool = False


SETS = {
    # The first set; its counts as they were promised when it was frozen.
    "themes": Promise(
        labelled={"fi": 170, "sv": 50, "en": 20},
        no_theme={"fi": 20, "sv": 6},
        per_theme={"fi": 10, "sv": 3},
    ),
    # The second set, written in session 8 (2026-12-07) before any tuning.
    "themes_b": Promise(
        comments={"fi": 200, "sv": 80, "en": 30},
        labelled={"fi": 180, "sv": 72, "en": 27},
        no_theme={"fi": 18, "sv": 8, "en": 3},
        no_theme_at_most={"fi": 0.15, "sv": 0.15, "en": 0.15},
        per_theme={"fi": 12, "sv": 4},
        two_themes=(0.20, 0.30),
        title_free_each_language=True,
        stratified_split=True,
    ),
}

every_set = pytest.mark.parametrize("name", list(SETS))


@pytest.fixture(autouse=True)
def english_pages():
    """Overrides tests/coding/conftest.py's autouse fixture: these checks need no app."""
    yield


def load_themes(name: str) -> list[dict]:
    text = (EVALUATION / name / "themes.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["themes"]


def load_comments(name: str) -> list[dict]:
    lines = (EVALUATION / name / "comments.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in lines.splitlines()]


@every_set
def test_the_files_are_frozen(name):
    """comments.jsonl and themes.toml are byte for byte what FROZEN.sha256 records."""
    directory = EVALUATION / name
    frozen = {}
    for line in (directory / "FROZEN.sha256").read_text(encoding="ascii").splitlines():
        digest, filename = line.split(maxsplit=1)
        frozen[filename.lstrip("*")] = digest
    assert set(frozen) == {"comments.jsonl", "themes.toml"}
    for filename, digest in frozen.items():
        actual = hashlib.sha256((directory / filename).read_bytes()).hexdigest()
        assert actual == digest, f"{name}/{filename} changed after it was frozen"


@every_set
def test_themes_parse(name):
    themes = load_themes(name)
    assert [t["position"] for t in themes] == list(range(1, 13))
    for theme in themes:
        for part in ("title", "description"):
            assert set(theme[part]) == set(LANGS)
            assert all(isinstance(v, str) and v.strip() for v in theme[part].values())


@every_set
def test_every_set_has_the_same_themes(name):
    """A later set keeps the first set's themes, byte for byte, so that figures on
    the sets can be put side by side."""
    assert (EVALUATION / name / "themes.toml").read_bytes() == (
        EVALUATION / "themes" / "themes.toml"
    ).read_bytes()


@every_set
def test_every_comment_is_well_formed(name):
    comments = load_comments(name)
    for c in comments:
        assert set(c) == KEYS, c
        assert c["lang"] in LANGS, c
        assert re.fullmatch(rf"{c['lang']}-\d{{3}}", c["id"]), c
        assert (
            isinstance(c["text"], str) and c["text"].strip() == c["text"] and c["text"]
        ), c
        assert isinstance(c["author"], str) and c["author"].strip(), c
        assert c["split"] in SPLITS, c
        labels = c["themes"]
        assert isinstance(labels, list) and len(labels) <= 2, c
        assert all(type(p) is int and 1 <= p <= 12 for p in labels), c
        assert len(set(labels)) == len(labels), c
    ids = [c["id"] for c in comments]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    texts = [c["text"] for c in comments]
    assert len(texts) == len(set(texts))


@every_set
def test_the_counts_the_set_promises(name):
    promise = SETS[name]
    comments = load_comments(name)

    def own(lang):
        return [c for c in comments if c["lang"] == lang]

    def count(lang, labelled):
        return sum(1 for c in own(lang) if bool(c["themes"]) == labelled)

    for lang, least in promise.comments.items():
        assert len(own(lang)) >= least, (lang, len(own(lang)))
    for lang, least in promise.labelled.items():
        assert count(lang, True) >= least, (lang, count(lang, True))
    for lang, least in promise.no_theme.items():
        assert count(lang, False) >= least, (lang, count(lang, False))
    for lang, most in promise.no_theme_at_most.items():
        assert count(lang, False) <= most * len(own(lang)), (lang, count(lang, False))
    for lang, least in promise.per_theme.items():
        for pos in range(1, 13):
            n = sum(1 for c in own(lang) if pos in c["themes"])
            assert n >= least, (lang, pos, n)
    if promise.two_themes:
        low, high = promise.two_themes
        labelled = [c for c in comments if c["themes"]]
        two = sum(1 for c in labelled if len(c["themes"]) == 2)
        assert low <= two / len(labelled) <= high, (two, len(labelled))


@every_set
def test_both_halves_hold_every_theme_and_language(name):
    comments = load_comments(name)
    for lang in LANGS:
        own = [c for c in comments if c["lang"] == lang]
        halves = Counter(c["split"] for c in own)
        assert abs(halves["tune"] - halves["heldout"]) <= 1, (lang, halves)
        for pos in range(1, 13):
            for split in SPLITS:
                assert any(pos in c["themes"] and c["split"] == split for c in own), (
                    lang,
                    pos,
                    split,
                )
        if lang in ("fi", "sv"):
            for split in SPLITS:
                assert any(not c["themes"] and c["split"] == split for c in own), (
                    lang,
                    split,
                )


@pytest.mark.parametrize(
    "name", [name for name, promise in SETS.items() if promise.stratified_split]
)
def test_the_split_follows_the_readme(name):
    """Where the README says so (themes_b; the first set was split by another rule):
    in id order, the comments of each first label (and those about no theme) alternate
    between the halves, so each half holds about half of every theme; each group
    starts with the half that is behind in its language."""
    comments = load_comments(name)
    for lang in LANGS:
        own = sorted((c for c in comments if c["lang"] == lang), key=lambda c: c["id"])
        groups: dict[int, list[str]] = {}
        for c in own:
            groups.setdefault(c["themes"][0] if c["themes"] else 0, []).append(
                c["split"]
            )
        count = Counter()
        for key in sorted(groups):
            splits = groups[key]
            first = "tune" if count["tune"] <= count["heldout"] else "heldout"
            other = "heldout" if first == "tune" else "tune"
            expected = [first if i % 2 == 0 else other for i in range(len(splits))]
            assert splits == expected, (lang, key)
            count.update(splits)


@every_set
def test_most_comments_avoid_their_themes_title_words(name):
    """At least 70 % of the labelled comments use no content word of their themes'
    titles (the check of evaluation/themes/stats.py)."""
    spec = importlib.util.spec_from_file_location(
        "themes_stats", EVALUATION / "themes" / "stats.py"
    )
    stats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stats)
    promise = SETS[name]
    themes, comments = load_themes(name), load_comments(name)
    labelled = [c for c in comments if c["themes"]]
    free = [c for c in labelled if not stats.uses_title(c, themes)]
    assert len(free) / len(labelled) >= promise.title_free
    if promise.title_free_each_language:
        for lang in LANGS:
            own = [c for c in labelled if c["lang"] == lang]
            own_free = [c for c in free if c["lang"] == lang]
            assert len(own_free) / len(own) >= promise.title_free, lang
