"""Read-side helpers for organisation and work-group pages: loading a group for a
view, counts and member lists."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_login import current_user

from ..extensions import db
from ..models import GroupMembership, Organisation, Process, User, WorkGroup
from ..permissions import require
from ..web import get_in_process_or_404, get_process_or_404


def load_group(slug: str, group_id: int, action: str) -> tuple[Process, WorkGroup]:
    """A process's work group for a view: 404 for a wrong slug or id, then 403 unless
    the signed-in user may do ``action`` on the group (the rules ask about the group,
    e.g. its own members may view it)."""
    process = get_process_or_404(slug)
    group = get_in_process_or_404(process, WorkGroup, group_id)
    require(current_user, action, group)
    return process, group


def _counts_by(key, counted, ids: Iterable[int]) -> dict[int, int]:
    """Count ``counted`` rows per value of ``key`` among ``ids`` (absent ones: none)."""
    ids = list(ids)
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(key, sa.func.count(counted)).where(key.in_(ids)).group_by(key)
    )
    return {key_id: number for key_id, number in rows}


def group_counts(organisation_ids: Iterable[int]) -> dict[int, int]:
    """Return how many work groups (in any process) each organisation has."""
    return _counts_by(WorkGroup.organisation_id, WorkGroup.id, organisation_ids)


def member_counts(group_ids: Iterable[int]) -> dict[int, int]:
    """Return the number of members of each work group."""
    return _counts_by(GroupMembership.group_id, GroupMembership.id, group_ids)


def groups_of_organisation(organisation: Organisation) -> list[WorkGroup]:
    """The work groups of an organisation, with their processes, by name."""
    stmt = (
        sa.select(WorkGroup)
        .where(WorkGroup.organisation_id == organisation.id)
        .options(so.selectinload(WorkGroup.process))
        .order_by(WorkGroup.name)
    )
    return list(db.session.scalars(stmt))


def memberships_of(group: WorkGroup) -> list[GroupMembership]:
    """The group's memberships with their users, in the order people joined."""
    stmt = (
        sa.select(GroupMembership)
        .join(User, User.id == GroupMembership.user_id)
        .where(GroupMembership.group_id == group.id)
        .options(so.contains_eager(GroupMembership.user))
        .order_by(GroupMembership.joined_at, GroupMembership.id)
    )
    return list(db.session.scalars(stmt))


def all_organisations() -> list[Organisation]:
    """Every organisation by name, for choosing a work group's organisation."""
    return list(db.session.scalars(sa.select(Organisation).order_by(Organisation.name)))
