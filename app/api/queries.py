"""Reads of the API, each a fixed number of statements whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..comments import visible
from ..extensions import db
from ..models import (
    Comment,
    Discussion,
    Goal,
    Indicator,
    IndicatorValue,
    Phase,
    Process,
    Prompt,
    TagStatus,
    ThemeTag,
    WorkGroup,
)
from ..monitoring.queries import team_only
from ..permissions import api_processes


def processes_page(caller, after: int, limit: int) -> list[Process]:
    """The processes the caller reads, by id, ``limit + 1`` of them after ``after``."""
    stmt = (
        api_processes(sa.select(Process), caller)
        .where(Process.id > after)
        .order_by(Process.id)
        .limit(limit + 1)
    )
    return list(db.session.scalars(stmt))


def comments_page(
    process: Process,
    after: int,
    limit: int,
    *,
    running: bool,
    now: datetime,
    phase_id: int | None = None,
) -> list[tuple[Comment, int]]:
    """(comment, phase id) of the visible discussion comments of the process, by id: one statement (work group,
    organisation and, when names are shown, the author joined in). Without
    ``running`` only those of discussions that have closed."""
    stmt = (
        sa.select(Comment, Phase.id)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .join(Discussion, Discussion.id == Prompt.discussion_id)
        .join(Phase, Phase.id == Discussion.phase_id)
        .where(Phase.process_id == process.id, visible(), Comment.id > after)
        .options(
            so.joinedload(Comment.group).joinedload(WorkGroup.organisation),
            so.contains_eager(Comment.prompt),
        )
        .order_by(Comment.id)
        .limit(limit + 1)
    )
    if process.show_names:
        stmt = stmt.options(so.joinedload(Comment.author))
    if not running:
        stmt = stmt.where(Phase.ends_at.is_not(None), Phase.ends_at <= now)
    if phase_id is not None:
        stmt = stmt.where(Phase.id == phase_id)
    return [(comment, phase_id) for comment, phase_id in db.session.execute(stmt)]


def confirmed_themes(comment_ids: list[int]) -> dict[int, list[int]]:
    """The themes a person confirmed on each comment (one statement)."""
    themes: dict[int, list[int]] = defaultdict(list)
    if not comment_ids:
        return themes
    rows = db.session.execute(
        sa.select(ThemeTag.comment_id, ThemeTag.theme_id)
        .where(
            ThemeTag.comment_id.in_(comment_ids),
            ThemeTag.status == TagStatus.CONFIRMED,
        )
        .order_by(ThemeTag.comment_id, ThemeTag.theme_id)
    )
    for comment_id, theme_id in rows:
        themes[comment_id].append(theme_id)
    return themes


def indicators_of(process: Process) -> list[Indicator]:
    """The process's indicators in goal order, with targets and values (and the
    values' organisations) loaded alongside: four statements. The per-organisation
    survey averages are the team's (``monitoring.queries.team_only``) and are left
    out."""
    return list(
        db.session.scalars(
            sa.select(Indicator)
            .join(Goal, Goal.id == Indicator.goal_id)
            .where(Goal.process_id == process.id)
            .options(
                so.contains_eager(Indicator.goal),
                so.selectinload(Indicator.targets),
                # Open data: without the team's own values (issue 16).
                so.selectinload(Indicator.values.and_(sa.not_(team_only()))).joinedload(
                    IndicatorValue.organisation
                ),
            )
            .order_by(Goal.position, Goal.id, Indicator.position, Indicator.id)
        )
    )
