"""Methods with their own live data: open-space topics proposed by participants and
feeling-line marks on a scale. Notes and the room's rhythm are in services_live.py."""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..comments import clean_text, insert_or_existing
from ..errors import DomainError
from ..extensions import db
from ..models import (
    FeelingMark,
    Prompt,
    User,
    Workshop,
    WorkshopMethod,
)
from . import services_workshops
from .services_live import bump, require_capture_open, require_member

log = logging.getLogger("osallistamo.seminars")

TOPIC_MAX_LENGTH = 200
MAX_TOPICS = 30


class NotOpenSpace(
    DomainError, message=_l("Topics are proposed only in an open-space workshop.")
): ...


class EmptyTopic(DomainError, message=_l("Write the topic before sending it.")): ...


class TopicTooLong(
    DomainError,
    message=_l(
        "The topic is too long: at most %(max)d characters.", max=TOPIC_MAX_LENGTH
    ),
): ...


class TooManyTopics(
    DomainError, message=_l("This workshop already has %(max)d topics.", max=MAX_TOPICS)
): ...


class NotAFeelingLine(
    DomainError,
    message=_l("Marks are placed only on the statements of a feeling line."),
): ...


class MarkOffScale(DomainError, message=_l("Choose a value from 1 to 5.")): ...


# Open space --------------------------------------------------------------------


def propose_topic(
    workshop: Workshop, *, author: User, question: str, now: datetime
) -> Prompt:
    """A participant proposes an open-space topic; it becomes one of the prompts.

    :raises NotOpenSpace, CaptureNotOpen, CaptureClosed, NotAllowed, EmptyTopic,
        TopicTooLong, TooManyTopics:
    """
    if workshop.method is not WorkshopMethod.OPEN_SPACE:
        raise NotOpenSpace()
    require_capture_open(workshop, now)
    require_member(workshop, author)
    text = clean_text(
        question, limit=TOPIC_MAX_LENGTH, empty=EmptyTopic, too_long=TopicTooLong
    )
    if len(workshop.prompts) >= MAX_TOPICS:
        raise TooManyTopics()
    last = max((prompt.position for prompt in workshop.prompts), default=0)
    topic = Prompt(
        position=last + 1,
        question={workshop.process.language: text},
        guidance={},
        guidance_html={},
        proposed_by_id=author.id,
    )
    workshop.prompts.append(topic)
    db.session.flush()
    bump(workshop)
    log.info(
        "topic %s proposed in workshop %s by user %s", topic.id, workshop.id, author.id
    )
    return topic


def delete_topic(topic: Prompt, *, actor: User) -> None:
    """The facilitator removes an open-space topic, with its notes."""
    workshop = topic.workshop
    if workshop is None or workshop.method is not WorkshopMethod.OPEN_SPACE:
        raise NotOpenSpace()
    services_workshops.delete_workshop_prompt(topic)
    db.session.flush()
    bump(workshop)
    log.info(
        "topic %s deleted from workshop %s by user %s", topic.id, workshop.id, actor.id
    )


# Feeling line ------------------------------------------------------------------


def _mark_of(prompt: Prompt, user: User) -> FeelingMark | None:
    return db.session.scalar(
        sa.select(FeelingMark).where(
            FeelingMark.prompt_id == prompt.id, FeelingMark.user_id == user.id
        )
    )


def mark_of(prompt: Prompt, user: User) -> int | None:
    mark = _mark_of(prompt, user)
    return mark.value if mark is not None else None


def set_mark(
    prompt: Prompt, *, user: User, value: int, now: datetime
) -> tuple[FeelingMark, bool]:
    """Place (or move) the person's mark on a statement; True when it is new.

    :raises NotAFeelingLine, MarkOffScale, CaptureNotOpen, CaptureClosed, NotAllowed:
    """
    workshop = prompt.workshop
    if workshop is None or workshop.method is not WorkshopMethod.FEELING_LINE:
        raise NotAFeelingLine()
    if not isinstance(value, int) or not 1 <= value <= 5:
        raise MarkOffScale()
    require_capture_open(workshop, now)
    require_member(workshop, user)
    mark = _mark_of(prompt, user)
    created = False
    if mark is None:
        # If the same person's other tab wins, this value replaces theirs.
        mark, created = insert_or_existing(
            FeelingMark(
                prompt_id=prompt.id,
                user_id=user.id,
                value=value,
                created_at=now,
                updated_at=now,
            ),
            lambda: _mark_of(prompt, user),
        )
    if not created:
        mark.value = value
        mark.updated_at = now
    db.session.flush()
    bump(workshop)
    return mark, created
