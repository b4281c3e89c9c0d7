"""Who may do what, and when: predicates (facts) composed into rules (policy), asked
via ``can``.

Views and templates ask ``can(user, "process.manage", process)``; they never test
roles themselves. Which state of a phase allows what is data (``PHASE_ACTIONS``);
the reading rule, the edit window and the summary's time are functions with an
explicit ``now`` that services call too, so each rule is written once. Each rule is
paired with a list filter (``visible_processes``) so a list never shows what its
detail page would refuse.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import abort

from .comments import answered_group_ids, groups_of
from .models import (
    ApiToken,
    Comment,
    Discussion,
    GroupMembership,
    Phase,
    PhaseKind,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Prompt,
    Role,
    User,
    Visibility,
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


# When: which state of a phase allows what (data) -----------------------------


class PhaseState(enum.StrEnum):
    NOT_OPEN = "not_open"
    OPEN = "open"
    CLOSED = "closed"


#: Which actions each state of each kind of phase allows. The people are the
#: rules' (RULES below); a service refusing an action outside its time asks this
#: table too and says why (not open yet, or closed). Seminars, surveys and ballots
#: keep their own clocks (a seminar's notes from before it starts, a ballot's own
#: opening and closing times); the table says what each state allows.
PHASE_ACTIONS: dict[str, dict[PhaseState, frozenset[str]]] = {
    "discussion": {
        PhaseState.NOT_OPEN: frozenset(),
        PhaseState.OPEN: frozenset({"comment.post", "comment.reply", "comment.edit"}),
        # Once closed, every group reads every other group's comments.
        PhaseState.CLOSED: frozenset({"comment.read"}),
    },
    "seminar": {
        PhaseState.NOT_OPEN: frozenset(),
        PhaseState.OPEN: frozenset({"note.post", "note.mark"}),
        PhaseState.CLOSED: frozenset(),
    },
    "survey": {
        PhaseState.NOT_OPEN: frozenset(),
        PhaseState.OPEN: frozenset({"survey.answer"}),
        PhaseState.CLOSED: frozenset(),
    },
    "ballot": {
        PhaseState.NOT_OPEN: frozenset(),
        PhaseState.OPEN: frozenset({"ballot.vote"}),
        PhaseState.CLOSED: frozenset(),
    },
}


def phase_allows(kind: str, state: str, action: str) -> bool:
    """Whether a phase of this kind in this state allows the action (the table)."""
    return action in PHASE_ACTIONS[kind].get(state, frozenset())


def window_state(
    starts_at: datetime | None, ends_at: datetime | None, now: datetime
) -> PhaseState:
    """Open between the start and the end; without a start it is not open yet."""
    if starts_at is None or now < starts_at:
        return PhaseState.NOT_OPEN
    if ends_at is not None and now >= ends_at:
        return PhaseState.CLOSED
    return PhaseState.OPEN


def discussion_state(discussion: Discussion, now: datetime) -> PhaseState:
    """A discussion is open for its phase's times."""
    return window_state(discussion.phase.starts_at, discussion.phase.ends_at, now)


def discussion_allows(prompt: Prompt, action: str, now: datetime) -> bool:
    """Whether the prompt's discussion, as it stands now, allows the action."""
    discussion = prompt.discussion
    return discussion is not None and phase_allows(
        "discussion", discussion_state(discussion, now), action
    )


# The reading rule, the edit window and the summary's time ---------------------


def may_read_others(
    prompt: Prompt,
    groups: Iterable[WorkGroup],
    now: datetime,
    answered: set[int] | None = None,
) -> bool:
    """Whether members of these groups may read other groups' comments on the prompt.

    The rule (per discussion): always, or only after the group has answered the
    prompt itself (to avoid anchoring); after the discussion closes, always.
    ``answered``: the groups that have answered, when the caller has them already.
    """
    discussion = prompt.discussion
    if discussion.visibility is Visibility.ALWAYS:
        return True
    if discussion_allows(prompt, "comment.read", now):
        return True
    group_ids = {group.id for group in groups}
    if answered is None:
        answered = answered_group_ids(prompt)
    return bool(group_ids & answered)


def group_reads_thread(user, comment: Comment, now: datetime) -> bool:
    """Whether one of the user's groups wrote the comment's thread or may read others'."""
    groups = groups_of(user, comment.process.id) if _signed_in(user) else []
    if not groups:
        return False
    if comment.thread.group_id in {group.id for group in groups}:
        return True
    return may_read_others(comment.prompt, groups, now)


def may_read_comment(user, comment: Comment, now: datetime) -> bool:
    """Whether the user reads this comment under the discussion's reading rule.

    The process team (and admins) read everything; a group member reads the threads
    of their own group, and others' comments once the rule lets their group.
    """
    return can(user, "discussion.read_all", comment.process) or group_reads_thread(
        user, comment, now
    )


def edit_deadline(comment: Comment) -> datetime:
    """The author may edit or delete until this time (or the close, if earlier)."""
    minutes = comment.prompt.discussion.edit_window_minutes
    deadline = comment.created_at + timedelta(minutes=minutes)
    ends_at = comment.prompt.discussion.phase.ends_at
    return min(deadline, ends_at) if ends_at is not None else deadline


def can_still_edit(comment: Comment, user, now: datetime) -> bool:
    """Whether this user may still edit or delete this comment right now."""
    return (
        _signed_in(user)
        and comment.author_id == user.id
        and not comment.is_deleted
        and not comment.is_hidden
        and not comment.is_locked
        and now < edit_deadline(comment)
        and discussion_allows(comment.prompt, "comment.edit", now)
    )


def summary_out(process: Process, phase: Phase | None, now: datetime) -> bool:
    """Participants read the summary once nothing in its scope is still running.

    While a discussion is open, others' comments may still be hidden from a group
    (the reading rule), and while a ballot is open its results may be; the team's
    summary would give both away. After the last close everyone may read it.
    """
    for scoped in [phase] if phase is not None else list(process.phases):
        if scoped.kind is PhaseKind.DISCUSSION and (
            scoped.ends_at is None or scoped.ends_at > now
        ):
            return False
        for ballot in getattr(scoped, "ballots", []):
            if ballot.closes_at is None or ballot.closes_at > now:
                return False
    return True


def _now() -> datetime:
    return datetime.now(UTC)


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


@predicate
def discussion_open_to_post(user, obj) -> bool:
    """The prompt's discussion is open for comments now."""
    return isinstance(obj, Prompt) and discussion_allows(obj, "comment.post", _now())


@predicate
def reads_others(user, obj) -> bool:
    """The reading rule lets the user's groups read other groups' comments here."""
    if not _signed_in(user) or not isinstance(obj, Prompt):
        return False
    return may_read_others(obj, groups_of(user, obj.process.id), _now())


@predicate
def reads_thread(user, obj) -> bool:
    """The user's group wrote this comment's thread, or may read others' threads."""
    return isinstance(obj, Comment) and group_reads_thread(user, obj, _now())


@predicate
def within_edit_window(user, obj) -> bool:
    """The author's comment may still be changed: the window and the phase allow it."""
    return isinstance(obj, Comment) and can_still_edit(obj, user, _now())


@predicate
def summary_is_out(user, obj) -> bool:
    """Nothing in the summary's scope (a phase, or every phase) is still running."""
    process = process_of(obj)
    if process is None:
        return False
    return summary_out(process, obj if isinstance(obj, Phase) else None, _now())


@predicate
def is_public_process(user, obj) -> bool:
    """The object's process is public (open data): anyone may read its public parts."""
    process = process_of(obj)
    return process is not None and bool(process.is_public)


class TokenHolder:
    """Whoever calls the API with a personal token: not a signed-in person (every
    person's predicate answers no), only what the token covers."""

    is_authenticated = False

    def __init__(self, token: ApiToken, now: datetime):
        self.token = token
        self.now = now


@predicate
def token_covers(user, obj) -> bool:
    """A usable API token scoped to the object's process, whose owner still runs it."""
    process = process_of(obj)
    if not isinstance(user, TokenHolder) or process is None:
        return False
    token = user.token
    return (
        token.is_usable(user.now)
        and any(p.id == process.id for p in token.processes)
        and can(token.user, "process.manage", process)
    )


# Rules -----------------------------------------------------------------------

RULES: dict[str, Predicate] = {
    "admin.users": is_admin,
    "process.create": is_admin | is_facilitator_account,
    "process.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | is_process_member,
    "process.manage": is_admin | is_process_facilitator,
    # Open data (issue 18): making a process public, and what the public reads.
    "process.publish": is_admin | is_process_facilitator,
    "public.view": is_public_process,
    # On a phase (or the process): its summary once nothing in it is running.
    "public.summary": is_public_process & summary_is_out,
    # The read-only API: a public process for anyone, others with a token.
    "api.read": is_public_process | token_covers,
    # Through a token the process's team reads what is still running too (open
    # discussions' comments, open ballots' results, the summary any time).
    "api.read_running": token_covers,
    # Personal API tokens: accounts that run processes.
    "token.manage": is_admin | is_facilitator_account,
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
    # On a prompt: posting now (a member, and the phase table says open).
    "comment.post": is_process_member & discussion_open_to_post,
    # On a prompt: reading other groups' comments (one's own group's always).
    "comment.read": is_admin
    | is_process_facilitator
    | is_process_observer
    | reads_others,
    # On a comment: whether the user reads it (the reading rule; else not found).
    "comment.view": is_admin
    | is_process_facilitator
    | is_process_observer
    | reads_thread,
    # On a comment: who may reply to it (the time is the service's: a late reply
    # gets its form back with the reason).
    "comment.reply": is_process_member & reads_thread,
    # On a comment: its author (others' edit and delete pages are refused).
    "comment.own": is_author,
    # On a comment: the author, within the edit window, while the phase allows.
    "comment.edit": is_author & within_edit_window,
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
    # On a phase (or the process: every phase): the team any time, participants
    # once nothing in its scope is still running.
    "summary.read": is_admin
    | is_process_facilitator
    | is_process_observer
    | (is_process_member & summary_is_out),
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
    # Quick votes on the wall (issue 17): opened, closed and deleted by the
    # facilitators; cast from the phones by work-group members (the vote being open
    # is the service's rule).
    "live_vote.manage": is_admin | is_process_facilitator,
    "live_vote.cast": is_process_member,
    # Questions to the speakers (issue 17): asked and liked from the phones by
    # work-group members (the seminar's hours are the service's rule); shortlisted,
    # answered, hidden and deleted by the facilitators.
    "question.ask": is_process_member,
    "question.like": is_process_member,
    "question.moderate": is_admin | is_process_facilitator,
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
    # Issue 16 (least privilege): a feedback survey's results are for the team, so
    # the per-organisation averages it feeds into indicators are too; everyone in
    # the process sees the whole region's average and the values entered by hand.
    "monitoring.survey_organisations": is_admin
    | is_process_facilitator
    | is_process_observer,
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


def public_processes(stmt: sa.Select) -> sa.Select:
    """Narrow a ``select(Process)`` to the public ones (the "public.view" rule)."""
    return stmt.where(Process.is_public.is_(True))


def api_processes(stmt: sa.Select, user) -> sa.Select:
    """Narrow a ``select(Process)`` to what the API caller reads ("api.read"): the
    public processes and those a usable token covers whose owner still manages them."""
    if not isinstance(user, TokenHolder) or not user.token.is_usable(user.now):
        return public_processes(stmt)
    ids = [
        p.id for p in user.token.processes if can(user.token.user, "process.manage", p)
    ]
    return stmt.where(sa.or_(Process.is_public.is_(True), Process.id.in_(ids)))


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
