"""The printable summary opens as a page in the browser; its print button (a static
script, allowed by the page's strict CSP) shows and opens the print dialog."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [320, 1280])
def test_printable_summary_is_a_page_with_a_print_button(page, live_server, width):
    """From the summary, the printable view opens in the same tab (no download);
    the print button calls window.print(); no CSP violation is reported."""
    page.set_viewport_size({"width": width, "height": 900})
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: (
            violations.append(msg.text)
            if "Content Security Policy" in msg.text
            else None
        ),
    )
    sign_in(page)
    page.goto(f"/p/{live_server.process_slug}/summary")
    with page.expect_navigation():
        page.click("main a[href*='/summary/print']")
    assert urlsplit(page.url).path == f"/p/{live_server.process_slug}/summary/print"
    button = page.locator("button.print-button")
    expect(button).to_be_visible()
    expect(page.locator("[data-print-hint]")).to_be_hidden()
    page.evaluate("window.print = () => { window.__printed = true; }")
    button.click()
    assert page.evaluate("window.__printed === true")
    # Nothing scrolls sideways at 320 px.
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
             .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                     && !el.closest('.table-wrap'))
             .slice(0, 8).map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))"""
    )
    assert wide == [], wide
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    page.emulate_media(media="print")
    expect(page.locator(".print-actions")).to_be_hidden()
    assert violations == []
