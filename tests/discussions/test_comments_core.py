"""The one core of Comment rows (app.comments), shared by comments, notes and answers."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app import comments as core
from app.discussions import services
from app.errors import DomainError
from app.models import Comment


class Empty(DomainError):
    message = "empty"


class TooLong(DomainError):
    message = "too long"


def test_clean_text_trims_and_checks_the_length():
    """Windows line ends become plain ones; the limit counts what the author sees."""
    assert core.clean_text("  a\r\nb  ", limit=3, too_long=TooLong) == "a\nb"
    with pytest.raises(TooLong):
        core.clean_text("abcd", limit=3, too_long=TooLong)


def test_clean_text_refuses_empty_only_when_asked():
    """A survey answer may be emptied; a comment or a note may not."""
    assert core.clean_text("   ", limit=3, too_long=TooLong) == ""
    with pytest.raises(Empty):
        core.clean_text("   ", limit=3, too_long=TooLong, empty=Empty)


@pytest.fixture()
def prompt(world, db):
    made = services.add_prompt(world.discussion, question={"fi": "Mitä?"}, guidance={})
    db.session.commit()
    return made


def test_post_once_per_submission_key(world, db, prompt):
    """The form's submission key finds the row it made; no key finds nothing."""
    group = world.process.work_groups[0]
    now = datetime.now(UTC)
    first, new = core.post(
        prompt,
        author=world.member,
        group=group,
        body="Yksi",
        now=now,
        submission_key="k1",
    )
    db.session.commit()
    assert new and core.find_resent(world.member, "k1") == first
    assert core.find_resent(world.member, None) is None
    assert core.find_resent(world.member, "other") is None


def test_revise_text_keeps_the_earlier_text(world, db, prompt):
    """A new text keeps the previous one as a version, rendered as it was."""
    group = world.process.work_groups[0]
    now = datetime.now(UTC)
    comment, _ = core.post(
        prompt, author=world.member, group=group, body="*a*", now=now
    )
    core.revise_text(comment, "b", now)
    db.session.commit()
    assert comment.body == "b" and comment.edited_at == now
    assert [v.body for v in comment.versions] == ["*a*"]
    assert "<em>a</em>" in comment.versions[0].body_html


def test_visible_leaves_out_deleted_and_hidden(world, db, prompt):
    """The shown filter: neither deleted by the author nor hidden by a moderator."""
    group = world.process.work_groups[0]
    now = datetime.now(UTC)
    shown, gone, hidden = (
        core.post(prompt, author=world.member, group=group, body=text, now=now)[0]
        for text in ("näkyy", "poistettu", "piilotettu")
    )
    core.wipe(gone, now)
    hidden.hidden_at = now
    db.session.commit()
    listed = db.session.scalars(
        sa.select(Comment).where(Comment.prompt_id == prompt.id, core.visible())
    ).all()
    assert listed == [shown]
    assert gone.body == "" and core.answered_group_ids(prompt) == {group.id}
