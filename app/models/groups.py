"""Work groups: a team of one organisation taking part in a process, and its members."""

from __future__ import annotations

import secrets
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import TimestampMixin, UTCDateTime, utcnow
from .organisations import Organisation
from .processes import Process
from .users import User

#: No 0/O, 1/I/L: codes are read aloud in meetings and typed from paper.
INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INVITE_CODE_LENGTH = 8


def new_invite_code() -> str:
    return "".join(secrets.choice(INVITE_ALPHABET) for _ in range(INVITE_CODE_LENGTH))


def normalise_invite_code(code: str) -> str:
    """Accept codes as people type them: any case, with spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


class WorkGroup(TimestampMixin, db.Model):
    __tablename__ = "work_groups"
    __table_args__ = (sa.UniqueConstraint("process_id", "name"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), index=True
    )
    organisation_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Organisation.id, ondelete="RESTRICT"), index=True
    )
    name: so.Mapped[str] = so.mapped_column(sa.String(160))
    contact_name: so.Mapped[str] = so.mapped_column(sa.String(120), default="")
    contact_email: so.Mapped[str] = so.mapped_column(sa.String(254), default="")
    invite_code: so.Mapped[str] = so.mapped_column(
        sa.String(16), unique=True, default=new_invite_code
    )
    #: A closed invite refuses new members; existing members stay.
    invite_open: so.Mapped[bool] = so.mapped_column(default=True)

    process: so.Mapped[Process] = so.relationship(back_populates="work_groups")
    organisation: so.Mapped[Organisation] = so.relationship(
        back_populates="work_groups"
    )
    memberships: so.Mapped[list[GroupMembership]] = so.relationship(
        back_populates="group", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<WorkGroup {self.id} {self.name!r}>"

    def has_member(self, user) -> bool:
        if user is None or not getattr(user, "is_authenticated", False):
            return False
        return any(m.user_id == user.id for m in self.memberships)


class GroupMembership(db.Model):
    __tablename__ = "group_memberships"
    __table_args__ = (sa.UniqueConstraint("group_id", "user_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    group_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(WorkGroup.id, ondelete="CASCADE"), index=True
    )
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    joined_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)

    group: so.Mapped[WorkGroup] = so.relationship(back_populates="memberships")
    user: so.Mapped[User] = so.relationship(back_populates="memberships")
