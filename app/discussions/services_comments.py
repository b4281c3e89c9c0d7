"""Comment rules: posting for a work group, replies, the edit window, deleting.

Every function takes the actor and ``now`` explicitly, so the rules are tested with
frozen or chosen times and no request.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask_babel import lazy_gettext as _l

from ..comments import (
    clean_text,
    find_resent,
    post,
    require_member,
    revise_text,
    wipe,
)
from ..errors import DomainError
from ..extensions import db
from ..models import COMMENT_MAX_LENGTH, Comment, Prompt, User, WorkGroup
from ..permissions import can_still_edit, may_read_others, phase_allows
from .services import DiscussionState, state

log = logging.getLogger("osallistamo.discussions")


class DiscussionNotOpen(
    DomainError,
    message=_l("The discussion has not opened yet, so comments cannot be posted."),
): ...


class DiscussionClosed(
    DomainError,
    message=_l("The discussion has closed, so comments can no longer be posted."),
): ...


class EmptyComment(DomainError, message=_l("Write the comment before sending it.")): ...


class CommentTooLong(
    DomainError,
    message=_l(
        "The comment is too long: at most %(max)d characters.", max=COMMENT_MAX_LENGTH
    ),
): ...


class EditWindowPassed(
    DomainError, message=_l("The time for editing or deleting this comment has passed.")
): ...


class ThreadLocked(
    DomainError, message=_l("This thread is locked: it takes no more replies or edits.")
): ...


class CannotReply(DomainError, message=_l("This comment cannot be replied to.")): ...


def require_open(prompt: Prompt, now: datetime, action: str = "comment.post") -> None:
    """Refuse writing when the phase table does not allow it now, and say why."""
    current = state(prompt.discussion, now)
    if not phase_allows("discussion", current, action):
        if current is DiscussionState.NOT_OPEN:
            raise DiscussionNotOpen()
        raise DiscussionClosed()


def clean_body(body: str) -> str:
    """Trim the text and check its length; the limit counts what the author sees."""
    return clean_text(
        body, limit=COMMENT_MAX_LENGTH, empty=EmptyComment, too_long=CommentTooLong
    )


def _reply_target(reply_to: Comment, prompt: Prompt, group: WorkGroup, now) -> None:
    if reply_to.prompt_id != prompt.id or reply_to.is_deleted or reply_to.is_hidden:
        raise CannotReply()
    if reply_to.is_locked:
        raise ThreadLocked()
    if reply_to.thread.group_id != group.id and not may_read_others(
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
    existing = find_resent(author, submission_key)
    if existing is not None:
        return existing, False
    require_open(prompt, now, "comment.reply" if reply_to else "comment.post")
    require_member(author, group, prompt.process)
    body = clean_body(body)
    if reply_to is not None:
        _reply_target(reply_to, prompt, group, now)
    comment, created = post(
        prompt,
        author=author,
        group=group,
        body=body,
        now=now,
        reply_to=reply_to,
        submission_key=submission_key,
    )
    if created:
        log.info(
            "comment %s posted by user %s for group %s", comment.id, author.id, group.id
        )
    return comment, created


def _require_editable(comment: Comment, user: User, now: datetime) -> None:
    """Refuse unless the edit rule (permissions.can_still_edit) allows it; say why."""
    if can_still_edit(comment, user, now):
        return
    if comment.author_id == user.id and not (comment.is_deleted or comment.is_hidden):
        if comment.is_locked:
            raise ThreadLocked()
        require_open(comment.prompt, now, "comment.edit")
    raise EditWindowPassed()


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
