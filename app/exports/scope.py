"""What a summary covers: the phases in scope, the comments any reader may see, the
confirmed codes. Shared by the summary and the CSV of comments, so both follow the
same visibility rule (who may read a summary, and when, is the "summary.read" rule)."""

from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..comments import visible
from ..extensions import db
from ..models import (
    Ballot,
    BallotOption,
    Comment,
    Discussion,
    FollowUpProposal,
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


def summary_options() -> tuple:
    """What a summary reads of its process, loaded with it (``web.load_process``):
    the phases with their ballots (their themes in order) and seminars, the themes,
    the work groups with their organisations, and the follow-up proposal (its
    versions only when there is one); one statement each, whatever their number."""
    return (
        so.selectinload(Process.phases).options(
            so.joinedload(Phase.ballots)
            .joinedload(Ballot.options)
            .joinedload(BallotOption.theme),
            so.joinedload(Phase.seminar),
        ),
        so.selectinload(Process.themes),
        so.selectinload(Process.work_groups).joinedload(WorkGroup.organisation),
        so.joinedload(Process.proposal).selectinload(FollowUpProposal.versions),
    )


def prompts_in_scope(
    phases: list[Phase], *, survey_answers: bool = False
) -> sa.ColumnElement[bool] | None:
    """The SQL condition of a prompt whose comments a summary of the phases covers:
    their discussions' prompts, with ``survey_answers`` also their surveys'; None
    when there is none."""
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
        return None
    return sa.or_(*owners)


def visible_comments(
    phases: list[Phase], *, survey_answers: bool = False
) -> tuple[list[Comment], list[ThemeTag]]:
    """Comments of the phases' discussions that any reader may see, oldest first,
    and the codes a person confirmed on them, in one statement; with
    ``survey_answers`` also the free-text answers of their surveys (which only the
    team reads: the caller decides)."""
    prompts = prompts_in_scope(phases, survey_answers=survey_answers)
    if prompts is None:
        return [], []
    rows = db.session.execute(
        sa.select(Comment, ThemeTag)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .outerjoin(
            ThemeTag,
            sa.and_(
                ThemeTag.comment_id == Comment.id,
                ThemeTag.status == TagStatus.CONFIRMED,
            ),
        )
        .where(prompts, visible())
        .options(
            so.joinedload(Comment.group).joinedload(WorkGroup.organisation),
            so.joinedload(Comment.author),
            # From the join above, and only what the exports read: every row of a
            # large process carried its prompt's three texts to decode (JSON).
            so.contains_eager(Comment.prompt).load_only(
                Prompt.question,
                Prompt.position,
                Prompt.discussion_id,
                Prompt.survey_id,
                Prompt.workshop_id,
            ),
        )
        .order_by(Comment.created_at, Comment.id, ThemeTag.id)
    ).all()
    comments = list(dict.fromkeys(comment for comment, _tag in rows))
    return comments, [tag for _comment, tag in rows if tag is not None]
