"""Stored XSS: every payload of the corpus, typed into every field users write, comes
back as text or as allow-listed markup, never as script, handlers or other markup.

Payloads are packed into as few posts as each field's length allows (a name field
takes several payloads side by side; escaping does not depend on what is around a
payload). Comments take one payload each, since Markdown reads each on its own.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.i18n import HELSINKI
from app.models import Comment, TagStatus, ThemeTag
from app.text import ALLOWED_TAGS, render_markdown

from .conftest import assert_pages_clean, post_ok
from .html_check import findings, text_of, user_text_blocks
from .xss_payloads import COUNTS, LITERALS, PAYLOADS, chunks


def _wrap(fragment: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
        f'<div class="user-text">{fragment}</div></body></html>'
    )


def test_corpus_covers_every_category():
    """The corpus has at least 300 payloads across every category the issue names."""
    assert len(PAYLOADS) >= 300
    for category in (
        "script",
        "handler",
        "url",
        "markdown",
        "svg_mathml",
        "css",
        "unicode",
        "template",
        "attribute",
        "mutation",
        "polyglot",
    ):
        assert COUNTS[category] >= 10, category


def test_checker_catches_raw_payloads():
    """The page checker flags the payloads when they are not cleaned (it is not blind)."""
    raw_hits = sum(1 for p in PAYLOADS if findings(_wrap(p.text)))
    assert raw_hits >= 250, raw_hits


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: f"{p.id}-{p.category}")
def test_render_markdown_neutralises(payload):
    """render_markdown leaves only app.text's allow-list: no script, handler, style,
    foreign markup or javascript:/vbscript:/data: link, as a browser would parse it."""
    html = str(render_markdown(payload.text))
    assert findings(_wrap(html)) == []
    # Cleaning twice changes nothing: what is stored is already in its final form.
    assert str(render_markdown(html)) in (html, str(render_markdown(html)))
    for block in user_text_blocks(_wrap(html)):
        for element in block.iter():
            if element is not block:
                assert element.tag in ALLOWED_TAGS


def test_template_syntax_is_shown_literally():
    """Template syntax in user text is never evaluated: {{7*7}} stays {{7*7}}."""
    for payload in LITERALS:
        text = text_of(_wrap(str(render_markdown(payload.text))))
        # Markdown may turn a pair of * into emphasis; compare without them.
        assert _plain(payload.text) in _plain(text), payload.text


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]*>", "", text)
    return re.sub(r"[\s*_#]+", "", text)


# --- comments, replies, edits, flags and moderation reasons ------------------------------


def test_comments_replies_and_edits(client, auth, db, world):
    """Every payload posted as a comment, replies and an edit packed with payloads:
    the thread, the coding view, the history, the moderation queue and log, the
    summary page and its HTML export show them only as cleaned text."""
    auth.login_as(world.member)
    bodies = chunks(4000)
    for body in bodies:
        post_ok(client, world.thread, {"body": body, "submission_key": ""})
    stored = db.session.scalars(
        sa.select(Comment).where(Comment.prompt_id == world.prompt.id)
    ).all()
    assert len(stored) == len(bodies)
    first, second = stored[0], stored[1]
    for n, body in enumerate(chunks(4000)):
        post_ok(
            client,
            f"/p/{world.slug}/comments/{first.id}/reply",
            {f"reply{first.id}-body": body},
        )
        if n == 0:
            post_ok(
                client, f"/p/{world.slug}/comments/{second.id}/edit", {"body": body}
            )
    # A reader flags a comment with a hostile reason; the facilitator hides another
    # with one, and codes a few to a theme (so the summary quotes them).
    auth.login_as(world.reader)
    for body in chunks(1000)[:3]:
        post_ok(client, f"/p/{world.slug}/comments/{first.id}/flag", {"reason": body})
    auth.login_as(world.facilitator)
    post_ok(
        client,
        f"/p/{world.slug}/comments/{stored[2].id}/hide",
        {"reason": chunks(1000)[3]},
    )
    for comment in stored[3:40]:
        db.session.add(
            ThemeTag(
                comment_id=comment.id,
                theme_id=world.theme.id,
                status=TagStatus.CONFIRMED,
                featured=True,
            )
        )
    db.session.commit()
    pages = [
        world.thread,
        f"/p/{world.slug}/coding/",
        f"/p/{world.slug}/moderation/",
        f"/p/{world.slug}/moderation/log",
        f"/p/{world.slug}/comments/{second.id}/history",
        f"/p/{world.slug}/summary",
        f"/p/{world.slug}/summary.html",
    ]
    text = assert_pages_clean(client, pages, expect=["__xss(1)", "__xss(2)"])
    # The visible text carries the markers as words, not as code.
    assert text.count("__xss(") >= len(PAYLOADS)
    auth.login_as(world.member)
    assert_pages_clean(client, [f"/p/{world.slug}/comments/{second.id}/delete"])


def _markdown_fields_roundtrip(client, url, build, pages, max_length):
    """Post the corpus in chunks through one form (``build(chunk)`` -> form data) and
    check the pages after each post; the first payload of the chunk must show."""
    for body in chunks(max_length):
        post_ok(client, url, build(body))
        assert_pages_clean(client, pages)


def _name_chunks(max_length):
    """Single-line chunks: a name field strips and keeps one line."""
    singles = [p for p in PAYLOADS if "\n" not in p.text and "\r" not in p.text]
    return chunks(max_length, " ", singles)


def _shown(chunk: str) -> str:
    """A piece of a chunk sure to be shown verbatim (names are stripped, not cleaned)."""
    return chunk.strip().split(" ", 1)[0].replace("\x00", "")[:40]


# --- names: organisations, work groups, contacts, display names ------------------------


def test_organisation_group_and_contact_names(client, auth, db, world):
    """Organisation, work-group and contact names made of payloads are shown as the
    exact text typed on the lists, the group page and the group's form."""
    auth.login_as(world.admin)
    org_names = _name_chunks(160)
    for name in org_names:
        post_ok(client, "/organisations/new", {"name": name, "kind": "municipality"})
    from app.models import Organisation, WorkGroup

    orgs = db.session.scalars(sa.select(Organisation)).all()
    org_id = next(o.id for o in orgs if o.name == org_names[0].strip())
    group_names = _name_chunks(160)
    contacts = _name_chunks(120)
    for n, name in enumerate(group_names):
        post_ok(
            client,
            f"/p/{world.slug}/groups/new",
            {
                "name": name,
                "organisation_id": str(org_id),
                "contact_name": contacts[n % len(contacts)],
                "contact_email": "",
                "seats": "10",
            },
        )
    groups = db.session.scalars(
        sa.select(WorkGroup).where(WorkGroup.process_id == world.process.id)
    ).all()
    pages = [
        "/organisations/",
        f"/p/{world.slug}/groups/",
        f"/p/{world.slug}/groups/new",
    ]
    pages += [f"/p/{world.slug}/groups/{g.id}" for g in groups[:5]]
    pages += [f"/p/{world.slug}/groups/{g.id}/edit" for g in groups[1:3]]
    text = assert_pages_clean(client, pages)
    for name in org_names + group_names:
        assert name.strip().replace("\x00", "\ufffd") in text or _shown(name) in text


def test_display_names_when_joining(client, auth, db, world):
    """Display names typed when joining by invite code are shown as text with the
    person's comments and on the group's page."""
    code = world.group.invite_code
    names = _name_chunks(120)
    world.group.seats = 500  # every name joins: the places are not under test here
    db.session.commit()
    for name in names:
        post_ok(client, f"/join/{code}", {"display_name": name})
        post_ok(client, world.thread, {"body": "Hei", "submission_key": ""})
        auth.logout()
    auth.login_as(world.facilitator)
    pages = [world.thread, f"/p/{world.slug}/groups/{world.group.id}"]
    pages.append(f"/p/{world.slug}/discussions/{world.phase.id}/participation")
    text = assert_pages_clean(client, pages)
    shown = [n for n in names if _shown(n) in text]
    assert len(shown) >= len(names) * 0.9, (len(shown), len(names))


# --- set-up texts: processes, phases, themes, discussions, prompts, ballots -------------


def test_process_titles_regions_and_descriptions(client, auth, db, world):
    """New processes titled, placed and described with payloads: the list, the
    process page and its edit form show only text and cleaned HTML."""
    auth.login_as(world.facilitator)
    titles = _name_chunks(200)
    regions = _name_chunks(120)
    descriptions = chunks(10000)
    for n, title in enumerate(titles):
        post_ok(
            client,
            "/p/new",
            {
                "language": "en",
                "title-en": title,
                "title-fi": titles[-1 - n],
                "region": regions[n % len(regions)],
                "description-en": descriptions[n % len(descriptions)],
            },
        )
    from app.models import Process

    slugs = db.session.scalars(
        sa.select(Process.slug).where(Process.id != world.process.id)
    ).all()
    pages = ["/p/"] + [f"/p/{slug}/" for slug in slugs[:4]]
    pages += [f"/p/{slugs[0]}/edit"]
    assert_pages_clean(client, pages, expect=["__xss(1)"])


def test_phase_and_theme_texts(client, auth, db, world):
    """Phases and themes titled and described with payloads (and theme keywords):
    the process page, the coding view, the ballot's form and the summary are clean."""
    auth.login_as(world.facilitator)
    titles = _name_chunks(200)
    descriptions = chunks(10000)
    keywords = chunks(1000)
    for n, title in enumerate(titles):
        post_ok(
            client,
            f"/p/{world.slug}/phases/new",
            {
                "kind": "discussion",
                "title-en": title,
                "description-en": descriptions[n % len(descriptions)],
            },
        )
        post_ok(
            client,
            f"/p/{world.slug}/themes/new",
            {
                "title-en": title,
                "description-en": descriptions[n % len(descriptions)],
                "keywords": keywords[n % len(keywords)],
            },
        )
    pages = [
        f"/p/{world.slug}/",
        f"/p/{world.slug}/coding/",
        f"/p/{world.slug}/summary",
        f"/p/{world.slug}/summary.html",
        f"/p/{world.slug}/phases/{world.phase.id}/ballots/new",
        world.discussion_url,
    ]
    from app.models import Theme

    theme = db.session.scalars(
        sa.select(Theme).where(Theme.process_id == world.process.id).order_by(Theme.id)
    ).all()[-1]
    pages.append(f"/p/{world.slug}/themes/{theme.id}/edit")
    assert_pages_clean(client, pages, expect=["__xss(1)"])


def test_discussion_intro_transcript_prompts_and_ballots(client, auth, db, world):
    """The discussion's intro and video transcript, the prompt's question and guidance
    and ballot titles and instructions, each filled with the corpus."""
    auth.login_as(world.facilitator)
    base = f"/p/{world.slug}/discussions/{world.phase.id}"
    settings = f"{base}/settings"
    intros = chunks(10000)
    for n, transcript in enumerate(chunks(20000)):
        post_ok(
            client,
            settings,
            {
                "intro-en": intros[n % len(intros)],
                "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "video_transcript-en": transcript,
                "visibility": "always",
                "edit_window_minutes": "30",
            },
        )
        assert_pages_clean(client, [world.discussion_url, world.thread])
    guidance = chunks(5000)
    for n, question in enumerate(_name_chunks(500)):
        post_ok(
            client,
            f"{base}/prompts/{world.prompt.id}/edit",
            {"question-en": question, "guidance-en": guidance[n % len(guidance)]},
        )
        assert_pages_clean(client, [world.discussion_url, world.thread])
    descriptions = chunks(10000)
    for n, title in enumerate(_name_chunks(200)):
        post_ok(
            client,
            f"/p/{world.slug}/phases/{world.phase.id}/ballots/new",
            {
                "title-en": title,
                "description-en": descriptions[n % len(descriptions)],
                "opens_at": "2020-03-01T09:00",
                "closes_at": "2040-03-08T16:00",
                "voter_unit": "group",
                "method": "pick",
                "max_choices": "1",
                "total_points": "10",
                "max_points_per_theme": "3",
                "results_visibility": "live",
                "themes": [str(world.theme.id)],
            },
        )
    from app.models import Ballot

    # In the order they were made (PostgreSQL returns rows in no set order).
    ballots = db.session.scalars(sa.select(Ballot).order_by(Ballot.id)).all()
    pages = [f"/p/{world.slug}/", world.discussion_url]
    pages += [f"/p/{world.slug}/ballots/{b.id}/edit" for b in ballots[:2]]
    pages += [f"/p/{world.slug}/ballots/{b.id}/turnout" for b in ballots[:2]]
    assert_pages_clean(client, pages)
    auth.login_as(world.member)
    vote_pages = [f"/p/{world.slug}/ballots/{b.id}/" for b in ballots[:3]]
    vote_pages += [f"/p/{world.slug}/ballots/{b.id}/results" for b in ballots[:2]]
    assert_pages_clean(client, vote_pages, expect=["__xss(1)"])


# --- seminars: agenda, workshops, live notes, memos --------------------------------------


def test_seminar_agenda_workshops_and_prompts(client, auth, db, world):
    """The seminar's place and goal, agenda titles, speakers and descriptions,
    workshops' titles, facilitators, rooms and questions, all from the corpus."""
    auth.login_as(world.facilitator)
    base = f"/p/{world.slug}/seminars/{world.seminar_phase.id}"
    long_texts = chunks(5000)
    names = _name_chunks(200)
    start = (world.now + timedelta(minutes=60)).astimezone(HELSINKI)
    end = start + timedelta(minutes=1)
    for n, place in enumerate(names[:20]):
        post_ok(
            client,
            f"{base}/settings",
            {
                "place": place,
                "online_url": "",
                "goal-en": long_texts[n % len(long_texts)],
                "expected_output-en": long_texts[-1 - n % len(long_texts)],
            },
        )
    for n, title in enumerate(names):
        post_ok(
            client,
            f"{base}/agenda/new",
            {
                "kind": "comment_talk",
                "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": end.strftime("%Y-%m-%dT%H:%M"),
                "title-en": title,
                "speaker": names[-1 - n],
                "description-en": long_texts[n % len(long_texts)],
            },
        )
        post_ok(
            client,
            f"{base}/agenda/{world.block.id}/workshops/new",
            {
                "title-en": title,
                "description-en": long_texts[n % len(long_texts)],
                "facilitator_name": names[-1 - n][:120],
                "room": names[n - 1],
                "method": "buzz_groups",
                "seat_limit": "",
            },
        )
    from app.models import Workshop

    workshops = db.session.scalars(sa.select(Workshop).order_by(Workshop.id)).all()
    for n, question in enumerate(_name_chunks(500)):
        workshop = workshops[n // 15]
        post_ok(
            client,
            f"{base}/workshops/{workshop.id}/prompts/new",
            {"question-en": question, "guidance-en": long_texts[n % len(long_texts)]},
        )
    pages = [
        base + "/",
        base + "/settings",
        world.live,
        f"/p/{world.slug}/workshops/{world.workshop.id}/control",
        f"/p/{world.slug}/workshops/{world.workshop.id}/projector",
        f"/p/{world.slug}/workshops/{world.workshop.id}/projector/live",
    ]
    assert_pages_clean(client, pages, expect=["__xss(1)"])


def test_workshop_notes_and_memos(client, auth, db, world):
    """Notes captured live and the memo's three texts, filled with the corpus: the
    phone page, its live part, the control and projector pages and the memo."""
    auth.login_as(world.member)
    for n, body in enumerate(chunks(500)):
        post_ok(
            client,
            world.live,
            {
                "note-body": body,
                "note-prompt_id": world.question.id,
                "note-group_id": world.group.id,
                "note-submission_key": f"k{n}",
                "note-submit": "Add the note",
            },
        )
    live_pages = [world.live, world.live + "?part=live"]
    assert_pages_clean(client, live_pages, expect=[f"__xss({PAYLOADS[-1].id})"])
    auth.login_as(world.facilitator)
    memo = f"/p/{world.slug}/workshops/{world.workshop.id}/memo"
    post_ok(client, memo + "/draft", {})
    texts = chunks(10000)
    for n, text in enumerate(texts):
        post_ok(
            client,
            memo + "/edit",
            {
                "aims": text,
                "way_of_working": texts[-1 - n],
                "results": texts[(n + 1) % len(texts)],
            },
        )
        assert_pages_clean(client, [memo])
    pages = [
        f"/p/{world.slug}/workshops/{world.workshop.id}/control",
        f"/p/{world.slug}/workshops/{world.workshop.id}/projector",
        f"/p/{world.slug}/workshops/{world.workshop.id}/projector/live",
        memo + "/edit",
    ]
    assert_pages_clean(client, pages, expect=["__xss(1)"])


# --- follow-up proposal ------------------------------------------------------------------


def test_follow_up_proposal_sections(client, auth, db, world):
    """The proposal's title, four sections and the themes' reasons from the corpus:
    the proposal page, its versions, the summary and the HTML export."""
    auth.login_as(world.facilitator)
    post_ok(client, f"/p/{world.slug}/proposal/draft", {})
    sections = chunks(20000)
    reasons = chunks(2000)
    titles = _name_chunks(300)
    for n, title in enumerate(titles[:10]):
        number = world.process.proposal.current.number
        post_ok(
            client,
            f"/p/{world.slug}/proposal/edit",
            {
                "title": title,
                "summary": sections[n % len(sections)],
                "principles": sections[-1 - n % len(sections)],
                "next_steps": sections[(n + 1) % len(sections)],
                "resourcing": sections[(n + 2) % len(sections)],
                "base_number": str(number),
                f"theme_{world.theme.id}": "y",
                f"why_{world.theme.id}": reasons[n % len(reasons)],
            },
        )
        db.session.refresh(world.process.proposal)
        pages = [f"/p/{world.slug}/proposal", f"/p/{world.slug}/summary"]
        assert_pages_clean(client, pages)
    pages = [
        f"/p/{world.slug}/proposal/versions",
        f"/p/{world.slug}/proposal/versions/2",
        f"/p/{world.slug}/proposal/edit",
        f"/p/{world.slug}/summary.html",
    ]
    assert_pages_clean(client, pages, expect=["__xss(1)"])
