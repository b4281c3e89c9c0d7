"""Counts and the title-word check of a theme evaluation set (read-only).

    python evaluation/themes/stats.py            # a Markdown report
    python evaluation/themes/stats.py --list     # also the comments that use title words
    python evaluation/themes/stats.py --similar  # also the most alike pairs of texts
    python evaluation/themes/stats.py --set themes_b  # the second set (evaluation/themes_b/)

``--set`` names the set's directory under evaluation/ (default ``themes``, the first
set); every set has the same two files, themes.toml and comments.jsonl.

The title-word check: a theme title's content words are its words of five or more
letters (lowercased, split at anything that is not a letter or digit) other than the
few function words in STOP; each is cut to its first max(5, len - 3) letters (a crude
stem that drops most inflection endings); a comment "uses the title" when any of its
words starts with such a stem of the title, in the comment's language, of any theme
it is labelled with. Comments without themes are left out of the share. The report
also gives the share under a blunter rule (every title word cut to five letters).
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: evaluation/: each set is a directory in it.
SETS = HERE.parent
DEFAULT_SET = "themes"

#: Function words of five or more letters in the titles (not content words).
STOP = {
    "fi": {"mukaiseen", "välillä", "erilaisten", "osaksi"},
    "sv": {"mellan", "enligt", "olika"},
    "en": {"between", "under", "various", "their", "about"},
}

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def stems(title: str, lang: str, flat: bool = False) -> list[str]:
    """The title's content words cut to max(5, len - 3) letters (``flat``: to 5)."""
    out = []
    for w in words(title):
        if len(w) >= 5 and w not in STOP[lang]:
            out.append(w[:5] if flat else w[: max(5, len(w) - 3)])
    return out


def uses_title(comment: dict, themes: list[dict], flat: bool = False) -> list[str]:
    """The comment's words that start with a title stem of one of its themes.

    ``flat`` cuts every title word to its first five letters instead: a much blunter
    check, which also counts e.g. "oppilas" as the title's "oppilaitoksen", "tieto"
    as "tietosuoja" and "alueen" as "alueellinen"; reported beside the main one.
    """
    lang = comment["lang"]
    hits = []
    cwords = words(comment["text"])
    for pos in comment["themes"]:
        for stem in stems(themes[pos - 1]["title"][lang], lang, flat):
            hits += [w for w in cwords if w.startswith(stem)]
    return sorted(set(hits))


def grams(text: str, n: int = 5) -> set[str]:
    text = " ".join(text.lower().split())
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def most_alike(
    comments: list[dict], themes: list[dict]
) -> list[tuple[float, str, str]]:
    """Pairs of comments, and comments against theme titles and descriptions, most alike first."""
    texts = [(c["id"], grams(c["text"])) for c in comments]
    refs = [
        (f"theme {i} {field} {lang}", grams(t[field][lang]))
        for i, t in enumerate(themes, 1)
        for field in ("title", "description")
        for lang in ("fi", "sv", "en")
    ]
    out = []
    for i, (a, ga) in enumerate(texts):
        for b, gb in texts[i + 1 :] + refs:
            out.append((len(ga & gb) / len(ga | gb), a, b))
    return sorted(out, reverse=True)


def set_dir(name: str = DEFAULT_SET) -> Path:
    """The directory of the set called ``name`` (a directory name under evaluation/)."""
    path = SETS / name
    if name != path.name or not (path / "comments.jsonl").is_file():
        raise SystemExit(f"no evaluation set {name!r} in {SETS}")
    return path


def load(name: str = DEFAULT_SET):
    directory = set_dir(name)
    themes = tomllib.loads((directory / "themes.toml").read_text(encoding="utf-8"))[
        "themes"
    ]
    lines = (directory / "comments.jsonl").read_text(encoding="utf-8").splitlines()
    comments = [json.loads(line) for line in lines if line.strip()]
    return themes, comments


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        default=DEFAULT_SET,
        help="the set's directory under evaluation/ (default: %(default)s)",
    )
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--similar", action="store_true")
    args = parser.parse_args(argv)
    themes, comments = load(args.set)
    langs = ["fi", "sv", "en"]
    print(
        "| language | comments | with themes | two themes | no theme | tune | heldout |"
    )
    print("|---|---|---|---|---|---|---|")
    for lang in langs + ["all"]:
        cs = [c for c in comments if lang in ("all", c["lang"])]
        print(
            f"| {lang} | {len(cs)} | {sum(1 for c in cs if c['themes'])} "
            f"| {sum(1 for c in cs if len(c['themes']) == 2)} "
            f"| {sum(1 for c in cs if not c['themes'])} "
            f"| {sum(1 for c in cs if c['split'] == 'tune')} "
            f"| {sum(1 for c in cs if c['split'] == 'heldout')} |"
        )
    print()
    print("Comments per theme (first or second label), tune / heldout:")
    print()
    print("| theme | fi | sv | en | first label (all) | all |")
    print("|---|---|---|---|---|---|")
    for pos in range(1, 13):
        cells = []
        for lang in langs:
            t = sum(
                1
                for c in comments
                if c["lang"] == lang and pos in c["themes"] and c["split"] == "tune"
            )
            h = sum(
                1
                for c in comments
                if c["lang"] == lang and pos in c["themes"] and c["split"] == "heldout"
            )
            cells.append(f"{t + h} ({t}/{h})")
        first = sum(1 for c in comments if c["themes"][:1] == [pos])
        total = sum(1 for c in comments if pos in c["themes"])
        print(f"| {pos} | " + " | ".join(cells) + f" | {first} | {total} |")
    print()
    labelled = [c for c in comments if c["themes"]]
    using = [c for c in labelled if uses_title(c, themes)]
    print("Share of labelled comments with no content word of their themes' titles:")
    print()
    for lang in langs + ["all"]:
        cs = [c for c in labelled if lang in ("all", c["lang"])]
        free = sum(1 for c in cs if not uses_title(c, themes))
        print(f"- {lang}: {free}/{len(cs)} = {free / len(cs):.1%}")
    print()
    print("The same with every title word cut to its first five letters (blunter):")
    print()
    for lang in langs + ["all"]:
        cs = [c for c in labelled if lang in ("all", c["lang"])]
        free = sum(1 for c in cs if not uses_title(c, themes, flat=True))
        print(f"- {lang}: {free}/{len(cs)} = {free / len(cs):.1%}")
    by_theme = Counter()
    for c in using:
        for p in c["themes"]:
            by_theme[p] += 1
    print()
    print(
        "Labelled comments using a title word, per theme:",
        dict(sorted(by_theme.items())),
    )
    if args.similar:
        print()
        print("Most alike pairs (Jaccard similarity of character 5-grams):")
        for score, a, b in most_alike(comments, themes)[:10]:
            print(f"- {score:.2f} {a} ~ {b}")
    if args.list:
        print()
        for c in using:
            print(c["id"], c["themes"], uses_title(c, themes))


if __name__ == "__main__":
    main()
