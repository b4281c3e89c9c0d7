"""What the join pages promise matches what the app does (issue 15: texts that tell the truth)."""

import re

import pytest

from app.extensions import db
from app.models.groups import INVITE_CODE_LENGTH

OLD_PROMISE = {
    "fi": "nimesi näkyy sen vieressä",
    "sv": "med ditt namn bredvid",
    "en": "with yours beside it",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_code_page_gives_the_real_code_length(client, lang):
    """The hint names the real length, and its example has exactly that many characters in fours."""
    client.get(f"/language/{lang}")
    html = client.get("/join").get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert f"{INVITE_CODE_LENGTH} " in html
    example = re.search(r"((?:[A-Z0-9]{4} ){2,}[A-Z0-9]{4})", html)
    assert example, "the hint shows an example code"
    groups = example.group(1).split(" ")
    assert all(len(group) == 4 for group in groups)
    assert len("".join(groups)) == INVITE_CODE_LENGTH


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_join_page_does_not_promise_names_to_other_groups(client, world, lang):
    """Only the process's team sees a participant's name; the page says so, not more."""
    world.process.show_names = False
    db.session.commit()
    client.get(f"/language/{lang}")
    html = client.get(f"/join/{world.code}").get_data(as_text=True)
    assert OLD_PROMISE[lang] not in html
    words = {"fi": "fasilitaattorit", "sv": "facilitatorer", "en": "facilitators"}
    assert words[lang] in html
    also = {"fi": "yhteenvedoissa", "sv": "sammanfattningarna", "en": "summaries"}
    assert also[lang] not in html.split('name="display_name"')[0].split("<h1>")[1]


def test_join_page_says_when_names_are_shown_in_summaries(client, world):
    """A process that shows names in its exports says so before anyone joins."""
    world.process.show_names = True
    db.session.commit()
    client.get("/language/en")
    html = client.get(f"/join/{world.code}").get_data(as_text=True)
    assert "shows participants' names in its summaries and exports" in html
