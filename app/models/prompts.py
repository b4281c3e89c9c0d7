"""Prompts: the questions that comments answer, in a discussion, a workshop or a survey."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import TimestampMixin, TranslatedText, new_thread_version
from .discussions import Discussion

if TYPE_CHECKING:
    from .seminars import Workshop
    from .surveys import Survey


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
    #: Changes (to a new random number) whenever what its thread page lists changes:
    #: the key of the page's cached comments (app/thread_versions.py).
    thread_version: so.Mapped[int] = so.mapped_column(
        sa.BigInteger, default=new_thread_version, server_default="0"
    )

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
