"""The whole journey in a real browser, by mouse: a facilitator sets a process up, two
work groups of two organisations discuss and vote, the facilitator codes the comments,
reads the results and downloads the Word memo. Every page passes axe and is
screenshotted (test-artifacts/test_the_whole_journey_by_mouse-NN-*.png); the pages are
recorded for the 320 px / three-language sweep in test_journey_pages.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .journey import (
    RECORD,
    TRANSCRIPT,
    VIDEO_URL,
    check_page,
    discussion_times,
    docx_text,
    local_input,
    path_of,
    stub_video_host,
    watch_server_errors,
)

pytestmark = pytest.mark.e2e

TITLE = "Tuusulanjärven kirjastojen kehittämispolku"
TITLE_EN = "Lake Tuusula libraries development path"
THEMES = {
    "Lukemisen ilo": "lukupiiri, lukupiirit, lukeminen, kirjavinkkaus",
    "Tilat ja kalusteet": "tilat, sohvat, kalusteet, hiljainen",
    "Kuntien yhteistyö": "yhteistyö, kunnat, yhteinen",
}
QUESTIONS = [
    "Mikä kirjastossanne toimii hyvin?",
    "Mitä kirjastossanne pitäisi kehittää?",
]
GROUPS = [
    ("Järvenpään kirjaston työryhmä", "Järvenpään kaupunki, e2e"),
    ("Tuusulan kirjaston työryhmä", "Tuusulan kunta, e2e"),
]
COMMENT_A = "Lasten lukupiiri kokoontuu joka viikko, ja lukupiiri on aina täynnä."
COMMENT_A2 = "Lisää hiljaisia tiloja opiskelijoille."
COMMENT_B = "Meillä uudet sohvat ja kalusteet tekivät tiloista suositut."
#: For the requests that lemmatise Finnish the first time in a server worker.
SLOW = 60_000
REPLY_B = "Samoin meillä: lukupiiri toi uusia lukijoita."


def submit(page) -> None:
    with page.expect_navigation():
        page.click(
            "main form:not(.inline-form):not([method=get]) [type=submit]:visible"
        )


def create_process(page, shot, pages) -> str:
    """Sign in, create the process and its themes; return the process's path."""
    sign_in(page)
    check_page(page, pages, "01-front-signed-in", shot)
    page.goto("/p/")
    check_page(page, pages, "02-processes", shot)
    with page.expect_navigation():
        page.click("main a[href='/p/new']")
    page.fill("#title-fi", TITLE)
    page.fill("#title-en", TITLE_EN)
    page.fill("#region", "Keski-Uusimaa")
    page.fill(
        "#description-fi", "Kahden kunnan kirjastojen **yhteinen** kehittämistyö."
    )
    check_page(page, pages, "03-process-form", shot)
    submit(page)
    assert page.inner_text("h1") == TITLE
    process = path_of(page.url)
    check_page(page, pages, "04-process-created", shot)
    for number, (theme, keywords) in enumerate(THEMES.items()):
        with page.expect_navigation():
            page.click(f"main a[href='{process}themes/new']")
        page.fill("#title-fi", theme)
        page.fill("#keywords", keywords)
        if number == 0:
            check_page(page, pages, "05-theme-form", shot)
        submit(page)
    for theme in THEMES:
        expect(page.locator("main")).to_contain_text(theme)
    check_page(page, pages, "06-themes-added", shot)
    return process


def add_discussion(page, shot, pages, process: str) -> str:
    """Add an open discussion phase with a video, a transcript and two questions."""
    with page.expect_navigation():
        page.click(f"main a[href='{process}phases/new']")
    starts, ends = discussion_times()
    page.select_option("#kind", "discussion")
    page.fill("#title-fi", "Kirjastojen verkkokeskustelu")
    page.fill("#starts_at", local_input(starts))
    page.fill("#ends_at", local_input(ends))
    check_page(page, pages, "07-phase-form", shot)
    submit(page)
    settings = page.locator("main a[href$='/settings'][href*='/discussions/']").last
    with page.expect_navigation():
        settings.click()
    discussion = path_of(page.url).removesuffix("settings")
    page.fill("#intro-fi", "Keskustelkaa työryhmässä ja kirjoittakaa ryhmän vastaus.")
    page.fill("#video_url", VIDEO_URL)
    page.fill("#video_transcript-fi", TRANSCRIPT)
    check_page(page, pages, "08-discussion-settings", shot)
    submit(page)
    for number, question in enumerate(QUESTIONS):
        page.goto(f"{discussion}settings")
        with page.expect_navigation():
            page.click(f"main a[href='{discussion}prompts/new']")
        page.fill("#question-fi", question)
        page.fill("#guidance-fi", "Kertokaa *esimerkki*.")
        if number == 0:
            check_page(page, pages, "09-question-form", shot)
        submit(page)
    for question in QUESTIONS:
        expect(page.locator("main")).to_contain_text(question)
    check_page(page, pages, "10-questions-added", shot)
    return discussion


def add_groups(page, shot, pages, process: str) -> list[str]:
    """Create two work groups of two new organisations; return their invite paths."""
    invites = []
    for number, (group, organisation) in enumerate(GROUPS):
        page.goto(process)
        with page.expect_navigation():
            page.click(f"main a[href='{process}groups/new']")
        # Typed first: adding the organisation brings the user back with it kept.
        page.fill("#name", group)
        page.fill("#contact_name", "Kaisa Yhteyshenkilö")
        with page.expect_navigation():
            page.click("main [name='add_organisation']")
        page.fill("#name", organisation)
        page.select_option("#kind", "municipality")
        if number == 0:
            check_page(page, pages, "11-organisation-form", shot)
        submit(page)
        assert path_of(page.url).startswith(f"{process}groups/new?draft="), page.url
        expect(page.locator("#name")).to_have_value(group)
        expect(page.locator("#contact_name")).to_have_value("Kaisa Yhteyshenkilö")
        expect(page.locator("#organisation_id option:checked")).to_have_text(
            organisation
        )
        if number == 0:
            check_page(page, pages, "12-group-form", shot)
        with page.expect_navigation():
            page.click("main #submit")
        assert page.inner_text("h1") == group
        invite = page.input_value("#invite-url")
        assert "/join/" in invite, invite
        invites.append(path_of(invite))
        check_page(page, pages, f"13-group-{number + 1}", shot)
    return invites


def add_ballot(page, shot, pages, discussion: str) -> None:
    """Set up a ballot in the discussion: each group picks up to two themes."""
    page.goto(discussion)
    with page.expect_navigation():
        page.click("main a[href*='/ballots/new']")
    page.fill("#title-fi", "Tärkeimmät kehittämisteemat")
    page.fill("#description-fi", "Valitkaa enintään *kaksi* teemaa.")
    page.check("#method-0")  # pick
    page.fill("#max_choices", "2")
    page.check("input[name=results_visibility][value=live]")
    check_page(page, pages, "14-ballot-form", shot)
    submit(page)
    expect(page.locator("main")).to_contain_text("Tärkeimmät kehittämisteemat")
    check_page(page, pages, "15-discussion-with-ballot", shot)


def join_group(page, shot, pages, invite: str, name: str, step: str) -> None:
    page.goto(invite)
    check_page(page, pages, f"{step}-join", shot)
    page.fill("#display_name", name)
    with page.expect_navigation():
        page.click("main form [type=submit]")
    assert TITLE == page.inner_text("h1")


def open_thread(page, discussion: str, number: int) -> None:
    page.goto(discussion)
    with page.expect_navigation():
        page.click(f"main a.button[href^='{discussion}prompts/'] >> nth={number}")


def post(page, text: str) -> None:
    page.fill("#body", text)
    with page.expect_navigation():
        page.click("form[data-draft-key^=prompt] [type=submit]")
    expect(page.locator(".flash.posted")).to_have_count(1)


def vote(page, discussion: str, themes: list[str]) -> None:
    page.goto(discussion)
    with page.expect_navigation():
        page.click("main a[href*='/ballots/']:not([href$='results'])")
    for theme in themes:
        page.get_by_label(theme, exact=True).check()
    with page.expect_navigation():
        page.click("form.ballot-form [type=submit]")
    expect(page.locator(".flashes .flash-success")).to_have_count(1)


def test_the_whole_journey_by_mouse(new_page, live_server, shot):
    """Set-up, two groups discussing (reading rule, a reply) and voting, coding, results
    and the Word memo: every step works, every page passes axe in Finnish."""
    facilitator = new_page()
    watch_server_errors(facilitator)
    stub_video_host(facilitator)
    fac = RECORD.facilitator
    process = create_process(facilitator, shot, fac)
    discussion = add_discussion(facilitator, shot, fac, process)
    invites = add_groups(facilitator, shot, fac, process)
    add_ballot(facilitator, shot, fac, discussion)
    RECORD.invite_path = invites[0]

    # Group A joins by its link and answers both questions first.
    group_a, group_b = new_page(), new_page()
    part = RECORD.participant
    for page in (group_a, group_b):
        watch_server_errors(page)
        stub_video_host(page)
    join_group(group_a, shot, part, invites[0], "Aino Järvenpää", "16")
    check_page(group_a, part, "17-process-participant", shot)
    group_a.goto(discussion)
    video = group_a.locator("section.video")
    expect(video.locator("details.transcript")).to_contain_text(TRANSCRIPT)
    expect(video.locator(f"a[href='{VIDEO_URL}']")).to_have_count(1)
    check_page(group_a, part, "18-discussion-participant", shot)
    open_thread(group_a, discussion, 0)
    check_page(group_a, part, "19-thread-before-answer", shot)
    post(group_a, COMMENT_A)
    check_page(group_a, part, "20-thread-answered", shot)
    open_thread(group_a, discussion, 1)
    post(group_a, COMMENT_A2)

    # Group B does not see A's comment before answering (the reading rule), then does.
    join_group(group_b, shot, None, invites[1], "Bertta Tuusula", "21")
    open_thread(group_b, discussion, 0)
    expect(group_b.locator("main")).not_to_contain_text(COMMENT_A)
    check_page(group_b, None, "22-group-b-before-answer", shot)
    post(group_b, COMMENT_B)
    expect(group_b.locator("main")).to_contain_text(COMMENT_A)
    comment_a = group_b.locator("article.comment", has_text=COMMENT_A)
    comment_a.locator("summary").click()
    comment_a.locator("textarea").fill(REPLY_B)
    check_page(group_b, None, "23-group-b-replying", shot)
    with group_b.expect_navigation():
        comment_a.locator("[type=submit]").click()
    expect(group_b.locator(".reply-list")).to_contain_text(REPLY_B)
    check_page(group_b, None, "24-group-b-replied", shot)

    # A reads B's comment and its reply.
    open_thread(group_a, discussion, 0)
    expect(group_a.locator("main")).to_contain_text(COMMENT_B)
    expect(group_a.locator(".reply-list")).to_contain_text(REPLY_B)
    check_page(group_a, None, "25-group-a-reads-b", shot)

    # Both vote: the reading theme gets both groups, premises one.
    vote(group_a, discussion, ["Lukemisen ilo", "Tilat ja kalusteet"])
    check_page(group_a, part, "26-ballot-voted", shot)
    vote(group_b, discussion, ["Lukemisen ilo"])
    check_page(group_b, None, "27-group-b-voted", shot)

    # The facilitator codes: accepts a suggestion, chooses a theme by hand.
    facilitator.goto(f"{process}coding/")
    check_page(facilitator, fac, "28-coding", shot)
    # The first suggestions of a server worker load simplemma's Finnish dictionary
    # (seconds on a busy machine): a longer wait here.
    with facilitator.expect_navigation(timeout=SLOW):
        facilitator.click("form.suggest-form [type=submit]", timeout=SLOW)
    card_a = facilitator.locator("article.coding-card", has_text=COMMENT_A)
    suggestion = card_a.locator("li.tag-suggested", has_text="Lukemisen ilo")
    expect(suggestion).to_have_count(1)
    check_page(facilitator, None, "29-coding-suggested", shot)
    with facilitator.expect_navigation():
        suggestion.locator("form[action$='/accept'] button").click()
    card_a = facilitator.locator("article.coding-card", has_text=COMMENT_A)
    expect(card_a.locator("li.tag-confirmed")).to_contain_text("Lukemisen ilo")
    card_b = facilitator.locator("article.coding-card", has_text=COMMENT_B)
    card_b.locator("select[name=theme]").select_option(label="Tilat ja kalusteet")
    with facilitator.expect_navigation():
        card_b.locator("form.add-code [type=submit]").click()
    card_b = facilitator.locator("article.coding-card", has_text=COMMENT_B)
    expect(card_b.locator("li.tag-confirmed")).to_contain_text("Tilat ja kalusteet")
    check_page(facilitator, None, "30-coded", shot)

    # The results: a chart with a name, the same numbers in a table.
    facilitator.goto(discussion)
    with facilitator.expect_navigation():
        facilitator.click("main a[href$='/results']")
    figure = facilitator.get_by_role("figure")
    expect(figure).to_have_count(1)
    expect(figure).to_have_accessible_name(
        facilitator.inner_text("figure.bar-chart figcaption")
    )
    table = facilitator.locator("table.results-table")
    expect(table.locator("caption")).not_to_be_empty()
    first = table.locator("tbody tr").first
    expect(first.locator("th[scope=row]")).to_have_text("Lukemisen ilo")
    expect(first.locator("td").nth(1)).to_have_text("2")
    check_page(facilitator, fac, "31-results", shot)

    # The Word memo: a real .docx with the process's title and a comment.
    facilitator.goto(f"{process}summary")
    check_page(facilitator, fac, "32-summary", shot)
    with facilitator.expect_download(timeout=SLOW) as download_info:
        facilitator.click("main a[href*='summary.docx']", timeout=SLOW)
    download = download_info.value
    assert download.suggested_filename.endswith(".docx"), download.suggested_filename
    text = docx_text(download.path().read_bytes())
    assert TITLE in text
    assert COMMENT_A in text, "the coded comment is quoted in the memo"
    assert facilitator.server_errors == group_a.server_errors == []
    assert group_b.server_errors == []
    RECORD.complete = True
