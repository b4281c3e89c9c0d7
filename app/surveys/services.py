"""Survey set-up rules: settings, the period, questions, locking, running it again.

A survey belongs to a survey phase and opens and closes with it. Its Likert
statements may feed indicators of the process; its free-text questions each own a
prompt, so their answers are comments that are coded by theme like any comment.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..models import (
    Goal,
    Indicator,
    PeriodKind,
    Phase,
    PhaseKind,
    Process,
    Prompt,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
)
from ..monitoring.targets import valid_period
from ..processes.ordering import Direction, in_order, move_within, renumber
from ..text import render_translated

log = logging.getLogger("osallistamo.surveys")

#: The scales a Likert statement may have (1 is always "strongly disagree").
SCALES = (4, 5, 6, 7)
DEFAULT_SCALE = 5
#: A survey stays short enough to answer in one meeting.
MAX_QUESTIONS = 40


class InvalidPeriod(DomainError):
    message = _l(
        "Write the period as a school year (2025-2026) or a calendar year (2026)."
    )


class MissingQuestionText(DomainError):
    message = _l("Write the question at least in the main language of the process.")


class QuestionLocked(DomainError):
    message = _l(
        "Work groups have already answered this question, so it can no longer be "
        "removed and its kind and scale can no longer be changed. You can still "
        "correct its wording."
    )


class TooManyQuestions(DomainError):
    message = _l("A survey has at most %(max)d questions.", max=MAX_QUESTIONS)


class ForeignIndicator(DomainError):
    message = _l("Choose one of the indicators of this process.")


class NoPeriod(DomainError):
    message = _l("Set the survey's period first, so the next period can be counted.")


class NextPeriodExists(DomainError):
    def __init__(self, period: str):
        super().__init__(
            _l(
                "The process already has a survey for the period %(period)s.",
                period=period,
            )
        )


class SurveyState(enum.StrEnum):
    NOT_OPEN = "not_open"
    OPEN = "open"
    CLOSED = "closed"


def ensure_survey(phase: Phase) -> Survey | None:
    """Give a survey phase its survey settings (kept if the kind changes back)."""
    if phase.kind is not PhaseKind.SURVEY:
        return None
    if phase.survey is None:
        phase.survey = Survey()
        db.session.flush()
    return phase.survey


def state(survey: Survey, now: datetime) -> SurveyState:
    """Open between the phase's start and end; without a start it is not open yet."""
    phase = survey.phase
    if phase.starts_at is None or now < phase.starts_at:
        return SurveyState.NOT_OPEN
    if phase.ends_at is not None and now >= phase.ends_at:
        return SurveyState.CLOSED
    return SurveyState.OPEN


# Periods ---------------------------------------------------------------------


def period_kind(period: str) -> PeriodKind | None:
    """Which kind of period a text is ("2025-2026": school year), or None if neither."""
    period = (period or "").strip()
    for kind in (PeriodKind.SCHOOL_YEAR, PeriodKind.CALENDAR_YEAR):
        if valid_period(kind, period):
            return kind
    return None


def clean_period(period: str) -> str:
    """Accept a school year or a calendar year ("" leaves it unset).

    :raises InvalidPeriod: for anything else.
    """
    period = (period or "").strip().replace("–", "-").replace(" ", "")
    if period and period_kind(period) is None:
        raise InvalidPeriod()
    return period


def next_period(period: str) -> str | None:
    """The period after this one ("2026-2027" after "2025-2026"), or None."""
    kind = period_kind(period)
    if kind is None:
        return None
    first = int(period[:4])
    if kind is PeriodKind.SCHOOL_YEAR:
        return f"{first + 1}-{first + 2}"
    return str(first + 1)


# Settings --------------------------------------------------------------------


def process_indicators(process: Process) -> list[Indicator]:
    """The process's indicators, goal by goal in their order (the link choices)."""
    return list(
        db.session.scalars(
            sa.select(Indicator)
            .join(Goal, Goal.id == Indicator.goal_id)
            .where(Goal.process_id == process.id)
            .order_by(Goal.position, Goal.id, Indicator.position, Indicator.id)
        )
    )


def update_survey(survey: Survey, *, intro: dict, period: str) -> bool:
    """Save the introduction and the period; True when the period changed.

    A changed period moves the indicator values the answers gave to the new period.

    :raises InvalidPeriod: for a period that is neither form.
    """
    period = clean_period(period)
    survey.intro = intro
    survey.intro_html = render_translated(intro)
    changed = period != survey.period
    old_period = survey.period
    survey.period = period
    db.session.flush()
    if changed:
        # Imported here: scoring imports this module's period helpers.
        from .scoring import feed_indicators, remove_fed_values

        indicator_ids = {q.indicator_id for q in survey.questions if q.indicator_id}
        remove_fed_values(survey, indicator_ids, old_period)
        feed_indicators(survey)
    return changed


# Questions -------------------------------------------------------------------


def answer_count(question: SurveyQuestion) -> int:
    """How many work groups have answered this question (a skip counts)."""
    if question.id is None:
        return 0
    return (
        db.session.scalar(
            sa.select(sa.func.count(SurveyAnswer.id)).where(
                SurveyAnswer.question_id == question.id
            )
        )
        or 0
    )


def is_locked(question: SurveyQuestion) -> bool:
    """Answered questions keep their kind and scale and cannot be removed."""
    return answer_count(question) > 0


def _check_indicator(survey: Survey, indicator_id: int | None) -> int | None:
    if not indicator_id:
        return None
    ids = {indicator.id for indicator in process_indicators(survey.process)}
    if indicator_id not in ids:
        raise ForeignIndicator()
    return indicator_id


def _sync_prompt(question: SurveyQuestion) -> None:
    """A free-text question owns a prompt with the same text; a statement owns none."""
    if question.kind is QuestionKind.TEXT:
        if question.prompt is None:
            question.prompt = Prompt(survey_id=question.survey.id)
        question.prompt.question = dict(question.text)
        question.prompt.position = question.position
    elif question.prompt is not None:
        prompt = question.prompt
        question.prompt = None
        db.session.delete(prompt)


def add_question(
    survey: Survey,
    *,
    kind: QuestionKind | str,
    text: dict,
    scale_max: int = DEFAULT_SCALE,
    indicator_id: int | None = None,
) -> SurveyQuestion:
    """Add a question at the end of the survey.

    :raises MissingQuestionText: without the text in the process's main language.
    :raises ForeignIndicator: for an indicator of another process.
    :raises TooManyQuestions: beyond ``MAX_QUESTIONS``.
    """
    if len(survey.questions) >= MAX_QUESTIONS:
        raise TooManyQuestions()
    kind = QuestionKind(kind)
    if not text.get(survey.process.language):
        raise MissingQuestionText()
    question = SurveyQuestion(
        kind=kind,
        text=text,
        scale_max=scale_max if scale_max in SCALES else DEFAULT_SCALE,
        indicator_id=(
            _check_indicator(survey, indicator_id)
            if kind is QuestionKind.LIKERT
            else None
        ),
    )
    existing = in_order(survey.questions)
    survey.questions.append(question)
    renumber(existing + [question])
    db.session.flush()
    _sync_prompt(question)
    db.session.flush()
    if question.indicator_id:
        from .scoring import feed_indicators

        feed_indicators(survey)
    log.info("question %s added to survey %s", question.id, survey.id)
    return question


def update_question(
    question: SurveyQuestion,
    *,
    kind: QuestionKind | str,
    text: dict,
    scale_max: int,
    indicator_id: int | None,
) -> SurveyQuestion:
    """Change a question; once answered only its wording and indicator may change.

    :raises QuestionLocked: when an answered question would change kind or scale.
    """
    survey = question.survey
    kind = QuestionKind(kind)
    if not text.get(survey.process.language):
        raise MissingQuestionText()
    if scale_max not in SCALES:
        scale_max = question.scale_max
    if kind is not QuestionKind.LIKERT:
        scale_max = question.scale_max
    changes_shape = kind is not question.kind or (
        kind is QuestionKind.LIKERT and scale_max != question.scale_max
    )
    if changes_shape and is_locked(question):
        raise QuestionLocked()
    old_indicator = question.indicator_id
    question.kind = kind
    question.text = text
    question.scale_max = scale_max
    question.indicator_id = (
        _check_indicator(survey, indicator_id) if kind is QuestionKind.LIKERT else None
    )
    _sync_prompt(question)
    db.session.flush()
    if old_indicator != question.indicator_id:
        from .scoring import feed_indicators, remove_fed_values

        if old_indicator:
            remove_fed_values(survey, {old_indicator}, survey.period)
        feed_indicators(survey)
    return question


def move_question(question: SurveyQuestion, direction: Direction) -> bool:
    """Move a question one step up or down; False at either end."""
    moved = move_within(question.survey, "questions", question, direction)
    for each in question.survey.questions:
        if each.prompt is not None:
            each.prompt.position = each.position
    db.session.flush()
    return moved


def delete_question(question: SurveyQuestion) -> None:
    """Remove an unanswered question (and its prompt) and close the gap.

    :raises QuestionLocked: when work groups have answered it.
    """
    if is_locked(question):
        raise QuestionLocked()
    survey = question.survey
    prompt = question.prompt
    indicator_id = question.indicator_id
    survey.questions.remove(question)
    renumber(in_order(survey.questions))
    if prompt is not None:
        db.session.delete(prompt)
    db.session.flush()
    db.session.expire(survey, ["questions"])
    if indicator_id:
        from .scoring import feed_indicators, remove_fed_values

        remove_fed_values(survey, {indicator_id}, survey.period)
        feed_indicators(survey)
    log.info("question %s removed from survey %s", question.id, survey.id)


# Running again -----------------------------------------------------------------


def survey_for_period(process: Process, period: str) -> Survey | None:
    """The process's survey for a period, if it has one."""
    return db.session.scalar(
        sa.select(Survey)
        .join(Phase, Phase.id == Survey.phase_id)
        .where(Phase.process_id == process.id, Survey.period == period)
        .limit(1)
    )


def _next_title(title: dict, period: str, following: str) -> dict:
    """The phase title with the period in it moved on ("Kysely 2025-2026" → 2026-2027)."""
    if not period:
        return dict(title)
    return {lang: text.replace(period, following) for lang, text in title.items()}


def copy_to_next_period(
    survey: Survey,
    *,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
) -> Survey:
    """Run the survey again: a new survey phase for the next period, same questions.

    The introduction, the questions and their indicator links are copied; the new
    phase comes last in the process, with the times given (or none yet).

    :raises NoPeriod: when the survey has no period to count on from.
    :raises NextPeriodExists: when the process already has the next period's survey.
    :raises InvalidSchedule: when the end does not come after the start.
    """
    # Imported here: the phase services give new survey phases their survey.
    from ..processes.services_phases import add_phase

    following = next_period(survey.period)
    if following is None:
        raise NoPeriod()
    process = survey.process
    if survey_for_period(process, following) is not None:
        raise NextPeriodExists(following)
    old_phase = survey.phase
    phase = add_phase(
        process,
        kind=PhaseKind.SURVEY,
        title=_next_title(old_phase.title, survey.period, following),
        description=dict(old_phase.description or {}),
        starts_at=starts_at,
        ends_at=ends_at,
    )
    copy = ensure_survey(phase)
    copy.intro = dict(survey.intro or {})
    copy.intro_html = dict(survey.intro_html or {})
    copy.period = following
    for question in in_order(survey.questions):
        copy.questions.append(
            SurveyQuestion(
                position=question.position,
                kind=question.kind,
                text=dict(question.text),
                scale_max=question.scale_max,
                indicator_id=question.indicator_id,
            )
        )
    db.session.flush()
    for question in copy.questions:
        _sync_prompt(question)
    db.session.flush()
    log.info("survey %s copied to %s for %s", survey.id, copy.id, following)
    return copy
