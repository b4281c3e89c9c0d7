"""The follow-up proposal drawn from the results, and its saved versions."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import TimestampMixin, TranslatedText, UTCDateTime, str_enum, utcnow
from .processes import Process
from .prompts import Prompt
from .users import User


class ProposalStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class FollowUpProposal(TimestampMixin, db.Model):
    """The proposal of follow-up principles, next steps and resourcing of a process.

    Its texts live in versions: every save adds one, the newest is the current text.
    """

    __tablename__ = "followup_proposals"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), unique=True
    )
    status: so.Mapped[ProposalStatus] = so.mapped_column(
        str_enum(ProposalStatus), default=ProposalStatus.DRAFT
    )
    published_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    #: The question under which participants comment on the published proposal.
    prompt_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Prompt.id, ondelete="SET NULL")
    )

    process: so.Mapped[Process] = so.relationship(
        backref=so.backref("proposal", uselist=False, cascade="all, delete-orphan")
    )
    prompt: so.Mapped[Prompt | None] = so.relationship()
    versions: so.Mapped[list[ProposalVersion]] = so.relationship(
        back_populates="proposal",
        order_by="ProposalVersion.number.desc()",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def current(self) -> ProposalVersion | None:
        return self.versions[0] if self.versions else None


class ProposalVersion(db.Model):
    """One saved text of a proposal; sections are Markdown with their cleaned HTML."""

    __tablename__ = "proposal_versions"
    __table_args__ = (sa.UniqueConstraint("proposal_id", "number"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    proposal_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(FollowUpProposal.id, ondelete="CASCADE"), index=True
    )
    number: so.Mapped[int] = so.mapped_column()
    #: ``{"title": ..., "summary": ..., "principles": ..., "next_steps": ...,
    #: "resourcing": ...}``, each Markdown in the process's language.
    sections: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    sections_html: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    #: The themes the proposal takes up, in order: ``[{"theme_id", "why"}...]``.
    themes: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    created_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )

    proposal: so.Mapped[FollowUpProposal] = so.relationship(back_populates="versions")
    created_by: so.Mapped[User | None] = so.relationship()
