"""Quick votes on a workshop's wall (pikakysely): options typed in or taken from the
wall's notes, dots given from phones, the result kept when the vote closes."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, utcnow
from .comments import Comment
from .seminars import Workshop
from .users import User

#: A person gives at most this many dots in a vote (one dot: an ordinary vote).
MAX_DOTS = 5


class LiveVote(db.Model):
    """A quick vote of a workshop; at most one is open per workshop at a time."""

    __tablename__ = "live_votes"
    __table_args__ = (
        sa.CheckConstraint(
            f"dots_per_person BETWEEN 1 AND {MAX_DOTS}", name="dots_in_range"
        ),
        # One open vote per workshop: two facilitators opening at once cannot both win.
        sa.Index(
            "uq_live_votes_open_per_workshop",
            "workshop_id",
            unique=True,
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        ),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    workshop_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    #: In the process's language, as the facilitator typed it.
    question: so.Mapped[str] = so.mapped_column(sa.String(300))
    #: How many dots each person may spread over the options (1: one choice).
    dots_per_person: so.Mapped[int] = so.mapped_column(default=1)
    #: The projector shows this vote (open, or its result after closing).
    on_wall: so.Mapped[bool] = so.mapped_column(default=True)
    opened_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    #: None while people vote; set when the facilitator closes it.
    closed_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    opened_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    #: The number of people who voted, stored when the vote closes.
    voters: so.Mapped[int] = so.mapped_column(default=0)

    workshop: so.Mapped[Workshop] = so.relationship()
    options: so.Mapped[list[LiveVoteOption]] = so.relationship(
        back_populates="vote",
        order_by="LiveVoteOption.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def process(self):
        return self.workshop.process


class LiveVoteOption(db.Model):
    """One option: a typed text, or a note of the wall (its text kept as it was)."""

    __tablename__ = "live_vote_options"
    __table_args__ = (sa.UniqueConstraint("vote_id", "position"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    vote_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(LiveVote.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    label: so.Mapped[str] = so.mapped_column(sa.String(300))
    #: The wall's note this option stands for (None: typed in, or the note is gone).
    comment_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="SET NULL"), index=True
    )
    #: The dots it got, stored when the vote closes.
    dots: so.Mapped[int] = so.mapped_column(default=0)

    vote: so.Mapped[LiveVote] = so.relationship(back_populates="options")


class LiveVoteBallot(db.Model):
    """One person's vote in a quick vote: one row each, changed in place."""

    __tablename__ = "live_vote_ballots"
    __table_args__ = (sa.UniqueConstraint("vote_id", "user_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    vote_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(LiveVote.id, ondelete="CASCADE"), index=True
    )
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)


class LiveVoteDots(db.Model):
    """The dots a ballot gives one option (one row per ballot and option)."""

    __tablename__ = "live_vote_dots"
    __table_args__ = (
        sa.UniqueConstraint("ballot_id", "option_id"),
        sa.CheckConstraint(f"dots BETWEEN 1 AND {MAX_DOTS}", name="dots_in_range"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ballot_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(LiveVoteBallot.id, ondelete="CASCADE"), index=True
    )
    option_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(LiveVoteOption.id, ondelete="CASCADE"), index=True
    )
    dots: so.Mapped[int] = so.mapped_column(default=1)
