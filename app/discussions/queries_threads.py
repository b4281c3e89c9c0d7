"""The read side of threads: a prompt's comments as listed, answer counts, pages.

Who may read whose comments (the reading rule) is app.permissions' "comment.read";
these queries list what the view has been told to show.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app, url_for
from flask_sqlalchemy.pagination import Pagination

from ..comments import is_answer
from ..extensions import db
from ..models import (
    Comment,
    CommentFlag,
    CommentVersion,
    Discussion,
    Organisation,
    Process,
    Prompt,
    WorkGroup,
)
from ..permissions import can


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


@dataclass
class ThreadGroups:
    """What a thread page needs of the work groups on every request: the reader's
    own groups, and which of them have answered the prompt. (How many of the
    process's groups have answered: ``answer_count``; the filter menus list every
    group: ``filter_menus``, loaded only when the comments are rendered.)"""

    own: list[WorkGroup]
    own_answered: set[int]


@functools.cache
def _answered_statement() -> sa.Select:
    """Which of some groups have answered a prompt: built once, as every thread page
    runs it (as database.get_by_id)."""
    return (
        sa.select(Comment.group_id)
        .where(
            Comment.group_id.in_(sa.bindparam("group_ids", expanding=True)),
            # "+ 0" keeps the planner off the prompt's indexes: without statistics
            # SQLite read every thread of the prompt by the thread-order index
            # (2,500 on the benchmark's, a third of a page's time), where a group's
            # index finds its few comments.
            Comment.prompt_id + 0 == sa.bindparam("prompt_id"),
            is_answer(),
        )
        .distinct()
    )


def thread_groups(process: Process, prompt: Prompt, user) -> ThreadGroups:
    """The reader's groups in the process, by name, and which of them have answered:
    the groups come with the signed-in user (app/auth/sessions.py loads them), the
    answers in one statement of plain ids (none for a reader without a group)."""
    if not getattr(user, "is_authenticated", False):
        return ThreadGroups(own=[], own_answered=set())
    own = sorted(
        (m.group for m in user.memberships if m.group.process_id == process.id),
        key=lambda group: (group.name, group.id),
    )
    if not own:
        return ThreadGroups(own=[], own_answered=set())
    answered = db.session.scalars(
        _answered_statement(),
        {"prompt_id": prompt.id, "group_ids": [group.id for group in own]},
    )
    return ThreadGroups(own=own, own_answered=set(answered))


def answer_count(process: Process, prompt: Prompt) -> tuple[int, int]:
    """How many work groups the process has, and how many have answered the prompt
    (one statement; it reads every answer, so the page keeps it per thread version)."""
    # Not a correlated EXISTS per group: with 500 groups and 2,500 comments on the
    # prompt SQLite scanned the prompt's comments once per group (1 s a page, bench
    # suite); the uncorrelated IN list is built once.
    answered = sa.select(Comment.group_id).where(
        Comment.prompt_id == prompt.id, is_answer()
    )
    groups, answering = db.session.execute(
        sa.select(
            sa.select(sa.func.count(WorkGroup.id))
            .where(WorkGroup.process_id == process.id)
            .scalar_subquery(),
            sa.select(sa.func.count(WorkGroup.id))
            .where(WorkGroup.process_id == process.id, WorkGroup.id.in_(answered))
            .scalar_subquery(),
        )
    ).one()
    return groups, answering


@dataclass(frozen=True)
class MenuEntry:
    id: int
    name: str


def filter_menus(process: Process) -> tuple[list[MenuEntry], list[MenuEntry]]:
    """Every work group of the process and their organisations, by name, for the
    filter menus: plain rows in one statement (a national process has hundreds)."""
    rows = db.session.execute(
        sa.select(WorkGroup.id, WorkGroup.name, Organisation.id, Organisation.name)
        .join(Organisation, Organisation.id == WorkGroup.organisation_id)
        .where(WorkGroup.process_id == process.id)
        .order_by(WorkGroup.name, WorkGroup.id)
    ).all()
    groups = [MenuEntry(group_id, name) for group_id, name, _o, _n in rows]
    organisations = sorted(
        {MenuEntry(org_id, org_name) for _g, _n, org_id, org_name in rows},
        key=lambda o: (o.name, o.id),
    )
    return groups, organisations


@dataclass
class ModerationFacts:
    """For the team's links: open reports per comment id, and the edited comments."""

    open_flags: dict[int, int] = field(default_factory=dict)
    edited: set[int] = field(default_factory=set)

    def add(self, comment_id: int, open_flags: int, edited: bool) -> None:
        if open_flags:
            self.open_flags[comment_id] = open_flags
        if edited:
            self.edited.add(comment_id)

    @classmethod
    def of(cls, comments: Iterable[Comment]) -> ModerationFacts:
        """The facts of comments from their own flags and versions (loaded one by
        one: for a few comments; a thread page has them from ``thread_page``)."""
        facts = cls()
        for comment in comments:
            facts.add(comment.id, len(comment.open_flags), bool(comment.versions))
        return facts


@dataclass(frozen=True)
class ReaderClass:
    """What a reader may do with the comments of a page, decided once per page:
    the same for every reader of the class (the thread page's cache key)."""

    #: Reads every group's comments (and sees who wrote them).
    read_all: bool
    may_flag: bool
    may_moderate: bool
    may_see_history: bool


def reader_class(user, process: Process) -> ReaderClass:
    """The permission rules asked once for a page of the process's comments."""
    return ReaderClass(
        read_all=can(user, "discussion.read_all", process),
        may_flag=can(user, "comment.flag", process),
        may_moderate=can(user, "comment.moderate", process),
        may_see_history=can(user, "comment.history", process),
    )


@dataclass(frozen=True)
class ReaderRights:
    """A reader class with the facts of the page's comments (for the team's links)."""

    reader: ReaderClass
    facts: ModerationFacts

    @property
    def read_all(self) -> bool:
        return self.reader.read_all

    @property
    def may_flag(self) -> bool:
        return self.reader.may_flag

    @property
    def may_moderate(self) -> bool:
        return self.reader.may_moderate

    @property
    def may_see_history(self) -> bool:
        return self.reader.may_see_history


def comments_by_id(ids: Iterable[int]) -> list[Comment]:
    """These comments with their threads (whether one is locked), in one statement."""
    return list(
        db.session.scalars(
            sa.select(Comment)
            .where(Comment.id.in_(list(ids)))
            .options(so.joinedload(Comment.parent))
        )
    )


def _moderation_columns() -> tuple:
    open_flags = (
        sa.select(sa.func.count(CommentFlag.id))
        .where(CommentFlag.comment_id == Comment.id, CommentFlag.resolved_at.is_(None))
        .scalar_subquery()
    )
    edited = sa.exists().where(CommentVersion.comment_id == Comment.id)
    return open_flags, edited


def _with_names() -> tuple:
    """A listed comment comes with its author, its group and the group's organisation."""
    return (
        so.joinedload(Comment.author),
        so.joinedload(Comment.group).joinedload(WorkGroup.organisation),
    )


class ThreadPage(Pagination):
    """A page of threads in two statements whatever its size: the threads with the
    total (counted by a subquery), then all their replies; each comment's author,
    group and organisation come with it, and for the team its open reports and
    whether it was edited (``facts``)."""

    def _query_items(self) -> list:
        stmt: sa.Select = self._query_args["select"]
        moderating: bool = self._query_args["moderating"]
        extra = _moderation_columns() if moderating else ()
        # The total as a subquery run once, not a window count: a window over
        # the question's threads fetched every one of their rows to count them;
        # this count reads the thread-order index only.
        total = (
            sa.select(sa.func.count())
            .select_from(stmt.with_only_columns(Comment.id).order_by(None).subquery())
            .scalar_subquery()
        )
        rows = db.session.execute(
            stmt.add_columns(*extra, total.label("total"))
            .options(*_with_names())
            .limit(self.per_page)
            .offset((self.page - 1) * self.per_page)
        ).all()
        self._total = rows[0].total if rows else None
        self.facts = ModerationFacts()
        threads = [row[0] for row in rows]
        replies: dict[int, list[Comment]] = {thread.id: [] for thread in threads}
        if threads:
            reply_rows = db.session.execute(
                sa.select(Comment, *extra)
                .where(Comment.parent_id.in_(list(replies)))
                .options(*_with_names())
                .order_by(Comment.created_at, Comment.id)
            ).all()
            for row in reply_rows:
                replies[row[0].parent_id].append(row[0])
            if moderating:
                for row in (*rows, *reply_rows):
                    self.facts.add(row[0].id, row[1], row[2])
        for thread in threads:
            so.attributes.set_committed_value(thread, "replies", replies[thread.id])
        return threads

    def _query_count(self) -> int:
        if self._total is not None or self.page == 1:
            return self._total or 0
        # Past the last page: no row carried the total.
        listed = self._query_args["select"].order_by(None).subquery()
        return db.session.scalar(sa.select(sa.func.count()).select_from(listed))


def thread_page(
    stmt: sa.Select, *, page: int, per_page: int, moderating: bool
) -> ThreadPage:
    """One page of ``thread_query`` as ``ThreadPage`` shows it."""
    return ThreadPage(
        page=page,
        per_page=per_page,
        error_out=False,
        select=stmt,
        moderating=moderating,
    )


#: Another comment of the same table, in the "has replies" test.
_REPLY = so.aliased(Comment)


def _listed(prompt_id: int | sa.BindParameter) -> sa.Select:
    """A prompt's top-level comments as the pages list them (unfiltered, unsorted).

    A deleted comment stays only while it has replies (they need their place)."""
    has_replies = sa.exists().where(_REPLY.parent_id == Comment.id)
    return sa.select(Comment).where(
        Comment.prompt_id == prompt_id,
        Comment.parent_id.is_(None),
        sa.or_(Comment.deleted_at.is_(None), has_replies),
    )


def thread_query(
    prompt: Prompt,
    *,
    order: Order = Order.OLDEST,
    group_id: int | None = None,
    organisation_id: int | None = None,
    only_group_ids: Iterable[int] | None = None,
) -> sa.Select:
    """Top-level comments of a prompt, filtered and sorted (``thread_page`` loads a
    page of them with their replies).

    ``only_group_ids`` narrows to the reader's own groups when the rule hides others.
    """
    stmt = _listed(prompt.id)
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
    before = db.session.scalar(
        _threads_before(),
        {
            "prompt_id": thread.prompt_id,
            "created_at": thread.created_at,
            "thread_id": thread.id,
        },
    )
    return before // per_page + 1


@functools.cache
def _threads_before() -> sa.Select:
    """How many threads are listed before one (oldest first): built once, as every
    post runs it for its page's address (as database.get_by_id)."""
    listed = _listed(sa.bindparam("prompt_id")).subquery()
    created_at = sa.bindparam("created_at", type_=Comment.created_at.type)
    return (
        sa.select(sa.func.count())
        .select_from(listed)
        .where(
            sa.or_(
                listed.c.created_at < created_at,
                sa.and_(
                    listed.c.created_at == created_at,
                    listed.c.id < sa.bindparam("thread_id"),
                ),
            )
        )
    )


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
