"""The read side of threads: a prompt's comments as listed, answer counts, pages.

Who may read whose comments (the reading rule) is app.permissions' "comment.read";
these queries list what the view has been told to show.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app, url_for

from ..comments import is_answer
from ..extensions import db
from ..models import Comment, Discussion, Prompt, WorkGroup


class Order(enum.StrEnum):
    OLDEST = "oldest"
    NEWEST = "newest"


def answer_counts(discussion: Discussion) -> dict[int, int]:
    """Per prompt id, how many work groups have answered it."""
    rows = db.session.execute(
        sa.select(Comment.prompt_id, sa.func.count(sa.distinct(Comment.group_id)))
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .where(Prompt.discussion_id == discussion.id, is_answer())
        .group_by(Comment.prompt_id)
    )
    return {prompt_id: count for prompt_id, count in rows}


def unanswered_prompts(discussion: Discussion, groups: Iterable[WorkGroup]) -> list:
    """The prompts none of these groups has answered yet, in order."""
    group_ids = [group.id for group in groups]
    if not group_ids:
        return []
    answered = set(
        db.session.scalars(
            sa.select(Comment.prompt_id)
            .join(Prompt, Prompt.id == Comment.prompt_id)
            .where(
                Prompt.discussion_id == discussion.id,
                Comment.group_id.in_(group_ids),
                is_answer(),
            )
        )
    )
    return [prompt for prompt in discussion.prompts if prompt.id not in answered]


def thread_query(
    prompt: Prompt,
    *,
    order: Order = Order.OLDEST,
    group_id: int | None = None,
    organisation_id: int | None = None,
    only_group_ids: Iterable[int] | None = None,
) -> sa.Select:
    """Top-level comments of a prompt, filtered and sorted; replies load with them.

    A deleted comment stays only while it has replies (they need their place).
    ``only_group_ids`` narrows to the reader's own groups when the rule hides others.
    """
    reply = so.aliased(Comment)
    has_replies = sa.exists().where(reply.parent_id == Comment.id)
    stmt = (
        sa.select(Comment)
        .where(
            Comment.prompt_id == prompt.id,
            Comment.parent_id.is_(None),
            sa.or_(Comment.deleted_at.is_(None), has_replies),
        )
        .options(
            so.selectinload(Comment.replies).selectinload(Comment.group),
            so.selectinload(Comment.replies).selectinload(Comment.author),
            so.selectinload(Comment.group).selectinload(WorkGroup.organisation),
            so.selectinload(Comment.author),
        )
    )
    if group_id is not None:
        stmt = stmt.where(Comment.group_id == group_id)
    if organisation_id is not None:
        stmt = stmt.join(WorkGroup, WorkGroup.id == Comment.group_id).where(
            WorkGroup.organisation_id == organisation_id
        )
    if only_group_ids is not None:
        stmt = stmt.where(Comment.group_id.in_(list(only_group_ids)))
    if order is Order.NEWEST:
        return stmt.order_by(Comment.created_at.desc(), Comment.id.desc())
    return stmt.order_by(Comment.created_at, Comment.id)


def page_of(comment: Comment, per_page: int) -> int:
    """The page (oldest first, unfiltered) on which a comment's thread is shown."""
    thread = comment.thread
    listed = thread_query(thread.prompt).subquery()
    before = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(listed)
        .where(
            sa.or_(
                listed.c.created_at < thread.created_at,
                sa.and_(
                    listed.c.created_at == thread.created_at, listed.c.id < thread.id
                ),
            )
        )
    )
    return before // per_page + 1


def comment_url(comment: Comment) -> str:
    """Where a comment is shown: its thread's page, at the comment."""
    prompt = comment.prompt
    page = page_of(comment, current_app.config["ITEMS_PER_PAGE"])
    return url_for(
        "discussions.thread",
        slug=prompt.process.slug,
        phase_id=prompt.discussion.phase_id,
        prompt_id=prompt.id,
        page=page if page > 1 else None,
        _anchor=f"comment-{comment.id}",
    )
