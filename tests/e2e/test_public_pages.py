"""Open data in the browser (issue 18): the facilitator makes the process public;
anyone then reads its public pages and the API page, and the facilitator makes an
API token. Every page passes axe at desktop width and at 320 px (narrower than the
390 px of the issue) without sideways scrolling, in Finnish, Swedish and English.
The process is made private again at the end, as the other tests expect."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_followup_pages import open_as, sweep
from .test_journey_pages import LANGS


def _set_public(page, slug: str, public: bool) -> None:
    page.goto(f"/p/{slug}/publicity")
    box = page.locator("#is_public")
    box.check() if public else box.uncheck()
    page.click("main form [type=submit]")


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_and_tokens(new_page, live_server, lang, shot):
    slug = live_server.process_slug
    facilitator = open_as(new_page, lang)
    sign_in(facilitator)
    found = sweep(facilitator, {"publicity": f"/p/{slug}/publicity"}, lang, shot)
    _set_public(facilitator, slug, True)
    try:
        reader = open_as(new_page, lang)
        expect(reader.locator("main")).to_contain_text(re.compile(r"\S"))
        found += sweep(
            reader,
            {
                "front": "/",
                "public-list": "/open/",
                "public-process": f"/open/{slug}/",
                "public-dashboard": f"/open/{slug}/dashboard",
                "api-docs": "/api/v1/docs",
            },
            lang,
            shot,
        )
        reader.goto("/")
        expect(reader.locator(f"main a[href='/open/{slug}/']")).to_be_visible()
        found += sweep(facilitator, {"tokens": "/tokens/"}, lang, shot)
        facilitator.fill("#name", f"Raportti {lang}")
        facilitator.locator("input[name=processes]").first.check()
        facilitator.click("main form [type=submit]")
        expect(facilitator.locator("#new-token")).to_have_value(re.compile("^osa_"))
        found += sweep(facilitator, {}, lang, shot)
    finally:
        _set_public(facilitator, slug, False)
    assert found == [], "\n".join(found)
