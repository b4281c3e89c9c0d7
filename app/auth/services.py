"""Account rules: signing in, creating users, changing and resetting passwords."""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import DomainError, DuplicateName, InvalidToken
from ..extensions import db
from ..models import PasswordResetToken, Role, User
from ..models.users import new_session_version
from .passwords import password_problems

log = logging.getLogger("osallistamo.auth")

#: Checked against when the email is unknown, so both answers take as long.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")


class WeakPassword(DomainError):
    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(
        sa.select(User).where(User.email == normalise_email(email))
    )


def authenticate(email: str, password: str) -> User | None:
    """Return the active user with this email and password, or None.

    Unknown emails cost the same hash check, so timing does not tell them apart.
    """
    user = find_user_by_email(email)
    if user is None or not user.password_hash:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not user.check_password(password) or not user.is_active:
        return None
    user.last_login_at = datetime.now(UTC)
    return user


def end_every_session(user: User) -> None:
    """Give the user a new session version: every session cookie signed in before,
    copies included, stops working at its next request."""
    user.session_version = new_session_version()
    log.info("ended every session of user %s", user.id)


def check_new_password(password: str, email: str | None) -> None:
    problems = password_problems(password, email)
    if problems:
        raise WeakPassword(problems)


def create_user(email: str, name: str, role: Role, password: str | None = None) -> User:
    """Create an account; the email must be new. Without a password, the user sets it
    through a reset link."""
    email = normalise_email(email)
    if find_user_by_email(email) is not None:
        raise DuplicateName()
    user = User(email=email, name=name.strip(), role=role)
    if password is not None:
        check_new_password(password, email)
        user.set_password(password)
    db.session.add(user)
    db.session.flush()
    log.info("created user %s with role %s", user.id, role.value)
    return user


def change_password(user: User, new_password: str) -> None:
    """Set a new password; every other session of the user ends."""
    check_new_password(new_password, user.email)
    user.set_password(new_password)
    expire_reset_tokens(user)


def _token_digest(raw_token: str) -> str:
    return hashlib.sha256(raw_token.encode()).hexdigest()


def expire_reset_tokens(user: User) -> None:
    """Spend every unused reset or set-password link of the user."""
    now = datetime.now(UTC)
    db.session.execute(
        sa.update(PasswordResetToken)
        .where(
            PasswordResetToken.user_id == user.id, PasswordResetToken.used_at.is_(None)
        )
        .values(used_at=now)
    )


def create_reset_token(user: User, max_age: timedelta) -> str:
    """Store a new single-use token for the user; return the raw token for the link."""
    return create_reset_token_with_id(user, max_age)[0]


def create_reset_token_with_id(user: User, max_age: timedelta) -> tuple[str, int]:
    """Store a new single-use token; return the raw token and the row's id."""
    raw = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    token = PasswordResetToken(
        user_id=user.id,
        token_hash=_token_digest(raw),
        created_at=now,
        expires_at=now + max_age,
    )
    db.session.add(token)
    db.session.flush()
    return raw, token.id


def valid_reset_token(raw_token: str) -> PasswordResetToken:
    """Return the unused, unexpired token row, or raise InvalidToken."""
    token = db.session.scalar(
        sa.select(PasswordResetToken).where(
            PasswordResetToken.token_hash == _token_digest(raw_token)
        )
    )
    now = datetime.now(UTC)
    if token is None or token.used_at is not None or token.expires_at <= now:
        raise InvalidToken()
    if not token.user.is_active:
        raise InvalidToken()
    return token


def reset_password(raw_token: str, new_password: str) -> User:
    """Set the password through a reset token; the token and its siblings are spent."""
    token = valid_reset_token(raw_token)
    user = token.user
    check_new_password(new_password, user.email)
    # Spend the token atomically: of two concurrent uses, only one updates the row.
    spent = db.session.execute(
        sa.update(PasswordResetToken)
        .where(PasswordResetToken.id == token.id, PasswordResetToken.used_at.is_(None))
        .values(used_at=datetime.now(UTC))
    )
    if spent.rowcount != 1:
        raise InvalidToken()
    change_password(user, new_password)
    return user
