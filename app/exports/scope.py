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
    Survey,
    TagStatus,
    ThemeTag,
    WorkGroup,
)


def phases_in_scope(process: Process, phase: Phase | None) -> list[Phase]:
    """The phase asked for, or every phase of the process."""
    return [phase] if phase is not None else list(process.phases)


def visible_comments(
    phases: list[Phase], *, survey_answers: bool = False
) -> list[Comment]:
    """Comments of the phases' discussions that any reader may see, oldest first;
    with ``survey_answers`` also the free-text answers of their surveys (which only
    the team reads: the caller decides)."""
    discussion_phases = [p.id for p in phases if p.kind is PhaseKind.DISCUSSION]
    survey_phases = [p.id for p in phases if p.kind is PhaseKind.SURVEY]
    owners = [
        Prompt.discussion_id.in_(
            sa.select(Discussion.id).where(Discussion.phase_id.in_(discussion_phases))
        )
    ]
    if survey_answers and survey_phases:
        owners.append(
            Prompt.survey_id.in_(
                sa.select(Survey.id).where(Survey.phase_id.in_(survey_phases))
            )
        )
    if not discussion_phases and len(owners) == 1:
        return []
    return list(
        db.session.scalars(
            sa.select(Comment)
            .join(Prompt, Prompt.id == Comment.prompt_id)
            .where(sa.or_(*owners), visible())
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
