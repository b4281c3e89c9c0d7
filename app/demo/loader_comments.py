"""Turn the demo's example comments (``content/comments.toml``) into rows.

The comments go straight in as rows, not through ``post_comment``: the demo
discussion is closed, so the open-time rule would refuse them. Each comment is found
again by its natural key (prompt, group and ``submission_key``), its flag by comment
and reader, its hiding by the audit log, so loading twice creates nothing new.
Moderation done while trying the demo (a restored comment, a dismissed flag) is left
as it is; an unedited comment's text, and its time if the demo moved (a reload on
another day), are set back to the data. Flags and hidings, like the audit log, keep
the times they were first made at.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Comment,
    CommentFlag,
    ModerationAction,
    PhaseKind,
    Process,
    Prompt,
    User,
    WorkGroup,
)
from ..text import render_markdown
from .base import (
    LoadReport,
    hide,
    moderation_event,
    participant,
    set_back_text,
    was_hidden,
)


def load_comments(
    process: Process,
    comments: Iterable[dict],
    groups: dict[str, WorkGroup],
    accounts: dict[str, User],
    report: LoadReport,
) -> None:
    """Create the example comments of the process's first online discussion; flush.

    A comment's ``minutes`` (and its flag's and hiding's) count from the discussion's
    opening. ``groups`` maps the demo's group names to rows and ``accounts`` the demo
    emails to users (the facilitator who hides a comment is one of them).
    """
    comments = list(comments)
    if not comments:
        return
    phase = next(p for p in process.phases if p.kind is PhaseKind.DISCUSSION)
    prompts = list(phase.discussion.prompts)
    opened = phase.starts_at or process.created_at

    def at(data: dict) -> datetime:
        return opened + timedelta(minutes=data["minutes"])

    db.session.flush()  # ids for the natural-key queries below
    by_key: dict[str, Comment] = {}
    for data in comments:
        group = groups[data["group"]]
        author = participant(group, data["author"], report)
        target = by_key[data["reply_to"]] if data.get("reply_to") else None
        prompt = prompts[data["prompt"] - 1]
        comment, created = _comment(prompt, group, author, target, data, report)
        if created:
            comment.created_at = comment.updated_at = at(data)
            report.created["comment"] += 1
        else:
            set_back_text(comment, data["body"], at(data), report, "comment")
        by_key[data["key"]] = comment
        if data.get("flag"):
            flag = data["flag"]
            reader = participant(groups[flag["group"]], flag["by"], report)
            _flag(process, comment, reader, flag, at(flag), report)
        if data.get("hidden"):
            hidden = data["hidden"]
            facilitator = accounts[hidden["by"]]
            if created or not (comment.is_hidden or was_hidden(comment)):
                # Hidden before: if it was restored while trying the demo, that stays.
                hide(process, comment, facilitator, hidden, at(hidden), report)
    db.session.flush()


def _comment(
    prompt: Prompt,
    group: WorkGroup,
    author: User,
    target: Comment | None,
    data: dict,
    report: LoadReport,
) -> tuple[Comment, bool]:
    """Find the comment by its natural key or add it; say whether it was added."""
    existing = db.session.scalar(
        sa.select(Comment).where(
            Comment.prompt_id == prompt.id,
            Comment.group_id == group.id,
            Comment.submission_key == data["key"],
        )
    )
    if existing is not None:
        return existing, False
    comment = Comment(
        prompt=prompt,
        group=group,
        author=author,
        # Replies are one level deep: a reply to a reply joins the same thread.
        parent=target.thread if target is not None else None,
        reply_to=target,
        body=data["body"],
        body_html=str(render_markdown(data["body"])),
        submission_key=data["key"],
    )
    db.session.add(comment)
    return comment, True


def _flag(
    process: Process,
    comment: Comment,
    reader: User,
    data: dict,
    at: datetime,
    report: LoadReport,
) -> None:
    """A reader's flag on the comment, with its audit row; once per reader."""
    if any(flag.user is reader for flag in comment.flags):
        return
    comment.flags.append(CommentFlag(user=reader, reason=data["reason"], created_at=at))
    moderation_event(
        process, comment, reader, ModerationAction.FLAG, data["reason"], at
    )
    report.created["comment flag"] += 1
    report.created["moderation event"] += 1
