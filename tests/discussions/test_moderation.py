"""Moderation: reports, hiding, restoring, locking, the queue, the audit log, history."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from flask import session
from flask_login import login_user

from app.comments import groups_of
from app.discussions import (
    queries_moderation,
    queries_threads,
    services,
    services_comments,
    thread_cache,
)
from app.discussions import services_moderation as moderation
from app.models import (
    CommentFlag,
    ModerationAction,
    ModerationEvent,
    Role,
    Visibility,
)
from app.permissions import may_read_comment


def _now():
    return datetime.now(UTC)


@pytest.fixture()
def mod(world, db, create_user, create_group):
    """Two work groups under one prompt; the other group has written a comment."""
    world.discussion.visibility = Visibility.ALWAYS
    prompt = services.add_prompt(
        world.discussion, question={"fi": "Kysymys?"}, guidance={}
    )
    db.session.commit()
    own_group = groups_of(world.member, world.process.id)[0]
    writer = create_user(Role.PARTICIPANT)
    other_group = create_group(world.process, members=(writer,), name="Kylän nuoret")
    comment, _ = services_comments.post_comment(
        prompt, author=writer, group=other_group, body="Huono *kommentti*", now=_now()
    )
    db.session.commit()
    return SimpleNamespace(
        world=world,
        prompt=prompt,
        own_group=own_group,
        other_group=other_group,
        writer=writer,
        comment=comment,
        slug=world.process.slug,
        url=f"/p/{world.process.slug}/comments/{comment.id}",
    )


def _events(db, comment=None):
    stmt = sa.select(ModerationEvent).order_by(ModerationEvent.id)
    if comment is not None:
        stmt = stmt.where(ModerationEvent.comment_id == comment.id)
    return list(db.session.scalars(stmt))


def _reply(mod, db):
    reply, _ = services_comments.post_comment(
        mod.prompt,
        author=mod.world.member,
        group=mod.own_group,
        body="Vastaus",
        now=_now(),
        reply_to=mod.comment,
    )
    db.session.commit()
    return reply


# Services ------------------------------------------------------------------------


def test_flag_writes_a_report_and_an_audit_row(mod, db):
    """A reader's report is saved with its reason, and logged: who, what, when, why."""
    now = _now()
    flag, created = moderation.flag_comment(
        mod.comment, user=mod.world.member, reason="  Loukkaava  ", now=now
    )
    db.session.commit()
    assert created and flag.reason == "Loukkaava" and flag.resolved_at is None
    assert mod.comment.open_flags == [flag]
    (event,) = _events(db)
    assert (event.actor_id, event.action, event.reason, event.created_at) == (
        mod.world.member.id,
        ModerationAction.FLAG,
        "Loukkaava",
        now,
    )
    assert event.process_id == mod.world.process.id
    assert event.comment_id == mod.comment.id


def test_a_second_report_replaces_the_reason(mod, db):
    """One report per reader: flagging again updates the reason, and is logged again."""
    moderation.flag_comment(mod.comment, user=mod.world.member, reason="A", now=_now())
    flag, created = moderation.flag_comment(
        mod.comment, user=mod.world.member, reason="B", now=_now()
    )
    db.session.commit()
    assert not created and flag.reason == "B"
    assert db.session.scalar(sa.select(sa.func.count(CommentFlag.id))) == 1
    assert [e.reason for e in _events(db)] == ["A", "B"]


def test_a_dismissed_report_can_be_made_again(mod, db):
    """After a facilitator dismissed the report, reporting again reopens it."""
    moderation.flag_comment(mod.comment, user=mod.world.member, reason="A", now=_now())
    moderation.dismiss_flags(mod.comment, actor=mod.world.facilitator, now=_now())
    assert mod.comment.open_flags == []
    later = _now() + timedelta(minutes=5)
    flag, created = moderation.flag_comment(
        mod.comment, user=mod.world.member, reason="Taas", now=later
    )
    assert not created and flag.resolved_at is None and flag.created_at == later
    assert mod.comment.open_flags == [flag]


def test_flag_refusals(mod, db):
    """Own, deleted and hidden comments cannot be reported; a reason is needed."""
    with pytest.raises(moderation.CannotFlagOwn):
        moderation.flag_comment(mod.comment, user=mod.writer, reason="x", now=_now())
    with pytest.raises(moderation.ReasonMissing):
        moderation.flag_comment(
            mod.comment, user=mod.world.member, reason="  ", now=_now()
        )
    with pytest.raises(moderation.ReasonTooLong):
        moderation.flag_comment(
            mod.comment, user=mod.world.member, reason="x" * 1001, now=_now()
        )
    mod.comment.hidden_at = _now()
    with pytest.raises(moderation.CannotFlagRemoved):
        moderation.flag_comment(
            mod.comment, user=mod.world.member, reason="x", now=_now()
        )
    mod.comment.hidden_at = None
    mod.comment.deleted_at = _now()
    with pytest.raises(moderation.CannotFlagRemoved):
        moderation.flag_comment(
            mod.comment, user=mod.world.member, reason="x", now=_now()
        )
    assert _events(db) == []


def test_hide_sets_the_reason_and_resolves_reports(mod, db):
    """Hiding shows the reason in place, resolves the open reports and is logged."""
    moderation.flag_comment(mod.comment, user=mod.world.member, reason="A", now=_now())
    moderation.flag_comment(
        mod.comment, user=mod.world.observer, reason="B", now=_now()
    )
    now = _now()
    event = moderation.hide_comment(
        mod.comment, actor=mod.world.facilitator, reason="Asiaton", now=now
    )
    db.session.commit()
    comment = mod.comment
    assert comment.is_hidden and comment.hidden_at == now
    assert comment.hidden_reason == "Asiaton"
    assert comment.hidden_by_id == mod.world.facilitator.id
    assert comment.open_flags == []
    assert all(
        f.resolved_at == now and f.resolved_by_id == mod.world.facilitator.id
        for f in comment.flags
    )
    assert (event.action, event.reason, event.actor_id, event.created_at) == (
        ModerationAction.HIDE,
        "Asiaton",
        mod.world.facilitator.id,
        now,
    )


def test_hide_refusals(mod, db):
    """Hiding needs a reason of at most 1000 characters, once, and a comment with text."""
    actor = mod.world.facilitator
    with pytest.raises(moderation.ReasonMissing):
        moderation.hide_comment(mod.comment, actor=actor, reason="", now=_now())
    with pytest.raises(moderation.ReasonTooLong):
        moderation.hide_comment(mod.comment, actor=actor, reason="x" * 1001, now=_now())
    moderation.hide_comment(mod.comment, actor=actor, reason="x" * 1000, now=_now())
    with pytest.raises(moderation.AlreadyHidden):
        moderation.hide_comment(mod.comment, actor=actor, reason="x", now=_now())
    other, _ = services_comments.post_comment(
        mod.prompt, author=mod.writer, group=mod.other_group, body="Pois", now=_now()
    )
    other.deleted_at = _now()
    with pytest.raises(moderation.CannotHideDeleted):
        moderation.hide_comment(other, actor=actor, reason="x", now=_now())
    assert len(_events(db)) == 1


def test_restore_shows_the_comment_again(mod, db):
    """Restoring clears the hiding; the reason is optional; a shown one is refused."""
    actor = mod.world.facilitator
    with pytest.raises(moderation.NotHidden):
        moderation.restore_comment(mod.comment, actor=actor, reason="", now=_now())
    moderation.hide_comment(mod.comment, actor=actor, reason="Asiaton", now=_now())
    event = moderation.restore_comment(mod.comment, actor=actor, reason="", now=_now())
    assert not mod.comment.is_hidden
    assert mod.comment.hidden_reason == "" and mod.comment.hidden_by_id is None
    assert event.action is ModerationAction.RESTORE and event.reason == ""


def test_lock_and_unlock_a_thread(mod, db):
    """A locked thread takes no replies; unlocking opens it again. Both are logged."""
    actor = mod.world.facilitator
    with pytest.raises(moderation.ReasonMissing):
        moderation.lock_thread(mod.comment, actor=actor, reason="", now=_now())
    with pytest.raises(moderation.NotLocked):
        moderation.unlock_thread(mod.comment, actor=actor, now=_now())
    moderation.lock_thread(mod.comment, actor=actor, reason="Kiertää kehää", now=_now())
    db.session.commit()
    assert mod.comment.is_locked
    with pytest.raises(moderation.AlreadyLocked):
        moderation.lock_thread(mod.comment, actor=actor, reason="x", now=_now())
    with pytest.raises(services_comments.ThreadLocked):
        _reply(mod, db)
    db.session.rollback()
    moderation.unlock_thread(mod.comment, actor=actor, reason="", now=_now())
    assert not mod.comment.is_locked
    assert [e.action for e in _events(db)] == [
        ModerationAction.LOCK,
        ModerationAction.UNLOCK,
    ]


def test_only_a_top_level_comment_locks(mod, db):
    """A reply is not a thread: locking or unlocking it is refused."""
    reply = _reply(mod, db)
    with pytest.raises(moderation.NotAThread):
        moderation.lock_thread(
            reply, actor=mod.world.facilitator, reason="x", now=_now()
        )
    with pytest.raises(moderation.NotAThread):
        moderation.unlock_thread(reply, actor=mod.world.facilitator, now=_now())


def test_dismiss_resolves_reports(mod, db):
    """Dismissing closes the open reports; without any it is refused."""
    actor = mod.world.facilitator
    with pytest.raises(moderation.NoOpenFlags):
        moderation.dismiss_flags(mod.comment, actor=actor, now=_now())
    moderation.flag_comment(mod.comment, user=mod.world.member, reason="A", now=_now())
    event = moderation.dismiss_flags(
        mod.comment, actor=actor, reason="Asiallinen", now=_now()
    )
    assert mod.comment.open_flags == [] and not mod.comment.is_hidden
    assert event.action is ModerationAction.DISMISS_FLAGS
    assert event.reason == "Asiallinen"


def test_refusal_names_what_blocks_an_action(mod):
    """The confirmation pages ask first: None when the action can be done."""
    assert moderation.refusal("hide", mod.comment) is None
    assert isinstance(moderation.refusal("restore", mod.comment), moderation.NotHidden)
    assert isinstance(
        moderation.refusal("dismiss", mod.comment), moderation.NoOpenFlags
    )
    assert moderation.flag_refusal(mod.comment, mod.world.member) is None
    assert isinstance(
        moderation.flag_refusal(mod.comment, mod.writer), moderation.CannotFlagOwn
    )


def test_queue_orders_by_reports_then_age(
    mod, db, create_user, create_process, create_phase, create_group
):
    """The most reported comment first, then the longest waiting; hidden ones apart."""
    base = _now()
    second, _ = services_comments.post_comment(
        mod.prompt, author=mod.writer, group=mod.other_group, body="Toinen", now=base
    )
    third, _ = services_comments.post_comment(
        mod.prompt, author=mod.writer, group=mod.other_group, body="Kolmas", now=base
    )
    gone, _ = services_comments.post_comment(
        mod.prompt, author=mod.writer, group=mod.other_group, body="Pois", now=base
    )
    member, observer = mod.world.member, mod.world.observer
    moderation.flag_comment(mod.comment, user=member, reason="1", now=base)
    moderation.flag_comment(second, user=member, reason="2", now=base)
    moderation.flag_comment(second, user=observer, reason="2b", now=base)
    moderation.flag_comment(third, user=member, reason="3", now=base - timedelta(1))
    moderation.flag_comment(gone, user=member, reason="4", now=base)
    gone.deleted_at = base
    hidden, _ = services_comments.post_comment(
        mod.prompt, author=mod.writer, group=mod.other_group, body="Piiloon", now=base
    )
    moderation.hide_comment(hidden, actor=mod.world.facilitator, reason="x", now=base)
    db.session.commit()

    queue = queries_moderation.moderation_queue(mod.world.process)
    assert [item.comment for item in queue.flagged] == [second, third, mod.comment]
    assert [f.reason for f in queue.flagged[0].flags] == ["2", "2b"]
    assert queue.hidden == [hidden]

    elsewhere = create_process(facilitator=mod.world.facilitator)
    assert queries_moderation.moderation_queue(elsewhere).flagged == []


def test_audit_log_is_newest_first_and_per_process(mod, db, create_process):
    """The log lists this process's events, newest first."""
    base = _now()
    actor = mod.world.facilitator
    moderation.lock_thread(mod.comment, actor=actor, reason="1", now=base)
    moderation.unlock_thread(
        mod.comment, actor=actor, reason="2", now=base + timedelta(1)
    )
    db.session.commit()
    events = db.session.scalars(
        queries_moderation.audit_log_query(mod.world.process)
    ).all()
    assert [e.reason for e in events] == ["2", "1"]
    other = create_process()
    assert db.session.scalars(queries_moderation.audit_log_query(other)).all() == []


def test_reading_rule_decides_who_may_report(mod, db, create_user, create_group):
    """Under 'after own answer' a group that has not answered cannot read or report."""
    mod.world.discussion.visibility = Visibility.AFTER_OWN_ANSWER
    db.session.commit()
    now = _now()
    assert not may_read_comment(mod.world.member, mod.comment, now)
    assert may_read_comment(mod.writer, mod.comment, now)
    assert may_read_comment(mod.world.observer, mod.comment, now)
    services_comments.post_comment(
        mod.prompt, author=mod.world.member, group=mod.own_group, body="Oma", now=now
    )
    db.session.commit()
    assert may_read_comment(mod.world.member, mod.comment, now)


# Pages ---------------------------------------------------------------------------

MODERATOR_PAGES = ["/hide", "/restore", "/lock", "/unlock", "/dismiss", "/history"]


def _pages(mod):
    """Every moderation address of the fixture's comment, and the two process pages."""
    return (
        [mod.url + "/flag"]
        + [mod.url + page for page in MODERATOR_PAGES]
        + [
            f"/p/{mod.slug}/moderation/",
            f"/p/{mod.slug}/moderation/log",
        ]
    )


def test_anonymous_is_sent_to_sign_in(client, mod):
    """Anonymous visitors are asked to sign in on every page, and for POSTs."""
    for page in _pages(mod):
        response = client.get(page)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    response = client.post(mod.url + "/hide", data={"reason": "x"})
    assert "/login" in response.headers["Location"]


def test_outsiders_get_403(client, auth, mod):
    """A facilitator of another process may neither report nor moderate here."""
    auth.login_as(mod.world.outsider)
    for page in _pages(mod):
        assert client.get(page).status_code == 403, page
    assert client.post(mod.url + "/hide", data={"reason": "x"}).status_code == 403
    assert client.post(mod.url + "/flag", data={"reason": "x"}).status_code == 403


@pytest.mark.parametrize("who", ["member", "observer"])
def test_readers_report_but_do_not_moderate(client, auth, mod, db, who):
    """Members and observers may report; the moderation pages are not for them."""
    auth.login_as(getattr(mod.world, who))
    assert client.get(mod.url + "/flag").status_code == 200
    for page in _pages(mod)[1:]:
        assert client.get(page).status_code == 403, page
    assert client.post(mod.url + "/hide", data={"reason": "x"}).status_code == 403
    db.session.refresh(mod.comment)
    assert not mod.comment.is_hidden


@pytest.mark.parametrize("who", ["facilitator", "admin"])
def test_facilitators_and_admins_moderate(client, auth, mod, db, who):
    """Facilitators and admins open every moderation page (restore etc. explain why
    not); reporting is the readers' tool."""
    moderation.flag_comment(mod.comment, user=mod.world.member, reason="A", now=_now())
    db.session.commit()
    auth.login_as(getattr(mod.world, who))
    for page in ["/hide", "/lock", "/dismiss", "/history"]:
        assert client.get(mod.url + page).status_code == 200, page
    for page in ["/restore", "/unlock"]:
        assert client.get(mod.url + page).status_code == 409, page
    assert client.get(f"/p/{mod.slug}/moderation/").status_code == 200
    assert client.get(f"/p/{mod.slug}/moderation/log").status_code == 200
    assert client.get(mod.url + "/flag").status_code == 403


def test_a_comment_of_another_process_is_not_found(
    client, auth, mod, db, create_process, create_phase
):
    """A comment id of another process is not found through this process's address."""
    other = create_process(facilitator=mod.world.facilitator)
    auth.login_as(mod.world.facilitator)
    base = f"/p/{other.slug}/comments/{mod.comment.id}"
    for page in ["/flag", *MODERATOR_PAGES]:
        status = client.get(base + page).status_code
        # Reporting is not a facilitator's rule: 403 comes before looking it up.
        assert status == (403 if page == "/flag" else 404), page
    assert client.get(f"/p/{mod.slug}/comments/999999/hide").status_code == 404


def test_report_a_comment(client, auth, mod, db):
    """The report page shows the comment; sending it saves the report and goes back."""
    auth.login_as(mod.world.member)
    html = client.get(mod.url + "/flag").get_data(as_text=True)
    assert "<em>kommentti</em>" in html and "Kylän nuoret" in html
    response = client.post(mod.url + "/flag", data={"reason": "Loukkaava"})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert f"/prompts/{mod.prompt.id}/" in location
    assert location.endswith(f"#comment-{mod.comment.id}")
    db.session.refresh(mod.comment)
    assert [f.reason for f in mod.comment.open_flags] == ["Loukkaava"]
    html = client.get(mod.url + "/flag").get_data(as_text=True)
    assert "You reported this comment" in html and "Loukkaava" in html


def test_report_without_reason_is_422(client, auth, mod, db):
    """An empty or too long reason: 422, the field error, the text kept."""
    auth.login_as(mod.world.observer)
    response = client.post(mod.url + "/flag", data={"reason": "   "})
    assert response.status_code == 422
    assert "Write the reason." in response.get_data(as_text=True)
    response = client.post(mod.url + "/flag", data={"reason": "pitkä" * 201})
    assert response.status_code == 422
    assert "pitkä" * 201 in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(CommentFlag.id))) == 0


def test_own_or_hidden_comment_cannot_be_reported(client, auth, mod, db):
    """The writer's own comment and a hidden one explain the refusal (409)."""
    auth.login_as(mod.writer)
    response = client.get(mod.url + "/flag")
    assert response.status_code == 409
    assert "cannot report your own comment" in response.get_data(as_text=True)
    moderation.hide_comment(
        mod.comment, actor=mod.world.facilitator, reason="Asiaton", now=_now()
    )
    db.session.commit()
    auth.login_as(mod.world.member)
    response = client.post(mod.url + "/flag", data={"reason": "x"})
    assert response.status_code == 409
    assert "kommentti" not in response.get_data(as_text=True)


def test_unreadable_comment_is_not_found_for_reporting(client, auth, mod, db):
    """Under 'after own answer' a group that has not answered cannot see it to report."""
    mod.world.discussion.visibility = Visibility.AFTER_OWN_ANSWER
    db.session.commit()
    auth.login_as(mod.world.member)
    assert client.get(mod.url + "/flag").status_code == 404
    assert client.post(mod.url + "/flag", data={"reason": "x"}).status_code == 404


def test_hide_and_restore_through_the_pages(client, auth, mod, db):
    """The facilitator hides with a reason, then restores; each is logged."""
    auth.login_as(mod.world.facilitator)
    html = client.get(mod.url + "/hide").get_data(as_text=True)
    assert "Hide the comment?" in html and "Kylän nuoret" in html
    response = client.post(mod.url + "/hide", data={"reason": "Asiaton kieli"})
    assert response.status_code == 302
    assert f"/prompts/{mod.prompt.id}/" in response.headers["Location"]
    db.session.refresh(mod.comment)
    assert mod.comment.hidden_reason == "Asiaton kieli"
    assert mod.comment.hidden_by_id == mod.world.facilitator.id
    response = client.post(mod.url + "/hide", data={"reason": "Taas"})
    assert response.status_code == 409
    assert "already hidden" in response.get_data(as_text=True)
    response = client.post(mod.url + "/restore", data={"reason": ""})
    assert response.status_code == 302
    db.session.refresh(mod.comment)
    assert not mod.comment.is_hidden
    assert [e.action for e in _events(db)] == [
        ModerationAction.HIDE,
        ModerationAction.RESTORE,
    ]


def test_hide_without_reason_is_422(client, auth, mod, db):
    """Hiding needs a reason: 422 with the error at the field, nothing changed."""
    auth.login_as(mod.world.admin)
    response = client.post(mod.url + "/hide", data={"reason": ""})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Write the reason." in html and 'aria-invalid="true"' in html
    response = client.post(mod.url + "/lock", data={"reason": "x" * 1001})
    assert response.status_code == 422
    db.session.refresh(mod.comment)
    assert not mod.comment.is_hidden and mod.comment.locked_at is None
    assert _events(db) == []


def test_lock_unlock_and_dismiss_through_the_pages(client, auth, mod, db):
    """Lock and unlock a thread and dismiss reports; from the queue, back to it."""
    moderation.flag_comment(mod.comment, user=mod.world.member, reason="A", now=_now())
    db.session.commit()
    auth.login_as(mod.world.facilitator)
    assert client.post(mod.url + "/lock", data={"reason": "Valmis"}).status_code == 302
    db.session.refresh(mod.comment)
    assert mod.comment.is_locked
    assert client.post(mod.url + "/unlock", data={}).status_code == 302
    db.session.refresh(mod.comment)
    assert not mod.comment.is_locked
    response = client.post(mod.url + "/dismiss?from=queue", data={"reason": ""})
    assert response.headers["Location"].endswith(f"/p/{mod.slug}/moderation/")
    db.session.refresh(mod.comment)
    assert mod.comment.open_flags == []


def test_a_reply_cannot_be_locked_on_its_page(client, auth, mod, db):
    """Locking a reply is refused with the reason on the page."""
    reply = _reply(mod, db)
    auth.login_as(mod.world.facilitator)
    response = client.post(
        f"/p/{mod.slug}/comments/{reply.id}/lock", data={"reason": "x"}
    )
    assert response.status_code == 409
    assert "Only a whole thread" in response.get_data(as_text=True)


def test_the_queue_lists_reports(client, auth, mod, db):
    """The queue shows the comment, each report's reason and reporter, and actions."""
    auth.login_as(mod.world.facilitator)
    html = client.get(f"/p/{mod.slug}/moderation/").get_data(as_text=True)
    assert "No reported comments are waiting." in html
    assert "No comments have been hidden." in html
    moderation.flag_comment(
        mod.comment, user=mod.world.member, reason="Loukkaava", now=_now()
    )
    db.session.commit()
    html = client.get(f"/p/{mod.slug}/moderation/").get_data(as_text=True)
    assert "Loukkaava" in html and mod.world.member.name in html
    assert "1 report" in html
    assert f"/comments/{mod.comment.id}/hide?from=queue" in html
    assert 'Hide<span class="visually-hidden"> (Kylän nuoret)</span>' in html


def test_the_log_lists_events_page_by_page(client, auth, mod, db, app):
    """The log shows who, what, when and why, newest first, a page at a time."""
    auth.login_as(mod.world.facilitator)
    html = client.get(f"/p/{mod.slug}/moderation/log").get_data(as_text=True)
    assert "Nothing has been logged yet." in html
    base = _now()
    actor = mod.world.facilitator
    per_page = app.config["ITEMS_PER_PAGE"]
    for n in range(per_page // 2 + 1):
        at = base + timedelta(minutes=2 * n)
        moderation.lock_thread(mod.comment, actor=actor, reason=f"lukko-{n}", now=at)
        moderation.unlock_thread(
            mod.comment, actor=actor, reason=f"auki-{n}", now=at + timedelta(minutes=1)
        )
    db.session.commit()
    html = client.get(f"/p/{mod.slug}/moderation/log").get_data(as_text=True)
    last = per_page // 2
    assert f"auki-{last}" in html and "Thread unlocked" in html
    assert actor.name in html and "Huono *kommentti*" in html
    assert html.index(f"auki-{last}") < html.index(f"lukko-{last}")
    assert "lukko-0" not in html
    html = client.get(f"/p/{mod.slug}/moderation/log?page=2").get_data(as_text=True)
    assert "lukko-0" in html


def test_history_shows_earlier_versions(client, auth, mod, db):
    """Facilitators read the earlier texts of an edited comment, even a hidden one."""
    services_comments.edit_comment(
        mod.comment, editor=mod.writer, body="Parempi", now=_now()
    )
    moderation.hide_comment(
        mod.comment, actor=mod.world.facilitator, reason="Asiaton", now=_now()
    )
    db.session.commit()
    auth.login_as(mod.world.facilitator)
    html = client.get(mod.url + "/history").get_data(as_text=True)
    assert "Parempi" in html and "<em>kommentti</em>" in html
    assert "Asiaton" in html


def test_csrf_protects_moderation(csrf_app, mod, db):
    """With CSRF on, a POST without the token is refused and nothing changes."""
    client = csrf_app.test_client()
    with client.session_transaction() as sess:
        sess["_user_id"] = mod.world.facilitator.get_id()
        sess["_fresh"] = True
        sess["last_seen"] = _now().timestamp()
    assert client.post(mod.url + "/hide", data={"reason": "x"}).status_code == 400
    db.session.refresh(mod.comment)
    assert not mod.comment.is_hidden


# The actions under each comment -------------------------------------------------


def _actions_html(app, user, process, comment) -> str:
    with app.test_request_context():
        session["lang"] = "en"
        login_user(user)
        macros = app.jinja_env.get_template("discussions/_moderation_actions.html")
        # As the thread page asks: the rights once, the comments' facts in bulk;
        # rendered for the reader's class, then filled in for the reader.
        facts = queries_threads.ModerationFacts.of([comment])
        reader = queries_threads.reader_class(user, process)
        rights = queries_threads.ReaderRights(reader, facts)
        html = str(macros.module.moderation_actions(process, comment, rights))
        return str(
            thread_cache.personalise(
                thread_cache.ThreadComments(html, {comment.id: comment.author_id}),
                user_id=user.id,
                own_actions={},
                reply_fields=None,
            )
        )


def test_readers_see_report_but_not_on_their_own(app, mod, db):
    """A reader gets a Report link named after the group; not on their own comment."""
    process = mod.world.process
    html = _actions_html(app, mod.world.member, process, mod.comment)
    assert 'class="comment-actions"' in html
    assert 'Report<span class="visually-hidden"> (Kylän nuoret)</span>' in html
    assert "/hide" not in html
    assert "/flag" not in _actions_html(app, mod.writer, process, mod.comment)
    mod.comment.hidden_at = _now()
    assert "/flag" not in _actions_html(app, mod.world.member, process, mod.comment)


def test_facilitators_see_moderation_links(app, mod, db):
    """Facilitators see the report count, Hide, Lock and History; Restore once hidden."""
    process = mod.world.process
    moderation.flag_comment(mod.comment, user=mod.world.member, reason="A", now=_now())
    services_comments.edit_comment(
        mod.comment, editor=mod.writer, body="Uusi", now=_now()
    )
    db.session.commit()
    html = _actions_html(app, mod.world.facilitator, process, mod.comment)
    assert "1 report" in html and "/flag" not in html
    assert 'Hide<span class="visually-hidden"> (Kylän nuoret)</span>' in html
    assert 'Lock<span class="visually-hidden"> (Kylän nuoret)</span>' in html
    assert f"/comments/{mod.comment.id}/history" in html
    reply = _reply(mod, db)
    moderation.hide_comment(
        mod.comment, actor=mod.world.facilitator, reason="x", now=_now()
    )
    html = _actions_html(app, mod.world.facilitator, process, mod.comment)
    assert "/restore" in html and "/hide" not in html
    html = _actions_html(app, mod.world.facilitator, process, reply)
    assert "/lock" not in html and "/history" not in html
    assert _actions_html(app, mod.world.outsider, process, mod.comment).strip() == ""


def test_thread_page_carries_the_actions(client, auth, mod, db):
    """The thread page includes the actions: Report for readers, Hide for facilitators."""
    thread = f"{mod.world.base}/prompts/{mod.prompt.id}/"
    auth.login_as(mod.world.member)
    html = client.get(thread).get_data(as_text=True)
    assert f"/comments/{mod.comment.id}/flag" in html
    assert 'Report<span class="visually-hidden"> (Kylän nuoret)</span>' in html
    auth.login_as(mod.world.facilitator)
    html = client.get(thread).get_data(as_text=True)
    assert f"/comments/{mod.comment.id}/hide" in html
    assert f"/comments/{mod.comment.id}/flag" not in html
