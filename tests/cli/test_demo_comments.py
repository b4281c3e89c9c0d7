"""The demo's first online discussion: example comments, replies, a flag and a hiding."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.comments import answered_group_ids
from app.demo import KESKI_UUSIMAA, LoadReport
from app.demo.loader_comments import load_comments
from app.discussions.queries_threads import answer_counts
from app.discussions.services import add_prompt, ensure_discussion
from app.models import (
    Comment,
    CommentFlag,
    GroupMembership,
    ModerationAction,
    ModerationEvent,
    PhaseKind,
    Process,
    Prompt,
    Role,
    User,
)
from app.text import render_markdown
from tests.demo_snapshot import load_demo

from .test_demo import clock_fixture, spec_fixture  # noqa: F401  (shared fixtures)

TABLES = (Comment, CommentFlag, ModerationEvent, User, GroupMembership)
GROUP_NAMES = {g["name"] for g in KESKI_UUSIMAA["groups"]}
FACILITATOR = KESKI_UUSIMAA["process"]["creator"]
#: The comments' texts and keys; ``minutes`` are in the ``comments`` fixture.
COMMENTS = KESKI_UUSIMAA["comments"]

pytestmark = pytest.mark.usefixtures("clock")


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _counts(db) -> dict:
    return {model.__name__: _count(db, model) for model in TABLES}


def _discussion_comments():
    """Comments on discussion prompts: the demo's workshop notes are comments too."""
    return (
        sa.select(Comment)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .where(Prompt.discussion_id.is_not(None))
    )


def _discussion_events():
    return (
        sa.select(sa.func.count(ModerationEvent.id))
        .join(Comment, Comment.id == ModerationEvent.comment_id)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .where(Prompt.discussion_id.is_not(None))
    )


def _by_key(db) -> dict[str, Comment]:
    return {c.submission_key: c for c in db.session.scalars(sa.select(Comment))}


def _top_level(prompt: int) -> list[dict]:
    return [c for c in COMMENTS if c["prompt"] == prompt and not c.get("reply_to")]


@pytest.fixture()
def comments(spec) -> list[dict]:
    """The comments' data, their minutes counted from the discussion's opening."""
    return spec["comments"]


@pytest.fixture()
def loaded(runner, db):
    load_demo(runner, db)
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


@pytest.fixture()
def discussion_1(loaded):
    return next(p for p in loaded.phases if p.kind is PhaseKind.DISCUSSION)


# The data itself ------------------------------------------------------------------


def test_data_has_a_believable_amount_from_the_demo_groups():
    """20–28 comments with unique keys, from at least eight of the demo's groups."""
    assert 20 <= len(COMMENTS) <= 28
    keys = [c["key"] for c in COMMENTS]
    assert len(set(keys)) == len(keys)
    assert {c["group"] for c in COMMENTS} <= GROUP_NAMES
    assert len({c["group"] for c in COMMENTS}) >= 8
    assert {c["prompt"] for c in COMMENTS} == {1, 2, 3}


def test_data_answers_every_prompt_and_leaves_gaps():
    """Each prompt has ≥5 answering groups; one or two groups have no answer at all."""
    answering = set()
    for prompt in (1, 2, 3):
        groups = {c["group"] for c in _top_level(prompt)}
        assert len(groups) >= 5
        answering |= groups
    assert 1 <= len(GROUP_NAMES - answering) <= 2


def test_data_replies_follow_their_targets(comments):
    """A reply answers an earlier-listed comment of the same prompt, later in time."""
    seen = {}
    for comment in comments:
        target = comment.get("reply_to")
        if target:
            assert target in seen, comment["key"]
            assert seen[target]["prompt"] == comment["prompt"]
            assert seen[target]["minutes"] < comment["minutes"]
        seen[comment["key"]] = comment
    replies = [c for c in comments if c.get("reply_to")]
    assert len(replies) >= 4
    assert any(c["group"] != seen[c["reply_to"]]["group"] for c in replies)


def test_data_has_one_flag_and_one_hidden_comment_on_different_comments(comments):
    """Exactly one flag (by a participant of a group) and one hiding by the facilitator."""
    flagged = [c for c in comments if c.get("flag")]
    hidden = [c for c in comments if c.get("hidden")]
    assert len(flagged) == len(hidden) == 1
    assert flagged[0]["key"] != hidden[0]["key"]
    assert flagged[0]["flag"]["group"] in GROUP_NAMES and flagged[0]["flag"]["reason"]
    assert hidden[0]["hidden"]["by"] == FACILITATOR and hidden[0]["hidden"]["reason"]
    assert flagged[0]["flag"]["minutes"] > flagged[0]["minutes"]
    assert hidden[0]["hidden"]["minutes"] > hidden[0]["minutes"]


def test_data_bodies_are_finnish_markdown_of_a_readable_length(spec, comments):
    """40–150 words each, within the discussion's time, with lists and emphasis."""
    phase = spec["phases"][1]
    open_minutes = (phase["ends_at"] - phase["starts_at"]).total_seconds() / 60
    for comment in comments:
        words = len(re.findall(r"\w+", comment["body"]))
        assert 40 <= words <= 150, (comment["key"], words)
        assert 0 < comment["minutes"] < open_minutes
    bodies = "\n".join(c["body"] for c in COMMENTS)
    assert "\n- " in bodies and "\n1. " in bodies
    assert "**" in bodies and re.search(r"(?<!\*)\*[^*\s]", bodies)
    assert "opiskeluhuol" in bodies and "kuraattori" in bodies


# Loading ---------------------------------------------------------------------------


def test_loading_creates_the_comments_of_eight_groups_on_all_prompts(db, discussion_1):
    """Every comment is there; ≥8 groups wrote; each prompt is answered by ≥5 groups."""
    comments = db.session.scalars(_discussion_comments()).all()
    assert len(comments) == len(COMMENTS)
    assert len({c.group_id for c in comments}) >= 8
    prompts = discussion_1.discussion.prompts
    assert {c.prompt_id for c in comments} == {p.id for p in prompts}
    counts = answer_counts(discussion_1.discussion)
    assert all(counts[p.id] >= 5 for p in prompts)
    assert all(c.group.process_id == discussion_1.process_id for c in comments)


def test_comments_have_a_timeline_from_the_opening(db, discussion_1, comments):
    """created_at = updated_at = the discussion's start + the comment's minutes."""
    rows = _by_key(db)
    for data in comments:
        comment = rows[data["key"]]
        expected = discussion_1.starts_at + timedelta(minutes=data["minutes"])
        assert comment.created_at == comment.updated_at == expected
        assert comment.prompt.position == data["prompt"]
        assert comment.group.name == data["group"]


def test_authors_are_participants_of_their_group(db, loaded):
    """Authors are email-less participants and members of the group they write for."""
    for comment in db.session.scalars(sa.select(Comment)):
        author = comment.author
        assert author.role is Role.PARTICIPANT and author.email is None
        assert comment.group.has_member(author)
    olli = db.session.scalars(
        sa.select(User).where(User.name == "Osallistuja Olli")
    ).all()
    assert len(olli) == 1, "Validia's existing participant writes its comments"


def test_replies_are_one_level_deep(db, loaded):
    """Replies have the top-level comment as parent; a reply to a reply is flattened."""
    comments = _by_key(db)
    for data in COMMENTS:
        comment = comments[data["key"]]
        if not data.get("reply_to"):
            assert comment.parent_id is None and comment.reply_to_id is None
            continue
        target = comments[data["reply_to"]]
        assert comment.reply_to_id == target.id
        assert comment.parent_id == target.thread.id
        assert comment.parent.parent_id is None
    assert any(c.reply_to_id != c.parent_id for c in comments.values() if c.parent_id)


def test_one_open_flag_with_its_audit_row(db, loaded):
    """Exactly one open flag, by a participant, with a FLAG event of the same reason."""
    data = next(c for c in COMMENTS if c.get("flag"))
    flags = db.session.scalars(sa.select(CommentFlag)).all()
    assert len(flags) == 1
    flag = flags[0]
    assert flag.resolved_at is None and flag.reason == data["flag"]["reason"]
    assert flag.comment.submission_key == data["key"]
    assert (flag.user.name, flag.user.role) == (data["flag"]["by"], Role.PARTICIPANT)
    assert flag.comment.open_flags == [flag]
    events = db.session.scalars(
        sa.select(ModerationEvent).where(
            ModerationEvent.action == ModerationAction.FLAG
        )
    ).all()
    assert len(events) == 1
    event = events[0]
    assert (event.comment, event.actor, event.reason) == (
        flag.comment,
        flag.user,
        flag.reason,
    )
    assert event.created_at == flag.created_at > flag.comment.created_at
    assert event.process_id == loaded.id


def test_one_hidden_comment_with_reason_and_audit_row(db, loaded):
    """One comment is hidden by the facilitator with a reason and a HIDE event."""
    facilitator = db.session.scalar(sa.select(User).where(User.email == FACILITATOR))
    hidden = db.session.scalars(
        _discussion_comments().where(Comment.hidden_at.is_not(None))
    ).all()
    assert len(hidden) == 1
    comment = hidden[0]
    data = next(c for c in COMMENTS if c.get("hidden"))
    assert comment.submission_key == data["key"]
    assert comment.hidden_reason == data["hidden"]["reason"]
    assert comment.hidden_by == facilitator
    assert comment.hidden_at > comment.created_at
    event = db.session.scalar(
        sa.select(ModerationEvent).where(
            ModerationEvent.action == ModerationAction.HIDE,
            ModerationEvent.comment_id == comment.id,
        )
    )
    assert (event.comment, event.actor, event.reason) == (
        comment,
        facilitator,
        comment.hidden_reason,
    )
    assert event.created_at == comment.hidden_at and event.process_id == loaded.id
    assert db.session.scalar(_discussion_events()) == 2


def test_a_group_without_answers_shows_as_a_gap(db, discussion_1):
    """Nurmijärvi's group only replies: it has answered no prompt."""
    nurmijarvi = next(
        g
        for g in discussion_1.process.work_groups
        if g.name == "Nurmijärven sivistystoimen johto"
    )
    assert db.session.scalars(
        sa.select(Comment).where(Comment.group_id == nurmijarvi.id)
    ).all()
    for prompt in discussion_1.discussion.prompts:
        assert nurmijarvi.id not in answered_group_ids(prompt)


def test_body_html_is_what_render_markdown_gives(db, loaded):
    """Every stored body_html is the body rendered by app.text, lists included."""
    comments = db.session.scalars(_discussion_comments()).all()
    for comment in comments:
        assert comment.body_html == str(render_markdown(comment.body))
    assert any("<li>" in c.body_html for c in comments)
    assert any("<em>" in c.body_html for c in comments)


def test_loading_twice_creates_nothing_new(runner, db, loaded):
    """A second load adds no comments, flags, events, participants or memberships."""
    before = _counts(db)
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Created: nothing new." in result.output
    db.session.expire_all()
    assert _counts(db) == before


def test_first_load_reports_the_comment_rows(runner, db):
    """The load's report counts the comments, the flag and the audit rows it created."""
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert f"{len(COMMENTS)} comment," in result.output
    assert "1 comment flag" in result.output
    # Two for the discussion's flag and hiding, one for the hidden workshop note.
    assert "3 moderation event" in result.output


def test_reload_keeps_a_restore_and_sets_unedited_text_back(runner, db, loaded):
    """A comment restored while trying the demo stays visible; changed text is reset."""
    hidden = db.session.scalar(
        _discussion_comments().where(Comment.hidden_at.is_not(None))
    )
    hidden.hidden_at, hidden.hidden_reason, hidden.hidden_by = None, "", None
    first = _by_key(db)["demo-c01"]
    first.body, first.body_html = "Muutettu", "<p>Muutettu</p>"
    db.session.commit()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "1 comment" in result.output.split("Set back to the demo data:")[1]
    db.session.expire_all()
    comments = _by_key(db)
    assert comments[hidden.submission_key].hidden_at is None
    assert comments["demo-c01"].body == COMMENTS[0]["body"]
    assert db.session.scalar(_discussion_events()) == 2


def test_hiding_resolves_the_comments_flag_and_falls_back_to_creation_time(
    db, create_process, create_phase, create_group, create_user
):
    """A flagged comment that is hidden has its flag resolved; no start uses created_at."""
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    phase = create_phase(process, kind=PhaseKind.DISCUSSION)  # no starts_at
    add_prompt(ensure_discussion(phase), question={"fi": "Kysymys?"}, guidance={})
    groups = {
        "A": create_group(process, name="A"),
        "B": create_group(process, name="B"),
    }
    spec = [
        {
            "key": "x1",
            "prompt": 1,
            "group": "A",
            "author": "Osallistuja A",
            "minutes": 10,
            "body": "Ensimmäinen *kommentti*.",
        },
        {
            "key": "x2",
            "prompt": 1,
            "group": "B",
            "author": "Osallistuja B",
            "minutes": 20,
            "body": "Vastaus.",
            "reply_to": "x1",
            "flag": {"group": "A", "by": "Osallistuja A", "minutes": 30, "reason": "R"},
            "hidden": {"by": facilitator.email, "minutes": 40, "reason": "Piilotettu."},
        },
    ]
    report = LoadReport(process=process)
    load_comments(process, spec, groups, {facilitator.email: facilitator}, report)
    db.session.commit()
    comments = _by_key(db)
    reply = comments["x2"]
    assert reply.created_at == process.created_at + timedelta(minutes=20)
    assert reply.parent == comments["x1"] and reply.is_hidden
    flag = reply.flags[0]
    assert flag.resolved_at == reply.hidden_at and flag.resolved_by == facilitator
    assert report.created == {
        "participant": 2,
        "comment": 2,
        "comment flag": 1,
        "moderation event": 2,
    }
    again = LoadReport(process=process)
    load_comments(process, spec, groups, {facilitator.email: facilitator}, again)
    assert not again.created and not again.updated
