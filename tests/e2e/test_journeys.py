"""User journeys in a real browser: languages, signing in, joining, the keyboard."""

from __future__ import annotations

import pytest
from babel.messages.mofile import read_mo

from .conftest import ROOT, join, sign_in

pytestmark = pytest.mark.e2e

HEADING = "Welcome to Osallistamo"


def catalogue_text(lang: str, message: str) -> str | None:
    """The compiled catalogue's translation of a message (what the server shows), or None."""
    mo = ROOT / "app" / "translations" / lang / "LC_MESSAGES" / "messages.mo"
    if not mo.exists():
        return None
    with open(mo, "rb") as handle:
        entry = read_mo(handle).get(message)
    return entry.string if entry is not None and entry.string else None


def test_language_links_switch_the_front_page(page, live_server, shot):
    """The front page opens in Finnish; the Svenska and English links switch html lang and texts."""
    page.goto("/")
    assert page.get_attribute("html", "lang") == "fi"
    assert page.inner_text(".lang-switch [aria-current]") == "Suomi"
    shot(page, "front-fi")
    headings = {"fi": page.inner_text("h1")}

    for lang, name in (("sv", "Svenska"), ("en", "English")):
        with page.expect_navigation():
            page.click(f".lang-switch a[hreflang={lang}]")
        assert page.get_attribute("html", "lang") == lang
        assert page.inner_text(".lang-switch [aria-current]") == name
        assert page.url.rstrip("/") == live_server.url, (
            "the switch returns to the same page"
        )
        headings[lang] = page.inner_text("h1")
        shot(page, f"front-{lang}")

    # English is the source; fi and sv show their catalogue's text once translated
    # (tests/core/test_translations.py checks that every text is).
    assert headings["en"] == HEADING
    for lang in ("fi", "sv"):
        expected = catalogue_text(lang, HEADING)
        if expected is not None:
            assert headings[lang] == expected
            assert headings[lang] != HEADING


def test_facilitator_signs_in_and_opens_the_process(page, live_server, shot):
    """A facilitator signs in through the form and reaches the process page from the front page."""
    page.goto("/login")
    shot(page, "login")
    sign_in(page)
    assert page.url.rstrip("/") == live_server.url
    assert page.locator(".flash-success").count() == 1
    shot(page, "front-signed-in")

    with page.expect_navigation():
        page.click(f"a[href='/p/{live_server.process_slug}/']")
    assert page.url == live_server(f"/p/{live_server.process_slug}/")
    assert page.inner_text("h1") == live_server.process_title
    assert page.locator("#phases-heading").count() == 1
    assert "Verkkokeskustelu" in page.inner_text("main")
    assert live_server.group_name in page.inner_text("main"), (
        "facilitators see the work groups"
    )
    shot(page, "process")


def test_participant_joins_with_the_invite_link(page, live_server, shot):
    """A participant opens the invite link, gives a display name and lands on the process page."""
    page.goto(f"/join/{live_server.invite_code}")
    assert live_server.group_name in page.inner_text("h1")
    shot(page, "join")
    join(page, live_server, "Pirkko Osallistuja")
    assert page.url == live_server(f"/p/{live_server.process_slug}/")
    assert page.inner_text("h1") == live_server.process_title
    assert live_server.group_name in page.inner_text(".flash-success")
    assert "Pirkko Osallistuja" in page.inner_text(".signed-in-as")
    shot(page, "process-participant")


def test_first_tab_reaches_the_skip_link_and_enter_moves_to_main(page, shot):
    """Keyboard users: the first Tab focuses the skip link, Enter moves focus to main."""
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible(), "the skip link shows when focused"
    shot(page, "skip-link-focused")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    assert page.url.endswith("#main")


def test_typed_invite_code_leads_to_the_join_page(page, live_server, shot):
    """A code typed as people type it (lower case, a space) opens the group's join page."""
    page.goto("/join")
    code = live_server.invite_code
    page.fill("#code", f"{code[:4].lower()} {code[4:].lower()}")
    shot(page, "join-code")
    with page.expect_navigation():
        page.click("form.narrow-form [type=submit]")
    assert page.url == live_server(f"/join/{code}")
    assert live_server.group_name in page.inner_text("h1")
