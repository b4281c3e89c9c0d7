"""Organisations and work groups: set-up, invite codes and joining."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..errors import (
    DomainError,
    DuplicateName,
    GroupFull,
    InviteClosed,
    InviteNotFound,
)
from ..extensions import db
from ..models import (
    DEFAULT_SEATS,
    MAX_SEATS,
    GroupMembership,
    Organisation,
    OrganisationKind,
    Process,
    Role,
    User,
    WorkGroup,
    hash_invite_code,
)

log = logging.getLogger("osallistamo.groups")


def find_group_by_code(code: str) -> WorkGroup:
    """Return the work group with this invite code, or raise InviteNotFound."""
    group = db.session.scalar(
        sa.select(WorkGroup).where(
            WorkGroup.invite_code_hash == hash_invite_code(code or "")
        )
    )
    if group is None:
        raise InviteNotFound()
    return group


def lock_group(group: WorkGroup) -> None:
    """Take the group's row lock until the commit (PostgreSQL; SQLite's writes are
    serialised by BEGIN IMMEDIATE), so two joins or two first votes at the same
    moment cannot both take the last place."""
    db.session.execute(
        sa.select(WorkGroup.id).where(WorkGroup.id == group.id).with_for_update()
    )


def member_count(group: WorkGroup) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(GroupMembership.id)).where(
            GroupMembership.group_id == group.id
        )
    )


def is_full(group: WorkGroup) -> bool:
    """Every place is taken: nobody new may join."""
    return member_count(group) >= group.seats


def join_group(
    code: str, *, user: User | None, display_name: str
) -> tuple[User, WorkGroup]:
    """Add a person to the group behind an open invite code.

    Someone already signed in joins as themselves; anyone else becomes a participant
    account without a password, named by ``display_name``.

    :raises InviteNotFound, InviteClosed: for an unknown or closed invite.
    :raises GroupFull: when the group has as many members as places (a member who
        joins again is let through: nobody is added).
    """
    group = find_group_by_code(code)
    if not group.invite_open:
        raise InviteClosed()
    if user is None or not group.has_member(user):
        lock_group(group)
        if is_full(group):
            raise GroupFull(group.seats)
    if user is None:
        user = User(name=display_name.strip(), role=Role.PARTICIPANT)
        db.session.add(user)
        db.session.flush()
    if not group.has_member(user):
        db.session.add(GroupMembership(group=group, user=user))
        db.session.flush()
        log.info("user %s joined work group %s", user.id, group.id)
    return user, group


def rotate_invite(group: WorkGroup) -> str:
    """Give the group a new invite code; the old link and code stop working."""
    code = group.new_invite_code()
    db.session.flush()
    return code


def set_invite_open(group: WorkGroup, is_open: bool) -> None:
    """Open or close the invite; members who already joined stay."""
    group.invite_open = is_open
    db.session.flush()


# Organisations ----------------------------------------------------------------


class OrganisationInUse(
    DomainError,
    message=_l("This organisation cannot be deleted while work groups belong to it."),
):
    """Work groups still belong to the organisation, so it cannot be deleted."""


def organisation_name_taken(name: str, exclude_id: int | None = None) -> bool:
    stmt = sa.select(Organisation.id).where(Organisation.name == name.strip())
    if exclude_id is not None:
        stmt = stmt.where(Organisation.id != exclude_id)
    return db.session.scalar(stmt) is not None


def create_organisation(
    *, actor: User, name: str, kind: OrganisationKind
) -> Organisation:
    """Add an organisation whose work groups may take part in processes.

    :raises DuplicateName: when another organisation has the name.
    """
    name = name.strip()
    if organisation_name_taken(name):
        raise DuplicateName()
    organisation = Organisation(name=name, kind=kind)
    db.session.add(organisation)
    db.session.flush()
    log.info("user %s created organisation %s", actor.id, organisation.id)
    return organisation


def update_organisation(
    organisation: Organisation, *, actor: User, name: str, kind: OrganisationKind
) -> Organisation:
    """Rename or reclassify an organisation; the name must stay unique."""
    name = name.strip()
    if organisation_name_taken(name, exclude_id=organisation.id):
        raise DuplicateName()
    organisation.name = name
    organisation.kind = kind
    db.session.flush()
    log.info("user %s edited organisation %s", actor.id, organisation.id)
    return organisation


def delete_organisation(organisation: Organisation, *, actor: User) -> None:
    """Delete an organisation that no work group belongs to.

    :raises OrganisationInUse: while work groups still belong to it (the foreign key
        is RESTRICT; this check gives the friendly message before the database would).
    """
    in_use = db.session.scalar(
        sa.select(sa.func.count(WorkGroup.id)).where(
            WorkGroup.organisation_id == organisation.id
        )
    )
    if in_use:
        raise OrganisationInUse()
    db.session.delete(organisation)
    db.session.flush()
    log.info("user %s deleted organisation %s", actor.id, organisation.id)


# Work groups ------------------------------------------------------------------


class InvalidSeats(DomainError):
    def __init__(self):
        super().__init__(_l("Give the group 1–%(max)d places.", max=MAX_SEATS))


def _check_seats(seats: int) -> None:
    if not isinstance(seats, int) or not 1 <= seats <= MAX_SEATS:
        raise InvalidSeats()


def group_name_taken(
    process: Process, name: str, exclude_id: int | None = None
) -> bool:
    stmt = sa.select(WorkGroup.id).where(
        WorkGroup.process_id == process.id, WorkGroup.name == name.strip()
    )
    if exclude_id is not None:
        stmt = stmt.where(WorkGroup.id != exclude_id)
    return db.session.scalar(stmt) is not None


def _apply_group(
    group: WorkGroup,
    process: Process,
    *,
    name: str,
    organisation: Organisation,
    contact_name: str = "",
    contact_email: str = "",
    seats: int | None = None,
) -> None:
    """Set a work group's name, organisation, contact person and places
    (``seats=None`` keeps the places as they are).

    :raises DuplicateName: when another group of the process has the name.
    :raises InvalidSeats: for places outside 1..MAX_SEATS.
    """
    name = name.strip()
    if seats is not None:
        _check_seats(seats)
    if group_name_taken(process, name, exclude_id=group.id):
        raise DuplicateName()
    if seats is not None:
        group.seats = seats
    group.name = name
    group.organisation = organisation
    group.contact_name = contact_name.strip()
    group.contact_email = contact_email.strip().lower()


def create_group(process: Process, *, actor: User, **fields) -> WorkGroup:
    """Add a work group to a process (``fields`` as ``_apply_group``; places
    DEFAULT_SEATS unless given); it gets a fresh, open invite code.

    :raises DuplicateName: when the process already has a group with the name.
    :raises InvalidSeats: for places outside 1..MAX_SEATS.
    """
    fields.setdefault("seats", DEFAULT_SEATS)
    group = WorkGroup()
    _apply_group(group, process, **fields)
    group.process = process
    db.session.add(group)
    db.session.flush()
    log.info(
        "user %s created work group %s in process %s", actor.id, group.id, process.id
    )
    return group


def update_group(group: WorkGroup, *, actor: User, **fields) -> WorkGroup:
    """Change a work group's name, organisation, contact person or places (``fields``
    as ``_apply_group``). Fewer places than members leaves every member in; nobody
    new joins until a place is free."""
    _apply_group(group, group.process, **fields)
    db.session.flush()
    log.info("user %s edited work group %s", actor.id, group.id)
    return group


def delete_group(group: WorkGroup, *, actor: User) -> None:
    """Delete a work group; its members lose their membership, their accounts stay."""
    group_id = group.id
    db.session.delete(group)
    db.session.flush()
    log.info("user %s deleted work group %s", actor.id, group_id)


def format_invite_code(code: str) -> str:
    """Split a code in fours for reading aloud: 'KX7P2MQAH3RT' -> 'KX7P 2MQA H3RT'."""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
