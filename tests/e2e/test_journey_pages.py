"""Every page of the mouse journey, again in Finnish, Swedish and English: at 320 px
(WCAG reflow) no sideways scrolling and no axe violation, and at desktop width no axe
violation either (Finnish desktop is checked by the journey itself).

The pages come from ``journey.RECORD``, filled by test_full_journey.py (which runs
first in a whole-suite run); run alone, this module runs the journey once itself.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from . import test_full_journey as full_journey
from .conftest import axe_violations, sign_in
from .journey import RECORD, stub_video_host, watch_server_errors

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
LANGS = ["fi", "sv", "en"]


@pytest.fixture()
def journey_pages(new_page, live_server, shot):
    """The pages the journey visited; run the journey first if it has not run."""
    if not RECORD.facilitator:
        full_journey.test_the_whole_journey_by_mouse(new_page, live_server, shot)
    if not RECORD.complete:
        pytest.fail("the mouse journey failed before its end (see its own failure)")
    return RECORD


def problems_on(page, name: str, lang: str, desktop_too: bool) -> list[str]:
    """What is wrong with the open page at 320 px (and at desktop width): in words."""
    found = []
    if page.get_attribute("html", "lang") != lang:
        found.append(f"{name}: html lang is {page.get_attribute('html', 'lang')}")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    if width > NARROW["width"]:
        found.append(f"{name}: scrolls sideways at 320 px (scrollWidth {width})")
    sizes = [("320 px", NARROW)] + ([("desktop", DESKTOP)] if desktop_too else [])
    for label, size in sizes:
        page.set_viewport_size(size)
        for violation in axe_violations(page):
            nodes = "\n      ".join(violation["nodes"])
            found.append(
                f"{name} ({lang}, {label}): {violation['id']} ({violation['impact']}): "
                f"{violation['help']}\n      {nodes}"
            )
    page.set_viewport_size(NARROW)
    return found


def sweep(page, pages: dict[str, str], lang: str, shot) -> list[str]:
    found, seen = [], set()
    for name, path in pages.items():
        if path in seen:  # e.g. the thread before and after answering
            continue
        seen.add(path)
        response = page.goto(path)
        if response.status >= 400:
            found.append(f"{name}: {path} answered {response.status}")
            continue
        shot(page, f"{name}-{lang}-320px")
        if page.locator("figure.bar-chart").count():
            # The chart's text alternative: a name, and the numbers in a table.
            expect(page.get_by_role("figure")).to_have_accessible_name(
                re.compile(r"\S")
            )
            expect(page.locator("table.results-table caption")).not_to_be_empty()
        found += problems_on(page, name, lang, desktop_too=lang != "fi")
    assert page.server_errors == [], page.server_errors
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_facilitator_pages_at_320_px(new_page, journey_pages, lang, shot):
    """Each page the facilitator visited: reflows at 320 px and passes axe in this language."""
    page = new_page(viewport=NARROW)
    watch_server_errors(page)
    page.goto(f"/language/{lang}")
    sign_in(page)
    found = sweep(page, journey_pages.facilitator, lang, shot)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_participant_pages_at_320_px(new_page, journey_pages, lang, shot):
    """Each page a participant visited, the invitation first: reflows and passes axe."""
    page = new_page(viewport=NARROW)
    watch_server_errors(page)
    stub_video_host(page)
    page.goto(f"/language/{lang}")
    page.goto(journey_pages.invite_path)
    shot(page, f"join-{lang}-320px")
    found = problems_on(page, "join", lang, desktop_too=lang != "fi")
    page.fill("#display_name", f"Kapea näyttö {lang}")
    with page.expect_navigation():
        page.click("main form [type=submit]")
    assert "/join" not in page.url, f"joining failed: {page.url}"
    pages = {
        name: path
        for name, path in journey_pages.participant.items()
        if not path.startswith("/join/")
    }
    found += sweep(page, pages, lang, shot)
    assert found == [], "\n".join(found)
