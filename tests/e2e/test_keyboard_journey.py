"""The journey with the keyboard alone: no click, no mouse. Links and buttons are
reached with Tab (and Shift+Tab), fields filled by typing, selects moved with the
arrow keys, boxes ticked with Space, forms sent with Enter. Every element that gets
focus must show a visible focus ring, and in every form Tab must follow the layout
from top to bottom. Shorter than the mouse journey (one question, one group, one
voter); a screenshot per step: test-artifacts/test_the_journey_by_keyboard_alone-*.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .journey import (
    choose_option,
    discussion_times,
    docx_text,
    fill_form,
    focus_info,
    follow_link,
    path_of,
    press_and_wait,
    tab_to,
    type_datetime,
    watch_server_errors,
)
from .seed import FACILITATOR_EMAIL, PASSWORD

pytestmark = pytest.mark.e2e

TITLE = "Näppäimistöllä perustettu kirjastoprosessi"
SLUG = "nappaimistolla-perustettu-kirjastoprosessi"
THEMES = {"Lukemisen tuki": "lukupiiri, lukupiirit", "Tilojen käyttö": "tilat, sohvat"}
QUESTION = "Miten kirjastonne tukee lukemista?"
GROUP = "Näppäimistöryhmä"
COMMENT = "Lukupiiri kokoontuu kirjastossa joka torstai, ja lukupiiri kasvaa."
SLOW = 60_000  # first Finnish lemmatisation in a server worker (see the mouse journey)


def sign_in_by_keyboard(page, shot) -> None:
    page.goto("/login")
    walk = fill_form(page, {"email": FACILITATOR_EMAIL, "password": PASSWORD})
    assert [step["id"] for step in walk.steps[:2]] == ["email", "password"]
    assert "/login" not in page.url, "signed in"
    shot(page, "01-signed-in")


def set_up_process(page, shot) -> str:
    """Create the process and two themes; return the process's path."""
    follow_link(page, r"^/p/$", in_main=False)  # the header's menu
    follow_link(page, r"^/p/new$")
    walk = fill_form(
        page,
        {
            "title-fi": TITLE,
            "title-en": "A process set up by keyboard",
            "region": "Keski-Uusimaa",
            "description-fi": "Kaikki tehty **näppäimistöllä**.",
        },
    )
    ids = [step["id"] for step in walk.steps]
    assert ids.index("title-fi") < ids.index("slug") < ids.index("description-fi")
    process = f"/p/{SLUG}/"
    assert path_of(page.url) == process and page.inner_text("h1") == TITLE
    shot(page, "02-process-created")
    for theme, keywords in THEMES.items():
        follow_link(page, r"/themes/new$")
        fill_form(page, {"title-fi": theme, "keywords": keywords})
    for theme in THEMES:
        expect(page.locator("main")).to_contain_text(theme)
    shot(page, "03-themes-added")
    return process


def add_discussion(page, shot) -> None:
    """Add an open discussion phase and one question."""
    starts, ends = discussion_times()
    follow_link(page, r"/phases/new$")
    fill_form(
        page,
        {
            "kind": lambda: choose_option(page, "discussion"),
            "title-fi": "Näppäimistökeskustelu",
            "starts_at": lambda: type_datetime(page, starts),
            "ends_at": lambda: type_datetime(page, ends),
        },
    )
    expect(page.locator("main")).to_contain_text("Näppäimistökeskustelu")
    shot(page, "04-phase-added")
    follow_link(page, r"/discussions/\d+/settings$")
    follow_link(page, r"/prompts/new$")
    fill_form(page, {"question-fi": QUESTION})
    expect(page.locator("main")).to_contain_text(QUESTION)
    shot(page, "05-question-added")


def add_group(page, shot, process: str) -> str:
    """Add a work group of the seeded organisation; return its invitation path."""
    follow_link(page, rf"^{process}$")  # the breadcrumb back to the process
    follow_link(page, r"/groups/new$")
    fill_form(
        page,
        {
            "name": GROUP,
            "organisation_id": lambda: choose_option(page, label="Keravan kaupunki"),
        },
        submit="#submit",  # past "Add an organisation" beside the list
    )
    assert page.inner_text("h1") == GROUP
    shot(page, "06-group-added")
    invite = page.input_value("#invite-url")
    return invite[invite.index("/join/") :]


def add_ballot(page, shot, process: str) -> None:
    follow_link(page, rf"^{process}$")
    follow_link(page, r"/discussions/\d+/$")
    follow_link(page, r"/ballots/new$")

    def one_choice():
        page.keyboard.press("Control+A")
        page.keyboard.type("1")

    fill_form(page, {"title-fi": "Tärkein teema", "max_choices": one_choice})
    expect(page.locator("main")).to_contain_text("Tärkein teema")
    shot(page, "07-ballot-added")


def take_part(page, shot, invite: str) -> None:
    """Join, answer the question, vote for the reading theme."""
    page.goto(invite)
    fill_form(page, {"display_name": "Näppäilevä Osallistuja"})
    assert page.inner_text("h1") == TITLE
    shot(page, "08-joined")
    follow_link(page, r"/discussions/\d+/$")
    follow_link(page, r"/prompts/\d+/$")
    fill_form(page, {"body": COMMENT}, form="form[data-draft-key^=prompt]")
    expect(page.locator(".flash.posted")).to_have_count(1)
    expect(page.locator("article.comment")).to_contain_text(COMMENT)
    shot(page, "09-commented")
    follow_link(page, r"/discussions/\d+/$")  # the breadcrumb
    follow_link(page, r"/ballots/\d+/$")
    theme = page.get_by_label("Lukemisen tuki", exact=True).get_attribute("id")
    fill_form(
        page,
        {theme: lambda: page.keyboard.press("Space")},
        form="form.ballot-form",
    )
    expect(page.locator(".flashes .flash-success")).to_have_count(1)
    expect(page.get_by_label("Lukemisen tuki", exact=True)).to_be_checked()
    shot(page, "10-voted")


def code_and_export(page, shot, process: str) -> None:
    """Suggest themes, accept the suggestion with the 'a' key, download the memo."""
    follow_link(page, rf"^{process}$")  # from the discussion's breadcrumbs
    follow_link(page, r"/coding/$")
    tab_to(page, "form.suggest-form button")
    press_and_wait(page, timeout=SLOW)
    shot(page, "11-suggested")
    card = tab_to(page, "article.coding-card")
    assert re.search(r"Lukupiiri", page.inner_text(f"#{card['id']}"))
    press_and_wait(page, "a")
    confirmed = page.locator(f"#{card['id']} li.tag-confirmed")
    expect(confirmed).to_contain_text("Lukemisen tuki")
    assert focus_info(page)["id"] == card["id"], "focus comes back to the card"
    shot(page, "12-code-confirmed")
    follow_link(page, rf"^{process}$")
    follow_link(page, r"/summary$")
    tab_to(page, "a[href*='summary.docx']")
    with page.expect_download(timeout=SLOW) as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    text = docx_text(download.path().read_bytes())
    assert TITLE in text and COMMENT in text
    shot(page, "13-summary")


def test_the_journey_by_keyboard_alone(new_page, shot):
    """Sign in, process, themes, phase, question, group, ballot; join, comment, vote;
    code and download Word: with the keyboard alone, focus always visible and in order."""
    facilitator = new_page()
    errors = watch_server_errors(facilitator)
    sign_in_by_keyboard(facilitator, shot)
    process = set_up_process(facilitator, shot)
    add_discussion(facilitator, shot)
    invite = add_group(facilitator, shot, process)
    add_ballot(facilitator, shot, process)

    participant = new_page()
    participant_errors = watch_server_errors(participant)
    take_part(participant, shot, invite)

    code_and_export(facilitator, shot, process)
    assert errors == participant_errors == []
