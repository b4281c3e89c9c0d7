"""Follow-up monitoring rules: goals, and actions with their status notes.

Plain functions over models and plain values: they flush, the route commits. Ordered
items (goals, a goal's actions) keep dense positions 1..n. Indicators, their targets
and values are in services_indicators.py.
"""

from __future__ import annotations

import logging
from datetime import date

from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..i18n import clean_texts, localized, require_title
from ..models import (
    Action,
    ActionNote,
    ActionStatus,
    FollowUpProposal,
    Goal,
    Organisation,
    Process,
    ProposalStatus,
    Theme,
    User,
)
from ..ordering import Direction as MoveDirection
from ..ordering import append_to, move_within, remove_from
from ..text import render_markdown, render_translated

log = logging.getLogger("osallistamo.monitoring")


class NoPublishedProposal(
    DomainError,
    message=_l(
        "The process has no published follow-up proposal. Publish the proposal "
        "first, or add the goals by hand."
    ),
): ...


class NoteInFuture(
    DomainError, message=_l("A status note cannot be dated in the future.")
): ...


# Goals ---------------------------------------------------------------------------


def _apply_goal(goal: Goal, process: Process, title: dict, description) -> None:
    goal.title = require_title(process, title)
    goal.description = clean_texts(description)
    goal.description_html = render_translated(goal.description)


def add_goal(
    process: Process,
    *,
    title: dict,
    description: dict | None = None,
    proposal: FollowUpProposal | None = None,
    theme: Theme | None = None,
) -> Goal:
    """Add a goal after the process's last one.

    :param proposal: and ``theme``: where a goal drawn from the proposal came from.
    :raises MissingTitle: without a title in the process's main language.
    """
    goal = Goal(
        proposal_id=proposal.id if proposal is not None else None,
        theme_id=theme.id if theme is not None else None,
    )
    _apply_goal(goal, process, title, description)
    append_to(process, "goals", goal)
    db.session.flush()
    log.info("goal %s added to process %s", goal.id, process.slug)
    return goal


def update_goal(goal: Goal, *, title: dict, description: dict | None = None) -> Goal:
    """Change a goal's title and description; its place stays."""
    _apply_goal(goal, goal.process, title, description)
    db.session.flush()
    return goal


def move_goal(goal: Goal, direction: MoveDirection) -> bool:
    """Move a goal one step; False (and no change) at either end."""
    return move_within(goal.process, "goals", goal, direction)


def delete_goal(goal: Goal) -> None:
    """Remove a goal with its actions, indicators and their values."""
    process = goal.process
    remove_from(process, "goals", goal)
    log.info("goal %s removed from process %s", goal.id, process.slug)


def _title_key(texts: dict | None, language: str) -> str:
    return " ".join(localized(texts, language, lang=language).split()).casefold()


def published_proposal(process: Process) -> FollowUpProposal:
    """The process's published proposal.

    :raises NoPublishedProposal: when there is none (or it is a draft).
    """
    proposal = process.proposal
    if (
        proposal is None
        or proposal.status is not ProposalStatus.PUBLISHED
        or proposal.current is None
    ):
        raise NoPublishedProposal()
    return proposal


def proposal_themes(process: Process) -> tuple[list[tuple[Theme, str]], list[Theme]]:
    """The themes the published proposal takes up: ``(theme, why)`` pairs still
    without a goal, and the themes that have one already (drawn from them before, or
    written by hand with the same title).

    :raises NoPublishedProposal: when the proposal is not published.
    """
    proposal = published_proposal(process)
    themes = {theme.id: theme for theme in process.themes}
    drawn = {goal.theme_id for goal in process.goals if goal.theme_id is not None}
    taken = {_title_key(goal.title, process.language) for goal in process.goals}
    new, existing = [], []
    for item in proposal.current.themes or []:
        theme = themes.get(item.get("theme_id"))
        if theme is None:  # removed from the process after the proposal
            continue
        if theme.id in drawn or _title_key(theme.title, process.language) in taken:
            existing.append(theme)
        else:
            new.append((theme, item.get("why") or ""))
    return new, existing


def goals_from_proposal(process: Process) -> list[Goal]:
    """Add one goal per theme the published proposal takes up: the theme's title,
    the reason as the description. Themes that already have a goal are skipped.

    :raises NoPublishedProposal: when the proposal is not published.
    """
    proposal = published_proposal(process)
    new, _existing = proposal_themes(process)
    goals = []
    for theme, why in new:
        description = {process.language: why} if why.strip() else {}
        title = clean_texts(theme.title)
        if not title.get(process.language):
            title[process.language] = localized(theme.title, process.language)
        goals.append(
            add_goal(
                process,
                title=title,
                description=description,
                proposal=proposal,
                theme=theme,
            )
        )
    return goals


# Actions -------------------------------------------------------------------------


def _apply_action(
    action: Action,
    *,
    title: str,
    description: str = "",
    owner: Organisation | None = None,
    due_on: date | None = None,
    status: ActionStatus = ActionStatus.PLANNED,
) -> None:
    action.title = " ".join((title or "").split())
    action.description = (description or "").replace("\r\n", "\n").strip()
    action.description_html = str(render_markdown(action.description))
    action.owner = owner
    action.due_on = due_on
    action.status = ActionStatus(status)


def add_action(goal: Goal, **fields) -> Action:
    """Add an action after the goal's last one; ``fields`` as ``_apply_action``."""
    action = Action()
    _apply_action(action, **fields)
    append_to(goal, "actions", action)
    db.session.flush()
    return action


def update_action(action: Action, **fields) -> Action:
    """Change an action's texts, owner, due date and status (``_apply_action``)."""
    _apply_action(action, **fields)
    db.session.flush()
    return action


def move_action(action: Action, direction: MoveDirection) -> bool:
    return move_within(action.goal, "actions", action, direction)


def delete_action(action: Action) -> None:
    """Remove an action with its status notes."""
    remove_from(action.goal, "actions", action)


def is_overdue(action: Action, today: date) -> bool:
    """Late: the due date has passed and the action is neither done nor dropped."""
    return (
        action.due_on is not None
        and action.due_on < today
        and action.status not in (ActionStatus.DONE, ActionStatus.DROPPED)
    )


def _newest_note(action: Action) -> ActionNote | None:
    notes = sorted(action.notes, key=lambda n: (n.noted_on, n.id or 0), reverse=True)
    return notes[0] if notes else None


def add_note(
    action: Action,
    *,
    noted_on: date,
    status: ActionStatus,
    body: str,
    actor: User | None,
    today: date,
) -> ActionNote:
    """Add a dated status note; the action takes the status of its newest note.

    A note dated before the newest one is history: it does not change the status.

    :raises NoteInFuture: when ``noted_on`` is after ``today``.
    """
    if noted_on > today:
        raise NoteInFuture()
    body = (body or "").replace("\r\n", "\n").strip()
    note = ActionNote(
        noted_on=noted_on,
        status=ActionStatus(status),
        body=body,
        body_html=str(render_markdown(body)),
        created_by=actor,
    )
    action.notes.append(note)
    db.session.flush()
    action.status = _newest_note(action).status
    db.session.flush()
    db.session.expire(action, ["notes"])
    return note


def delete_note(note: ActionNote) -> None:
    """Remove a status note; the action takes the status of the newest one left."""
    action = note.action
    action.notes.remove(note)
    db.session.flush()
    newest = _newest_note(action)
    if newest is not None:
        action.status = newest.status
    db.session.flush()
