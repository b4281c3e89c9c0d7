"""Online discussions: a discussion phase's settings (its prompts are in prompts.py)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import TimestampMixin, TranslatedText, str_enum
from .processes import Phase

if TYPE_CHECKING:
    from .prompts import Prompt


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
