"""Moderation: readers report comments, facilitators hide, restore and lock, all logged.

Every action writes one ModerationEvent (who, what, when, why) in the process's audit
log. Services take the actor and ``now`` explicitly, flush, and leave the commit to
the route.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask_babel import lazy_gettext as _l

from ..comments import insert_or_existing
from ..errors import DomainError
from ..extensions import db
from ..models import Comment, CommentFlag, ModerationAction, ModerationEvent, User
from .queries_moderation import flag_of

log = logging.getLogger("osallistamo.discussions")

#: Longest reason of a report or a moderation action, in characters.
REASON_MAX_LENGTH = 1000


class ReasonError(DomainError):
    """A refusal about the reason text itself (shown at the reason field)."""


class ReasonMissing(ReasonError, message=_l("Write the reason.")): ...


class ReasonTooLong(
    ReasonError,
    message=_l(
        "The reason is too long: at most %(max)d characters.", max=REASON_MAX_LENGTH
    ),
): ...


class CannotFlagRemoved(
    DomainError,
    message=_l("This comment has been deleted or hidden, so it cannot be reported."),
): ...


class CannotFlagOwn(DomainError, message=_l("You cannot report your own comment.")): ...


class AlreadyHidden(DomainError, message=_l("This comment is already hidden.")): ...


class CannotHideDeleted(
    DomainError,
    message=_l(
        "This comment has been deleted by its author: there is nothing to hide."
    ),
): ...


class NotHidden(DomainError, message=_l("This comment is not hidden.")): ...


class NotAThread(
    DomainError,
    message=_l("Only a whole thread can be locked or unlocked: use its first comment."),
): ...


class AlreadyLocked(DomainError, message=_l("This thread is already locked.")): ...


class NotLocked(DomainError, message=_l("This thread is not locked.")): ...


class NoOpenFlags(DomainError, message=_l("This comment has no open reports.")): ...


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
    created = False
    if flag is None:
        # If the same reader's other request wins the race, that report is updated.
        flag, created = insert_or_existing(
            CommentFlag(
                comment_id=comment.id, user_id=user.id, reason=reason, created_at=now
            ),
            lambda: flag_of(comment, user),
        )
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
