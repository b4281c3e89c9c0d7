"""Ballots over a process's themes, and the votes cast in them."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import (
    DescribedMixin,
    TimestampMixin,
    UTCDateTime,
    str_enum,
    utcnow,
)
from .groups import WorkGroup
from .processes import Phase, Theme
from .users import User


class VoterUnit(enum.StrEnum):
    """Who casts one ballot: a whole work group (the seed's way) or each participant."""

    GROUP = "group"
    PARTICIPANT = "participant"


class VotingMethod(enum.StrEnum):
    PICK = "pick"  #: approve at most k themes
    POINTS = "points"  #: distribute N points, at most m per theme (dot voting)
    RANKING = "ranking"  #: order at most k themes, scored by Borda count


class ResultsVisibility(enum.StrEnum):
    AFTER_CLOSE = "after_close"
    LIVE = "live"


class Ballot(DescribedMixin, TimestampMixin, db.Model):
    """A prioritisation round over some of a process's themes, inside one phase."""

    __tablename__ = "ballots"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    phase_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Phase.id, ondelete="CASCADE"), index=True
    )
    opens_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    closes_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    voter_unit: so.Mapped[VoterUnit] = so.mapped_column(
        str_enum(VoterUnit), default=VoterUnit.GROUP
    )
    method: so.Mapped[VotingMethod] = so.mapped_column(
        str_enum(VotingMethod), default=VotingMethod.PICK
    )
    #: pick and ranking: how many themes at most (k).
    max_choices: so.Mapped[int] = so.mapped_column(default=3)
    #: points: how many points each voter distributes (N) and at most per theme (m).
    total_points: so.Mapped[int] = so.mapped_column(default=10)
    max_points_per_theme: so.Mapped[int] = so.mapped_column(default=3)
    results_visibility: so.Mapped[ResultsVisibility] = so.mapped_column(
        str_enum(ResultsVisibility), default=ResultsVisibility.AFTER_CLOSE
    )
    #: Grows with every vote: the projector view's ETag, cheap to read.
    results_version: so.Mapped[int] = so.mapped_column(default=0)

    phase: so.Mapped[Phase] = so.relationship(
        backref=so.backref(
            "ballots", cascade="all, delete-orphan", order_by="Ballot.id"
        )
    )
    options: so.Mapped[list[BallotOption]] = so.relationship(
        back_populates="ballot",
        order_by="BallotOption.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"<Ballot {self.id} {self.method.value} phase={self.phase_id}>"

    @property
    def process(self):
        return self.phase.process


class BallotOption(db.Model):
    """A theme on a ballot. Removing the theme removes the option and its points."""

    __tablename__ = "ballot_options"
    __table_args__ = (sa.UniqueConstraint("ballot_id", "theme_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ballot_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Ballot.id, ondelete="CASCADE"), index=True
    )
    theme_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Theme.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)

    ballot: so.Mapped[Ballot] = so.relationship(back_populates="options")
    theme: so.Mapped[Theme] = so.relationship()


class Vote(db.Model):
    """One unit's ballot. ``unit_key`` is unique per ballot: a second vote from the
    same group or person replaces the first and can never count twice."""

    __tablename__ = "votes"
    __table_args__ = (sa.UniqueConstraint("ballot_id", "unit_key"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    ballot_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Ballot.id, ondelete="CASCADE"), index=True
    )
    #: ``group:<id>`` or ``user:<id>``.
    unit_key: so.Mapped[str] = so.mapped_column(sa.String(40))
    group_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(WorkGroup.id, ondelete="SET NULL"), index=True
    )
    #: Who cast (or last changed) the vote.
    cast_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL"), index=True
    )
    cast_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    #: How many times the unit has changed its vote.
    revision: so.Mapped[int] = so.mapped_column(default=1)

    ballot: so.Mapped[Ballot] = so.relationship()
    group: so.Mapped[WorkGroup | None] = so.relationship()
    cast_by: so.Mapped[User | None] = so.relationship()
    entries: so.Mapped[list[VoteEntry]] = so.relationship(
        back_populates="vote",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="VoteEntry.value.desc()",
    )


class VoteEntry(db.Model):
    """One theme in a vote: 1 for a pick, the points given, or the rank (1 = first)."""

    __tablename__ = "vote_entries"
    __table_args__ = (sa.UniqueConstraint("vote_id", "theme_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    vote_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Vote.id, ondelete="CASCADE"), index=True
    )
    theme_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Theme.id, ondelete="CASCADE"), index=True
    )
    value: so.Mapped[int] = so.mapped_column()

    vote: so.Mapped[Vote] = so.relationship(back_populates="entries")
    theme: so.Mapped[Theme] = so.relationship()
