"""The coding view's read side: which comments, filtered how, and how far coding is.

Only visible comments are coded: hidden and deleted ones are never listed, counted
or suggested for. The scope is one discussion or survey phase, or the whole process:
a survey's free-text answers are comments under its questions' prompts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import abort

from ..comments import visible
from ..embeddings import model as embedding_model
from ..extensions import db
from ..models import (
    Comment,
    CommentEmbedding,
    Discussion,
    Organisation,
    Phase,
    PhaseKind,
    Process,
    Prompt,
    Survey,
    SurveyQuestion,
    TagStatus,
    ThemeTag,
    WorkGroup,
)
from ..web import get_comment_or_404


class CodingStatus(enum.StrEnum):
    ALL = "all"
    #: No confirmed code yet (suggestions do not count).
    UNCODED = "uncoded"
    CODED = "coded"
    #: Suggestions waiting for a person's decision.
    SUGGESTED = "suggested"


@dataclass(frozen=True)
class CodingFilters:
    phase_id: int | None = None
    prompt_id: int | None = None
    group_id: int | None = None
    organisation_id: int | None = None
    status: CodingStatus = CodingStatus.ALL

    def as_args(self) -> dict:
        """The filters as query-string arguments (empty ones left out)."""
        args = {
            "phase": self.phase_id,
            "prompt": self.prompt_id,
            "group": self.group_id,
            "organisation": self.organisation_id,
            "status": self.status.value
            if self.status is not CodingStatus.ALL
            else None,
        }
        return {key: value for key, value in args.items() if value is not None}


@dataclass
class CodingCounts:
    total: int = 0
    coded: int = 0
    uncoded: int = 0
    #: Suggested tags waiting for a decision, and the comments that have them.
    suggestions: int = 0
    suggested_comments: int = 0
    #: With filters: the comments of the filtered list (else None).
    matching: int | None = None
    #: With a model: the comments of the scope with a current embedding of it.
    embedded: int = 0


#: The phases whose comments are coded: discussions, and surveys' free-text answers.
CODED_KINDS = (PhaseKind.DISCUSSION, PhaseKind.SURVEY)


def coding_page_options() -> tuple:
    """What the coding pages read of the process, loaded with it: the phases with
    their discussions' and surveys' questions (the phase and question menus), the
    work groups with their organisations (the group and organisation menus) and the
    themes; one statement each, whatever their number."""
    return (
        so.selectinload(Process.phases).options(
            so.joinedload(Phase.discussion).joinedload(Discussion.prompts),
            so.joinedload(Phase.survey)
            .joinedload(Survey.questions)
            .joinedload(SurveyQuestion.prompt),
        ),
        so.selectinload(Process.work_groups).joinedload(WorkGroup.organisation),
        so.selectinload(Process.themes),
    )


def coding_phases(process: Process) -> list[Phase]:
    """The process's discussion and survey phases, in order (the phase filter)."""
    return [phase for phase in process.phases if phase.kind in CODED_KINDS]


def _visible_in(process: Process, phase: Phase | None) -> sa.Select:
    # A prompt belongs to a discussion or a survey (or a workshop: not coded here).
    stmt = (
        sa.select(Comment)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .outerjoin(Discussion, Discussion.id == Prompt.discussion_id)
        .outerjoin(Survey, Survey.id == Prompt.survey_id)
        .join(Phase, Phase.id == sa.func.coalesce(Discussion.phase_id, Survey.phase_id))
        .where(
            Phase.process_id == process.id,
            visible(),
        )
    )
    if phase is not None:
        stmt = stmt.where(Phase.id == phase.id)
    return stmt


def _has_tag(status: TagStatus):
    return sa.exists().where(
        ThemeTag.comment_id == Comment.id, ThemeTag.status == status
    )


def scope_comments(process: Process, phase: Phase | None = None) -> list[Comment]:
    """The visible comments of a phase (or of the whole process), oldest first."""
    return list(
        db.session.scalars(
            _visible_in(process, phase).order_by(Comment.created_at, Comment.id)
        )
    )


def uncoded_comments(process: Process, phase: Phase | None = None) -> list[Comment]:
    """The visible comments of a phase (or of the whole process) that no person
    has given a theme yet, oldest first."""
    stmt = _visible_in(process, phase).where(~_has_tag(TagStatus.CONFIRMED))
    return list(db.session.scalars(stmt.order_by(Comment.created_at, Comment.id)))


def _filtered(process: Process, phase: Phase | None, filters: CodingFilters):
    stmt = _visible_in(process, phase)
    if filters.prompt_id is not None:
        stmt = stmt.where(Comment.prompt_id == filters.prompt_id)
    if filters.group_id is not None:
        stmt = stmt.where(Comment.group_id == filters.group_id)
    if filters.organisation_id is not None:
        stmt = stmt.where(
            Comment.group_id.in_(
                sa.select(WorkGroup.id).where(
                    WorkGroup.organisation_id == filters.organisation_id
                )
            )
        )
    if filters.status is CodingStatus.UNCODED:
        stmt = stmt.where(~_has_tag(TagStatus.CONFIRMED))
    elif filters.status is CodingStatus.CODED:
        stmt = stmt.where(_has_tag(TagStatus.CONFIRMED))
    elif filters.status is CodingStatus.SUGGESTED:
        stmt = stmt.where(_has_tag(TagStatus.SUGGESTED))
    return stmt


def coding_query(
    process: Process, phase: Phase | None, filters: CodingFilters
) -> sa.Select:
    """The coding list (for ``db.paginate``): oldest first, with what a card shows,
    in the list's own statement."""
    reason = so.joinedload(Comment.tags).joinedload(ThemeTag.reason_comment)
    return (
        _filtered(process, phase, filters)
        .order_by(Comment.created_at, Comment.id)
        .options(
            so.joinedload(Comment.group).joinedload(WorkGroup.organisation),
            so.joinedload(Comment.prompt),
            so.joinedload(Comment.tags).joinedload(ThemeTag.theme),
            reason.joinedload(Comment.group),
        )
    )


def matches(
    process: Process, phase: Phase | None, filters: CodingFilters, comment_id: int
) -> bool:
    """Whether a comment is still in the filtered list (after a decision)."""
    stmt = _filtered(process, phase, filters).where(Comment.id == comment_id)
    return db.session.scalar(sa.select(stmt.exists())) is True


def _count_of(stmt: sa.Select) -> sa.ScalarSelect:
    """How many comments a statement of comments finds, as a column."""
    ids = stmt.with_only_columns(Comment.id).subquery()
    return sa.select(sa.func.count()).select_from(ids).scalar_subquery()


def _tags_of(process: Process, phase: Phase | None, status: TagStatus, *columns):
    """An aggregate of the scope's tags of a status, as a column."""
    ids = _visible_in(process, phase).with_only_columns(Comment.id)
    return (
        sa.select(*columns)
        .where(ThemeTag.comment_id.in_(ids), ThemeTag.status == status)
        .scalar_subquery()
    )


def coding_counts(
    process: Process,
    phase: Phase | None = None,
    filters: CodingFilters | None = None,
    model: str | None = None,
) -> CodingCounts:
    """How far coding is in the scope: comments, coded, uncoded, suggestions; with
    ``filters``, also how many comments the filtered list has, and with a ``model``
    how many comments have a current embedding of it. One statement."""
    columns = [
        _count_of(_visible_in(process, phase)),
        _tags_of(
            process,
            phase,
            TagStatus.CONFIRMED,
            sa.func.count(sa.distinct(ThemeTag.comment_id)),
        ),
        _tags_of(process, phase, TagStatus.SUGGESTED, sa.func.count(ThemeTag.id)),
        _tags_of(
            process,
            phase,
            TagStatus.SUGGESTED,
            sa.func.count(sa.distinct(ThemeTag.comment_id)),
        ),
        _count_of(_filtered(process, phase, filters))
        if filters is not None
        else sa.null(),
        _embedded(process, phase, model) if model is not None else sa.null(),
    ]
    total, coded, suggestions, suggested_comments, matching, embedded = (
        db.session.execute(sa.select(*columns)).one()
    )
    total = total or 0
    return CodingCounts(
        total=total,
        coded=coded or 0,
        uncoded=total - (coded or 0),
        suggestions=suggestions or 0,
        suggested_comments=suggested_comments or 0,
        matching=matching,
        embedded=embedded or 0,
    )


def prompts_of(process: Process, phase: Phase | None) -> list[tuple[Phase, Prompt]]:
    """The questions of the scope with their phases (the choices of the filter)."""
    pairs = []
    for each in [phase] if phase is not None else coding_phases(process):
        if each.kind is PhaseKind.DISCUSSION and each.discussion is not None:
            pairs.extend((each, prompt) for prompt in each.discussion.prompts)
        elif each.kind is PhaseKind.SURVEY and each.survey is not None:
            pairs.extend(
                (each, question.prompt)
                for question in each.survey.questions
                if question.prompt is not None
            )
    return pairs


def organisations_of(process: Process) -> list[Organisation]:
    """The organisations behind the process's work groups, by name."""
    seen = {group.organisation.id: group.organisation for group in process.work_groups}
    return sorted(seen.values(), key=lambda organisation: organisation.name.lower())


def get_tag_or_404(process: Process, tag_id: int) -> ThemeTag:
    """Load a theme tag of this process's comments; any other id is not found."""
    tag = db.session.get(ThemeTag, tag_id)
    if tag is None or tag.theme.process_id != process.id:
        abort(404)
    get_comment_or_404(process, tag.comment_id)
    return tag


@dataclass(frozen=True)
class SuggestionMethod:
    """What the suggestions compare, for the coding page to say."""

    #: The sentence-embedding model's name, or None when suggestions use words only.
    model: str | None
    #: Comments in the scope that have a current embedding (0 without a model).
    embedded: int


def suggestion_model() -> str | None:
    """The sentence-embedding model's name, or None when suggestions use words only."""
    embedder = embedding_model.current()
    return embedder.name if embedder is not None else None


def _embedded(process: Process, phase: Phase | None, model: str) -> sa.ScalarSelect:
    ids = _visible_in(process, phase).with_only_columns(Comment.id)
    return (
        sa.select(sa.func.count(CommentEmbedding.comment_id))
        .where(
            CommentEmbedding.comment_id.in_(ids),
            CommentEmbedding.model == model,
            CommentEmbedding.vector.is_not(None),
        )
        .scalar_subquery()
    )
