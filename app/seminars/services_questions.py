"""Questions to the speakers: asked and liked from phones during the seminar, then
shortlisted, answered, hidden or deleted by a facilitator.

A question goes to a talk of the agenda (or to the seminar when its agenda has no
talks) on behalf of one of the asker's work groups, whose name is shown with it
instead of the person's. Each person likes a question at most once (a unique
constraint, so two taps at once make one like) and may take the like back. Asking
and liking follow the seminar's hours as notes do. Every change bumps
``Seminar.live_version``, the ETag of the phone list and the presenter view.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from .. import comments
from ..errors import DomainError, NotAllowed
from ..extensions import db
from ..models import (
    SPEAKER_QUESTION_MAX_LENGTH,
    AgendaItem,
    QuestionState,
    Seminar,
    SpeakerQuestion,
    SpeakerQuestionLike,
    User,
    WorkGroup,
)
from ..permissions import PhaseState, window_state
from .queries_questions import TALK_KINDS, talks_of
from .services_live import bump, seminar_window

log = logging.getLogger("osallistamo.seminars")


class EmptyQuestion(
    DomainError, message=_l("Write your question before sending it.")
): ...


class QuestionTooLong(
    DomainError,
    message=_l(
        "The question is too long: at most %(max)d characters. Shorten it and send"
        " it again.",
        max=SPEAKER_QUESTION_MAX_LENGTH,
    ),
): ...


class QuestionsNotOpen(
    DomainError,
    message=_l(
        "The seminar has not started yet: questions can be sent from 30 minutes"
        " before it starts."
    ),
): ...


class QuestionsClosed(
    DomainError,
    message=_l("The seminar is over, so questions can no longer be sent or liked."),
): ...


class NotATalk(
    DomainError, message=_l("Questions can be sent to the talks of this seminar only.")
): ...


class QuestionNotShown(
    DomainError, message=_l("This question has been hidden, so it cannot be liked.")
): ...


class OwnQuestion(DomainError, message=_l("You cannot like your own question.")): ...


class SameState(DomainError, message=_l("The question is in that state already.")): ...


def questions_state(seminar: Seminar, now: datetime) -> PhaseState:
    """Before, during or after the hours in which questions are sent and liked."""
    return window_state(*seminar_window(seminar.phase), now)


def require_open(seminar: Seminar, now: datetime) -> None:
    state = questions_state(seminar, now)
    if state is PhaseState.NOT_OPEN:
        raise QuestionsNotOpen()
    if state is PhaseState.CLOSED:
        raise QuestionsClosed()


def _require_member(seminar: Seminar, user: User) -> None:
    if not seminar.process.has_member(user):
        raise NotAllowed()


def _checked_talk(seminar: Seminar, talk: AgendaItem | None) -> AgendaItem | None:
    """A talk of this seminar, or None when its agenda has no talks."""
    if talk is None:
        if talks_of(seminar):
            raise NotATalk()
        return None
    if talk.seminar_id != seminar.id or talk.kind not in TALK_KINDS:
        raise NotATalk()
    return talk


def ask(
    seminar: Seminar,
    *,
    talk: AgendaItem | None,
    author: User,
    group: WorkGroup,
    body: str,
    now: datetime,
    submission_key: str | None = None,
) -> tuple[SpeakerQuestion, bool]:
    """Send a question to a talk on behalf of the author's work group; True when new.

    A form sent twice with the same ``submission_key`` gives back the first question.

    :raises QuestionsNotOpen, QuestionsClosed: outside the seminar's hours.
    :raises NotATalk: for an agenda item that is not a talk of this seminar.
    :raises NotInGroup: for a group of another process or one the author is not in.
    :raises EmptyQuestion, QuestionTooLong: for the text.
    """

    find = partial(comments.find_resent, author, submission_key, SpeakerQuestion)
    existing = find()
    if existing is not None:
        return existing, False
    require_open(seminar, now)
    talk = _checked_talk(seminar, talk)
    comments.require_member(author, group, seminar.process)
    text = comments.clean_text(
        body,
        limit=SPEAKER_QUESTION_MAX_LENGTH,
        empty=EmptyQuestion,
        too_long=QuestionTooLong,
    )
    question, created = comments.insert_or_existing(
        SpeakerQuestion(
            seminar_id=seminar.id,
            agenda_item_id=talk.id if talk is not None else None,
            author_id=author.id,
            group_id=group.id,
            body=text,
            submission_key=submission_key or None,
            created_at=now,
            updated_at=now,
        ),
        find,
    )
    if created:
        bump(seminar)
        log.info(
            "question %s asked in seminar %s by %s", question.id, seminar.id, author.id
        )
    return question, created


def like(question: SpeakerQuestion, *, user: User, now: datetime) -> bool:
    """Like a question; False when the user liked it already (a second tap, a race).

    :raises NotAllowed: for someone outside the process's work groups.
    :raises QuestionsNotOpen, QuestionsClosed: outside the seminar's hours.
    :raises QuestionNotShown: for a hidden question.
    :raises OwnQuestion: for the user's own question.
    """
    seminar = question.seminar
    _require_member(seminar, user)
    require_open(seminar, now)
    if question.is_hidden:
        raise QuestionNotShown()
    if question.author_id == user.id:
        raise OwnQuestion()
    try:
        with db.session.begin_nested():
            db.session.add(
                SpeakerQuestionLike(
                    question_id=question.id, user_id=user.id, created_at=now
                )
            )
    except IntegrityError:
        return False
    bump(seminar)
    return True


def unlike(question: SpeakerQuestion, *, user: User, now: datetime) -> bool:
    """Take one's like back; False when there was none.

    :raises NotAllowed: for someone outside the process's work groups.
    :raises QuestionsNotOpen, QuestionsClosed: outside the seminar's hours.
    """
    seminar = question.seminar
    _require_member(seminar, user)
    require_open(seminar, now)
    removed = db.session.execute(
        sa.delete(SpeakerQuestionLike).where(
            SpeakerQuestionLike.question_id == question.id,
            SpeakerQuestionLike.user_id == user.id,
        )
    ).rowcount
    if removed:
        bump(seminar)
    return bool(removed)


def _moderated(question: SpeakerQuestion, actor: User, now: datetime, what: str):
    question.moderated_by_id = actor.id
    question.updated_at = now
    db.session.flush()
    bump(question.seminar)
    log.info("question %s %s by %s", question.id, what, actor.id)


def set_state(
    question: SpeakerQuestion, state: QuestionState, *, actor: User, now: datetime
) -> None:
    """Shortlist a question, mark it answered, or take it back to the new ones.

    :raises SameState: when it is in that state already.
    """
    if question.state is state:
        raise SameState()
    question.state = state
    _moderated(question, actor, now, state.value)


def hide(question: SpeakerQuestion, *, actor: User, now: datetime) -> None:
    """Hide a question from the room (its state is kept for a restore)."""
    if question.is_hidden:
        raise SameState()
    question.hidden_at = now
    _moderated(question, actor, now, "hidden")


def restore(question: SpeakerQuestion, *, actor: User, now: datetime) -> None:
    """Show a hidden question again, in the state it had."""
    if not question.is_hidden:
        raise SameState()
    question.hidden_at = None
    _moderated(question, actor, now, "restored")


def delete_question(question: SpeakerQuestion, *, actor: User) -> None:
    """Delete a question with its likes for good (personal data sent by mistake)."""
    seminar = question.seminar
    db.session.delete(question)
    db.session.flush()
    bump(seminar)
    log.info("question %s deleted by %s", question.id, actor.id)
