"""Comment rules: posting for a work group, replies, the edit window, deleting.

Every function takes the actor and ``now`` explicitly, so the rules are tested with
frozen or chosen times and no request.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..errors import DomainError
from ..extensions import db
from ..models import (
    COMMENT_MAX_LENGTH,
    Comment,
    CommentVersion,
    GroupMembership,
    Prompt,
    User,
    WorkGroup,
)
from ..text import render_markdown
from .services import DiscussionState, state
from .visibility import can_read_others

log = logging.getLogger("osallistamo.discussions")


class DiscussionNotOpen(DomainError):
    message = _l("The discussion has not opened yet, so comments cannot be posted.")


class DiscussionClosed(DomainError):
    message = _l("The discussion has closed, so comments can no longer be posted.")


class NotInGroup(DomainError):
    message = _l("You can post only on behalf of a work group you belong to.")


class EmptyComment(DomainError):
    message = _l("Write the comment before sending it.")


class CommentTooLong(DomainError):
    message = _l(
        "The comment is too long: at most %(max)d characters.", max=COMMENT_MAX_LENGTH
    )


class EditWindowPassed(DomainError):
    message = _l("The time for editing or deleting this comment has passed.")


class ThreadLocked(DomainError):
    message = _l("This thread is locked: it takes no more replies or edits.")


class CannotReply(DomainError):
    message = _l("This comment cannot be replied to.")


def groups_of(user: User, process_id: int) -> list[WorkGroup]:
    """The user's work groups in a process, by name (usually exactly one)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return list(
        db.session.scalars(
            sa.select(WorkGroup)
            .join(GroupMembership, GroupMembership.group_id == WorkGroup.id)
            .where(
                GroupMembership.user_id == user.id,
                WorkGroup.process_id == process_id,
            )
            .order_by(WorkGroup.name)
        )
    )


def require_open(prompt: Prompt, now: datetime) -> None:
    """Refuse writing before the discussion opens and after it closes."""
    current = state(prompt.discussion, now)
    if current is DiscussionState.NOT_OPEN:
        raise DiscussionNotOpen()
    if current is DiscussionState.CLOSED:
        raise DiscussionClosed()


def clean_body(body: str) -> str:
    """Trim the text and check its length; the limit counts what the author sees."""
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise EmptyComment()
    if len(body) > COMMENT_MAX_LENGTH:
        raise CommentTooLong()
    return body


def _existing(author: User, submission_key: str | None) -> Comment | None:
    if not submission_key:
        return None
    return db.session.scalar(
        sa.select(Comment).where(
            Comment.author_id == author.id, Comment.submission_key == submission_key
        )
    )


def _reply_target(reply_to: Comment, prompt: Prompt, group: WorkGroup, now) -> None:
    if reply_to.prompt_id != prompt.id or reply_to.is_deleted or reply_to.is_hidden:
        raise CannotReply()
    if reply_to.is_locked:
        raise ThreadLocked()
    if reply_to.thread.group_id != group.id and not can_read_others(
        prompt, [group], now
    ):
        raise CannotReply()


def post_comment(
    prompt: Prompt,
    *,
    author: User,
    group: WorkGroup,
    body: str,
    now: datetime,
    reply_to: Comment | None = None,
    submission_key: str | None = None,
) -> tuple[Comment, bool]:
    """Post a comment (or a reply) on behalf of the author's work group.

    A form sent twice with the same ``submission_key`` gives back the first comment:
    the second element of the result says whether a new comment was made.

    :raises DiscussionNotOpen, DiscussionClosed: outside the open time.
    :raises NotInGroup: if the author is not a member of the group.
    :raises EmptyComment, CommentTooLong: for the text.
    :raises CannotReply, ThreadLocked: for a reply to a removed or locked comment.
    """
    existing = _existing(author, submission_key)
    if existing is not None:
        return existing, False
    require_open(prompt, now)
    if group.process_id != prompt.process.id or not group.has_member(author):
        raise NotInGroup()
    body = clean_body(body)
    if reply_to is not None:
        _reply_target(reply_to, prompt, group, now)
    comment = Comment(
        prompt_id=prompt.id,
        group_id=group.id,
        author_id=author.id,
        parent_id=reply_to.thread.id if reply_to is not None else None,
        reply_to_id=reply_to.id if reply_to is not None else None,
        body=body,
        body_html=str(render_markdown(body)),
        submission_key=submission_key or None,
        created_at=now,
        updated_at=now,
    )
    try:
        with db.session.begin_nested():
            db.session.add(comment)
    except IntegrityError:
        # The same form won a race a moment ago: its comment is the answer.
        existing = _existing(author, submission_key)
        if existing is None:
            raise
        return existing, False
    log.info(
        "comment %s posted by user %s for group %s", comment.id, author.id, group.id
    )
    return comment, True


def edit_deadline(comment: Comment) -> datetime:
    """The author may edit or delete until this time (or the close, if earlier)."""
    minutes = comment.prompt.discussion.edit_window_minutes
    deadline = comment.created_at + timedelta(minutes=minutes)
    ends_at = comment.prompt.discussion.phase.ends_at
    return min(deadline, ends_at) if ends_at is not None else deadline


def can_still_edit(comment: Comment, user: User, now: datetime) -> bool:
    """Whether this user may still edit or delete this comment right now."""
    return (
        user is not None
        and getattr(user, "is_authenticated", False)
        and comment.author_id == user.id
        and not comment.is_deleted
        and not comment.is_hidden
        and not comment.is_locked
        and now < edit_deadline(comment)
        and state(comment.prompt.discussion, now) is DiscussionState.OPEN
    )


def _require_editable(comment: Comment, user: User, now: datetime) -> None:
    if comment.author_id != user.id or comment.is_deleted or comment.is_hidden:
        raise EditWindowPassed()
    if comment.is_locked:
        raise ThreadLocked()
    require_open(comment.prompt, now)
    if now >= edit_deadline(comment):
        raise EditWindowPassed()


def revise_text(comment: Comment, body: str, now: datetime) -> None:
    """Put in the new text, keeping the previous one as a version (no checks)."""
    comment.versions.append(
        CommentVersion(
            body=comment.body,
            body_html=comment.body_html,
            written_at=comment.edited_at or comment.created_at,
            created_at=now,
        )
    )
    comment.body = body
    comment.body_html = str(render_markdown(body))
    comment.edited_at = now


def wipe(comment: Comment, now: datetime) -> None:
    """Mark the comment deleted: its text and versions go, its place stays."""
    comment.deleted_at = now
    comment.body = ""
    comment.body_html = ""
    comment.versions.clear()


def edit_comment(comment: Comment, *, editor: User, body: str, now: datetime) -> bool:
    """Replace the text, keeping the previous one as a version; False if unchanged.

    :raises EditWindowPassed, ThreadLocked, DiscussionClosed: when editing is over.
    """
    _require_editable(comment, editor, now)
    body = clean_body(body)
    if body == comment.body:
        return False
    revise_text(comment, body, now)
    db.session.flush()
    log.info("comment %s edited by user %s", comment.id, editor.id)
    return True


def delete_comment(comment: Comment, *, actor: User, now: datetime) -> None:
    """Delete the author's own comment: its text and versions go, its place stays.

    :raises EditWindowPassed, ThreadLocked, DiscussionClosed: when it is too late.
    """
    _require_editable(comment, actor, now)
    wipe(comment, now)
    db.session.flush()
    log.info("comment %s deleted by its author %s", comment.id, actor.id)
