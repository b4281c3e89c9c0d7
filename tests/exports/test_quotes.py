"""Quotes are sentences: the most central sentence or two of a theme's comments,
at most about 300 characters, with the way to the whole comment."""

from __future__ import annotations

from types import SimpleNamespace

from app.exports.quotes import (
    EXCERPT_MAX,
    central_excerpts,
    excerpt_of,
    sentences,
    shorten,
)


def comment(cid: int, body: str):
    return SimpleNamespace(id=cid, body=body)


LONG = (
    "Aluksi haluan kiittää järjestäjiä. "
    + "Tämä on pitkä taustoitus, joka ei liity mihinkään erityiseen asiaan. " * 30
    + "Kuraattorin vastaanotolle pääsee liian hitaasti, ja jonot venyvät viikkoihin. "
    + "Loppuun vielä terveisiä kaikille."
)


def test_sentences_split_at_ends_and_lines_and_drop_block_marks():
    text = "# Otsikko\n- Ensimmäinen kohta. Toinen lause!\n> Lainaus? Kyllä.\n1. Numero"
    assert sentences(text) == [
        "Otsikko",
        "Ensimmäinen kohta.",
        "Toinen lause!",
        "Lainaus?",
        "Kyllä.",
        "Numero",
    ]


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    text = "sana " * 100
    short = shorten(text.strip())
    assert len(short) <= EXCERPT_MAX and short.endswith("sana…")


def test_a_short_comment_is_quoted_whole():
    excerpt = excerpt_of(comment(1, "Lyhyt ja ytimekäs kommentti."), "fi")
    assert excerpt.text == "Lyhyt ja ytimekäs kommentti." and not excerpt.partial


def test_a_long_comment_gives_an_excerpt_of_at_most_300_characters():
    excerpt = excerpt_of(comment(1, LONG), "fi")
    assert excerpt.partial and len(excerpt.text) <= EXCERPT_MAX
    assert excerpt.text in LONG.replace("  ", " ") or excerpt.text.endswith("…")


def test_the_most_central_sentences_come_from_different_comments():
    comments = [
        comment(1, "Kuraattorin jonot ovat pitkät. Säätiedotus lupaa sadetta."),
        comment(
            2, "Jonot kuraattorille venyvät viikkoihin. Bussi oli myöhässä tänään."
        ),
        comment(3, "Kuraattorin jonot pitäisi saada lyhyemmiksi nopeasti. Kiitos."),
        comment(4, "Kahvi loppui kesken kokouksen, joten ostimme lisää."),
    ]
    picked = central_excerpts(comments, 2, "fi")
    assert len(picked) == 2
    assert len({e.comment.id for e in picked}) == 2
    assert all("jono" in e.text.lower() for e in picked)
    assert all(e.comment.id != 4 for e in picked)
