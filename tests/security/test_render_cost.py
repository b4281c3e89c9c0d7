"""Rendering cost (issue 16): no text a participant may post costs more than ten
plain comments of its length to render as Markdown (about 100 ms), whatever it holds,
and no text of any length costs more than linear time. Short runs of punctuation used to cost seconds (brackets in the link
search, parentheses and hyphens in bleach's address search, thousands of short lines
in one block) and a line of nested list markers was a RecursionError."""

from __future__ import annotations

import time

import pytest

from app.models.comments import COMMENT_MAX_LENGTH
from app.text import MAX_NESTING, render_markdown

PUNCTUATION = "*_[]`<>&!\\()#-+=|~^\"':;.,@$%{}/"


def adversarial(length: int) -> dict[str, str]:
    """Texts built to make a Markdown renderer or a linkifier backtrack."""
    texts = {}
    for ch in PUNCTUATION + "\n ":
        texts[f"run {ch!r}"] = ch * length
        texts[f"{ch!r} and a letter"] = (ch + "x") * length
        texts[f"{ch!r} and a space"] = (ch + " ") * length
        texts[f"{ch!r} on lines"] = (ch + "\n") * length
        texts[f"{ch!r} nested"] = (ch + "a") * (length // 4) + ("a" + ch) * length
    for opener in ["[", "![", "(", "<", "*", "_", "`"]:
        for closer in ["]", ")", ">", "*", "_", "`"]:
            texts[f"pairs {opener}{closer}"] = (opener + "x" + closer) * length
            texts[f"{opener}... then {closer}..."] = (
                opener * (length // 2) + closer * length
            )
    texts |= {
        "unclosed links": "[x](" * length,
        "unclosed images": "![x](" * length,
        "setext headings": "a\n=\n" * length,
        "nested quotes and lists": "> - + 1. " * length,
        "tags": "<div>" * length,
        "comments": "<!--" * length,
        "addresses": "www." * length,
        "mail": "a@b." * length,
        "entities": "&#" * length,
        "references": "[a]: " * length,
        "escaped backslashes before brackets": "\\\\[" * length,
        "escaped brackets": "\\[x\\]" * length,
    }
    return {name: text[:length] for name, text in texts.items()}


def cpu_ms(text: str, tries: int = 3) -> float:
    """The best of ``tries`` renderings, in CPU milliseconds (the machines are shared)."""
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        render_markdown(text)
        best = min(best, time.process_time() - start)
    return best * 1000


#: A comment as people write them: a little emphasis, a link, a list.
PLAIN_COMMENT = (
    "Oppilashuollon yhteistyö toimii, kun *kaikki* tietävät roolinsa. Kuraattori ja "
    "terveydenhoitaja tapaavat viikoittain, ja [suunnitelma](https://example.fi/a) on "
    "kaikkien luettavissa.\n\n- yksi kohta\n- toinen kohta\n\n"
)

#: How many times a plain comment's cost the worst text of the same length may take.
#: A plain 4,000-character comment takes about 9 ms, so this is the "under 100 ms" of
#: issue 16 measured against the machine itself (bench/render_cost.py reports the ms).
WORST_TO_PLAIN = 10


@pytest.mark.timing
def test_no_participant_text_costs_more_than_ten_plain_comments():
    """Every adversarial text of a comment's maximum length renders in at most ten
    times the time of a plain comment of that length (a ratio, not milliseconds:
    the machines are shared and their speed varies)."""
    plain = cpu_ms((PLAIN_COMMENT * 100)[:COMMENT_MAX_LENGTH])
    slow = {
        name: round(ms / plain, 1)
        for name, text in adversarial(COMMENT_MAX_LENGTH).items()
        if (ms := cpu_ms(text)) > WORST_TO_PLAIN * plain
    }
    assert slow == {}, f"times a plain comment ({plain:.1f} ms): {slow}"


@pytest.mark.timing
@pytest.mark.parametrize("name", sorted(adversarial(16)))
def test_cost_grows_linearly_with_length(name):
    """Four times the text costs at most about four times the time (not sixteen):
    the 10,000- and 20,000-character fields stay in proportion."""
    short = adversarial(2_500)[name]
    long = adversarial(10_000)[name]

    def ratio(tries: int) -> float:
        return cpu_ms(long, tries) / max(cpu_ms(short, tries), 2.0)

    # Linear is 4, quadratic 16. A shared machine's hiccup can push a linear text
    # past 8 once ("pairs **" measured 5.1 alone and 8.1 in a CI run): a text over
    # the line is measured again, longer, and fails only if it stays there.
    measured = ratio(3)
    if measured >= 8:
        measured = min(measured, ratio(7))
    assert measured < 8, f"{name}: {measured:.1f} times slower for four times the text"


def test_deep_nesting_is_text_not_an_error():
    """A line of a thousand list markers renders (the markers past the limit as text)."""
    html = str(render_markdown("+ " * 1000 + "end"))
    assert html.count("<ul>") == MAX_NESTING and "end" in html


def test_links_and_brackets_still_work():
    """Escaping stray brackets keeps real links, and plain brackets show as typed."""
    html = str(render_markdown("See [the plan](https://example.fi/plan) [draft] (v2)."))
    assert (
        '<a href="https://example.fi/plan" rel="nofollow noopener">the plan</a>' in html
    )
    assert "[draft] (v2)." in html
    assert "(<a" not in str(render_markdown("(www.example.fi)"))[:4]
