"""Turn the demo's example comments (``comments.COMMENTS``) into rows.

The comments go straight in as rows, not through ``post_comment``: the demo
discussion lies in the future, so the open-time rule would refuse them. Each comment
is found again by its natural key (prompt, group and ``submission_key``), its flag by
comment and reader, its hiding by the audit log, so loading twice creates nothing new.
Moderation done while trying the demo (a restored comment, a dismissed flag) is left
as it is; only an unedited comment's text is set back to the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Comment,
    CommentFlag,
    GroupMembership,
    ModerationAction,
    ModerationEvent,
    Phase,
    PhaseKind,
    Process,
    Prompt,
    Role,
    User,
    WorkGroup,
)
from ..text import render_markdown

if TYPE_CHECKING:
    from .loader import LoadReport


def load_comments(
    process: Process,
    comments: Iterable[dict],
    groups: dict[str, WorkGroup],
    accounts: dict[str, User],
    report: LoadReport,
) -> None:
    """Create the example comments of the process's first online discussion; flush.

    ``groups`` maps the demo's group names to rows and ``accounts`` the demo emails to
    users (the facilitator who hides a comment is one of them).
    """
    comments = list(comments)
    if not comments:
        return
    phase = _first_discussion(process)
    prompts = list(phase.discussion.prompts)
    opened = phase.starts_at or process.created_at
    db.session.flush()  # ids for the natural-key queries below
    by_key: dict[str, Comment] = {}
    for data in comments:
        group = groups[data["group"]]
        author = _participant(group, data["author"], report)
        target = by_key[data["reply_to"]] if data.get("reply_to") else None
        prompt = prompts[data["prompt"] - 1]
        comment, created = _comment(prompt, group, author, target, data, report)
        if created:
            comment.created_at = comment.updated_at = opened + _minutes(data)
            report.created["comment"] += 1
        by_key[data["key"]] = comment
        if data.get("flag"):
            flag = data["flag"]
            reader = _participant(groups[flag["group"]], flag["by"], report)
            _flag(process, comment, reader, flag, opened, report)
        if data.get("hidden"):
            hidden = data["hidden"]
            facilitator = accounts[hidden["by"]]
            _hide(process, comment, facilitator, hidden, opened, created, report)
    db.session.flush()


def _first_discussion(process: Process) -> Phase:
    return next(p for p in process.phases if p.kind is PhaseKind.DISCUSSION)


def _minutes(data: dict) -> timedelta:
    return timedelta(minutes=data["minutes"])


def _participant(group: WorkGroup, name: str, report: LoadReport) -> User:
    """The group's participant of this name, created (without email) if it has none."""
    for membership in group.memberships:
        user = membership.user
        if user.name == name and user.role is Role.PARTICIPANT:
            return user
    # As loader._participant does: directly, so a closed invite cannot stop a reload.
    user = User(name=name, role=Role.PARTICIPANT)
    db.session.add(user)
    db.session.add(GroupMembership(group=group, user=user))
    report.created["participant"] += 1
    return user


def _comment(
    prompt: Prompt,
    group: WorkGroup,
    author: User,
    target: Comment | None,
    data: dict,
    report: LoadReport,
) -> tuple[Comment, bool]:
    """Find the comment by its natural key or add it; say whether it was added."""
    body = data["body"]
    html = str(render_markdown(body))
    existing = db.session.scalar(
        sa.select(Comment).where(
            Comment.prompt_id == prompt.id,
            Comment.group_id == group.id,
            Comment.submission_key == data["key"],
        )
    )
    if existing is not None:
        texts = (existing.body, existing.body_html)
        if existing.edited_at is None and texts != (body, html):
            # A fix in the demo text reaches a loaded demo; an edit made in it stays.
            existing.body, existing.body_html = body, html
            report.updated["comment"] += 1
        return existing, False
    comment = Comment(
        prompt=prompt,
        group=group,
        author=author,
        # Replies are one level deep: a reply to a reply joins the same thread.
        parent=target.thread if target is not None else None,
        reply_to=target,
        body=body,
        body_html=html,
        submission_key=data["key"],
    )
    db.session.add(comment)
    return comment, True


def _flag(
    process: Process,
    comment: Comment,
    reader: User,
    data: dict,
    opened: datetime,
    report: LoadReport,
) -> None:
    """A reader's flag on the comment, with its audit row; once per reader."""
    if any(flag.user is reader for flag in comment.flags):
        return
    at = opened + _minutes(data)
    comment.flags.append(CommentFlag(user=reader, reason=data["reason"], created_at=at))
    db.session.add(
        _event(process, comment, reader, ModerationAction.FLAG, data["reason"], at)
    )
    report.created["comment flag"] += 1
    report.created["moderation event"] += 1


def _hide(
    process: Process,
    comment: Comment,
    facilitator: User,
    data: dict,
    opened: datetime,
    created: bool,
    report: LoadReport,
) -> None:
    """Hide the comment as the facilitator did, once: the audit log remembers it."""
    if not created and (comment.is_hidden or _was_hidden(comment)):
        # Hidden before; if it was restored while trying the demo, that stays.
        return
    at = opened + _minutes(data)
    comment.hidden_at = at
    comment.hidden_reason = data["reason"]
    comment.hidden_by = facilitator
    for flag in comment.open_flags:
        # Hiding settles the readers' reports, as the moderation view does.
        flag.resolved_at = at
        flag.resolved_by = facilitator
    db.session.add(
        _event(process, comment, facilitator, ModerationAction.HIDE, data["reason"], at)
    )
    report.created["moderation event"] += 1


def _was_hidden(comment: Comment) -> bool:
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


def _event(
    process: Process,
    comment: Comment,
    actor: User,
    action: ModerationAction,
    reason: str,
    at: datetime,
) -> ModerationEvent:
    return ModerationEvent(
        process_id=process.id,
        comment=comment,
        actor=actor,
        action=action,
        reason=reason,
        created_at=at,
    )
