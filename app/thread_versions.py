"""Thread versions: a prompt's ``thread_version`` changes with what its page lists.

The thread page caches its rendered comments under the prompt's version
(app/discussions/thread_cache.py), so every write that changes what the page shows
must give the prompt a new version in the same transaction. Rather than trusting
each service to remember, the session does it: after every flush it looks at what
was written and sets a new random version on the prompts concerned; a bulk
``UPDATE``/``DELETE`` of a table the page shows gives every prompt a new one.

What a thread page shows, and so what changes a version:

- a comment (new, changed, deleted): its prompt;
- a report on a comment, or a comment's earlier version: the comment's prompt;
- a work group added, renamed, moved to another organisation or removed: every
  prompt of its process (the filter menus and the comments' headers list them);
- an organisation renamed or removed, a person renamed or removed: every prompt
  where it can appear (all of them, for organisations: they are shared).
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
import sqlalchemy.orm as so

from .models import (
    Comment,
    CommentFlag,
    CommentVersion,
    Discussion,
    Organisation,
    Phase,
    Prompt,
    User,
    WorkGroup,
)
from .models.base import new_thread_version

#: Bulk statements on these tables give every prompt a new version.
_SHOWN_TABLES = frozenset(
    model.__tablename__
    for model in (Comment, CommentFlag, CommentVersion, WorkGroup, Organisation, User)
)

#: The columns whose change matters, for the rows shown beside comments.
_WATCHED = {
    WorkGroup: ("name", "organisation_id", "process_id"),
    Organisation: ("name",),
    User: ("name",),
}

_prompts = Prompt.__table__


def _changed(obj, attributes: Iterable[str]) -> bool:
    state = sa.inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in attributes)


def _conditions(session: so.Session) -> list[sa.ColumnElement[bool]]:
    """Which prompts this flush concerns, as conditions on the prompts table."""
    prompt_ids: set[int] = set()
    comment_ids: set[int] = set()
    process_ids: set[int] = set()
    author_ids: set[int] = set()
    every_prompt = False
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, Comment):
            prompt_ids.add(obj.prompt_id)
        elif isinstance(obj, CommentFlag | CommentVersion):
            comment_ids.add(obj.comment_id)
        elif isinstance(obj, WorkGroup):
            process_ids.add(obj.process_id)
        elif isinstance(obj, Organisation) and obj in session.deleted:
            every_prompt = True
        elif isinstance(obj, User) and obj in session.deleted:
            author_ids.add(obj.id)
    for obj in session.dirty:
        if isinstance(obj, Comment | CommentFlag) and session.is_modified(
            obj, include_collections=False
        ):
            if isinstance(obj, Comment):
                prompt_ids.add(obj.prompt_id)
            else:
                comment_ids.add(obj.comment_id)
        elif isinstance(obj, WorkGroup) and _changed(obj, _WATCHED[WorkGroup]):
            process_ids.add(obj.process_id)
            process_ids.update(sa.inspect(obj).attrs.process_id.history.deleted or ())
        elif isinstance(obj, Organisation) and _changed(obj, _WATCHED[Organisation]):
            every_prompt = True
        elif isinstance(obj, User) and _changed(obj, _WATCHED[User]):
            author_ids.add(obj.id)
    if every_prompt:
        return [sa.true()]
    conditions = []
    if prompt_ids - {None}:
        conditions.append(_prompts.c.id.in_(sorted(prompt_ids - {None})))
    if comment_ids - {None}:
        conditions.append(
            _prompts.c.id.in_(
                sa.select(Comment.prompt_id).where(
                    Comment.id.in_(sorted(comment_ids - {None}))
                )
            )
        )
    if process_ids - {None}:
        conditions.append(
            _prompts.c.discussion_id.in_(
                sa.select(Discussion.id)
                .join(Phase, Phase.id == Discussion.phase_id)
                .where(Phase.process_id.in_(sorted(process_ids - {None})))
            )
        )
    if author_ids:
        conditions.append(
            _prompts.c.id.in_(
                sa.select(Comment.prompt_id).where(
                    Comment.author_id.in_(sorted(author_ids))
                )
            )
        )
    return conditions


def _bump(connection: sa.Connection, where: sa.ColumnElement[bool]) -> None:
    connection.execute(
        sa.update(_prompts).where(where).values(thread_version=new_thread_version())
    )


def _after_flush(session: so.Session, _flush_context) -> None:
    conditions = _conditions(session)
    if conditions:
        _bump(session.connection(), sa.or_(*conditions))


def _before_bulk(state: so.ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _SHOWN_TABLES:
        _bump(state.session.connection(), sa.true())


def register() -> None:
    """Listen on every session (once: listening twice would bump twice)."""
    if not sa.event.contains(so.Session, "after_flush", _after_flush):
        sa.event.listen(so.Session, "after_flush", _after_flush)
        sa.event.listen(so.Session, "do_orm_execute", _before_bulk)
