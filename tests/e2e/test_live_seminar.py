"""The live seminar in a browser: joining from the wall's code on a phone, the phone
page first (the form above the fold at 320 px), the projector and the join sheet.
Every page passes axe; the CSP is checked by the fixtures (the QR code is inline SVG).
"""

from __future__ import annotations

import pytest

from .conftest import assert_accessible, join, sign_in

pytestmark = pytest.mark.e2e

PHONE = {"width": 320, "height": 640}


def test_phone_joins_from_the_wall_and_writes_first(new_page, live_server, shot):
    """Signed out, the QR code's address names the workshop and asks for the group's
    code; after joining, the phone page shows the prompt and the form first."""
    page = new_page(viewport=PHONE)
    page.goto(f"/join?code={live_server.live_join_code}")
    assert page.locator("h1").inner_text() == "Liity työpajaan"
    shot(page, "door-320")
    assert_accessible(page, "workshop door (320 px)")
    page.fill("#code", live_server.invite_code)
    with page.expect_navigation():
        page.click("main form [type=submit]")
    page.fill("#display_name", "Puhelimen Kirjoittaja")
    with page.expect_navigation():
        page.click("form.narrow-form [type=submit]")
    live = (
        f"/p/{live_server.process_slug}/workshops/{live_server.live_workshop_id}/live"
    )
    assert page.url.endswith(live)
    page.goto(live)  # without the welcome message, as the page is on the next visit
    assert "Nyt" in page.locator("#live-state").text_content()
    textarea = page.locator("textarea[name=note-body]")
    assert textarea.bounding_box()["y"] < PHONE["height"] - 60, (
        "the form is below the fold"
    )
    assert page.get_by_text("Mikä arjessa toimii hyvin?").first.is_visible()
    assert page.locator("body").evaluate("b => b.scrollWidth") <= PHONE["width"]
    shot(page, "live-now-320")
    assert_accessible(page, "live phone page, now (320 px)")
    textarea.fill("Lainausautomaatti toimii hyvin.")
    with page.expect_navigation():
        page.click(".live-note-form [type=submit]")
    assert page.locator("#notes-list").get_by_text("Lainausautomaatti").count() == 1


def test_projector_and_join_sheet_show_the_code(page, live_server, shot):
    """The wall and the printable sheet: QR code, address and code; both pass axe."""
    sign_in(page)
    base = f"/p/{live_server.process_slug}/workshops/{live_server.live_workshop_id}"
    code = live_server.live_join_code
    for name, path in {"projector": "/projector", "join-sheet": "/join-sheet"}.items():
        assert page.goto(base + path).status == 200
        assert page.locator("svg.qr-code[role=img]").count() == 1
        assert f"{code[:4]} {code[4:]}" in page.locator(".join-code").inner_text()
        assert f"/join?code={code}" in page.locator(".join-link").inner_text()
        shot(page, name)
        assert_accessible(page, name)
    # The print button is the script's (hidden without it).
    assert page.locator("[data-print]").is_visible()


def test_notes_written_offline_are_kept_and_sent_once(new_page, live_server, shot):
    """Offline, a note waits on the phone, survives a reload, and goes once when the
    connection returns, even from two tabs at once; a refused one keeps its text."""
    page = new_page(viewport=PHONE)
    join(page, live_server, "Katvealueen Kirjoittaja")
    live = (
        f"/p/{live_server.process_slug}/workshops/{live_server.live_workshop_id}/live"
    )
    page.goto(live)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.reload()  # now through the worker, which keeps a copy of the page
    context = page.context
    context.set_offline(True)
    text = "Kirjoitettu ilman verkkoa"
    page.fill("textarea[name=note-body]", text)
    page.click(".live-note-form [type=submit]")
    waiting = page.locator("#offline-notes .offline-note-waiting")
    waiting.get_by_text(text).wait_for()
    assert page.locator("textarea[name=note-body]").input_value() == ""
    too_long = "pitkä " * 100
    page.fill("textarea[name=note-body]", too_long)
    page.click(".live-note-form [type=submit]")
    page.wait_for_function(
        "() => document.querySelectorAll('.offline-note-waiting').length === 2"
    )
    page.reload()  # offline: the worker's copy, and the queue from IndexedDB
    waiting.first.wait_for()
    assert waiting.count() == 2
    assert "Ei verkkoyhteyttä" in page.locator("#offline-status").text_content()
    shot(page, "offline-waiting-320")
    assert_accessible(page, "live phone page with notes waiting (320 px)")
    other = context.new_page()  # a second tab sends the same queue at the same time
    context.set_offline(False)
    other.goto(live)
    refused = page.locator("#offline-notes .offline-note-refused")
    refused.wait_for()
    assert (
        "at most 500" in refused.text_content()
        or "enintään 500" in refused.text_content()
    )
    assert "pitkä pitkä" in refused.text_content()
    notes = page.locator("#workshop-live-notes").get_by_text(text)
    notes.first.wait_for()  # the poll brings it
    page.reload()
    assert page.locator("#notes-list").get_by_text(text).count() == 1
    assert page.locator("#offline-notes .offline-note-refused").count() == 1
    page.get_by_role("button", name="Takaisin lomakkeelle").click()
    assert "pitkä pitkä" in page.locator("textarea[name=note-body]").input_value()
    # Signing out leaves nothing for the next person on this phone: no kept pages,
    # no notes waiting (Clear-Site-Data).
    assert page.evaluate("caches.keys()") != []
    with page.expect_navigation():
        page.click("form[action$='/logout'] [type=submit]")
    page.wait_for_function("async () => (await caches.keys()).length === 0")
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0


def test_quick_vote_and_questions_from_phones(new_page, live_server, shot):
    """The facilitator opens a quick vote; a phone (320 px) votes at the top of its
    page and asks the speaker a question; the facilitator shortlists it and the
    presenter view and the wall show both. Every new page passes axe, on the phone
    at 320 px and on the desktop."""
    desk = new_page()
    sign_in(desk)
    base = f"/p/{live_server.process_slug}/workshops/{live_server.live_workshop_id}"
    seminar = f"/p/{live_server.process_slug}/seminars/{live_server.live_phase_id}"
    desk.goto(base + "/votes/new")
    assert_accessible(desk, "open a quick vote")
    desk.fill("input[name=question]", "Mikä ensin?")
    desk.fill("textarea[name=options]", "Aukioloajat\nOmatoimikirjasto")
    with desk.expect_navigation():
        desk.click("main form [type=submit]")
    desk.goto(base + "/piles")
    assert_accessible(desk, "piles of notes (no model)")

    phone = new_page(viewport=PHONE)
    join(phone, live_server, "Äänestävä Puhelin")
    phone.goto(base + "/live")
    vote = phone.locator("fieldset.vote-options")
    assert vote.bounding_box()["y"] < PHONE["height"], "the vote is below the fold"
    shot(phone, "quick-vote-320")
    assert_accessible(phone, "phone page with a quick vote (320 px)")
    vote.get_by_label("Omatoimikirjasto").check()
    with phone.expect_navigation():
        vote.locator("xpath=ancestor::form").locator("[type=submit]").click()
    phone.goto(seminar + "/questions")
    phone.fill("textarea[name=ask-body]", "Miten aukioloja pidennetään?")
    with phone.expect_navigation():
        phone.click("form [type=submit].live-button")
    assert phone.get_by_text("Miten aukioloja pidennetään?").count() >= 1
    shot(phone, "questions-320")
    assert_accessible(phone, "questions to the speaker (320 px)")
    assert phone.locator("body").evaluate("b => b.scrollWidth") <= PHONE["width"]

    desk.goto(seminar + "/questions/moderate")
    assert_accessible(desk, "moderating the questions")
    with desk.expect_navigation():
        desk.locator("form[action$='/moderate/shortlist'] button").first.click()
    desk.goto(seminar + "/questions/presenter")
    assert desk.get_by_text("Miten aukioloja pidennetään?").count() == 1
    shot(desk, "questions-presenter")
    assert_accessible(desk, "presenter view")
    desk.goto(base + "/projector")
    assert desk.get_by_text("Omatoimikirjasto").count() >= 1
    shot(desk, "projector-quick-vote")
    assert_accessible(desk, "projector with a quick vote")


def test_control_page_keeps_up_but_not_under_the_fingers(new_page, live_server, shot):
    """A phone's note reaches the facilitator's control page within the poll (3 s)
    without a reload; while the facilitator types a reason to hide a note, the list
    waits and says so, and updates once they leave the field."""
    base = f"/p/{live_server.process_slug}/workshops/{live_server.live_workshop_id}"
    desk = new_page()
    sign_in(desk)
    desk.goto(base + "/control")
    phone = new_page(viewport=PHONE)
    join(phone, live_server, "Ohjaussivun Puhelin")

    def write(text: str) -> None:
        phone.goto(base + "/live")
        phone.fill("textarea[name=note-body]", text)
        with phone.expect_navigation():
            phone.click(".live-note-form [type=submit]")

    write("Ohjaussivulle ilman latausta")
    desk.locator(
        "#control-notes .user-text", has_text="Ohjaussivulle ilman latausta"
    ).wait_for(timeout=4500)
    reason = desk.locator("#control-notes input[name=reason]").first
    reason.fill("Kesken")
    write("Odottaa kirjoittajaa")
    held = desk.locator("#control-notes-held")
    held.wait_for(state="visible", timeout=4500)
    assert (
        desk.locator(
            "#control-notes .user-text", has_text="Odottaa kirjoittajaa"
        ).count()
        == 0
    )
    assert reason.input_value() == "Kesken"  # nothing typed was lost
    shot(desk, "control-held")
    assert_accessible(desk, "control page with an update held")
    reason.fill("")
    desk.locator("h1").click()  # focus leaves the list
    desk.locator("#control-notes .user-text", has_text="Odottaa kirjoittajaa").wait_for(
        timeout=2000
    )
    assert held.is_hidden()
