"""The labelled evaluation set of theme suggestions (evaluation/themes/) is well formed
and frozen.

The set was written before any tuning and its heldout half is never used for tuning;
FROZEN.sha256 holds the SHA-256 of its two files, so a change to a comment, a label or
the split fails here instead of passing silently (see evaluation/themes/README.md).
Plain file checks: no app, no database.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

SET = Path(__file__).resolve().parents[2] / "evaluation" / "themes"
LANGS = ("fi", "sv", "en")
SPLITS = ("tune", "heldout")
KEYS = {"id", "lang", "text", "themes", "split", "author"}


@pytest.fixture(autouse=True)
def english_pages():
    """Overrides tests/coding/conftest.py's autouse fixture: these checks need no app."""
    yield


def load_themes() -> list[dict]:
    return tomllib.loads((SET / "themes.toml").read_text(encoding="utf-8"))["themes"]


def load_comments() -> list[dict]:
    lines = (SET / "comments.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_files_are_frozen():
    """comments.jsonl and themes.toml are byte for byte what FROZEN.sha256 records."""
    frozen = {}
    for line in (SET / "FROZEN.sha256").read_text(encoding="ascii").splitlines():
        digest, name = line.split(maxsplit=1)
        frozen[name.lstrip("*")] = digest
    assert set(frozen) == {"comments.jsonl", "themes.toml"}
    for name, digest in frozen.items():
        actual = hashlib.sha256((SET / name).read_bytes()).hexdigest()
        assert actual == digest, f"{name} changed after it was frozen"


def test_themes_parse():
    themes = load_themes()
    assert [t["position"] for t in themes] == list(range(1, 13))
    for theme in themes:
        for field in ("title", "description"):
            assert set(theme[field]) == set(LANGS)
            assert all(isinstance(v, str) and v.strip() for v in theme[field].values())


def test_every_comment_is_well_formed():
    comments = load_comments()
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


def test_the_counts_the_set_promises():
    comments = load_comments()

    def count(lang, labelled):
        return sum(
            1 for c in comments if c["lang"] == lang and bool(c["themes"]) == labelled
        )

    assert (
        count("fi", True) >= 170 and count("sv", True) >= 50 and count("en", True) >= 20
    )
    assert count("fi", False) >= 20 and count("sv", False) >= 6
    for pos in range(1, 13):
        assert (
            sum(1 for c in comments if c["lang"] == "fi" and pos in c["themes"]) >= 10
        )
        assert sum(1 for c in comments if c["lang"] == "sv" and pos in c["themes"]) >= 3


def test_both_halves_hold_every_theme_and_language():
    comments = load_comments()
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


def test_most_comments_avoid_their_themes_title_words():
    """At least 70 % of the labelled comments use no content word of their themes'
    titles (the check of evaluation/themes/stats.py)."""
    spec = importlib.util.spec_from_file_location("themes_stats", SET / "stats.py")
    stats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stats)
    themes, comments = load_themes(), load_comments()
    labelled = [c for c in comments if c["themes"]]
    free = [c for c in labelled if not stats.uses_title(c, themes)]
    assert len(free) / len(labelled) >= 0.70
