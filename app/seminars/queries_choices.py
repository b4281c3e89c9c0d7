"""Who chose which workshop: places taken, the reader's own choices, the lists."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import AgendaItem, Seminar, User, WorkshopChoice


def _seminar_choices(seminar: Seminar) -> sa.Select:
    return (
        sa.select(WorkshopChoice)
        .join(AgendaItem, AgendaItem.id == WorkshopChoice.agenda_item_id)
        .where(AgendaItem.seminar_id == seminar.id)
    )


def seat_counts(seminar: Seminar) -> dict[int, int]:
    """Places taken per workshop id, in one query."""
    rows = db.session.execute(
        sa.select(WorkshopChoice.workshop_id, sa.func.count(WorkshopChoice.id))
        .join(AgendaItem, AgendaItem.id == WorkshopChoice.agenda_item_id)
        .where(AgendaItem.seminar_id == seminar.id)
        .group_by(WorkshopChoice.workshop_id)
    )
    return {workshop_id: count for workshop_id, count in rows}


def my_choices(seminar: Seminar, user: User) -> dict[int, int]:
    """The person's chosen workshop id per block id."""
    if not getattr(user, "is_authenticated", False):
        return {}
    stmt = _seminar_choices(seminar).where(WorkshopChoice.user_id == user.id)
    return {
        choice.agenda_item_id: choice.workshop_id for choice in db.session.scalars(stmt)
    }


def choosers(seminar: Seminar) -> dict[int, list[User]]:
    """Who chose each workshop (workshop id -> people by name), for the facilitators."""
    stmt = _seminar_choices(seminar).options(joinedload(WorkshopChoice.user))
    people: dict[int, list[User]] = defaultdict(list)
    for choice in db.session.scalars(stmt):
        people[choice.workshop_id].append(choice.user)
    for names in people.values():
        names.sort(key=lambda person: (person.name or "").casefold())
    return dict(people)
