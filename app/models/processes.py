"""Processes with their phases, themes and process roles."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import DescribedMixin, TimestampMixin, UTCDateTime, str_enum
from .users import User

if TYPE_CHECKING:
    from .groups import WorkGroup


class PhaseKind(enum.StrEnum):
    SEMINAR = "seminar"
    DISCUSSION = "discussion"
    FOLLOWUP = "followup"
    SURVEY = "survey"


class DeletedAccountComments(enum.StrEnum):
    """What happens to a person's comments when they delete their account."""

    #: The comments stay as their work group's, without the person's name.
    KEEP_AS_GROUP = "keep_as_group"
    #: The comments' texts are removed (their places stay for the replies).
    REMOVE = "remove"


class ProcessRoleKind(enum.StrEnum):
    FACILITATOR = "facilitator"  #: sets up, moderates, codes and exports
    OBSERVER = "observer"  #: reads everything and the results, changes nothing


class Process(DescribedMixin, TimestampMixin, db.Model):
    __tablename__ = "processes"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    slug: so.Mapped[str] = so.mapped_column(sa.String(80), unique=True)
    region: so.Mapped[str] = so.mapped_column(sa.String(120), default="")
    #: The language every translated text is written in first, and falls back to.
    language: so.Mapped[str] = so.mapped_column(sa.String(5), default="fi")
    #: Whether summaries and exports name the people behind comments (groups always).
    show_names: so.Mapped[bool] = so.mapped_column(default=False)
    #: Open data (issue 18): anyone may read the process's public page and its API
    #: without signing in: phases, closed summaries and results, the published
    #: proposal and the dashboard. Off until a facilitator turns it on.
    is_public: so.Mapped[bool] = so.mapped_column(
        default=False, server_default=sa.false()
    )
    #: When the process was last made public (None: never, or not now).
    public_since: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    deleted_account_comments: so.Mapped[DeletedAccountComments] = so.mapped_column(
        str_enum(DeletedAccountComments),
        default=DeletedAccountComments.KEEP_AS_GROUP,
        server_default=DeletedAccountComments.KEEP_AS_GROUP.value,
    )
    created_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL"), index=True
    )

    created_by: so.Mapped[User | None] = so.relationship()
    phases: so.Mapped[list[Phase]] = so.relationship(
        back_populates="process",
        order_by="Phase.position",
        cascade="all, delete-orphan",
    )
    themes: so.Mapped[list[Theme]] = so.relationship(
        back_populates="process",
        order_by="Theme.position",
        cascade="all, delete-orphan",
    )
    roles: so.Mapped[list[ProcessRole]] = so.relationship(
        back_populates="process", cascade="all, delete-orphan"
    )
    work_groups: so.Mapped[list[WorkGroup]] = so.relationship(
        back_populates="process",
        order_by="WorkGroup.name",
        cascade="all, delete-orphan",
    )

    def __repr__(self) -> str:
        return f"<Process {self.id} {self.slug}>"

    def role_of(self, user) -> ProcessRoleKind | None:
        """Return the user's role in this process, or None."""
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        for role in self.roles:
            if role.user_id == user.id:
                return role.role
        return None

    def has_facilitator(self, user) -> bool:
        return self.role_of(user) is ProcessRoleKind.FACILITATOR

    def has_member(self, user) -> bool:
        """True when the user belongs to one of this process's work groups."""
        if user is None or not getattr(user, "is_authenticated", False):
            return False
        return any(m.group.process_id == self.id for m in user.memberships)


class Phase(DescribedMixin, TimestampMixin, db.Model):
    """One step of a process: a seminar, an online discussion or the follow-up."""

    __tablename__ = "phases"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), index=True
    )
    kind: so.Mapped[PhaseKind] = so.mapped_column(str_enum(PhaseKind))
    #: Order within the process, 1-based; rewritten densely on every move.
    position: so.Mapped[int] = so.mapped_column(default=0)
    starts_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    ends_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    process: so.Mapped[Process] = so.relationship(back_populates="phases")

    def __repr__(self) -> str:
        return f"<Phase {self.id} {self.kind.value} #{self.position}>"


class Theme(DescribedMixin, TimestampMixin, db.Model):
    """A development theme of a process: comments are coded to it, votes rank it."""

    __tablename__ = "themes"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    #: Extra words that point to the theme, comma-separated, any language; used by
    #: the coding suggestions.
    keywords: so.Mapped[str] = so.mapped_column(sa.Text, default="")

    process: so.Mapped[Process] = so.relationship(back_populates="themes")

    def __repr__(self) -> str:
        return f"<Theme {self.id} #{self.position}>"


class ProcessRole(db.Model):
    """A user's role in one process; one role per user and process."""

    __tablename__ = "process_roles"
    __table_args__ = (sa.UniqueConstraint("process_id", "user_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), index=True
    )
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    role: so.Mapped[ProcessRoleKind] = so.mapped_column(str_enum(ProcessRoleKind))

    process: so.Mapped[Process] = so.relationship(back_populates="roles")
    user: so.Mapped[User] = so.relationship(back_populates="process_roles")
