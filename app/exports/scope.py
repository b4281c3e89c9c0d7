"""What a summary covers: the phases in scope, the comments any reader may see, the
confirmed codes. Shared by the summary and the CSV of comments, so both follow the
same visibility rule (who may read a summary, and when, is the "summary.read" rule)."""

from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..comments import visible
from ..extensions import db
from ..models import (
    Comment,
    Discussion,
    Phase,
    PhaseKind,
    Process,
    Prompt,
    TagStatus,
    ThemeTag,
    WorkGroup,
)


def phases_in_scope(process: Process, phase: Phase | None) -> list[Phase]:
    """The phase asked for, or every phase of the process."""
    return [phase] if phase is not None else list(process.phases)


def visible_comments(phases: list[Phase]) -> list[Comment]:
    """Comments of the phases' discussions that any reader may see, oldest first."""
    phase_ids = [p.id for p in phases if p.kind is PhaseKind.DISCUSSION]
    if not phase_ids:
        return []
    return list(
        db.session.scalars(
            sa.select(Comment)
            .join(Prompt, Prompt.id == Comment.prompt_id)
            .join(Discussion, Discussion.id == Prompt.discussion_id)
            .where(
                Discussion.phase_id.in_(phase_ids),
                visible(),
            )
            .options(
                so.selectinload(Comment.group).selectinload(WorkGroup.organisation),
                so.selectinload(Comment.author),
                so.selectinload(Comment.prompt),
            )
            .order_by(Comment.created_at, Comment.id)
        )
    )


def confirmed_tags(comment_ids: list[int]) -> list[ThemeTag]:
    """The codes a person confirmed on these comments."""
    if not comment_ids:
        return []
    return list(
        db.session.scalars(
            sa.select(ThemeTag).where(
                ThemeTag.comment_id.in_(comment_ids),
                ThemeTag.status == TagStatus.CONFIRMED,
            )
        )
    )
