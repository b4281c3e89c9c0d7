"""One core for the ``Comment`` rows: discussion comments, workshop notes, survey answers.

Cross-cutting, so it lives at the app root: discussions, seminars, surveys, coding and
exports all post, revise, wipe or read these rows, and none of them should import
another domain for it. The domains keep their own rules (when a phase is open, which
limits apply) and their own error messages; what is the same everywhere is here:
cleaning a text, posting it once (a resent form finds its first row), keeping the
earlier text as a version, wiping, the "shown" filter and the poster's work groups;
and the texts of the prompt the rows answer (a discussion's question, a workshop's
prompt), which both domains set the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from .embeddings.services import forget as forget_embeddings
from .errors import DomainError
from .extensions import db
from .models import (
    Comment,
    CommentVersion,
    GroupMembership,
    Process,
    Prompt,
    User,
    WorkGroup,
)
from .text import render_markdown, render_translated

T = TypeVar("T")


class NotInGroup(
    DomainError,
    message=_l("You can post only on behalf of a work group you belong to."),
): ...


# Reading ---------------------------------------------------------------------


def visible() -> sa.ColumnElement[bool]:
    """The SQL condition of a comment that is shown: not deleted, not hidden."""
    return sa.and_(Comment.deleted_at.is_(None), Comment.hidden_at.is_(None))


def is_answer() -> sa.ColumnElement[bool]:
    """A shown top-level comment: it counts as its group's answer to the prompt."""
    return sa.and_(Comment.parent_id.is_(None), visible())


def answered_group_ids(prompt: Prompt) -> set[int]:
    """The work groups that have answered this prompt."""
    return set(
        db.session.scalars(
            sa.select(Comment.group_id)
            .where(Comment.prompt_id == prompt.id, is_answer())
            .distinct()
        )
    )


def groups_of(user: User, process_id: int) -> list[WorkGroup]:
    """The user's work groups in a process, by name (usually exactly one).

    The signed-in user comes with their memberships and groups (the sign-in loads
    them in its one statement): then they are read from there, with no statement.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    if hasattr(user, "_get_current_object"):  # current_user, a proxy
        user = user._get_current_object()
    state = sa.inspect(user, raiseerr=False)
    if state is not None and "memberships" not in state.unloaded:
        return sorted(
            (
                membership.group
                for membership in user.memberships
                if membership.group.process_id == process_id
            ),
            key=lambda group: (group.name, group.id),
        )
    return list(
        db.session.scalars(
            sa.select(WorkGroup)
            .join(GroupMembership, GroupMembership.group_id == WorkGroup.id)
            .where(
                GroupMembership.user_id == user.id,
                WorkGroup.process_id == process_id,
            )
            .order_by(WorkGroup.name)
        )
    )


_WITH_ORGANISATION = so.joinedload(WorkGroup.organisation)


def process_groups(process_id: int | sa.BindParameter) -> sa.Select:
    """Every work group of a process with its organisation, by name: one statement
    for the pages that list groups or show a row's organisation (loading each
    group's organisation on its own would cost one statement per organisation)."""
    return (
        sa.select(WorkGroup)
        .where(WorkGroup.process_id == process_id)
        .options(_WITH_ORGANISATION)
        .order_by(WorkGroup.name)
    )


# Writing ---------------------------------------------------------------------


def set_prompt_texts(
    prompt: Prompt,
    language: str,
    question: dict,
    guidance: dict,
    missing: type[DomainError],
) -> None:
    """Set a prompt's question and its guidance (rendered once, stored beside it).

    :raises missing: when the question is not written in ``language`` (the process's
        main language); each domain says it in its own words.
    """
    if not question.get(language):
        raise missing()
    prompt.question = question
    prompt.guidance = guidance
    prompt.guidance_html = render_translated(guidance)


def clean_text(
    text: str | None,
    *,
    limit: int,
    too_long: type[DomainError],
    empty: type[DomainError] | None = None,
) -> str:
    """Trim a text and check its length; the limit counts what the author sees.

    :param empty: the error for an empty text; None when empty is allowed.
    """
    text = (text or "").replace("\r\n", "\n").strip()
    if not text and empty is not None:
        raise empty()
    if len(text) > limit:
        raise too_long()
    return text


def require_member(author: User, group: WorkGroup, process: Process) -> None:
    """Refuse posting for a group of another process or one the author is not in."""
    if group.process_id != process.id or not group.has_member(author):
        raise NotInGroup()


def find_resent(author: User, submission_key: str | None, model: type = Comment):
    """The author's row posted with this form's submission key, if any: a comment,
    or a row of another ``model`` kept once per key (a speaker's question)."""
    if not submission_key:
        return None
    return db.session.scalar(
        sa.select(model).where(
            model.author_id == author.id, model.submission_key == submission_key
        )
    )


def insert_or_existing(row: T, find: Callable[[], T | None]) -> tuple[T, bool]:
    """Insert a row in a savepoint; True when it is new.

    When a unique constraint says another request made the same row a moment ago
    (a form sent twice, another tab), the row ``find`` gives back is the answer
    (False); without one the error stands.
    """
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing, False
    return row, True


def post(
    prompt: Prompt,
    *,
    author: User,
    group: WorkGroup,
    body: str,
    now: datetime,
    reply_to: Comment | None = None,
    submission_key: str | None = None,
) -> tuple[Comment, bool]:
    """Insert a checked text as a new row; True when it is new.

    The insert runs in a savepoint: a form that won the race a moment ago with the
    same ``submission_key`` made the row that is the answer (False). Callers check
    :func:`find_resent` first and their own rules before this.
    """
    comment = Comment(
        prompt_id=prompt.id,
        group_id=group.id,
        author_id=author.id,
        parent_id=reply_to.thread.id if reply_to is not None else None,
        reply_to_id=reply_to.id if reply_to is not None else None,
        body=body,
        body_html=str(render_markdown(body)),
        submission_key=submission_key or None,
        created_at=now,
        updated_at=now,
    )
    return insert_or_existing(comment, lambda: find_resent(author, submission_key))


def revise_text(comment: Comment, body: str, now: datetime) -> None:
    """Put in the new text, keeping the previous one as a version (no checks)."""
    comment.versions.append(
        CommentVersion(
            body=comment.body,
            body_html=comment.body_html,
            written_at=comment.edited_at or comment.created_at,
            created_at=now,
        )
    )
    comment.body = body
    comment.body_html = str(render_markdown(body))
    comment.edited_at = now


def wipe(comment: Comment, now: datetime) -> None:
    """Mark the comment deleted: its text, versions and embedding go, its place stays."""
    comment.deleted_at = now
    comment.body = ""
    comment.body_html = ""
    comment.versions.clear()
    forget_embeddings([comment.id])
