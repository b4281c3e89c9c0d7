"""Accounts: users with a global role, and password-reset tokens."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .base import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from .groups import GroupMembership
    from .processes import ProcessRole


class Role(enum.StrEnum):
    """The installation-wide role. Process roles (facilitator, observer) are separate."""

    ADMIN = "admin"  #: runs the installation, creates facilitators
    FACILITATOR = "facilitator"  #: may create processes
    MEMBER = (
        "member"  #: an account with a password and no rights of its own (observers)
    )
    PARTICIPANT = "participant"  #: joined a work group by invite code, has no password


def new_session_version() -> str:
    return secrets.token_hex(8)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    #: Stored lower-case; participants who joined by code have none.
    email: so.Mapped[str | None] = so.mapped_column(sa.String(254), unique=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(120))
    password_hash: so.Mapped[str | None] = so.mapped_column(sa.String(256))
    role: so.Mapped[Role] = so.mapped_column(
        str_enum(Role),
        default=Role.MEMBER,
    )
    #: Preferred interface language (fi, sv, en); None follows the browser.
    locale: so.Mapped[str | None] = so.mapped_column(sa.String(5))
    is_active_account: so.Mapped[bool] = so.mapped_column(default=True)
    #: Part of the login id kept in the session: changing it signs out every session.
    session_version: so.Mapped[str] = so.mapped_column(
        sa.String(32), default=new_session_version
    )
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    last_login_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    process_roles: so.Mapped[list[ProcessRole]] = so.relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    memberships: so.Mapped[list[GroupMembership]] = so.relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email or self.name!r} {self.role.value}>"

    # Flask-Login ------------------------------------------------------------
    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.is_active_account

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    # Passwords --------------------------------------------------------------
    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")
        self.session_version = new_session_version()

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(
            self.password_hash, password
        )

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_participant(self) -> bool:
        return self.role is Role.PARTICIPANT


class PasswordResetToken(db.Model):
    """A single-use, expiring token; only its SHA-256 digest is stored."""

    __tablename__ = "password_reset_tokens"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    expires_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime)
    used_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    user: so.Mapped[User] = so.relationship()
