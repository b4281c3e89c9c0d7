"""Participants' workshop choices: one workshop per person and block, within the seats.

The seat limit holds under concurrency: the places taken are counted inside the
write transaction after locking the workshop row (SELECT ... FOR UPDATE on
PostgreSQL; SQLite has no row locks, but every writing request there starts with
BEGIN IMMEDIATE, so writers already take turns). The unique constraint on
(block, user) keeps one choice per block even when the same person races themself.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..comments import insert_or_existing
from ..errors import DomainError, NotAllowed
from ..extensions import db
from ..models import Seminar, User, Workshop, WorkshopChoice

log = logging.getLogger("osallistamo.seminars")


class WorkshopFull(
    DomainError, message=_l("This workshop is full: choose another one.")
): ...


class ChoicesClosed(
    DomainError, message=_l("The seminar is over: workshop choices are closed.")
): ...


class NoChoice(DomainError, message=_l("You have not chosen this workshop.")): ...


def choices_open(seminar: Seminar, now: datetime) -> bool:
    """Places are chosen beforehand or on the spot, until the seminar ends."""
    ends_at = seminar.phase.ends_at
    return ends_at is None or now < ends_at


def seats_taken(workshop: Workshop) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(WorkshopChoice.id)).where(
            WorkshopChoice.workshop_id == workshop.id
        )
    )


def is_full(workshop: Workshop, taken: int) -> bool:
    return workshop.seat_limit is not None and taken >= workshop.seat_limit


def _lock(workshop: Workshop) -> None:
    """Hold the workshop row until commit, so two last-seat requests take turns."""
    db.session.execute(
        sa.select(Workshop.id).where(Workshop.id == workshop.id).with_for_update()
    )


def _choice_in_block(block_id: int, user: User) -> WorkshopChoice | None:
    return db.session.scalar(
        sa.select(WorkshopChoice).where(
            WorkshopChoice.agenda_item_id == block_id,
            WorkshopChoice.user_id == user.id,
        )
    )


def choose_workshop(
    workshop: Workshop, *, user: User, now: datetime
) -> tuple[WorkshopChoice, bool]:
    """Take a place in the workshop, replacing the person's choice in the same block.

    Returns the choice and whether anything changed (False when it was already theirs).

    :raises ChoicesClosed: after the seminar has ended.
    :raises NotAllowed: for someone outside the process's work groups.
    :raises WorkshopFull: when the seat limit is reached (the earlier choice stays).
    """
    block = workshop.block
    if not choices_open(block.seminar, now):
        raise ChoicesClosed()
    if not workshop.process.has_member(user):
        raise NotAllowed()
    _lock(workshop)
    existing = _choice_in_block(block.id, user)
    if existing is not None and existing.workshop_id == workshop.id:
        return existing, False
    if is_full(workshop, seats_taken(workshop)):
        raise WorkshopFull()
    if existing is not None:
        existing.workshop = workshop
        existing.created_at = now
        db.session.flush()
        log.info("user %s moved to workshop %s", user.id, workshop.id)
        return existing, True
    choice, created = insert_or_existing(
        WorkshopChoice(
            workshop_id=workshop.id,
            agenda_item_id=block.id,
            user_id=user.id,
            created_at=now,
        ),
        lambda: _choice_in_block(block.id, user),
    )
    if not created:
        # The same person chose in another tab a moment ago: this choice replaces it.
        choice.workshop = workshop
        choice.created_at = now
        db.session.flush()
    log.info("user %s chose workshop %s", user.id, workshop.id)
    return choice, True


def cancel_choice(workshop: Workshop, *, user: User, now: datetime) -> None:
    """Give up one's place in the workshop.

    :raises ChoicesClosed: after the seminar has ended.
    :raises NoChoice: when the person has no place in this workshop.
    """
    if not choices_open(workshop.block.seminar, now):
        raise ChoicesClosed()
    choice = _choice_in_block(workshop.agenda_item_id, user)
    if choice is None or choice.workshop_id != workshop.id:
        raise NoChoice()
    db.session.delete(choice)
    db.session.flush()
    db.session.expire(workshop, ["choices"])
    log.info("user %s left workshop %s", user.id, workshop.id)
