"""The survey's results for the team: per question, who answered, and the CSV files.

Pure reading: built from the database for the results page and the downloads, so
both show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import gettext as _

from ..comments import visible
from ..csvfiles import decimal_comma, write_csv
from ..extensions import db
from ..i18n import localized
from ..models import (
    Comment,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    WorkGroup,
)
from ..ordering import in_order
from .scoring import LikertResult, likert_result


@dataclass
class QuestionResult:
    number: int
    question: SurveyQuestion
    #: A statement's counts; None for a free-text question.
    likert: LikertResult | None
    #: A free-text question's answers (the groups' comments), by group name.
    texts: list[Comment]

    @property
    def is_likert(self) -> bool:
        return self.likert is not None


@dataclass
class SurveyResults:
    survey: Survey
    questions: list[QuestionResult]
    responses: list[SurveyResponse]
    group_count: int

    @property
    def answered_groups(self) -> int:
        return len(self.responses)

    @property
    def unanswered(self) -> list[WorkGroup]:
        answered = {response.group_id for response in self.responses}
        return sorted(
            (g for g in self.survey.process.work_groups if g.id not in answered),
            key=lambda group: group.name.lower(),
        )


def responses(survey: Survey) -> list[SurveyResponse]:
    """The groups' responses, by group name."""
    return list(
        db.session.scalars(
            sa.select(SurveyResponse)
            .join(WorkGroup, WorkGroup.id == SurveyResponse.group_id)
            .where(SurveyResponse.survey_id == survey.id)
            .options(
                so.selectinload(SurveyResponse.group).selectinload(
                    WorkGroup.organisation
                ),
                so.selectinload(SurveyResponse.submitted_by),
                so.selectinload(SurveyResponse.answers),
            )
            .order_by(WorkGroup.name, WorkGroup.id)
        )
    )


def text_answers(question: SurveyQuestion) -> list[Comment]:
    """A free-text question's answers that stand: the groups' comments, by group."""
    if question.prompt_id is None:
        return []
    return list(
        db.session.scalars(
            sa.select(Comment)
            .join(WorkGroup, WorkGroup.id == Comment.group_id)
            .where(
                Comment.prompt_id == question.prompt_id,
                visible(),
                Comment.id.in_(
                    sa.select(SurveyAnswer.comment_id).where(
                        SurveyAnswer.question_id == question.id
                    )
                ),
            )
            .options(
                so.selectinload(Comment.group).selectinload(WorkGroup.organisation),
                so.selectinload(Comment.author),
            )
            .order_by(WorkGroup.name, Comment.id)
        )
    )


def survey_results(survey: Survey) -> SurveyResults:
    """Every question's result in order, the responses and the number of groups."""
    questions = []
    for number, question in enumerate(in_order(survey.questions), start=1):
        if question.kind is QuestionKind.LIKERT:
            questions.append(
                QuestionResult(number, question, likert_result(question), [])
            )
        else:
            questions.append(
                QuestionResult(number, question, None, text_answers(question))
            )
    return SurveyResults(
        survey=survey,
        questions=questions,
        responses=responses(survey),
        group_count=len(survey.process.work_groups),
    )


def kind_text(kind: QuestionKind) -> str:
    return _("Statement") if kind is QuestionKind.LIKERT else _("Free text")


def summary_csv(results: SurveyResults) -> bytes:
    """One line per question: answers, "cannot say", average and the count per point."""
    process = results.survey.process
    top = max(
        (q.question.scale_max for q in results.questions if q.is_likert), default=0
    )
    header = [
        _("Question number"),
        _("Question"),
        _("Kind"),
        _("Answers"),
        _("Cannot say"),
        _("Average"),
    ] + [str(point) for point in range(1, top + 1)]
    lines = []
    for item in results.questions:
        text = localized(item.question.text, process.language)
        if item.likert is not None:
            likert = item.likert
            points = [likert.counts.get(point, "") for point in range(1, top + 1)]
            lines.append(
                [
                    item.number,
                    text,
                    kind_text(item.question.kind),
                    likert.answers,
                    likert.skipped,
                    decimal_comma(likert.average, 2),
                    *points,
                ]
            )
        else:
            lines.append(
                [item.number, text, kind_text(item.question.kind), len(item.texts)]
                + [""] * (2 + top)
            )
    return write_csv(lines, header)


def answers_csv(results: SurveyResults) -> bytes:
    """One line per group and question: the score or "cannot say", or the text."""
    process = results.survey.process
    show_names = process.show_names
    header = [_("Work group"), _("Organisation")]
    if show_names:
        header.append(_("Answered by"))
    header += [
        _("Answered at"),
        _("Question number"),
        _("Question"),
        _("Score"),
        _("Answer"),
    ]
    cannot_say = _("cannot say")
    comments = {
        comment.id: comment for item in results.questions for comment in item.texts
    }
    numbers = {item.question.id: item for item in results.questions}
    lines = []
    for response in results.responses:
        answers = {answer.question_id: answer for answer in response.answers}
        for question_id, item in numbers.items():
            answer = answers.get(question_id)
            if answer is None:
                continue
            line = [response.group.name, response.group.organisation.name]
            if show_names:
                line.append(response.submitted_by.name if response.submitted_by else "")
            line += [
                response.submitted_at.isoformat() if response.submitted_at else "",
                item.number,
                localized(item.question.text, process.language),
            ]
            if item.is_likert:
                line += [answer.score if answer.score is not None else cannot_say, ""]
            else:
                comment = comments.get(answer.comment_id)
                line += ["", comment.body if comment is not None else ""]
            lines.append(line)
    return write_csv(lines, header)
