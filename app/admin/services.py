"""Account administration: creating accounts, set-password links, roles, deactivation."""

from __future__ import annotations

import logging
from datetime import timedelta

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l

from ..auth import services as auth_services
from ..errors import DomainError, DuplicateName
from ..extensions import db
from ..models import Role, User
from ..models.users import new_session_version

log = logging.getLogger("osallistamo.admin")

#: A new account's set-password link stays valid this long (a reset link: 2 hours).
SET_PASSWORD_MAX_AGE = timedelta(hours=72)

#: Roles an administrator gives; participants come only through invite codes.
ASSIGNABLE_ROLES = (Role.ADMIN, Role.FACILITATOR, Role.MEMBER)


class InvalidEmail(
    DomainError, message=_l("Enter a valid email address, such as name@example.fi.")
): ...


class DuplicateEmail(
    DuplicateName, message=_l("An account with this email address already exists.")
): ...


class InvalidRole(
    DomainError,
    message=_l("Choose one of the roles: administrator, facilitator or member."),
): ...


class CannotDeactivateSelf(
    DomainError, message=_l("You cannot deactivate your own account.")
): ...


class CannotChangeOwnRole(
    DomainError,
    message=_l("You cannot change your own role. Ask another administrator."),
): ...


class NoEmail(
    DomainError,
    message=_l(
        "This account joined with an invite code: it has no email address or role to change."
    ),
): ...


class AccountDeactivated(
    DomainError, message=_l("The account is deactivated. Reactivate it first.")
): ...


def check_email(email: str) -> str:
    """Return the email normalised (lower-case), or raise InvalidEmail."""
    email = auth_services.normalise_email(email or "")
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        raise InvalidEmail() from None
    return email


def parse_role(value: Role | str) -> Role:
    """Return the role an administrator may give, or raise InvalidRole."""
    try:
        role = Role(value)
    except ValueError:
        raise InvalidRole() from None
    if role not in ASSIGNABLE_ROLES:
        raise InvalidRole()
    return role


def create_account(
    *, email: str, name: str, role: Role | str, password: str | None = None
) -> User:
    """Create an account with a global role; without a password it is set by a link.

    :param name: shown to others; the part of the email before @ when empty.
    :raises InvalidEmail, InvalidRole, DuplicateEmail, WeakPassword:
    """
    email = check_email(email)
    role = parse_role(role)
    name = (name or "").strip() or email.split("@")[0]
    try:
        return auth_services.create_user(email, name, role, password)
    except DuplicateName:
        raise DuplicateEmail() from None


def issue_set_password_token(user: User) -> str:
    """Store a single-use set-password token (valid 72 h); return the raw token for the link.

    :raises NoEmail: for participants, who have no email to sign in with.
    :raises AccountDeactivated: a deactivated account could not use the link.
    """
    if not user.email:
        raise NoEmail()
    if not user.is_active_account:
        raise AccountDeactivated()
    return auth_services.create_reset_token(user, SET_PASSWORD_MAX_AGE)


def change_role(user: User, role: Role | str, *, actor: User) -> User:
    """Give an account another global role; nobody changes their own.

    An administrator demoting themself could leave the installation without one.
    """
    if user.id == actor.id:
        raise CannotChangeOwnRole()
    if not user.email:
        raise NoEmail()
    role = parse_role(role)
    if user.role is not role:
        log.info(
            "user %s changed the role of user %s to %s", actor.id, user.id, role.value
        )
        user.role = role
        db.session.flush()
    return user


def deactivate(user: User, *, actor: User) -> User:
    """Stop an account from signing in: its sessions and unused links end at once.

    :raises CannotDeactivateSelf: so that an administrator cannot lock everyone out.
    """
    if user.id == actor.id:
        raise CannotDeactivateSelf()
    if user.is_active_account:
        user.is_active_account = False
        user.session_version = new_session_version()
        auth_services.expire_reset_tokens(user)
        db.session.flush()
        log.info("user %s deactivated user %s", actor.id, user.id)
    return user


def reactivate(user: User, *, actor: User) -> User:
    """Let a deactivated account sign in again with its old password."""
    if not user.is_active_account:
        user.is_active_account = True
        db.session.flush()
        log.info("user %s reactivated user %s", actor.id, user.id)
    return user
