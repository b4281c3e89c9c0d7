"""Moderation: readers report comments, facilitators hide, restore and lock, all logged.

Every action writes one ModerationEvent (who, what, when, why) in the process's audit
log. Services take the actor and ``now`` explicitly, flush, and leave the commit to
the route.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..errors import DomainError
from ..extensions import db
from ..models import (
    Comment,
    CommentFlag,
    Discussion,
    ModerationAction,
    ModerationEvent,
    Phase,
    Process,
    Prompt,
    User,
)
from ..permissions import can
from .services_comments import groups_of
from .visibility import can_read_others

log = logging.getLogger("osallistamo.discussions")

#: Longest reason of a report or a moderation action, in characters.
REASON_MAX_LENGTH = 1000

#: How many hidden comments the moderation queue lists (newest first).
RECENTLY_HIDDEN_LIMIT = 20


class ReasonError(DomainError):
    """A refusal about the reason text itself (shown at the reason field)."""


class ReasonMissing(ReasonError):
    message = _l("Write the reason.")


class ReasonTooLong(ReasonError):
    message = _l(
        "The reason is too long: at most %(max)d characters.", max=REASON_MAX_LENGTH
    )


class CannotFlagRemoved(DomainError):
    message = _l("This comment has been deleted or hidden, so it cannot be reported.")


class CannotFlagOwn(DomainError):
    message = _l("You cannot report your own comment.")


class AlreadyHidden(DomainError):
    message = _l("This comment is already hidden.")


class CannotHideDeleted(DomainError):
    message = _l(
        "This comment has been deleted by its author: there is nothing to hide."
    )


class NotHidden(DomainError):
    message = _l("This comment is not hidden.")


class NotAThread(DomainError):
    message = _l(
        "Only a whole thread can be locked or unlocked: use its first comment."
    )


class AlreadyLocked(DomainError):
    message = _l("This thread is already locked.")


class NotLocked(DomainError):
    message = _l("This thread is not locked.")


class NoOpenFlags(DomainError):
    message = _l("This comment has no open reports.")


def clean_reason(reason: str | None, *, required: bool) -> str:
    """Trim the reason and check it; hiding and locking must say why."""
    reason = (reason or "").replace("\r\n", "\n").strip()
    if required and not reason:
        raise ReasonMissing()
    if len(reason) > REASON_MAX_LENGTH:
        raise ReasonTooLong()
    return reason


def _record(comment: Comment, actor: User, action: ModerationAction, reason, now):
    event = ModerationEvent(
        process_id=comment.process.id,
        comment_id=comment.id,
        actor_id=actor.id,
        action=action,
        reason=reason,
        created_at=now,
    )
    db.session.add(event)
    db.session.flush()
    log.info(
        "moderation: %s of comment %s by user %s", action.value, comment.id, actor.id
    )
    return event


def _resolve_flags(comment: Comment, actor: User, now: datetime) -> int:
    flags = comment.open_flags
    for flag in flags:
        flag.resolved_at = now
        flag.resolved_by_id = actor.id
    return len(flags)


# Reading -----------------------------------------------------------------------


def can_read_comment(user: User, comment: Comment, now: datetime) -> bool:
    """Whether the user reads this comment under the discussion's reading rule.

    The process team (and admins) read everything; a group member reads the threads
    of their own group, and others' comments once the rule lets their group.
    """
    process = comment.process
    if can(user, "discussion.read_all", process):
        return True
    groups = groups_of(user, process.id)
    if not groups:
        return False
    if comment.thread.group_id in {group.id for group in groups}:
        return True
    return can_read_others(comment.prompt, groups, now)


def flag_of(comment: Comment, user: User) -> CommentFlag | None:
    """The user's report of this comment (open or resolved), if any."""
    return db.session.scalar(
        sa.select(CommentFlag).where(
            CommentFlag.comment_id == comment.id, CommentFlag.user_id == user.id
        )
    )


# Checks: why an action cannot be done now (the confirmation pages ask first) -----


def _check_flag(comment: Comment, user: User) -> None:
    if comment.is_deleted or comment.is_hidden:
        raise CannotFlagRemoved()
    if comment.author_id is not None and comment.author_id == user.id:
        raise CannotFlagOwn()


def _check_hide(comment: Comment) -> None:
    if comment.is_hidden:
        raise AlreadyHidden()
    if comment.is_deleted:
        raise CannotHideDeleted()


def _check_restore(comment: Comment) -> None:
    if not comment.is_hidden:
        raise NotHidden()


def _check_lock(comment: Comment) -> None:
    if comment.parent_id is not None:
        raise NotAThread()
    if comment.locked_at is not None:
        raise AlreadyLocked()


def _check_unlock(comment: Comment) -> None:
    if comment.parent_id is not None:
        raise NotAThread()
    if comment.locked_at is None:
        raise NotLocked()


def _check_dismiss(comment: Comment) -> None:
    if not comment.open_flags:
        raise NoOpenFlags()


CHECKS = {
    "hide": _check_hide,
    "restore": _check_restore,
    "lock": _check_lock,
    "unlock": _check_unlock,
    "dismiss": _check_dismiss,
}

#: Actions whose reason is required: the ones that take something away.
REASON_REQUIRED = {"hide", "lock"}


def refusal(action: str, comment: Comment) -> DomainError | None:
    """Why a facilitator's action cannot be done to this comment now; None if it can."""
    try:
        CHECKS[action](comment)
    except DomainError as error:
        return error
    return None


def flag_refusal(comment: Comment, user: User) -> DomainError | None:
    """Why this user cannot report this comment; None if they can."""
    try:
        _check_flag(comment, user)
    except DomainError as error:
        return error
    return None


# Actions -------------------------------------------------------------------------


def flag_comment(
    comment: Comment, *, user: User, reason: str, now: datetime
) -> tuple[CommentFlag, bool]:
    """Report a comment to the facilitators; True in the result if the report is new.

    A reader has one report per comment: reporting again replaces the reason of the
    earlier report and reopens it if a facilitator had dismissed it.

    :raises CannotFlagRemoved, CannotFlagOwn: for a removed or one's own comment.
    :raises ReasonMissing, ReasonTooLong: for the reason.
    """
    _check_flag(comment, user)
    reason = clean_reason(reason, required=True)
    flag = flag_of(comment, user)
    created = flag is None
    if created:
        flag = CommentFlag(
            comment_id=comment.id, user_id=user.id, reason=reason, created_at=now
        )
        try:
            with db.session.begin_nested():
                db.session.add(flag)
        except IntegrityError:
            # The same reader's other request won a race: update that report.
            flag = flag_of(comment, user)
            if flag is None:
                raise
            created = False
    if not created:
        flag.reason = reason
        if flag.resolved_at is not None:
            # A dismissed report comes back as a new one in the queue.
            flag.created_at = now
            flag.resolved_at = None
            flag.resolved_by_id = None
    db.session.flush()
    db.session.expire(comment, ["flags"])
    _record(comment, user, ModerationAction.FLAG, reason, now)
    return flag, created


def hide_comment(comment: Comment, *, actor: User, reason: str, now: datetime):
    """Hide a comment; the reason is shown in its place, its open reports resolved.

    :raises AlreadyHidden, CannotHideDeleted, ReasonMissing, ReasonTooLong:
    """
    _check_hide(comment)
    reason = clean_reason(reason, required=True)
    comment.hidden_at = now
    comment.hidden_reason = reason
    comment.hidden_by_id = actor.id
    _resolve_flags(comment, actor, now)
    return _record(comment, actor, ModerationAction.HIDE, reason, now)


def restore_comment(comment: Comment, *, actor: User, reason: str = "", now: datetime):
    """Show a hidden comment again.

    :raises NotHidden, ReasonTooLong:
    """
    _check_restore(comment)
    reason = clean_reason(reason, required=False)
    comment.hidden_at = None
    comment.hidden_reason = ""
    comment.hidden_by_id = None
    return _record(comment, actor, ModerationAction.RESTORE, reason, now)


def lock_thread(comment: Comment, *, actor: User, reason: str, now: datetime):
    """Lock the thread of a top-level comment: no more replies or edits in it.

    :raises NotAThread, AlreadyLocked, ReasonMissing, ReasonTooLong:
    """
    _check_lock(comment)
    reason = clean_reason(reason, required=True)
    comment.locked_at = now
    return _record(comment, actor, ModerationAction.LOCK, reason, now)


def unlock_thread(comment: Comment, *, actor: User, reason: str = "", now: datetime):
    """Open a locked thread again.

    :raises NotAThread, NotLocked, ReasonTooLong:
    """
    _check_unlock(comment)
    reason = clean_reason(reason, required=False)
    comment.locked_at = None
    return _record(comment, actor, ModerationAction.UNLOCK, reason, now)


def dismiss_flags(comment: Comment, *, actor: User, reason: str = "", now: datetime):
    """Close the open reports of a comment that needs no action.

    :raises NoOpenFlags, ReasonTooLong:
    """
    _check_dismiss(comment)
    reason = clean_reason(reason, required=False)
    _resolve_flags(comment, actor, now)
    return _record(comment, actor, ModerationAction.DISMISS_FLAGS, reason, now)


#: The facilitators' actions by their name in the address.
ACTIONS = {
    "hide": hide_comment,
    "restore": restore_comment,
    "lock": lock_thread,
    "unlock": unlock_thread,
    "dismiss": dismiss_flags,
}


# The queue and the log -------------------------------------------------------------


@dataclass
class FlaggedComment:
    comment: Comment
    flags: list[CommentFlag]


@dataclass
class ModerationQueue:
    flagged: list[FlaggedComment]
    hidden: list[Comment]


def _in_process(stmt: sa.Select, process: Process) -> sa.Select:
    return (
        stmt.join(Prompt, Prompt.id == Comment.prompt_id)
        .join(Discussion, Discussion.id == Prompt.discussion_id)
        .join(Phase, Phase.id == Discussion.phase_id)
        .where(Phase.process_id == process.id)
    )


def moderation_queue(process: Process) -> ModerationQueue:
    """Comments with open reports (most reported, then longest waiting, first) and
    the most recently hidden comments, for the facilitators' queue."""
    open_flags = (
        sa.select(
            CommentFlag.comment_id,
            sa.func.count(CommentFlag.id).label("flag_count"),
            sa.func.min(CommentFlag.created_at).label("first_at"),
        )
        .where(CommentFlag.resolved_at.is_(None))
        .group_by(CommentFlag.comment_id)
        .subquery()
    )
    loads = (
        so.selectinload(Comment.group),
        so.selectinload(Comment.author),
        so.selectinload(Comment.flags).selectinload(CommentFlag.user),
    )
    flagged = db.session.scalars(
        _in_process(
            sa.select(Comment).join(open_flags, open_flags.c.comment_id == Comment.id),
            process,
        )
        # A comment its author deleted has nothing left to moderate.
        .where(Comment.deleted_at.is_(None))
        .order_by(open_flags.c.flag_count.desc(), open_flags.c.first_at, Comment.id)
        .options(*loads)
    )
    hidden = db.session.scalars(
        _in_process(sa.select(Comment), process)
        .where(Comment.hidden_at.is_not(None))
        .order_by(Comment.hidden_at.desc(), Comment.id.desc())
        .limit(RECENTLY_HIDDEN_LIMIT)
        .options(*loads, so.selectinload(Comment.hidden_by))
    )
    return ModerationQueue(
        flagged=[FlaggedComment(c, c.open_flags) for c in flagged],
        hidden=list(hidden),
    )


def audit_log_query(process: Process) -> sa.Select:
    """The process's moderation events, newest first (for ``db.paginate``)."""
    return (
        sa.select(ModerationEvent)
        .where(ModerationEvent.process_id == process.id)
        .order_by(ModerationEvent.created_at.desc(), ModerationEvent.id.desc())
        .options(
            so.selectinload(ModerationEvent.actor),
            so.selectinload(ModerationEvent.comment).selectinload(Comment.group),
        )
    )
