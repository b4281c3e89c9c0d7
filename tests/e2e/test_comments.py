"""Writing comments in a real browser: the counter, drafts that survive a reload,
one comment per double click, and the thread page's accessibility."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, join

pytestmark = pytest.mark.e2e


def thread_url(live_server) -> str:
    return (
        f"/p/{live_server.process_slug}/discussions/"
        f"{live_server.open_phase_id}/prompts/{live_server.prompt_id}/"
    )


@pytest.fixture()
def participant(new_page, live_server):
    page = new_page()
    join(page, live_server, "Kirjoittava Osallistuja")
    page.goto(thread_url(live_server))
    return page


def test_counter_and_draft_survive_a_reload(participant, shot):
    """The counter follows the text; a reload brings the unsent draft back."""
    page = participant
    page.fill("#body", "Lainaamme lautapelejä ja se toimii.")
    # Locator assertions, not wait_for_function: the CSP forbids eval in the page.
    expect(page.locator("#body-counter")).to_have_text(re.compile(r"^35\D.*4000"))
    shot(page, "typing")
    page.reload()
    assert page.input_value("#body") == "Lainaamme lautapelejä ja se toimii."
    assert page.is_visible(".draft-note")
    shot(page, "draft-restored")


def test_the_counter_counts_as_the_server_does(participant, shot):
    """An emoji is one character and a line break one, as the server counts them: a
    text the counter calls exactly full is accepted, one more character is refused."""
    page = participant
    text = "👍🏽" * 1500 + "\n" * 999 + "x"  # 3,000 + 999 + 1 = 4,000 code points
    page.fill("#body", text)
    expect(page.locator("#body-counter")).to_have_text(
        re.compile(r"^4\D?000\D.*4\D?000")
    )
    expect(page.locator("#body-counter")).not_to_have_class(re.compile("is-over"))
    page.fill("#body", text + "🎉")
    page.wait_for_selector("#body-counter.is-over")
    page.fill("#body", text)
    expect(page.locator("#body-counter")).not_to_have_class(re.compile("is-over"))
    with page.expect_navigation():
        page.click("form[data-draft-key] [type=submit]")
    page.wait_for_selector(".flash.posted")
    shot(page, "full-length-emoji")


def test_over_the_limit_the_counter_warns_and_the_server_refuses(participant, shot):
    """Too long a text turns the counter red; the server says why and keeps the text."""
    page = participant
    page.fill("#body", "x" * 4005)
    page.wait_for_selector("#body-counter.is-over")
    with page.expect_navigation():
        page.click("form[data-draft-key] [type=submit]")
    assert page.input_value("#body") == "x" * 4005
    assert page.is_visible("#body-error")
    shot(page, "too-long")


def test_a_double_click_posts_once_and_clears_the_draft(participant, shot):
    """Two quick clicks make one comment; after posting, the draft is gone."""
    page = participant
    text = "Kaksoisnapsautus ei tee kahta kommenttia."
    page.fill("#body", text)
    page.dblclick("form[data-draft-key] [type=submit]")
    page.wait_for_selector(".flash.posted")
    assert page.locator(".comment", has_text=text).count() == 1
    page.reload()
    assert page.input_value("#body") == ""
    shot(page, "posted")


def test_the_thread_page_passes_axe(participant, shot):
    """The thread page with a comment has no WCAG 2.1 A/AA violations axe can find."""
    page = participant
    page.fill("#body", "Saavutettava kommentti, jossa on *korostus*.")
    page.click("form[data-draft-key] [type=submit]")
    page.wait_for_selector(".flash.posted")
    shot(page, "thread")
    assert_accessible(page, "the thread page")


def test_a_comment_written_offline_waits_and_goes_once(new_page, live_server, shot):
    """Offline, a comment is kept on the device (shown as waiting, also after a
    reload through the service worker's copy) and goes by itself, once, when the
    connection returns."""
    page = new_page(viewport={"width": 390, "height": 844})
    join(page, live_server, "Katveen Kommentoija")
    thread = thread_url(live_server)
    page.goto(thread)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.reload()  # now through the worker, which keeps a copy of the page
    page.context.set_offline(True)
    text = "Kirjoitettu junassa ilman verkkoa."
    page.fill("#body", text)
    page.click("form[data-offline-notes] [type=submit]")
    waiting = page.locator("#offline-notes .offline-note-waiting")
    expect(waiting.get_by_text(text)).to_be_visible()
    assert page.input_value("#body") == ""
    page.reload()  # offline: the worker's copy, and the queue from IndexedDB
    expect(waiting.get_by_text(text)).to_be_visible()
    expect(page.locator("#offline-status")).to_contain_text("Ei verkkoyhteyttä")
    assert page.input_value("#body") == ""  # not also a draft to be sent again
    second = "Ja toinen samalta matkalta."
    page.fill("#body", second)
    page.click("form[data-offline-notes] [type=submit]")
    expect(waiting).to_have_count(2)
    shot(page, "comment-waiting-390")
    assert_accessible(page, "thread with a comment waiting (390 px)")
    page.context.set_offline(False)
    expect(
        page.locator("article.comment .user-text").get_by_text(second)
    ).to_have_count(1, timeout=20_000)
    page.reload()
    for sent in (text, second):
        expect(
            page.locator("article.comment .user-text").get_by_text(sent)
        ).to_have_count(1)
    expect(page.locator("#offline-notes .offline-note")).to_have_count(0)
