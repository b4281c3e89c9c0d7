"""Survey question rules: adding, changing, ordering, locking once answered.

Likert statements may feed indicators of the process; each free-text question owns a
prompt, so its answers are comments that are coded by theme like any comment.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..models import (
    Prompt,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
)

# The link choices: the process's indicators, goal by goal in their order.
from ..monitoring.queries import process_indicators
from ..ordering import Direction, append_to, in_order, move_within, renumber

log = logging.getLogger("osallistamo.surveys")

#: The scales a Likert statement may have (1 is always "strongly disagree").
SCALES = (4, 5, 6, 7)
DEFAULT_SCALE = 5
#: A survey stays short enough to answer in one meeting.
MAX_QUESTIONS = 40


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


def sync_prompt(question: SurveyQuestion) -> None:
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
    append_to(survey, "questions", question)
    db.session.flush()
    sync_prompt(question)
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
    sync_prompt(question)
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


def copy_questions(survey: Survey, copy: Survey) -> None:
    """Give ``copy`` the questions of ``survey`` with their indicator links."""
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
        sync_prompt(question)
