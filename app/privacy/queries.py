"""What the privacy pages read: who is the last administrator, and what deleting an
account or erasing a process would touch (shown on the confirmation pages)."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Ballot,
    Comment,
    DeletedAccountComments,
    GroupMembership,
    IndicatorValue,
    Phase,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Role,
    SurveyResponse,
    User,
    Vote,
    WorkGroup,
)
from ..models.monitoring import Goal, Indicator

# Account deletion ---------------------------------------------------------------


def is_last_admin(user: User) -> bool:
    """Whether deleting the user would leave the installation without an admin."""
    if user.role is not Role.ADMIN:
        return False
    others = db.session.scalar(
        sa.select(sa.func.count(User.id)).where(
            User.role == Role.ADMIN,
            User.is_active_account.is_(True),
            User.id != user.id,
        )
    )
    return not others


def names_match(typed: str | None, name: str) -> bool:
    """The typed display name, ignoring case and extra spaces."""
    return (
        " ".join((typed or "").split()).casefold() == " ".join(name.split()).casefold()
    )


@dataclass
class AccountImpact:
    """What deleting an account would touch, per process (for the confirmation)."""

    #: (process, number of the person's comments, what the process does with them)
    processes: list[tuple[Process, int, DeletedAccountComments]] = field(
        default_factory=list
    )
    #: Processes in which the person is the only facilitator.
    sole_facilitator_of: list[Process] = field(default_factory=list)
    votes: int = 0


def account_impact(user: User) -> AccountImpact:
    """Count the person's comments per process and note where they facilitate alone."""
    counts = dict(
        db.session.execute(
            sa.select(WorkGroup.process_id, sa.func.count(Comment.id))
            .join(WorkGroup, WorkGroup.id == Comment.group_id)
            .where(Comment.author_id == user.id)
            .group_by(WorkGroup.process_id)
        ).all()
    )
    member_of = set(
        db.session.scalars(
            sa.select(WorkGroup.process_id)
            .join(GroupMembership, GroupMembership.group_id == WorkGroup.id)
            .where(GroupMembership.user_id == user.id)
        )
    )
    ids = member_of | set(counts)
    processes = _ordered_processes(ids) if ids else []
    impact = AccountImpact(
        processes=[
            (p, counts.get(p.id, 0), p.deleted_account_comments) for p in processes
        ]
    )
    for role in user.process_roles:
        if role.role is ProcessRoleKind.FACILITATOR:
            others = [
                r
                for r in role.process.roles
                if r.role is ProcessRoleKind.FACILITATOR and r.user_id != user.id
            ]
            if not others:
                impact.sole_facilitator_of.append(role.process)
    impact.votes = db.session.scalar(
        sa.select(sa.func.count(Vote.id)).where(Vote.cast_by_id == user.id)
    )
    return impact


def _ordered_processes(ids: set[int]) -> list[Process]:
    return list(
        db.session.scalars(
            sa.select(Process).where(Process.id.in_(ids)).order_by(Process.slug)
        )
    )


# Process erasure ----------------------------------------------------------------


def only_here_participants(process: Process) -> sa.Select:
    """Ids of participant accounts (no password) that belong to this process only."""
    here = (
        sa.select(GroupMembership.user_id)
        .join(WorkGroup, WorkGroup.id == GroupMembership.group_id)
        .where(WorkGroup.process_id == process.id)
    )
    elsewhere = (
        sa.select(GroupMembership.user_id)
        .join(WorkGroup, WorkGroup.id == GroupMembership.group_id)
        .where(WorkGroup.process_id != process.id)
    )
    staff_elsewhere = sa.select(ProcessRole.user_id).where(
        ProcessRole.process_id != process.id
    )
    return sa.select(User.id).where(
        User.role == Role.PARTICIPANT,
        User.password_hash.is_(None),
        User.id.in_(here),
        User.id.not_in(elsewhere),
        User.id.not_in(staff_elsewhere),
    )


@dataclass(frozen=True)
class ProcessImpact:
    phases: int
    groups: int
    comments: int
    votes: int
    values: int
    survey_responses: int
    participant_accounts: int


def _count(stmt) -> int:
    return db.session.scalar(stmt) or 0


def process_impact(process: Process) -> ProcessImpact:
    """Count what erasing the process would erase (for the confirmation page)."""
    groups = sa.select(WorkGroup.id).where(WorkGroup.process_id == process.id)
    phases = sa.select(Phase.id).where(Phase.process_id == process.id)
    return ProcessImpact(
        phases=_count(sa.select(sa.func.count()).select_from(phases.subquery())),
        groups=_count(sa.select(sa.func.count()).select_from(groups.subquery())),
        comments=_count(
            sa.select(sa.func.count(Comment.id)).where(Comment.group_id.in_(groups))
        ),
        votes=_count(
            sa.select(sa.func.count(Vote.id))
            .join(Ballot, Ballot.id == Vote.ballot_id)
            .where(Ballot.phase_id.in_(phases))
        ),
        values=_count(
            sa.select(sa.func.count(IndicatorValue.id))
            .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
            .join(Goal, Goal.id == Indicator.goal_id)
            .where(Goal.process_id == process.id)
        ),
        survey_responses=_count(
            sa.select(sa.func.count(SurveyResponse.id)).where(
                SurveyResponse.group_id.in_(groups)
            )
        ),
        participant_accounts=_count(
            sa.select(sa.func.count()).select_from(
                only_here_participants(process).subquery()
            )
        ),
    )
