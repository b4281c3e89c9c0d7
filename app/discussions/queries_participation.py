"""Participation overview for facilitators, and reminders to groups that have not answered.

A group has answered a prompt when it has a top-level comment there that is neither
deleted nor hidden (``comments.is_answer``). The overview is built
from a handful of grouped queries, never one query per group and prompt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..comments import is_answer
from ..extensions import db
from ..groups.queries import member_counts
from ..models import Comment, Discussion, Organisation, Prompt, WorkGroup

log = logging.getLogger("osallistamo.discussions")


@dataclass
class GroupRow:
    """One work group's participation in the discussion."""

    group: WorkGroup
    #: Per prompt id, whether the group has answered it.
    answered: dict[int, bool]
    comment_count: int
    last_activity: datetime | None
    member_count: int

    @property
    def missing_prompt_ids(self) -> list[int]:
        return [prompt_id for prompt_id, done in self.answered.items() if not done]

    @property
    def answered_all(self) -> bool:
        return bool(self.answered) and all(self.answered.values())

    @property
    def answered_none(self) -> bool:
        return not any(self.answered.values())


@dataclass
class PromptTotal:
    prompt: Prompt
    answered: int
    total: int


@dataclass
class Overview:
    """Rows per work group of the process, totals per prompt and overall."""

    discussion: Discussion
    prompts: list[Prompt]
    rows: list[GroupRow]
    prompt_totals: list[PromptTotal] = field(default_factory=list)

    @property
    def group_count(self) -> int:
        return len(self.rows)

    @property
    def all_answered(self) -> int:
        """Groups that have answered every prompt."""
        return sum(1 for row in self.rows if row.answered_all)

    @property
    def none_answered(self) -> int:
        """Groups that have answered no prompt at all."""
        return sum(1 for row in self.rows if row.answered_none)

    @property
    def comment_count(self) -> int:
        return sum(row.comment_count for row in self.rows)

    @property
    def member_count(self) -> int:
        return sum(row.member_count for row in self.rows)

    @property
    def last_activity(self) -> datetime | None:
        times = [row.last_activity for row in self.rows if row.last_activity]
        return max(times, default=None)

    def missing_rows(self) -> list[GroupRow]:
        """The groups that still lack an answer to at least one prompt."""
        if not self.prompts:
            return []
        return [row for row in self.rows if row.missing_prompt_ids]


def _process_groups(discussion: Discussion) -> list[WorkGroup]:
    stmt = (
        sa.select(WorkGroup)
        .join(Organisation, Organisation.id == WorkGroup.organisation_id)
        .where(WorkGroup.process_id == discussion.process.id)
        .options(so.contains_eager(WorkGroup.organisation))
        .order_by(WorkGroup.name, WorkGroup.id)
    )
    return list(db.session.scalars(stmt))


def _answered_pairs(discussion: Discussion) -> set[tuple[int, int]]:
    """(group id, prompt id) for every answered prompt of the discussion."""
    rows = db.session.execute(
        sa.select(Comment.group_id, Comment.prompt_id)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .where(Prompt.discussion_id == discussion.id, is_answer())
        .distinct()
    )
    return {(group_id, prompt_id) for group_id, prompt_id in rows}


def _activity(discussion: Discussion) -> dict[int, tuple[int, datetime | None]]:
    """Per group id: comments that are not deleted (replies too), and the latest write.

    Hidden comments count: the group did take part, a moderator only hid the text.
    """
    rows = db.session.execute(
        sa.select(
            Comment.group_id,
            sa.func.count(Comment.id),
            # An edit is always later than the creation, so the coalesce is the latest.
            sa.func.max(sa.func.coalesce(Comment.edited_at, Comment.created_at)),
        )
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .where(Prompt.discussion_id == discussion.id, Comment.deleted_at.is_(None))
        .group_by(Comment.group_id)
    )
    return {group_id: (count, latest) for group_id, count, latest in rows}


def build_overview(discussion: Discussion) -> Overview:
    """Collect each work group's answers, comment count, last activity and members."""
    prompts = list(discussion.prompts)
    groups = _process_groups(discussion)
    answered = _answered_pairs(discussion)
    activity = _activity(discussion)
    members = member_counts(group.id for group in groups)
    rows = []
    for group in groups:
        count, latest = activity.get(group.id, (0, None))
        rows.append(
            GroupRow(
                group=group,
                answered={p.id: (group.id, p.id) in answered for p in prompts},
                comment_count=count,
                last_activity=latest,
                member_count=members.get(group.id, 0),
            )
        )
    totals = [
        PromptTotal(
            prompt=prompt,
            answered=sum(1 for row in rows if row.answered[prompt.id]),
            total=len(rows),
        )
        for prompt in prompts
    ]
    return Overview(
        discussion=discussion, prompts=prompts, rows=rows, prompt_totals=totals
    )
