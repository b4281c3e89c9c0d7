"""The follow-up, survey and privacy pages in a real browser, for each role.

For the facilitator, the observer and a participant (joined through the invite
link), every page of the follow-up plan, the dashboard, the feedback survey and the
privacy pages: no WCAG 2.1 A/AA violation that axe-core finds, in Finnish, Swedish and
English, at desktop width and at 320 px (where nothing scrolls sideways). Besides:
the dashboard's charts are named images with their numbers in captioned tables; the
CSV import lists a bad file's problems; a participant answers the survey with the
keyboard alone; and the discussion's video loads nothing from its host until asked.

The pages come from tests/e2e/seed.py (seed_followup). One browser context per role
and language; the checks of each page are test_journey_pages.problems_on.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import join, sign_in
from .journey import (
    FormWalk,
    assert_focus_visible,
    focus_info,
    press_and_wait,
    skip_to_main,
    tab_to,
    watch_server_errors,
)
from .test_journey_pages import DESKTOP, LANGS, NARROW, problems_on

pytestmark = pytest.mark.e2e

#: A CSV with three bad rows (not a number, no such indicator, a calendar year for a
#: school-year indicator) and one good one: nothing may be imported.
BAD_CSV = "mittari;kausi;arvo\n{id};2025-2026;paljon\n999999;2025-2026;5\n{id};2025;12\n{id};2023-2024;19\n"


def follow_up_pages(live_server) -> dict[str, str]:
    """The plan, dashboard and survey pages everyone in the process may read."""
    process = f"/p/{live_server.process_slug}"
    monitoring = f"{process}/monitoring"
    survey = f"{process}/surveys/{live_server.survey_phase_id}"
    return {
        "plan": monitoring,
        "action": f"{monitoring}/actions/{live_server.overdue_action_id}",
        "indicator": f"{monitoring}/indicators/{live_server.indicator_id}",
        "dashboard": f"{monitoring}/dashboard",
        "survey": f"{survey}/",
    }


def account_pages() -> dict[str, str]:
    """One's own data and the account deletion's confirmation (never submitted)."""
    return {"account-data": "/account/data", "account-delete": "/account/delete"}


def public_pages() -> dict[str, str]:
    return {"privacy": "/privacy", "accessibility": "/accessibility"}


def facilitator_pages(live_server) -> dict[str, str]:
    """Every page of the plan, the survey and privacy that the facilitator opens."""
    process = f"/p/{live_server.process_slug}"
    monitoring = f"{process}/monitoring"
    goal = f"{monitoring}/goals/{live_server.goal_id}"
    action = f"{monitoring}/actions/{live_server.overdue_action_id}"
    indicator = f"{monitoring}/indicators/{live_server.indicator_id}"
    value = f"{indicator}/values/{live_server.value_id}"
    survey = f"{process}/surveys/{live_server.survey_phase_id}"
    question = f"{survey}/questions/{live_server.statement_id}"
    return {
        **follow_up_pages(live_server),
        "goal-new": f"{monitoring}/goals/new",
        "goal-edit": f"{goal}/edit",
        "goal-delete": f"{goal}/delete",
        "goals-from-proposal": f"{monitoring}/goals/from-proposal",
        "action-new": f"{goal}/actions/new",
        "action-edit": f"{action}/edit",
        "action-delete": f"{action}/delete",
        "note-delete": f"{action}/notes/{live_server.note_id}/delete",
        "indicator-new": f"{goal}/indicators/new",
        "indicator-edit": f"{indicator}/edit",
        "indicator-delete": f"{indicator}/delete",
        "value-new": f"{indicator}/values/new",
        "value-edit": f"{value}/edit",
        "value-delete": f"{value}/delete",
        "import": f"{monitoring}/import",
        "survey-settings": f"{survey}/settings",
        "survey-question-new": f"{survey}/questions/new",
        "survey-question-edit": f"{question}/edit",
        "survey-question-delete": f"{question}/delete",
        "survey-next-period": f"{survey}/next-period",
        "survey-results": f"{survey}/results",
        **public_pages(),
        **account_pages(),
        "erase-process": f"{process}/erase",
    }


def observer_pages(live_server) -> dict[str, str]:
    survey = f"/p/{live_server.process_slug}/surveys/{live_server.survey_phase_id}"
    return {
        **follow_up_pages(live_server),
        "survey-results": f"{survey}/results",
        **account_pages(),
    }


def participant_pages(live_server) -> dict[str, str]:
    """The participant's follow-up and account pages, the discussion with a video,
    and the seminar's pages (which test_discussion_pages opens at desktop only)."""
    process = f"/p/{live_server.process_slug}"
    return {
        **follow_up_pages(live_server),
        "discussion-video": f"{process}/discussions/{live_server.video_phase_id}/",
        "seminar": f"{process}/seminars/{live_server.seminar_phase_id}/",
        "workshop-live": f"{process}/workshops/{live_server.workshop_id}/live",
        **account_pages(),
    }


def signed_out_pages(live_server) -> dict[str, str]:
    """The pages before signing in (test_pages checks them in Finnish only)."""
    return {
        "front": "/",
        "login": "/login",
        "join-code": "/join",
        "join": f"/join/{live_server.invite_code}",
    }


def remaining_facilitator_pages(live_server) -> dict[str, str]:
    """The facilitator's team, work group and organisation lists (test_pages checks
    only their width) and the seminar, workshop and memo pages of the seeded process
    (test_discussion_pages checks them in Finnish at desktop width)."""
    process = f"/p/{live_server.process_slug}"
    seminar = f"{process}/seminars/{live_server.seminar_phase_id}"
    workshop = f"{process}/workshops/{live_server.workshop_id}"
    return {
        "team": f"{process}/team",
        "groups": f"{process}/groups/",
        "organisations": "/organisations/",
        "seminar": f"{seminar}/",
        "seminar-settings": f"{seminar}/settings",
        "seminar-choices": f"{seminar}/choices",
        "seminar-memo": f"{seminar}/memo",
        "workshop-live": f"{workshop}/live",
        "workshop-control": f"{workshop}/control",
        "workshop-projector": f"{workshop}/projector",
        "workshop-memo": f"{workshop}/memo",
        "proposal": f"{process}/proposal",
        "memo": f"{process}/memo",
    }


def check_dashboard(page) -> None:
    """The charts are images named by their title and description; the same numbers
    are in tables with captions."""
    charts = page.locator("main svg[role=img]")
    assert charts.count() >= 1, "the dashboard shows no chart"
    for index in range(charts.count()):
        chart = charts.nth(index)
        labelledby = chart.get_attribute("aria-labelledby") or ""
        assert labelledby.strip(), "a chart without aria-labelledby"
        for element_id in labelledby.split():
            expect(page.locator(f"[id='{element_id}']")).not_to_be_empty()
        expect(chart).to_have_accessible_name(re.compile(r"\S"))
        expect(chart.locator("title")).not_to_be_empty()
    tables = page.locator("main table.trend-table")
    assert tables.count() == charts.count(), "each chart has a table of its numbers"
    for index in range(tables.count()):
        expect(tables.nth(index).locator("caption")).not_to_be_empty()
        expect(tables.nth(index).locator("th[scope=col]").first).to_be_visible()


def check_survey_results(page) -> None:
    """Each distribution chart is a figure named by its caption, and its numbers are
    in a table with a caption."""
    sections = page.locator(
        "main section.survey-result", has=page.locator("figure.bar-chart")
    )
    assert sections.count() >= 1, "the results show no chart"
    for index in range(sections.count()):
        section = sections.nth(index)
        expect(section.locator("figure")).to_have_accessible_name(re.compile(r"\S"))
        expect(section.locator("table caption")).not_to_be_empty()


def sweep(page, pages: dict[str, str], lang: str, shot) -> list[str]:
    """Open each page: screenshots (at 320 px; in Finnish at desktop width too), then
    axe at both widths and the sideways-scrolling check (problems_on). Returns the
    problems found, in words."""
    found = []
    for name, path in pages.items():
        page.set_viewport_size(DESKTOP)
        response = page.goto(path)
        if response.status != 200:
            found.append(f"{name}: {path} answered {response.status}")
            continue
        if name == "dashboard":
            check_dashboard(page)
        if name == "survey-results":
            check_survey_results(page)
        if lang == "fi":  # the layout is the same in every language: time saved
            shot(page, f"{name}-{lang}-desktop")
        page.set_viewport_size(NARROW)
        shot(page, f"{name}-{lang}-320px")
        found += problems_on(page, name, lang, desktop_too=True)
    assert page.server_errors == [], page.server_errors
    return found


def import_bad_file(page, live_server, lang: str, shot) -> list[str]:
    """Send a CSV with bad rows: the page lists every problem by line, imports
    nothing, and is itself accessible at both widths."""
    page.set_viewport_size(DESKTOP)
    page.goto(f"/p/{live_server.process_slug}/monitoring/import")
    page.set_input_files(
        "#file",
        files=[
            {
                "name": "arvot.csv",
                "mimeType": "text/csv",
                "buffer": BAD_CSV.format(id=live_server.indicator_id).encode(),
            }
        ],
    )
    with page.expect_navigation() as navigation:
        page.click("main form [type=submit]")
    assert navigation.value.status == 422
    problems = page.locator(".import-problems tbody tr")
    expect(problems).to_have_count(3)
    expect(page.locator(".import-problems caption")).not_to_be_empty()
    lines = [problems.nth(i).locator("th").inner_text() for i in range(3)]
    assert lines == ["2", "3", "4"], lines
    expect(page.locator(".import-problems")).to_contain_text("arvot.csv")
    shot(page, f"import-errors-{lang}-desktop")
    page.set_viewport_size(NARROW)
    shot(page, f"import-errors-{lang}-320px")
    return problems_on(page, "import-errors", lang, desktop_too=True)


def open_as(new_page, lang: str):
    page = new_page(viewport=DESKTOP)
    watch_server_errors(page)
    page.goto(f"/language/{lang}")
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_facilitator_follow_up_pages(new_page, live_server, lang, shot):
    """Every plan, dashboard, survey and privacy page of the facilitator, and the
    import's problem list, passes axe at desktop width and at 320 px without
    sideways scrolling, in this language."""
    page = open_as(new_page, lang)
    sign_in(page)
    found = sweep(page, facilitator_pages(live_server), lang, shot)
    found += import_bad_file(page, live_server, lang, shot)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_observer_follow_up_pages(new_page, live_server, lang, shot):
    """The observer's plan, dashboard, survey results and account pages pass axe at
    both widths, in this language."""
    page = open_as(new_page, lang)
    sign_in(page, live_server.observer_email)
    found = sweep(page, observer_pages(live_server), lang, shot)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_participant_follow_up_pages(new_page, live_server, lang, shot):
    """A participant who joined by the invite link: the plan, dashboard, survey,
    discussion with a video and account pages pass axe at both widths."""
    page = open_as(new_page, lang)
    join(page, live_server, f"Seuraaja {lang}")
    assert "/join" not in page.url, f"joining failed: {page.url}"
    found = sweep(page, participant_pages(live_server), lang, shot)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_remaining_journey_pages_in_every_language(new_page, live_server, lang, shot):
    """The signed-out pages, and the facilitator's team, group and organisation lists
    and seminar, workshop, proposal and memo pages, pass axe at desktop width and at
    320 px in this language: with the sweep of the journeys (test_journey_pages),
    every page group the accessibility statement names is checked in three
    languages at both widths."""
    page = open_as(new_page, lang)
    found = sweep(page, signed_out_pages(live_server), lang, shot)
    sign_in(page)
    found += sweep(page, remaining_facilitator_pages(live_server), lang, shot)
    assert found == [], "\n".join(found)


def test_the_survey_is_answered_with_the_keyboard_alone(new_page, live_server, shot):
    """Each statement is one Tab stop, the arrow keys choose within it, the focus is
    always visible and in the visual order; the free text is typed and Enter sends."""
    page = new_page()
    errors = watch_server_errors(page)
    join(page, live_server, "Näppäimistön Käyttäjä")
    page.goto(f"/p/{live_server.process_slug}/surveys/{live_server.survey_phase_id}/")
    fieldsets = page.locator("form.survey-form fieldset.likert")
    names = [fieldsets.nth(i).get_attribute("id") for i in range(fieldsets.count())]
    assert len(names) == 2, names
    skip_to_main(page)
    walk = FormWalk()
    info = tab_to(page, "form.survey-form fieldset.likert input[type=radio]")
    chosen = {}
    for index, fieldset_id in enumerate(names):
        if index:
            page.keyboard.press("Tab")
            info = focus_info(page)
        assert_focus_visible(info)
        where = page.evaluate(
            "() => document.activeElement.closest('fieldset')?.id || ''"
        )
        assert where == fieldset_id, f"Tab went to {info['describe']}, not {where}"
        walk.steps.append(info)
        # The group's saved answer has the focus (or the first option, unanswered);
        # an arrow key moves to the next option and chooses it.
        before = page.evaluate("() => document.activeElement.value")
        page.keyboard.press("ArrowRight" if before != "na" else "ArrowLeft")
        moved = focus_info(page)
        assert_focus_visible(moved)
        value = page.evaluate(
            "() => document.activeElement.checked && document.activeElement.value"
        )
        assert value and value != before, f"the arrow key did not choose: {value!r}"
        chosen[fieldset_id] = value
        page.keyboard.press("ArrowLeft" if before != "na" else "ArrowRight")
        page.keyboard.press("ArrowRight" if before != "na" else "ArrowLeft")
        assert page.evaluate("() => document.activeElement.value") == value
    page.keyboard.press("Tab")
    info = focus_info(page)
    assert_focus_visible(info)
    assert info["tag"] == "TEXTAREA", f"after the statements: {info['describe']}"
    walk.steps.append(info)
    page.keyboard.press("Control+A")
    page.keyboard.type("Näppäimistöllä kirjoitettu vastaus.")
    info = tab_to(page, "form.survey-form [type=submit]", max_steps=5)
    walk.steps.append(info)
    walk.assert_visual_order()
    shot(page, "survey-keyboard-before-send")
    press_and_wait(page)
    expect(page.locator(".flashes .flash-success")).to_have_count(1)
    for fieldset_id, value in chosen.items():
        expect(
            page.locator(f"#{fieldset_id} input[type=radio][value='{value}']")
        ).to_be_checked()
    expect(page.locator("form.survey-form textarea")).to_have_value(
        "Näppäimistöllä kirjoitettu vastaus."
    )
    shot(page, "survey-keyboard-sent")
    assert errors == []


def test_the_video_loads_nothing_until_asked(new_page, live_server, shot):
    """Before "show the video" the discussion page asks nothing of any other host;
    the button then puts the privacy-enhanced player in the page. Requests to other
    hosts are answered inside the browser: nothing leaves the machine."""
    page = new_page()
    origin = live_server.url
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(
        lambda url: not url.startswith(origin),
        lambda route: route.fulfill(status=204, body=""),
    )
    join(page, live_server, "Videon Katsoja")
    page.goto(
        f"/p/{live_server.process_slug}/discussions/{live_server.video_phase_id}/"
    )
    page.wait_for_load_state("networkidle")

    def elsewhere() -> list[str]:
        return [url for url in requested if not url.startswith(origin + "/")]

    assert elsewhere() == [], f"requests before the button: {elsewhere()}"
    video = page.locator("section.video")
    expect(video.locator("details.transcript")).to_have_count(1)
    expect(video.locator(".video-frame")).to_be_hidden()
    shot(page, "video-before")
    button = video.locator("button[data-embed-src]")
    expect(button).to_be_visible()
    button.click()
    frame = video.locator(".video-frame iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/M7lc1UVf-VE")
    )
    expect(frame).to_have_attribute("title", re.compile(r"\S"))
    expect(button).to_be_hidden()
    page.wait_for_timeout(300)
    hosts = {urlsplit(url).netloc for url in elsewhere()}
    assert hosts == {"www.youtube-nocookie.com"}, hosts
    shot(page, "video-shown")
