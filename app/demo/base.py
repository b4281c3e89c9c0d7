"""What every demo loader shares: the load's report and the find-or-set helpers.

Every demo row is found by its natural key before it is created, so loading twice
creates nothing new; ``assign`` sets back only what differs from the data and counts
the row as set back. Participants without email and hidden comments are made here
the one way the loaders make them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Comment,
    GroupMembership,
    ModerationAction,
    ModerationEvent,
    Process,
    Role,
    User,
    WorkGroup,
)
from ..text import render_markdown

T = TypeVar("T")


@dataclass
class LoadReport:
    """What a load did: the process, and how many rows of each kind it created or changed."""

    process: Process | None = None
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)


def assign(obj, report: LoadReport | None, label: str, /, **values) -> bool:
    """Set the attributes that differ from the data; say whether any did.

    The object counts as set back under ``label``, unless ``report`` is None (a row
    created by this load is not "set back").
    """
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed and report is not None:
        report.updated[label] += 1
    return changed


def at_position(items: Iterable[T], position: int) -> T | None:
    """The item whose ``position`` is ``position`` (phases, agenda items, prompts...)."""
    return next((item for item in items if item.position == position), None)


def participant(group: WorkGroup, name: str, report: LoadReport) -> User:
    """The group's participant of this name, created (without email) if it has none."""
    for membership in group.memberships:
        user = membership.user
        if user.name == name and user.role is Role.PARTICIPANT:
            return user
    # Directly, not through join_group: a closed invite must not stop a reload.
    user = User(name=name, role=Role.PARTICIPANT)
    db.session.add(user)
    db.session.add(GroupMembership(group=group, user=user))
    report.created["participant"] += 1
    return user


def was_hidden(comment: Comment) -> bool:
    """Whether the audit log says the comment was hidden at some point."""
    return (
        db.session.scalar(
            sa.select(ModerationEvent.id)
            .where(
                ModerationEvent.comment_id == comment.id,
                ModerationEvent.action == ModerationAction.HIDE,
            )
            .limit(1)
        )
        is not None
    )


def moderation_event(
    process: Process,
    comment: Comment,
    actor: User,
    action: ModerationAction,
    reason: str,
    at: datetime,
) -> ModerationEvent:
    """An audit row as the moderation services write it; added to the session."""
    event = ModerationEvent(
        process_id=process.id,
        comment=comment,
        actor=actor,
        action=action,
        reason=reason,
        created_at=at,
    )
    db.session.add(event)
    return event


def hide(
    process: Process,
    comment: Comment,
    facilitator: User,
    data: dict,
    at: datetime,
    report: LoadReport,
) -> None:
    """Hide the comment as ``moderation.hide_comment`` does, with its audit row.

    Hiding settles the readers' open reports, as the moderation view does.
    """
    comment.hidden_at = at
    comment.hidden_reason = data["reason"]
    comment.hidden_by = facilitator
    for flag in comment.open_flags:
        flag.resolved_at = at
        flag.resolved_by = facilitator
    moderation_event(
        process, comment, facilitator, ModerationAction.HIDE, data["reason"], at
    )
    report.created["moderation event"] += 1


def set_back_text(
    comment: Comment, body: str, at: datetime, report: LoadReport, label: str
) -> bool:
    """Set an unedited demo comment or note back to its text and time in the data.

    Its time moves only when the demo did (a reload on another day moves the phases,
    and their comments with them). A text edited while trying the demo stays.
    """
    if comment.edited_at is not None:
        return False
    html = str(render_markdown(body))
    return assign(
        comment, report, label, body=body, body_html=html, **moved(comment, at)
    )


def moved(row, at: datetime) -> dict:
    """The times to set on a demo row whose time in the data is ``at``.

    Nothing while the row has that time; both stamps when a reload on another day
    moved the demo (an edit in the app may have changed ``updated_at``: that stays).
    """
    return {} if row.created_at == at else {"created_at": at, "updated_at": at}


def upsert(
    items: Iterable[T],
    position: int,
    make: Callable[..., T],
    report: LoadReport,
    label: str,
    /,
    **values,
) -> T:
    """The item at ``position`` set back to ``values``, or ``make(...)`` a new one."""
    item = at_position(items, position)
    if item is None:
        item = make(position=position, **values)
        db.session.add(item)
        report.created[label] += 1
        return item
    assign(item, report, label, **values)
    return item
