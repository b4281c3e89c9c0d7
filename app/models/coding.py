"""Theme coding of comments: a person's confirmed or rejected code per comment."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, str_enum, utcnow
from .comments import Comment
from .processes import Theme
from .users import User


class TagStatus(enum.StrEnum):
    #: Proposed by the tool; summaries do not count it until a person confirms it.
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    #: Turned down by a person: kept so the tool does not suggest it again.
    REJECTED = "rejected"


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
    #: A quote the facilitator chose to represent the theme in summaries.
    featured: so.Mapped[bool] = so.mapped_column(default=False)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    decided_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    decided_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    comment: so.Mapped[Comment] = so.relationship(
        backref=so.backref("tags", cascade="all, delete-orphan", passive_deletes=True)
    )
    theme: so.Mapped[Theme] = so.relationship()
    decided_by: so.Mapped[User | None] = so.relationship()
