"""Questions to the speakers (yleisökysymykset): sent from phones during the
seminar's talks, liked by others, shortlisted, answered or hidden by a facilitator."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, str_enum, utcnow
from .groups import WorkGroup
from .seminars import AgendaItem, Seminar
from .users import User

#: A question is short enough to read out from the stage (and to fit a tweet).
SPEAKER_QUESTION_MAX_LENGTH = 280


class QuestionState(enum.StrEnum):
    NEW = "new"  #: sent, waiting for the facilitator
    SHORTLISTED = "shortlisted"  #: on the presenter's screen
    ANSWERED = "answered"  #: the speaker has answered it


class SpeakerQuestion(db.Model):
    """A question to a talk of the seminar's agenda, or to the seminar without one."""

    __tablename__ = "speaker_questions"
    __table_args__ = (
        # A form sent twice (a double tap, a resent page) keeps one question.
        sa.UniqueConstraint("author_id", "submission_key"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    seminar_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Seminar.id, ondelete="CASCADE"), index=True
    )
    #: The talk asked about; None: the seminar has no talks on its agenda.
    agenda_item_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    author_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL"), index=True
    )
    #: Shown with the question instead of the person (as workshop notes are).
    group_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(WorkGroup.id, ondelete="SET NULL")
    )
    #: Plain text as typed (never Markdown: it is read out, not formatted).
    body: so.Mapped[str] = so.mapped_column(sa.String(SPEAKER_QUESTION_MAX_LENGTH))
    state: so.Mapped[QuestionState] = so.mapped_column(
        str_enum(QuestionState), default=QuestionState.NEW
    )
    #: Hidden by a facilitator: a flag, so restoring gives back the state it had.
    hidden_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    moderated_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    submission_key: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)

    seminar: so.Mapped[Seminar] = so.relationship()
    talk: so.Mapped[AgendaItem | None] = so.relationship()
    group: so.Mapped[WorkGroup | None] = so.relationship()

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def process(self):
        return self.seminar.phase.process


class SpeakerQuestionLike(db.Model):
    """One person's like of a question: one row each, deleted when taken back."""

    __tablename__ = "speaker_question_likes"
    __table_args__ = (sa.UniqueConstraint("question_id", "user_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    question_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(SpeakerQuestion.id, ondelete="CASCADE"), index=True
    )
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
