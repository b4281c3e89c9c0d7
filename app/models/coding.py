"""Theme coding of comments: a person's confirmed or rejected code per comment."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, str_enum, utcnow
from .comments import Comment
from .processes import Process, Theme
from .users import User


class TagStatus(enum.StrEnum):
    #: Proposed by the tool; summaries do not count it until a person confirms it.
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    #: Turned down by a person: kept so the tool does not suggest it again.
    REJECTED = "rejected"


class SuggestionStrength(enum.StrEnum):
    #: Scored at or above the method's bar for a likely-right suggestion.
    STRONG = "strong"
    POSSIBLE = "possible"


class ThemeTag(db.Model):
    """A comment coded to a theme, suggested by the tool or set by a facilitator."""

    __tablename__ = "theme_tags"
    __table_args__ = (sa.UniqueConstraint("comment_id", "theme_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    comment_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="CASCADE"), index=True
    )
    theme_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Theme.id, ondelete="CASCADE"), index=True
    )
    status: so.Mapped[TagStatus] = so.mapped_column(
        str_enum(TagStatus), default=TagStatus.SUGGESTED, index=True
    )
    #: The suggestion's similarity score (0..1); None for codes set by hand.
    score: so.Mapped[float | None] = so.mapped_column(sa.Float)
    #: How sure the tool was (suggestions only; None for codes set by hand).
    strength: so.Mapped[SuggestionStrength | None] = so.mapped_column(
        str_enum(SuggestionStrength)
    )
    #: Why: the words the comment shares with the theme's texts...
    reason_words: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    #: ...and the theme's confirmed comment closest to this one.
    reason_comment_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="SET NULL")
    )
    #: A quote the facilitator chose to represent the theme in summaries.
    featured: so.Mapped[bool] = so.mapped_column(default=False)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    decided_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    decided_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    comment: so.Mapped[Comment] = so.relationship(
        backref=so.backref("tags", cascade="all, delete-orphan", passive_deletes=True),
        foreign_keys=[comment_id],
    )
    reason_comment: so.Mapped[Comment | None] = so.relationship(
        foreign_keys=[reason_comment_id]
    )
    theme: so.Mapped[Theme] = so.relationship()
    decided_by: so.Mapped[User | None] = so.relationship()


class CandidateStatus(enum.StrEnum):
    #: Proposed by theme discovery; waits for a person.
    OPEN = "open"
    #: Made into a theme (``theme_id``); its comments were suggested for it.
    ADOPTED = "adopted"
    #: Turned down: a later discovery does not offer the same comments again.
    DISMISSED = "dismissed"


class ThemeCandidate(db.Model):
    """A group of comments that theme discovery found talking about the same thing.

    Only a proposal: it becomes a theme when a person adopts it. ``comment_ids``
    lists its comments best first (closest to the group's centre); the name is made
    of its key words in the process's language, which the person can change.
    """

    __tablename__ = "theme_candidates"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), index=True
    )
    #: The phase whose comments were grouped; None: every phase of the process.
    phase_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("phases.id", ondelete="CASCADE")
    )
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    keywords: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    comment_ids: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    status: so.Mapped[CandidateStatus] = so.mapped_column(
        str_enum(CandidateStatus), default=CandidateStatus.OPEN, index=True
    )
    theme_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Theme.id, ondelete="SET NULL")
    )
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    decided_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    decided_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    process: so.Mapped[Process] = so.relationship()
    theme: so.Mapped[Theme | None] = so.relationship()
