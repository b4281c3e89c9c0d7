"""Work groups: a team of one organisation taking part in a process, and its members."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app

from ..extensions import db
from .base import TimestampMixin, UTCDateTime, utcnow
from .organisations import Organisation
from .processes import Process
from .users import User

#: No 0/O, 1/I/L: codes are read aloud in meetings and typed from paper.
INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
#: 31 ** 12 is about 2 ** 59 codes: guessing one, even at the join rate limit from
#: many addresses at once, is impractical.
INVITE_CODE_LENGTH = 12
#: A new work group's places (issue 16: joining again cannot multiply its votes).
DEFAULT_SEATS = 10
#: The most places a facilitator may give one work group.
MAX_SEATS = 500


def normalise_invite_code(code: str) -> str:
    """Accept codes as people type them: any case, with spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_invite_salt() -> str:
    return secrets.token_hex(16)


def derive_invite_code(salt: str) -> str:
    """The group's code: an HMAC of its salt under the installation's secret key.

    The database keeps only the salt and a hash of the code, so a copy of the
    database alone lets nobody join a group; the app recomputes the code to show it
    to facilitators and to put it in invitation letters. Changing INVITE_CODE_KEY
    (default: SECRET_KEY) therefore changes every group's code.
    """
    key = current_app.config.get("INVITE_CODE_KEY") or current_app.config["SECRET_KEY"]
    digest = hmac.new(
        key.encode(), f"invite-code:{salt}".encode(), hashlib.sha256
    ).digest()
    number = int.from_bytes(digest, "big")
    letters = []
    for _ in range(INVITE_CODE_LENGTH):
        number, index = divmod(number, len(INVITE_ALPHABET))
        letters.append(INVITE_ALPHABET[index])
    return "".join(letters)


def hash_invite_code(code: str) -> str:
    """The stored form of a code (as typed, normalised) used to find its group."""
    return hashlib.sha256(normalise_invite_code(code).encode()).hexdigest()


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
    #: The code itself is never stored: see derive_invite_code.
    invite_salt: so.Mapped[str] = so.mapped_column(sa.String(32))
    invite_code_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    #: A closed invite refuses new members; existing members stay.
    invite_open: so.Mapped[bool] = so.mapped_column(default=True)
    #: How many people may join: a join beyond it is refused, and in a ballot where
    #: each person votes the group casts at most this many votes (issue 16).
    seats: so.Mapped[int] = so.mapped_column(default=DEFAULT_SEATS)

    process: so.Mapped[Process] = so.relationship(back_populates="work_groups")
    organisation: so.Mapped[Organisation] = so.relationship(
        back_populates="work_groups"
    )
    memberships: so.Mapped[list[GroupMembership]] = so.relationship(
        back_populates="group", cascade="all, delete-orphan"
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if not self.invite_salt:
            self.new_invite_code()

    def __repr__(self) -> str:
        return f"<WorkGroup {self.id} {self.name!r}>"

    @property
    def invite_code(self) -> str:
        return derive_invite_code(self.invite_salt)

    def new_invite_code(self) -> str:
        """Replace the code (the old one stops working) and return the new one."""
        self.invite_salt = new_invite_salt()
        code = derive_invite_code(self.invite_salt)
        self.invite_code_hash = hash_invite_code(code)
        return code

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
