"""Feedback surveys: a survey phase's questions and the work groups' responses.

A survey runs as a phase of its own (e.g. every school year, to the education
providers) and is answered by work groups through their invite link, like a
discussion. A Likert question's average per period becomes a value of the indicator
it feeds; a free-text question owns a prompt, and its answers are comments under it,
so they are coded by theme like any comment.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import TimestampMixin, TranslatedText, UTCDateTime, str_enum
from .comments import Comment
from .groups import WorkGroup
from .monitoring import Indicator
from .processes import Phase, Process
from .prompts import Prompt
from .users import User


class QuestionKind(enum.StrEnum):
    LIKERT = "likert"  #: a statement rated 1..scale_max (1: strongly disagree)
    TEXT = "text"  #: a free-text answer


class Survey(TimestampMixin, db.Model):
    """The survey settings of a survey phase; it opens and closes with the phase."""

    __tablename__ = "surveys"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    phase_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Phase.id, ondelete="CASCADE"), unique=True
    )
    intro: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    intro_html: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    #: The period its Likert averages are recorded for ("2025-2026" or "2026").
    period: so.Mapped[str] = so.mapped_column(sa.String(9), default="")

    phase: so.Mapped[Phase] = so.relationship(
        backref=so.backref("survey", uselist=False, cascade="all, delete-orphan")
    )
    questions: so.Mapped[list[SurveyQuestion]] = so.relationship(
        back_populates="survey",
        order_by="SurveyQuestion.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def process(self) -> Process:
        return self.phase.process

    def __repr__(self) -> str:
        return f"<Survey {self.id} phase={self.phase_id}>"


class SurveyQuestion(TimestampMixin, db.Model):
    __tablename__ = "survey_questions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    survey_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Survey.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    kind: so.Mapped[QuestionKind] = so.mapped_column(str_enum(QuestionKind))
    text: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    #: Likert: the highest point of the scale (the lowest is 1).
    scale_max: so.Mapped[int] = so.mapped_column(default=5)
    #: Likert: the indicator whose value for the survey's period is this average.
    indicator_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Indicator.id, ondelete="SET NULL"), index=True
    )
    #: Free text: the prompt whose comments are the answers (coded like comments).
    prompt_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Prompt.id, ondelete="SET NULL"), unique=True
    )

    survey: so.Mapped[Survey] = so.relationship(back_populates="questions")
    indicator: so.Mapped[Indicator | None] = so.relationship()
    prompt: so.Mapped[Prompt | None] = so.relationship(foreign_keys=[prompt_id])

    @property
    def process(self) -> Process:
        return self.survey.process


class SurveyResponse(TimestampMixin, db.Model):
    """A work group's answers to a survey; answering again replaces them."""

    __tablename__ = "survey_responses"
    __table_args__ = (sa.UniqueConstraint("survey_id", "group_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    survey_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Survey.id, ondelete="CASCADE"), index=True
    )
    group_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(WorkGroup.id, ondelete="CASCADE"), index=True
    )
    submitted_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    submitted_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    survey: so.Mapped[Survey] = so.relationship()
    group: so.Mapped[WorkGroup] = so.relationship()
    submitted_by: so.Mapped[User | None] = so.relationship()
    answers: so.Mapped[list[SurveyAnswer]] = so.relationship(
        back_populates="response",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class SurveyAnswer(db.Model):
    """One answer: a Likert score, or the comment holding a free-text answer."""

    __tablename__ = "survey_answers"
    __table_args__ = (sa.UniqueConstraint("response_id", "question_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    response_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(SurveyResponse.id, ondelete="CASCADE"), index=True
    )
    question_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(SurveyQuestion.id, ondelete="CASCADE"), index=True
    )
    #: 1..scale_max; None when the group skipped the statement.
    score: so.Mapped[int | None] = so.mapped_column()
    comment_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="SET NULL")
    )

    response: so.Mapped[SurveyResponse] = so.relationship(back_populates="answers")
    question: so.Mapped[SurveyQuestion] = so.relationship()
    comment: so.Mapped[Comment | None] = so.relationship()
