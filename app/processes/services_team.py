"""Team rules: who facilitates or observes a process (its process roles)."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from ..errors import AccountNotFound, AlreadyInTeam, LastFacilitator, NotTeamEligible
from ..extensions import db
from ..models import Process, ProcessRole, ProcessRoleKind, Role, User

log = logging.getLogger("osallistamo.processes")


def find_account(email: str) -> User:
    """Return the account with this email (any case, spaces trimmed).

    :raises AccountNotFound: when no account has the email.
    """
    address = (email or "").strip().lower()
    user = (
        db.session.scalar(sa.select(User).where(User.email == address))
        if address
        else None
    )
    if user is None:
        raise AccountNotFound()
    return user


def facilitator_count(process: Process) -> int:
    """How many facilitators the process has."""
    return sum(1 for role in process.roles if role.role is ProcessRoleKind.FACILITATOR)


def is_last_facilitator(member: ProcessRole) -> bool:
    """True when this role is the process's only facilitator role."""
    return (
        member.role is ProcessRoleKind.FACILITATOR
        and facilitator_count(member.process) <= 1
    )


def add_team_member(
    process: Process,
    *,
    email: str,
    role: ProcessRoleKind | str,
    actor: User | None = None,
) -> ProcessRole:
    """Give an existing account a role in the process.

    Participants joined a work group by code; they take part through their group,
    never as staff, so they cannot be added.

    :raises AccountNotFound: no account has this email.
    :raises NotTeamEligible: the account is a participant's.
    :raises AlreadyInTeam: the account already has a role in this process.
    """
    user = find_account(email)
    if user.role is Role.PARTICIPANT:
        raise NotTeamEligible()
    if process.role_of(user) is not None:
        raise AlreadyInTeam()
    member = ProcessRole(process=process, user=user, role=ProcessRoleKind(role))
    db.session.add(member)
    db.session.flush()
    log.info(
        "user %s added user %s to process %s as %s",
        getattr(actor, "id", None),
        user.id,
        process.slug,
        member.role.value,
    )
    return member


def change_team_role(
    member: ProcessRole, role: ProcessRoleKind | str, *, actor: User | None = None
) -> ProcessRole:
    """Change a team member's role; the last facilitator cannot become an observer.

    :raises LastFacilitator: when this would leave the process without a facilitator.
    """
    role = ProcessRoleKind(role)
    if role is member.role:
        return member
    if is_last_facilitator(member):
        raise LastFacilitator()
    member.role = role
    db.session.flush()
    log.info(
        "user %s made user %s %s in process %s",
        getattr(actor, "id", None),
        member.user_id,
        role.value,
        member.process.slug,
    )
    return member


def remove_team_member(member: ProcessRole, *, actor: User | None = None) -> None:
    """Take a person's role in the process away; the last facilitator stays.

    :raises LastFacilitator: when this would leave the process without a facilitator.
    """
    if is_last_facilitator(member):
        raise LastFacilitator()
    process = member.process
    process.roles.remove(member)  # delete-orphan: the row goes at flush
    db.session.flush()
    log.info(
        "user %s removed user %s from process %s",
        getattr(actor, "id", None),
        member.user_id,
        process.slug,
    )
