"""Read-side helpers for organisation and work-group pages: counts and member lists."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from ..models import GroupMembership, Organisation, User, WorkGroup


def group_counts(organisation_ids: Iterable[int]) -> dict[int, int]:
    """Return how many work groups (in any process) each organisation has."""
    ids = list(organisation_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(WorkGroup.organisation_id, sa.func.count(WorkGroup.id))
        .where(WorkGroup.organisation_id.in_(ids))
        .group_by(WorkGroup.organisation_id)
    )
    return {org_id: number for org_id, number in rows}


def member_counts(group_ids: Iterable[int]) -> dict[int, int]:
    """Return the number of members of each work group."""
    ids = list(group_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(GroupMembership.group_id, sa.func.count(GroupMembership.id))
        .where(GroupMembership.group_id.in_(ids))
        .group_by(GroupMembership.group_id)
    )
    return {group_id: number for group_id, number in rows}


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
