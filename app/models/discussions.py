"""Online discussions: a discussion phase's settings and its prompts (questions)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import TimestampMixin, TranslatedText, str_enum
from .processes import Phase

if TYPE_CHECKING:
    from .seminars import Workshop
    from .surveys import Survey


class Visibility(enum.StrEnum):
    """When a group sees other groups' comments under a prompt."""

    ALWAYS = "always"
    #: Only after the group has answered the prompt itself (avoids anchoring).
    AFTER_OWN_ANSWER = "after_own_answer"


class Discussion(TimestampMixin, db.Model):
    """The online-discussion settings of a phase; it opens and closes with the phase."""

    __tablename__ = "discussions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    phase_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Phase.id, ondelete="CASCADE"), unique=True
    )
    intro: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    intro_html: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    #: The address the facilitator gave, and the embed address the server made of it.
    video_url: so.Mapped[str] = so.mapped_column(sa.String(500), default="")
    video_embed_url: so.Mapped[str] = so.mapped_column(sa.String(500), default="")
    #: A transcript or description under the video, for those who cannot watch it.
    video_transcript: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    video_transcript_html: so.Mapped[dict] = so.mapped_column(
        TranslatedText, default=dict
    )
    visibility: so.Mapped[Visibility] = so.mapped_column(
        str_enum(Visibility, length=24), default=Visibility.AFTER_OWN_ANSWER
    )
    #: Minutes an author may still edit or delete their comment.
    edit_window_minutes: so.Mapped[int] = so.mapped_column(default=30)
    #: The invitation letter (Markdown with placeholders such as {group} and {link}).
    invitation_subject: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    invitation_body: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)

    phase: so.Mapped[Phase] = so.relationship(
        backref=so.backref("discussion", uselist=False, cascade="all, delete-orphan")
    )
    prompts: so.Mapped[list[Prompt]] = so.relationship(
        back_populates="discussion",
        order_by="Prompt.position",
        cascade="all, delete-orphan",
    )

    def __repr__(self) -> str:
        return f"<Discussion {self.id} phase={self.phase_id}>"

    @property
    def process(self):
        return self.phase.process


class Prompt(TimestampMixin, db.Model):
    """One question of a discussion that the groups' comments answer."""

    __tablename__ = "prompts"
    __table_args__ = (
        # A prompt belongs to exactly one of: an online discussion, a seminar
        # workshop, or a survey (whose free-text answers are its comments).
        sa.CheckConstraint(
            "(CASE WHEN discussion_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN workshop_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN survey_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_owner",
        ),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    discussion_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Discussion.id, ondelete="CASCADE"), index=True
    )
    #: A workshop's prompt or station (notes posted in the room are its comments).
    workshop_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    #: A survey's free-text question (its answers are this prompt's comments).
    survey_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("surveys.id", ondelete="CASCADE"), index=True
    )
    #: Open space: the participant who proposed this topic (None: the facilitator).
    proposed_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    question: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    guidance: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    guidance_html: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)

    discussion: so.Mapped[Discussion | None] = so.relationship(back_populates="prompts")
    workshop: so.Mapped[Workshop | None] = so.relationship(
        backref=so.backref(
            "prompts",
            order_by="Prompt.position",
            cascade="all, delete-orphan",
            passive_deletes=True,
        ),
        foreign_keys=[workshop_id],
    )
    survey: so.Mapped[Survey | None] = so.relationship(foreign_keys=[survey_id])

    def __repr__(self) -> str:
        return f"<Prompt {self.id} #{self.position}>"

    @property
    def process(self):
        if self.workshop_id is not None:
            return self.workshop.process
        if self.survey_id is not None:
            return self.survey.process
        return self.discussion.phase.process
