"""Work-group rules: joining by invite code, rotating and closing invites."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from ..errors import InviteClosed, InviteNotFound
from ..extensions import db
from ..models import (
    GroupMembership,
    Role,
    User,
    WorkGroup,
    new_invite_code,
    normalise_invite_code,
)

log = logging.getLogger("osallistamo.groups")


def find_group_by_code(code: str) -> WorkGroup:
    """Return the work group with this invite code, or raise InviteNotFound."""
    normalised = normalise_invite_code(code or "")
    group = db.session.scalar(sa.select(WorkGroup).where(WorkGroup.invite_code == normalised))
    if group is None:
        raise InviteNotFound()
    return group


def join_group(code: str, *, user: User | None, display_name: str) -> tuple[User, WorkGroup]:
    """Add a person to the group behind an open invite code.

    Someone already signed in joins as themselves; anyone else becomes a participant
    account without a password, named by ``display_name``.
    """
    group = find_group_by_code(code)
    if not group.invite_open:
        raise InviteClosed()
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
    group.invite_code = new_invite_code()
    db.session.flush()
    return group.invite_code


def set_invite_open(group: WorkGroup, is_open: bool) -> None:
    """Open or close the invite; members who already joined stay."""
    group.invite_open = is_open
    db.session.flush()
