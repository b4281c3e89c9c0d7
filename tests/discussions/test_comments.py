"""Comment rules: posting for a group, replies, the edit window, deleting, resending."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.comments import NotInGroup
from app.discussions import services
from app.discussions import services_comments as comments
from app.extensions import db as _db
from app.models import COMMENT_MAX_LENGTH, Comment, Role
from app.permissions import can_still_edit, edit_deadline


@pytest.fixture()
def thread(world, db, create_user, create_group):
    """Two groups under one prompt; the world's member is in the first."""
    prompt = services.add_prompt(
        world.discussion, question={"fi": "Mikä oli merkityksellistä?"}, guidance={}
    )
    other = create_user(Role.PARTICIPANT)
    db.session.commit()
    world.prompt = prompt
    world.group = world.process.work_groups[0]
    world.other = other
    world.other_group = create_group(world.process, members=(other,))
    return world


def post(world, body="Meidän ryhmän ajatus.", *, who=None, group=None, **kwargs):
    kwargs.setdefault("now", datetime.now(UTC))
    comment, created = comments.post_comment(
        world.prompt,
        author=who or world.member,
        group=group or world.group,
        body=body,
        **kwargs,
    )
    _db.session.commit()
    return comment


def test_a_member_posts_for_their_group(thread):
    """The comment carries the group and the HTML rendered once, when saved."""
    comment = post(thread, "Tämä on **tärkeää**.")
    assert comment.group_id == thread.group.id
    assert comment.author_id == thread.member.id
    assert comment.body == "Tämä on **tärkeää**."
    assert comment.body_html == "<p>Tämä on <strong>tärkeää</strong>.</p>"


def test_hostile_markup_is_cleaned_when_saved(thread):
    """Script, event handlers and javascript: links never reach the stored HTML."""
    comment = post(
        thread,
        "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))",
    )
    html = comment.body_html.lower()
    assert "<script" not in html and "onerror" not in html
    assert "javascript:" not in html and "<img" not in html


@pytest.mark.parametrize(
    ("offset", "error"),
    [
        (timedelta(days=-2), comments.DiscussionNotOpen),
        (timedelta(days=8), comments.DiscussionClosed),
    ],
)
def test_posting_is_refused_outside_the_open_time(thread, offset, error):
    """Before the start and after the end nobody can post."""
    with pytest.raises(error):
        post(thread, now=datetime.now(UTC) + offset)


def test_without_a_start_time_the_discussion_is_not_open(thread, db):
    """A discussion with no start time has not opened."""
    thread.phase.starts_at = None
    db.session.commit()
    with pytest.raises(comments.DiscussionNotOpen):
        post(thread)


def test_only_for_ones_own_group(thread):
    """Posting on behalf of another group is refused."""
    with pytest.raises(NotInGroup):
        post(thread, group=thread.other_group)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("   \n ", comments.EmptyComment),
        ("x" * (COMMENT_MAX_LENGTH + 1), comments.CommentTooLong),
    ],
)
def test_empty_and_too_long_texts_are_refused(thread, body, error):
    """The length rule is the server's, whatever the browser did."""
    with pytest.raises(error):
        post(thread, body)


def test_exactly_the_limit_is_accepted(thread):
    """The longest allowed comment fits."""
    assert post(thread, "x" * COMMENT_MAX_LENGTH).id


def test_a_resent_form_gives_back_the_first_comment(thread):
    """The same submission key makes one comment, not two."""
    first = post(thread, submission_key="abc123")
    again, created = comments.post_comment(
        thread.prompt,
        author=thread.member,
        group=thread.group,
        body="Meidän ryhmän ajatus.",
        now=datetime.now(UTC),
        submission_key="abc123",
    )
    assert again.id == first.id and created is False
    assert _db.session.scalar(sa.select(sa.func.count(Comment.id))) == 1


def test_simultaneous_resends_make_one_comment(thread, app):
    """Several requests with one key at the same moment still make one comment."""
    ids = (thread.prompt.id, thread.member.id, thread.group.id)
    _db.session.commit()  # end this thread's transaction: the writers need the lock
    barrier = threading.Barrier(4)
    results, errors = [], []

    def send():
        with app.app_context():
            from app.models import Prompt, User, WorkGroup

            prompt = _db.session.get(Prompt, ids[0])
            author = _db.session.get(User, ids[1])
            group = _db.session.get(WorkGroup, ids[2])
            _db.session.commit()  # hold no lock while waiting for the others
            barrier.wait(timeout=30)
            try:
                comment, created = comments.post_comment(
                    prompt,
                    author=author,
                    group=group,
                    body="Kerran vain.",
                    now=datetime.now(UTC),
                    submission_key="same-key",
                )
                _db.session.commit()
                results.append(created)
            except Exception as error:  # collected and asserted below
                errors.append(error)
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == [False, False, False, True]
    assert _db.session.scalar(sa.select(sa.func.count(Comment.id))) == 1


def test_replies_stay_one_level_deep(thread):
    """A reply to a reply joins the same thread and remembers whom it answered."""
    top = post(thread)
    post(thread, "Meidän vastaus.", who=thread.other, group=thread.other_group)
    first = post(
        thread, "Vastaus.", who=thread.other, group=thread.other_group, reply_to=top
    )
    second = post(thread, "Vastaus vastaukseen.", reply_to=first)
    assert first.parent_id == top.id and second.parent_id == top.id
    assert second.reply_to_id == first.id
    assert [r.id for r in top.replies] == [first.id, second.id]


def test_no_reply_to_another_group_before_answering(thread):
    """With the default reading rule a group answers before it reads, or replies."""
    top = post(thread)
    with pytest.raises(comments.CannotReply):
        post(thread, "Hei", who=thread.other, group=thread.other_group, reply_to=top)


def test_no_reply_to_hidden_or_locked(thread, db):
    """Hidden comments and locked threads take no replies."""
    top = post(thread)
    top.locked_at = datetime.now(UTC)
    db.session.commit()
    with pytest.raises(comments.ThreadLocked):
        post(thread, "Hei", reply_to=top)
    top.locked_at = None
    top.hidden_at = datetime.now(UTC)
    db.session.commit()
    with pytest.raises(comments.CannotReply):
        post(thread, "Hei", reply_to=top)


def test_editing_keeps_the_earlier_version(thread):
    """An edit inside the window replaces the text and keeps the old one."""
    comment = post(thread, "Ensimmäinen")
    now = comment.created_at + timedelta(minutes=10)
    assert comments.edit_comment(comment, editor=thread.member, body="Toinen", now=now)
    _db.session.commit()
    assert comment.body == "Toinen" and comment.edited_at == now
    assert [(v.body, v.written_at) for v in comment.versions] == [
        ("Ensimmäinen", comment.created_at)
    ]
    assert not comments.edit_comment(
        comment, editor=thread.member, body="Toinen", now=now
    )


def test_the_edit_window_closes(thread):
    """After the window (30 minutes by default) the author can no longer edit."""
    comment = post(thread)
    late = comment.created_at + timedelta(minutes=30)
    assert can_still_edit(comment, thread.member, late - timedelta(seconds=1))
    assert not can_still_edit(comment, thread.member, late)
    with pytest.raises(comments.EditWindowPassed):
        comments.edit_comment(comment, editor=thread.member, body="Uusi", now=late)
    with pytest.raises(comments.EditWindowPassed):
        comments.delete_comment(comment, actor=thread.member, now=late)


def test_the_close_ends_the_edit_window_early(thread, db):
    """When the discussion closes first, editing ends with it."""
    comment = post(thread)
    thread.phase.ends_at = comment.created_at + timedelta(minutes=5)
    db.session.commit()
    assert edit_deadline(comment) == thread.phase.ends_at
    assert not can_still_edit(
        comment, thread.member, comment.created_at + timedelta(minutes=6)
    )


def test_only_the_author_edits(thread):
    """Another member of the same group cannot edit the comment."""
    comment = post(thread)
    assert not can_still_edit(comment, thread.other, datetime.now(UTC))
    with pytest.raises(comments.EditWindowPassed):
        comments.edit_comment(
            comment, editor=thread.other, body="X", now=datetime.now(UTC)
        )


def test_deleting_removes_the_text_and_versions(thread):
    """A deleted comment keeps its place but no text, not even in the history."""
    comment = post(thread, "Poistettava")
    now = comment.created_at + timedelta(minutes=1)
    comments.edit_comment(comment, editor=thread.member, body="Muokattu", now=now)
    comments.delete_comment(comment, actor=thread.member, now=now)
    _db.session.commit()
    assert comment.is_deleted and comment.body == "" and comment.body_html == ""
    assert comment.versions == []


def test_open_and_close_follow_the_clock(thread):
    """With the clock frozen at the edges: the start opens posting, the end closes it."""
    from freezegun import freeze_time

    starts, ends = thread.phase.starts_at, thread.phase.ends_at
    with freeze_time(starts - timedelta(seconds=1)):
        with pytest.raises(comments.DiscussionNotOpen):
            post(thread)
    with freeze_time(starts):
        assert post(thread, "Heti alussa").id
    with freeze_time(ends - timedelta(seconds=1)):
        assert post(thread, "Viime hetkellä").id
    with freeze_time(ends):
        with pytest.raises(comments.DiscussionClosed):
            post(thread, "Myöhässä")
