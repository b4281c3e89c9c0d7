"""Deleting one's own account and erasing a whole process.

What happens to each column that points at an account is listed in
``app/privacy/queries_own_data.py``. Both operations write explicit updates and deletes
rather than leaning only on ON DELETE rules, so the outcome is the same on SQLite
and PostgreSQL and the tests can see every step.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..embeddings.services import forget as forget_embeddings
from ..errors import DomainError
from ..extensions import db
from ..models import (
    ActionNote,
    ApiToken,
    Comment,
    CommentFlag,
    CommentVersion,
    DeletedAccountComments,
    FeelingMark,
    GroupMembership,
    IndicatorValue,
    LiveVote,
    LiveVoteBallot,
    ModerationEvent,
    OutboxMessage,
    Process,
    ProcessRole,
    Prompt,
    ProposalVersion,
    SpeakerQuestion,
    SpeakerQuestionLike,
    SurveyResponse,
    ThemeCandidate,
    ThemeTag,
    User,
    Vote,
    WorkGroup,
    WorkshopChoice,
    WorkshopMemo,
)
from ..models.users import PasswordResetToken
from .queries import (
    ProcessImpact,
    is_last_admin,
    only_here_participants,
    process_impact,
)

log = logging.getLogger("osallistamo.privacy")


class LastAdmin(
    DomainError,
    message=_l(
        "This is the only administrator account. Make another account an "
        "administrator before deleting this one."
    ),
): ...


class ConfirmationFailed(
    DomainError, message=_l("The confirmation did not match. Nothing was deleted.")
): ...


# Account deletion ---------------------------------------------------------------


def _remove_comment_texts(comment_ids: list[int], now: datetime) -> None:
    """Empty the texts and drop the earlier versions and the embeddings (derived from
    the texts); the places stay for replies."""
    if not comment_ids:
        return
    forget_embeddings(comment_ids)
    db.session.execute(
        sa.delete(CommentVersion).where(CommentVersion.comment_id.in_(comment_ids))
    )
    db.session.execute(
        sa.update(Comment)
        .where(Comment.id.in_(comment_ids), Comment.deleted_at.is_(None))
        .values(deleted_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        sa.update(Comment)
        .where(Comment.id.in_(comment_ids))
        .values(body="", body_html="")
        .execution_options(synchronize_session=False)
    )


def _clear(column, user_ids: list[int], **extra) -> None:
    """Set a column pointing at the accounts to NULL (and other values given)."""
    db.session.execute(
        sa.update(column.class_)
        .where(column.in_(user_ids))
        .values({column.key: None, **extra})
        .execution_options(synchronize_session=False)
    )


#: References that stay, nameless: the rows are the groups' or the process's.
CLEARED_COLUMNS = (
    CommentFlag.user_id,
    CommentFlag.resolved_by_id,
    Comment.hidden_by_id,
    ModerationEvent.actor_id,
    Vote.cast_by_id,
    Prompt.proposed_by_id,
    SurveyResponse.submitted_by_id,
    ThemeTag.decided_by_id,
    ThemeCandidate.decided_by_id,
    ProposalVersion.created_by_id,
    ActionNote.created_by_id,
    IndicatorValue.entered_by_id,
    WorkshopMemo.edited_by_id,
    Process.created_by_id,
    LiveVote.opened_by_id,
    # A question to a speaker stays as its work group's, like a comment.
    SpeakerQuestion.author_id,
    SpeakerQuestion.moderated_by_id,
)
#: Rows that are the person's own and go with the account.
DELETED_WITH_ACCOUNT = (
    # A personal API token and its process scopes (cascade) end with the account.
    ApiToken.user_id,
    WorkshopChoice.user_id,
    FeelingMark.user_id,
    GroupMembership.user_id,
    ProcessRole.user_id,
    PasswordResetToken.user_id,
    # A quick-vote ballot (its dots cascade) and a like are the person's own; a
    # closed vote keeps the result stored on its options.
    LiveVoteBallot.user_id,
    SpeakerQuestionLike.user_id,
)


def _forget_users(user_ids: list[int]) -> None:
    """Delete the accounts after clearing or deleting every row that names them."""
    if not user_ids:
        return
    _clear(Comment.author_id, user_ids, submission_key=None)
    # A personal vote keeps counting, under a key no later account can match.
    db.session.execute(
        sa.update(Vote)
        .where(Vote.unit_key.in_([f"user:{i}" for i in user_ids]))
        .values(unit_key=sa.literal("deleted:") + sa.cast(Vote.id, sa.String))
        .execution_options(synchronize_session=False)
    )
    for column in CLEARED_COLUMNS:
        _clear(column, user_ids)
    emails = [
        e.lower()
        for e in db.session.scalars(
            sa.select(User.email).where(User.id.in_(user_ids), User.email.is_not(None))
        )
    ]
    if emails:
        db.session.execute(
            sa.delete(OutboxMessage).where(
                sa.func.lower(OutboxMessage.recipient).in_(emails)
            )
        )
    for column in DELETED_WITH_ACCOUNT:
        db.session.execute(
            sa.delete(column.class_)
            .where(column.in_(user_ids))
            .execution_options(synchronize_session=False)
        )
    db.session.execute(
        sa.delete(User)
        .where(User.id.in_(user_ids))
        .execution_options(synchronize_session=False)
    )


def delete_account(user: User, *, now: datetime) -> None:
    """Delete the account and anonymise or remove what it left behind.

    Comments stay as their work group's without the author, or, in processes set to
    ``DeletedAccountComments.REMOVE``, lose their texts and earlier versions (their
    places stay for the replies). Memberships, roles, workshop choices, feeling marks
    and letters to the account's email go; every other reference is cleared.

    :raises LastAdmin: for the only administrator account.
    """
    if is_last_admin(user):
        raise LastAdmin()
    user_id = user.id
    removing = sa.select(Process.id).where(
        Process.deleted_account_comments == DeletedAccountComments.REMOVE
    )
    to_remove = list(
        db.session.scalars(
            sa.select(Comment.id)
            .join(WorkGroup, WorkGroup.id == Comment.group_id)
            .where(Comment.author_id == user_id, WorkGroup.process_id.in_(removing))
        )
    )
    _remove_comment_texts(to_remove, now)
    _forget_users([user_id])
    db.session.flush()
    db.session.expunge(user)
    db.session.expire_all()
    log.info(
        "account %s deleted by its owner (%d comment texts removed)",
        user_id,
        len(to_remove),
    )


# Process erasure ----------------------------------------------------------------


def erase_process(process: Process, *, actor: User) -> ProcessImpact:
    """Erase the process with everything under it, and its own participants.

    The rows under the process go by the database's ON DELETE CASCADE rules
    (phases, groups, prompts, comments, ballots, votes, surveys, the follow-up...),
    which the migrations create on SQLite and PostgreSQL alike. Participant accounts
    without a password that take part in no other process are deleted first; letters
    of the process are deleted too (they name people).
    """
    impact = process_impact(process)
    process_id, slug = process.id, process.slug
    participants = list(db.session.scalars(only_here_participants(process)))
    db.session.execute(
        sa.delete(OutboxMessage).where(OutboxMessage.process_id == process_id)
    )
    db.session.execute(
        sa.delete(Process)
        .where(Process.id == process_id)
        .execution_options(synchronize_session=False)
    )
    _forget_users(participants)
    db.session.flush()
    db.session.expire_all()
    log.info(
        "process %s (%s) erased by user %s with %d participant accounts",
        process_id,
        slug,
        actor.id,
        len(participants),
    )
    return impact
