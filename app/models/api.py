"""Personal API tokens: read access to the API for chosen processes (issue 18).

A facilitator creates a token for some of the processes they run; the token itself
(``secrets.token_urlsafe``) is shown once and only its SHA-256 is stored. A token
ends at its expiry or when revoked, and it never gives more than its owner has: the
owner must still manage each process when the token is used.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, utcnow
from .processes import Process
from .users import User

#: What every token starts with, so a leaked one is recognisable (secret scanners).
TOKEN_PREFIX = "osa_"

api_token_processes = sa.Table(
    "api_token_processes",
    db.metadata,
    sa.Column(
        "token_id",
        sa.ForeignKey("api_tokens.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "process_id",
        sa.ForeignKey(Process.id, ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


def hash_token(token: str) -> str:
    """The stored form of a token: its SHA-256 in hex (the token has 256 random bits,
    so a plain hash is enough; a slow hash would slow every API call)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    #: What the owner calls it ("Raportointi", "Tutkimus 2027").
    name: so.Mapped[str] = so.mapped_column(sa.String(80))
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    #: The first characters of the token, to tell tokens apart in the list.
    hint: so.Mapped[str] = so.mapped_column(sa.String(12))
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    expires_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime)
    revoked_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    last_used_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)

    user: so.Mapped[User] = so.relationship()
    processes: so.Mapped[list[Process]] = so.relationship(
        secondary=api_token_processes, order_by=Process.id
    )

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} {self.hint}…>"

    def is_usable(self, now: datetime) -> bool:
        """Not revoked, not expired, and its owner's account is active."""
        return (
            self.revoked_at is None
            and now < self.expires_at
            and self.user.is_active_account
        )
