"""Who may do what: predicates (facts) composed into rules (policy), asked via ``can``.

Views and templates ask ``can(user, "process.manage", process)``; they never test
roles themselves. Each rule is paired with a list filter (``visible_processes``) so a
list never shows what its detail page would refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from flask import abort

from .models import (
    GroupMembership,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Role,
    User,
    WorkGroup,
)


class Predicate:
    """A yes/no fact about a user and an object, composable with ``|`` and ``&``."""

    def __init__(self, func: Callable[[Any, Any], bool], name: str | None = None):
        self.func = func
        self.name = name or func.__name__

    def __call__(self, user, obj=None) -> bool:
        return bool(self.func(user, obj))

    def __or__(self, other: Predicate) -> Predicate:
        return Predicate(
            lambda u, o: self(u, o) or other(u, o), f"({self.name} | {other.name})"
        )

    def __and__(self, other: Predicate) -> Predicate:
        return Predicate(
            lambda u, o: self(u, o) and other(u, o), f"({self.name} & {other.name})"
        )

    def __repr__(self) -> str:
        return f"<Predicate {self.name}>"


def predicate(func: Callable[[Any, Any], bool]) -> Predicate:
    return Predicate(func)


def _signed_in(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def process_of(obj) -> Process | None:
    """Find the process an object belongs to (a process, phase, theme, group...)."""
    if isinstance(obj, Process):
        return obj
    return getattr(obj, "process", None)


# Predicates ------------------------------------------------------------------


@predicate
def is_authenticated(user, obj=None) -> bool:
    """Any signed-in account, participants included."""
    return _signed_in(user)


@predicate
def is_admin(user, obj=None) -> bool:
    """An administrator of the installation."""
    return _signed_in(user) and user.role is Role.ADMIN


@predicate
def is_facilitator_account(user, obj=None) -> bool:
    """An account that may start processes of its own."""
    return _signed_in(user) and user.role is Role.FACILITATOR


@predicate
def is_process_facilitator(user, obj) -> bool:
    """A facilitator of the object's process."""
    process = process_of(obj)
    return _signed_in(user) and process is not None and process.has_facilitator(user)


@predicate
def is_process_observer(user, obj) -> bool:
    """An observer of the object's process: reads everything, changes nothing."""
    process = process_of(obj)
    return (
        _signed_in(user)
        and process is not None
        and process.role_of(user) is ProcessRoleKind.OBSERVER
    )


@predicate
def is_process_member(user, obj) -> bool:
    """A member of one of the work groups of the object's process."""
    process = process_of(obj)
    return _signed_in(user) and process is not None and process.has_member(user)


@predicate
def is_group_member(user, obj) -> bool:
    """A member of this very work group."""
    return isinstance(obj, WorkGroup) and obj.has_member(user)


@predicate
def is_author(user, obj) -> bool:
    """The person who wrote this comment."""
    author_id = getattr(obj, "author_id", None)
    return _signed_in(user) and author_id is not None and author_id == user.id


@predicate
def is_self(user, obj) -> bool:
    return _signed_in(user) and isinstance(obj, User) and obj.id == user.id


# Rules -----------------------------------------------------------------------

RULES: dict[str, Predicate] = {
    "admin.users": is_admin,
    "process.create": is_admin | is_facilitator_account,
    "process.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    "process.manage": is_admin | is_process_facilitator,
    "process.delete": is_admin | is_process_facilitator,
    "process.team": is_admin | is_process_facilitator,
    "group.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_group_member,
    "group.manage": is_admin | is_process_facilitator,
    "organisation.manage": is_admin | is_facilitator_account,
    "account.change_password": is_authenticated,
    "discussion.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    "discussion.manage": is_admin | is_process_facilitator,
    # Who reads the participation overview (observers follow the process too).
    "discussion.participation": is_admin | is_process_facilitator | is_process_observer,
    # Reads every group's comments whatever the reading rule says.
    "discussion.read_all": is_admin | is_process_facilitator | is_process_observer,
    # Posting needs a work group of the process; times and groups are the service's rules.
    "prompt.comment": is_process_member,
    # Editing and deleting also need the edit window (services.can_still_edit).
    "comment.edit": is_author,
    "comment.flag": is_process_member | is_process_observer,
    "comment.moderate": is_admin | is_process_facilitator,
    # Ballots: set up by facilitators, voted by work-group members; results and
    # turnout for the process's people (results_visible decides when for voters).
    "ballot.manage": is_admin | is_process_facilitator,
    "ballot.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    "ballot.vote": is_process_member,
    "ballot.results_any_time": is_admin | is_process_facilitator | is_process_observer,
    "ballot.turnout": is_admin | is_process_facilitator | is_process_observer,
    "ballot.export": is_admin | is_process_facilitator,
    # Theme coding, summaries and exports, the follow-up proposal.
    "process.code": is_admin | is_process_facilitator,
    "process.export": is_admin | is_process_facilitator | is_process_observer,
    "memo.send": is_admin | is_process_facilitator,
    "proposal.manage": is_admin | is_process_facilitator,
    # Drafts are for the team; a published proposal is for everyone in the process.
    "proposal.view_draft": is_admin | is_process_facilitator | is_process_observer,
    "proposal.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    # Seminars: set up by facilitators; the agenda and workshops for everyone in the
    # process; a workshop place is chosen by work-group members.
    "seminar.manage": is_admin | is_process_facilitator,
    "seminar.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    "workshop.choose": is_process_member,
    # Live workshop capture from the phones: notes and open-space topics, and a
    # feeling line's marks, by work-group members (the hours are the service's rule).
    "note.post": is_process_member,
    "note.mark": is_process_member,
    # Earlier versions of edited comments and the audit log.
    "comment.history": is_admin | is_process_facilitator,
    # Follow-up monitoring: goals, actions, indicators and their values are kept by
    # the facilitators; everyone in the process follows the progress.
    "monitoring.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    "monitoring.manage": is_admin | is_process_facilitator,
    # Feedback surveys: set up by facilitators, answered by work-group members (the
    # phase's times are the service's rule), results for the process's team.
    "survey.manage": is_admin | is_process_facilitator,
    "survey.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    "survey.answer": is_process_member,
    "survey.results": is_admin | is_process_facilitator | is_process_observer,
    # Privacy: everyone may download their own data and delete their own account.
    "account.own_data": is_authenticated,
    "account.delete": is_authenticated,
    # Issue 16 (least privilege): renaming or deleting an organisation shows in
    # every process that uses it, so a facilitator account may change only those
    # used in its own processes (or in none yet).
    "organisation.edit": is_admin
    | (
        is_facilitator_account
        & Predicate(
            lambda user, organisation: organisation.used_only_in_processes_of(user),
            "organisation_used_only_in_own_processes",
        )
    ),
}


def can(user, action: str, obj=None) -> bool:
    """Return whether the user may perform the action on the object."""
    try:
        rule = RULES[action]
    except KeyError:
        raise KeyError(f"no permission rule named {action!r}") from None
    return rule(user, obj)


def require(user, action: str, obj=None) -> None:
    """Abort with 403 unless the user may perform the action (views call this)."""
    if not can(user, action, obj):
        abort(403)


def visible_processes(stmt: sa.Select, user) -> sa.Select:
    """Narrow a ``select(Process)`` to the processes the user may view."""
    if not _signed_in(user):
        return stmt.where(sa.false())
    if user.role is Role.ADMIN:
        return stmt
    staff = sa.select(ProcessRole.process_id).where(ProcessRole.user_id == user.id)
    member = (
        sa.select(WorkGroup.process_id)
        .join(GroupMembership, GroupMembership.group_id == WorkGroup.id)
        .where(GroupMembership.user_id == user.id)
    )
    return stmt.where(sa.or_(Process.id.in_(staff), Process.id.in_(member)))
