"""Who calls the API: anyone, or the holder of a personal token (Bearer)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask import abort, g, request
from flask_login import AnonymousUserMixin

from ..extensions import db
from ..limits import config_limit
from ..models import ApiToken, Process, hash_token
from ..permissions import TokenHolder, can

#: How often a token's "last used" time is written (not on every call).
LAST_USED_EVERY = timedelta(hours=1)


class InvalidToken(Exception):
    """A Bearer token was sent but is unknown, revoked or expired (401)."""


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise InvalidToken()
    return value.strip()


def caller():
    """The request's caller, once per request: a ``TokenHolder`` for a usable token,
    otherwise an anonymous reader (the API never uses the browser's session)."""
    if "api_caller" in g:
        return g.api_caller
    token_text = _bearer()
    holder = AnonymousUserMixin()
    if token_text is not None:
        now = datetime.now(UTC)
        token = db.session.scalar(
            sa.select(ApiToken).where(ApiToken.token_hash == hash_token(token_text))
        )
        if token is None or not token.is_usable(now):
            raise InvalidToken()
        holder = TokenHolder(token, now)
        _note_use(token, now)
    g.api_caller = holder
    return holder


def _note_use(token: ApiToken, now: datetime) -> None:
    """Keep "last used" roughly current for the token page, without a write per call."""
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_EVERY:
        return
    try:
        token.last_used_at = now
        db.session.commit()
    except sa.exc.OperationalError:  # a busy SQLite writer: next time, then
        db.session.rollback()


def with_token() -> bool:
    return isinstance(caller(), TokenHolder)


def rate_limit_key() -> str:
    """Count per token (its hash) when one is sent, else per address."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return "api-token:" + hash_token(header[7:].strip())
    return "api-addr:" + (request.remote_addr or "")


api_limit = config_limit("API_RATE_LIMIT")


def load_readable(slug: str) -> Process:
    """The process of a URL that the caller may read; otherwise not found (404),
    so the API does not tell which private processes exist."""
    process = db.session.scalar(sa.select(Process).where(Process.slug == slug))
    if process is None or not can(caller(), "api.read", process):
        abort(404)
    return process
