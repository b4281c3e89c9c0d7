"""The discussion, voting, coding, summary, proposal and seminar pages in a real browser: no WCAG 2.1 A/AA violations
that axe-core finds, for the facilitator and for a participant, in three languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, join, sign_in

pytestmark = pytest.mark.e2e


def staff_pages(live_server) -> dict[str, str]:
    process = f"/p/{live_server.process_slug}"
    discussion = f"{process}/discussions/{live_server.open_phase_id}"
    ballot = f"{process}/ballots/{live_server.ballot_id}"
    return {
        "discussion": f"{discussion}/",
        "settings": f"{discussion}/settings",
        "invitation": f"{discussion}/invitation",
        "participation": f"{discussion}/participation",
        "moderation": f"{process}/moderation/",
        "moderation-log": f"{process}/moderation/log",
        "ballot-edit": f"{ballot}/edit",
        "turnout": f"{ballot}/turnout",
        "results": f"{ballot}/results",
        "projector": f"{ballot}/projector",
        "process": f"{process}/",
        "coding": f"{process}/coding/",
        "summary": f"{process}/summary",
        "proposal": f"{process}/proposal",
        "memo": f"{process}/memo",
        "seminar": f"{process}/seminars/{live_server.seminar_phase_id}/",
        "seminar-settings": f"{process}/seminars/{live_server.seminar_phase_id}/settings",
        "seminar-choices": f"{process}/seminars/{live_server.seminar_phase_id}/choices",
        "seminar-memo": f"{process}/seminars/{live_server.seminar_phase_id}/memo",
        "workshop-live": f"{process}/workshops/{live_server.workshop_id}/live",
        "workshop-control": f"{process}/workshops/{live_server.workshop_id}/control",
        "workshop-projector": f"{process}/workshops/{live_server.workshop_id}/projector",
        "workshop-memo": f"{process}/workshops/{live_server.workshop_id}/memo",
    }


def test_facilitator_pages_pass_axe(page, live_server, shot):
    """Every set-up, moderation and results page of the facilitator passes axe."""
    sign_in(page)
    for name, path in staff_pages(live_server).items():
        response = page.goto(path)
        assert response.status == 200, (name, response.status)
        shot(page, name)
        assert_accessible(page, f"{name} (facilitator)")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_participant_votes_and_pages_pass_axe(new_page, live_server, lang, shot):
    """A participant opens the discussion, the thread and the ballot, votes, and sees
    the live results; every page passes axe in each language."""
    page = new_page()
    join(page, live_server, f"Äänestäjä {lang}")
    # Let the landing page's own requests (favicon...) finish before switching.
    page.wait_for_load_state("networkidle")
    page.goto(f"/language/{lang}")
    process = f"/p/{live_server.process_slug}"
    for name, path in {
        "discussion": f"{process}/discussions/{live_server.open_phase_id}/",
        "thread": f"{process}/discussions/{live_server.open_phase_id}"
        f"/prompts/{live_server.prompt_id}/",
        "ballot": f"{process}/ballots/{live_server.ballot_id}/",
        "seminar": f"{process}/seminars/{live_server.seminar_phase_id}/",
        "workshop-live": f"{process}/workshops/{live_server.workshop_id}/live",
    }.items():
        page.goto(path)
        assert page.get_attribute("html", "lang") == lang
        shot(page, f"{name}-{lang}")
        assert_accessible(page, f"{name} ({lang})")
    page.goto(f"{process}/ballots/{live_server.ballot_id}/")
    page.locator("input[type=checkbox]").first.check()
    with page.expect_navigation():
        page.click("form.ballot-form [type=submit]")
    assert page.locator(".flashes .flash-success").count() == 1
    page.goto(f"{process}/ballots/{live_server.ballot_id}/results")
    shot(page, f"results-{lang}")
    assert_accessible(page, f"results ({lang})")


def test_the_projector_refreshes_itself_after_a_vote(new_page, live_server, shot):
    """The ballot's projector polls (ETag/304) and shows a new vote without a reload."""
    screen = new_page()
    sign_in(screen)
    process = f"/p/{live_server.process_slug}"
    screen.goto(f"{process}/ballots/{live_server.ballot_id}/projector")
    before = screen.inner_text("#projector-live")
    voter = new_page()
    join(voter, live_server, "Projektorin testaaja")
    voter.goto(f"{process}/ballots/{live_server.ballot_id}/")
    # Whatever the group chose before, this vote is for the last theme alone.
    boxes = voter.locator("input[type=checkbox]")
    for index in range(boxes.count()):
        boxes.nth(index).uncheck()
    boxes.last.check()
    with voter.expect_navigation():
        voter.click("form.ballot-form [type=submit]")
    # No reload: the script swaps the live part when the ETag changes.
    expect(screen.locator("#projector-live")).not_to_have_text(before, timeout=20_000)
    shot(screen, "projector-updated")


def test_suggest_themes_shows_progress_while_the_server_works(page, live_server, shot):
    """ "Suggest themes" says what is happening instead of a silent wait: a progress
    bar and a status text appear as soon as it is pressed. (The form's sending is
    stopped here after the page's own script has run, to look at the page while it
    waits; the suggestions themselves are tested in tests/coding.)"""
    sign_in(page)
    page.goto(f"/p/{live_server.process_slug}/coding/")
    page.evaluate(
        "document.querySelector('form.suggest-form')"
        ".addEventListener('submit', (event) => event.preventDefault())"
    )
    button = page.locator("form.suggest-form button[type=submit]")
    button.click()
    area = page.locator("[data-progress-area]")
    expect(area.locator("progress")).to_be_visible()
    expect(area).to_have_attribute("role", "status")
    expect(area).to_contain_text("kommenti")  # the facilitator reads Finnish
    expect(button).to_have_attribute("aria-disabled", "true")
    expect(area.locator("p.hint")).to_contain_text(" s ", timeout=5_000)
    shot(page, "coding-suggest-progress")
    assert_accessible(page, "coding, suggesting")
