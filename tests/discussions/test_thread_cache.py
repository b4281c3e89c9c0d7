"""The thread page's cached comments (issue 19): never stale, never another reader's.

The comments are rendered once per thread version and class of readers, and each
reader's own parts (the "you" badge, edit links, no Report on their own comment, the
reply form with their token) are filled in per request. Every test here reads a page
after another reader has had it rendered, so that a leak would show.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from app.discussions import services as discussion_services
from app.discussions import services_comments as comments
from app.discussions import services_moderation as moderation
from app.fragment_cache import FragmentCache
from app.models import Comment, Prompt, Role, Visibility


def _now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture(autouse=True)
def english_pages(client):
    with client.session_transaction() as session:
        session["lang"] = "en"


@pytest.fixture()
def world(db, create_user, create_process, create_phase, create_group, app):
    """Two groups that have answered (Ann writes for the first, Bo for the second), a
    third that has not (Cy), a facilitator; the discussion shows others' comments
    only after one's group has answered."""
    facilitator = create_user(Role.FACILITATOR, name="Fanni Fasilitaattori")
    process = create_process(facilitator=facilitator, language="fi")
    ann = create_user(Role.PARTICIPANT, name="Ann")
    bo = create_user(Role.PARTICIPANT, name="Bo")
    cy = create_user(Role.PARTICIPANT, name="Cy")
    first = create_group(process, name="Kirjasto", members=(ann,))
    second = create_group(process, name="Nuorisotalo", members=(bo,))
    third = create_group(process, name="Koulu", members=(cy,))
    phase = create_phase(
        process,
        starts_at=_now() - timedelta(days=1),
        ends_at=_now() + timedelta(days=7),
    )
    discussion = discussion_services.ensure_discussion(phase)
    discussion.visibility = Visibility.AFTER_OWN_ANSWER
    prompt = discussion_services.add_prompt(
        discussion, question={"fi": "Mitä pitää kehittää?"}, guidance={}
    )
    db.session.commit()

    def post(user, group, body, reply_to=None):
        comment, _created = comments.post_comment(
            prompt, author=user, group=group, body=body, now=_now(), reply_to=reply_to
        )
        db.session.commit()
        return comment

    ann_comment = post(ann, first, "Kirjaston aukioloajat")
    bo_comment = post(bo, second, "Nuorisotalon tilat")
    return SimpleNamespace(
        process=process,
        prompt=prompt,
        facilitator=facilitator,
        ann=ann,
        bo=bo,
        cy=cy,
        groups=(first, second, third),
        ann_comment=ann_comment,
        bo_comment=bo_comment,
        post=post,
        url=f"/p/{process.slug}/discussions/{phase.id}/prompts/{prompt.id}/",
    )


def _cache(app) -> FragmentCache:
    return app.extensions["fragment_caches"]["thread"]


def _read(client, auth, user, url) -> str:
    auth.login_as(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.text


def _article(html: str, comment: Comment) -> str:
    match = re.search(
        rf'<article[^>]*id="comment-{comment.id}".*?</article>', html, re.S
    )
    assert match, f"comment {comment.id} not on the page"
    return match.group(0)


def test_a_reader_gets_their_own_parts_from_anothers_render(client, auth, world, app):
    """Ann's render is reused for Bo (the same class), yet each sees their own."""
    ann_page = _read(client, auth, world.ann, world.url)
    hits = _cache(app).hits
    bo_page = _read(client, auth, world.bo, world.url)
    assert _cache(app).hits == hits + 1, "Bo's page was rendered again"

    mine, theirs = (
        _article(ann_page, world.ann_comment),
        _article(ann_page, world.bo_comment),
    )
    assert 'class="badge">you<' in mine and "/edit" in mine and "/flag" not in mine
    assert "you<" not in theirs and "/edit" not in theirs and "/flag" in theirs

    mine, theirs = (
        _article(bo_page, world.bo_comment),
        _article(bo_page, world.ann_comment),
    )
    assert 'class="badge">you<' in mine and "/edit" in mine and "/flag" not in mine
    assert "you<" not in theirs and "/edit" not in theirs and "/flag" in theirs
    assert "<!--slot" not in bo_page


def test_reply_forms_carry_the_readers_own_fields(client, auth, world, db):
    """Bo's reply form (on a page first rendered for Ann) posts for Bo's group."""
    _read(client, auth, world.ann, world.url)
    page = _read(client, auth, world.bo, world.url)
    form = _article(page, world.ann_comment)
    prefix = f"reply{world.ann_comment.id}"
    assert f'name="{prefix}-body"' in form
    group_id = re.search(rf'name="{prefix}-group_id" value="(\d+)"', form).group(1)
    assert int(group_id) == world.groups[1].id
    key = re.search(rf'name="{prefix}-submission_key"[^>]*value="([^"]+)"', form)
    key = key or re.search(rf'value="([^"]+)"[^>]*name="{prefix}-submission_key"', form)
    response = client.post(
        f"/p/{world.process.slug}/comments/{world.ann_comment.id}/reply",
        data={
            f"{prefix}-body": "Samaa mieltä",
            f"{prefix}-group_id": group_id,
            f"{prefix}-submission_key": key.group(1),
        },
    )
    assert response.status_code == 302
    reply = db.session.scalar(sa.select(Comment).where(Comment.body == "Samaa mieltä"))
    assert reply.author_id == world.bo.id and reply.group_id == world.groups[1].id


def test_classes_do_not_share_a_render(client, auth, world):
    """The team's links never reach participants, nor others' comments a group that
    may not read them yet, whoever's render came first."""
    facilitator_page = _read(client, auth, world.facilitator, world.url)
    assert "/hide" in facilitator_page and "posted by Ann" in facilitator_page
    ann_page = _read(client, auth, world.ann, world.url)
    assert "/hide" not in ann_page and "posted by" not in ann_page
    cy_page = _read(client, auth, world.cy, world.url)
    assert "Kirjaston aukioloajat" not in cy_page
    assert "Nuorisotalon tilat" not in cy_page
    assert "Your group's comments will appear here." in cy_page


CHANGES = {
    "a new comment": lambda w, db: w.post(w.bo, w.groups[1], "Uusi ajatus"),
    "an edit": lambda w, db: comments.edit_comment(
        w.ann_comment, editor=w.ann, body="Uusi ajatus", now=_now()
    ),
    "a hidden comment": lambda w, db: moderation.hide_comment(
        w.bo_comment, actor=w.facilitator, reason="Uusi ajatus", now=_now()
    ),
    "a renamed group": lambda w, db: setattr(w.groups[1], "name", "Uusi ajatus"),
    "a renamed organisation": lambda w, db: setattr(
        w.groups[0].organisation, "name", "Uusi ajatus"
    ),
    "a renamed author": lambda w, db: setattr(w.bo, "name", "Uusi ajatus"),
    "a bulk update": lambda w, db: db.session.execute(
        sa.update(Comment)
        .where(Comment.id == w.bo_comment.id)
        .values(body_html="<p>Uusi ajatus</p>")
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_change_shows_at_once(client, auth, world, db, change):
    """After each kind of change the next page shows it (the team reads names)."""
    assert "Uusi ajatus" not in _read(client, auth, world.facilitator, world.url)
    version = world.prompt.thread_version
    CHANGES[change](world, db)
    db.session.commit()
    assert db.session.get(Prompt, world.prompt.id).thread_version != version
    assert "Uusi ajatus" in _read(client, auth, world.facilitator, world.url)


def test_a_report_shows_in_the_teams_count(client, auth, world, db):
    assert "1 report" not in _read(client, auth, world.facilitator, world.url)
    moderation.flag_comment(
        world.bo_comment, user=world.ann, reason="Asiaton", now=_now()
    )
    db.session.commit()
    assert "1 report" in _read(client, auth, world.facilitator, world.url)


def test_edit_links_end_with_the_edit_window(client, auth, world, db):
    """The links are the reader's and the moment's, never cached."""
    assert "/edit" in _article(
        _read(client, auth, world.ann, world.url), world.ann_comment
    )
    discussion = world.prompt.discussion
    discussion.edit_window_minutes = 0
    db.session.commit()  # no comment changed: the same cached comments
    page = _read(client, auth, world.ann, world.url)
    assert "/edit" not in _article(page, world.ann_comment)


def test_a_mark_written_in_a_comment_is_only_text(client, auth, world):
    """Marks are HTML comments, which a comment's text cannot hold."""
    world.post(
        world.bo, world.groups[1], "<!--slot:you:1-->x<!--/slot--> ja `<!--slot`"
    )
    page = _read(client, auth, world.ann, world.url)
    assert "<!--slot" not in page and "&lt;!--slot" in page


def test_without_a_cache_every_page_is_rendered(client, auth, world, app, monkeypatch):
    monkeypatch.setitem(app.config, "FRAGMENT_CACHE_BYTES", 0)
    monkeypatch.setitem(app.extensions, "fragment_caches", {})
    for _ in range(2):
        page = _read(client, auth, world.ann, world.url)
        assert 'class="badge">you<' in _article(page, world.ann_comment)
    assert len(_cache(app)) == 0
    assert (_cache(app).hits, _cache(app).misses) == (0, 2)


def test_the_cache_keeps_to_its_bytes():
    cache = FragmentCache(max_bytes=100)
    cache.put("a", "A", 40)
    cache.put("b", "B", 40)
    assert cache.get("a") == "A"  # now the most recently used
    cache.put("c", "C", 40)
    assert cache.get("b") is None and cache.get("a") == "A" and cache.get("c") == "C"
    assert cache.size == 80
    cache.put("huge", "H", 101)
    assert cache.get("huge") is None and len(cache) == 2


def test_a_render_runs_a_fixed_number_of_statements(
    client, auth, world, app, monkeypatch, count_statements, create_user, create_group
):
    """Without the cache (every page rendered), more threads, replies and groups do
    not mean more statements; with it, a page read again runs fewer."""

    def statements() -> int:
        auth.login_as(world.facilitator)
        with count_statements() as log:
            assert client.get(world.url).status_code == 200
        return len(log)

    cached = (statements(), statements())[1]
    monkeypatch.setitem(app.config, "FRAGMENT_CACHE_BYTES", 0)
    monkeypatch.setitem(app.extensions, "fragment_caches", {})
    few = statements()
    for n in range(6):
        author = create_user(Role.PARTICIPANT)
        group = create_group(world.process, members=(author,))
        thread = world.post(author, group, f"Ketju {n}")
        world.post(world.ann, world.groups[0], f"Vastaus {n}", reply_to=thread)
    assert statements() == few
    assert cached < few
