"""Answering a survey for a work group: one response per group, replaced on change.

A statement's answer is a score (or "cannot say": no score). A free-text answer is
the group's comment under the question's prompt, so it is coded like any comment;
changing it keeps the earlier text as a version, and emptying it deletes the
comment. Every save recomputes the indicator values the survey feeds.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from .. import comments
from ..errors import DomainError
from ..extensions import db
from ..models import (
    COMMENT_MAX_LENGTH,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    User,
    WorkGroup,
)
from ..permissions import phase_allows
from .scoring import FeedReport, feed_indicators
from .services import SurveyState, state

log = logging.getLogger("osallistamo.surveys")


class SurveyNotOpen(DomainError):
    message = _l("The survey has not opened yet, so it cannot be answered.")


class SurveyClosed(DomainError):
    message = _l("The survey has closed, so answers can no longer be changed.")


class NotInGroup(DomainError):
    message = _l("You can answer only on behalf of a work group you belong to.")


class InvalidScore(DomainError):
    message = _l("Choose one of the options of the scale, or “cannot say”.")


class AnswerTooLong(DomainError):
    message = _l(
        "The answer is too long: at most %(max)d characters.", max=COMMENT_MAX_LENGTH
    )


def require_open(survey: Survey, now: datetime) -> None:
    """Refuse answering before the survey opens and after it closes."""
    current = state(survey, now)
    if not phase_allows("survey", current, "survey.answer"):
        if current is SurveyState.NOT_OPEN:
            raise SurveyNotOpen()
        raise SurveyClosed()


def response_of(survey: Survey, group: WorkGroup) -> SurveyResponse | None:
    """The group's response to the survey, if it has answered."""
    return db.session.scalar(
        sa.select(SurveyResponse).where(
            SurveyResponse.survey_id == survey.id, SurveyResponse.group_id == group.id
        )
    )


def clean_text(text: str | None) -> str:
    """Trim a free-text answer and check its length (the comments' limit)."""
    return comments.clean_text(text, limit=COMMENT_MAX_LENGTH, too_long=AnswerTooLong)


def _write_text(
    answer: SurveyAnswer,
    question: SurveyQuestion,
    group: WorkGroup,
    author: User,
    text: str,
    now: datetime,
) -> None:
    """Keep the group's comment under the question's prompt in step with its answer."""
    comment = answer.comment
    if comment is not None and comment.is_deleted:
        comment = None
    if not text:
        if comment is not None:
            # Emptied: the answer is withdrawn, like an author deleting a comment.
            comments.wipe(comment, now)
        answer.comment = None
        return
    if comment is None:
        answer.comment, _created = comments.post(
            question.prompt, author=author, group=group, body=text, now=now
        )
        return
    if comment.body == text:
        return
    comments.revise_text(comment, text, now)
    comment.author_id = author.id


def submit_response(
    survey: Survey,
    *,
    group: WorkGroup,
    author: User,
    scores: dict[int, int | None],
    texts: dict[int, str],
    now: datetime,
) -> tuple[SurveyResponse, FeedReport]:
    """Save the group's answers, replacing any earlier ones, and feed the indicators.

    :param scores: statement id → score (None: "cannot say"); statements left out
        are saved as "cannot say".
    :param texts: free-text question id → text ("" or left out: no answer).
    :raises SurveyNotOpen, SurveyClosed: outside the survey's time.
    :raises NotInGroup: when the author is not a member of the group.
    :raises InvalidScore, AnswerTooLong: for answers outside the rules.
    """
    require_open(survey, now)
    if group.process_id != survey.process.id or not group.has_member(author):
        raise NotInGroup()
    cleaned_scores: dict[int, int | None] = {}
    cleaned_texts: dict[int, str] = {}
    for question in survey.questions:
        if question.kind is QuestionKind.LIKERT:
            score = scores.get(question.id)
            if score is not None and not 1 <= score <= question.scale_max:
                raise InvalidScore()
            cleaned_scores[question.id] = score
        else:
            cleaned_texts[question.id] = clean_text(texts.get(question.id))

    response = response_of(survey, group)
    if response is None:
        response = SurveyResponse(survey=survey, group=group)
        db.session.add(response)
    response.submitted_by = author
    response.submitted_at = now
    answers = {answer.question_id: answer for answer in response.answers}
    for question in survey.questions:
        answer = answers.get(question.id)
        if answer is None:
            answer = SurveyAnswer(question=question)
            response.answers.append(answer)
        if question.kind is QuestionKind.LIKERT:
            answer.score = cleaned_scores[question.id]
            answer.comment = None
        else:
            answer.score = None
            _write_text(
                answer, question, group, author, cleaned_texts[question.id], now
            )
    db.session.flush()
    report = feed_indicators(survey)
    log.info(
        "survey %s answered for group %s by user %s", survey.id, group.id, author.id
    )
    return response, report
