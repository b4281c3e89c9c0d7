"""Every key page in a real browser: narrow screens, the CSP, and WCAG 2.1 A/AA (axe-core)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, join, sign_in

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}


def key_pages(live_server) -> dict[str, str]:
    """The pages every visitor meets, by name (the process page needs a signed-in user)."""
    return {
        "front": "/",
        "login": "/login",
        "join-code": "/join",
        "join": f"/join/{live_server.invite_code}",
    }


def horizontal_overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


def test_no_horizontal_scrolling_at_320_px(new_page, live_server, shot):
    """At 320 CSS px (WCAG reflow) no page scrolls sideways, signed out or as a participant."""
    page = new_page(viewport=NARROW)
    widths = {}
    for name, path in key_pages(live_server).items():
        page.goto(path)
        widths[name] = horizontal_overflow(page)
        shot(page, f"{name}-320px")
    join(page, live_server, "Kapea Näyttö")
    widths["process-participant"] = horizontal_overflow(page)
    shot(page, "process-participant-320px")

    facilitator = new_page(viewport=NARROW)
    sign_in(facilitator)
    slug = live_server.process_slug
    managed = {
        "process-facilitator": f"/p/{slug}/",
        "processes": "/p/",
        "team": f"/p/{slug}/team",
        "groups": f"/p/{slug}/groups/",
        "group": f"/p/{slug}/groups/{live_server.group_id}",
        "organisations": "/organisations/",
        "new-phase": f"/p/{slug}/phases/new",
    }
    for name, path in managed.items():
        facilitator.goto(path)
        widths[name] = horizontal_overflow(facilitator)
        shot(facilitator, f"{name}-320px")

    too_wide = {
        name: width for name, width in widths.items() if width > NARROW["width"]
    }
    assert too_wide == {}, f"pages wider than 320 px (scrollWidth): {too_wide}"


def test_every_response_has_a_csp_and_the_console_reports_no_violation(
    new_page, live_server
):
    """Pages, styles and icons all carry the CSP header; the browser reports no CSP violation."""
    page = new_page()
    for path in key_pages(live_server).values():
        response = page.goto(path)
        assert response.status == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
    sign_in(page)
    response = page.goto(f"/p/{live_server.process_slug}/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    seen = page.watch.seen
    assert any(url.endswith("/static/css/main.css") for url in seen), seen
    assert any(url.endswith("/static/favicon.svg") for url in seen), seen
    page.watch.assert_clean()


def test_the_csp_blocks_inline_script_and_the_watch_sees_it(new_page):
    """The policy really blocks an inline script, and the console watch reports it."""
    page = new_page()
    page.goto("/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__inlineRan === undefined")
    assert page.watch.csp_reports, (
        "Chromium should have logged the refused inline script"
    )
    page.watch.csp_reports.clear()  # seen on purpose; the fixture checks the rest


@pytest.mark.parametrize("name", ["front", "login", "join-code", "join"])
def test_public_pages_pass_axe(page, live_server, name, shot):
    """The public pages in Finnish have no WCAG 2.1 A/AA violations that axe-core can find."""
    page.goto(key_pages(live_server)[name])
    assert page.get_attribute("html", "lang") == "fi"
    shot(page, name)
    assert_accessible(page, name)


def test_process_page_passes_axe_for_facilitator_and_participant(
    new_page, live_server, shot
):
    """The process page, as its facilitator and as a participant, passes axe-core's WCAG 2.1 A/AA rules."""
    facilitator = new_page()
    sign_in(facilitator)
    facilitator.goto(f"/p/{live_server.process_slug}/")
    shot(facilitator, "process-facilitator")
    assert_accessible(facilitator, "the process page (facilitator)")

    participant = new_page()
    join(participant, live_server, "Saavutettava Osallistuja")
    assert participant.url.endswith(f"/p/{live_server.process_slug}/")
    shot(participant, "process-participant")
    assert_accessible(participant, "the process page (participant)")


def test_the_skip_link_works_when_the_address_already_ends_in_main(page, live_server):
    """After a form sent from a page reached by the skip link, the redirect keeps
    "#main"; Enter on the skip link still moves the focus to <main>, at once."""
    page.goto("/login#main")
    page.focus("a.skip-link")
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
