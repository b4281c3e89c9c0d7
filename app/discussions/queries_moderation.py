"""Moderation's read side: who reads a comment, a reader's report, the queue, the log."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from ..models import (
    Comment,
    CommentFlag,
    Discussion,
    ModerationEvent,
    Phase,
    Process,
    Prompt,
    User,
)

#: How many hidden comments the moderation queue lists (newest first).
RECENTLY_HIDDEN_LIMIT = 20


def flag_of(comment: Comment, user: User) -> CommentFlag | None:
    """The user's report of this comment (open or resolved), if any."""
    return db.session.scalar(
        sa.select(CommentFlag).where(
            CommentFlag.comment_id == comment.id, CommentFlag.user_id == user.id
        )
    )


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
