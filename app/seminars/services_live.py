"""Live capture in a workshop: notes from phones, the facilitator's moves, the methods.

Notes are Comment rows on the workshop's prompts, posted on behalf of a work group, so
the sanitiser, moderation, audit log and summaries treat them like discussion
comments. Every change bumps ``Workshop.live_version`` with one UPDATE (no read, no
lost update under concurrency): it is the projector's ETag. Services take the actor
and ``now`` explicitly, flush and leave the commit to the route.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from .. import comments
from ..discussions import services_moderation as moderation
from ..errors import DomainError, NotAllowed
from ..extensions import db
from ..models import (
    Comment,
    Phase,
    Prompt,
    Seminar,
    User,
    WorkGroup,
    Workshop,
    WorkshopMethod,
)
from ..ordering import in_order
from ..permissions import PhaseState, window_state

log = logging.getLogger("osallistamo.seminars")

NOTE_MAX_LENGTH = 500
#: Phones may start a little early (people arrive) and finish late (the wrap-up).
OPENS_BEFORE = timedelta(minutes=30)
CLOSES_AFTER = timedelta(minutes=60)


class CaptureNotOpen(
    DomainError,
    message=_l(
        "The seminar has not started yet: notes can be added from 30 minutes before"
        " it starts."
    ),
): ...


class CaptureClosed(
    DomainError, message=_l("The seminar is over, so notes can no longer be added.")
): ...


class EmptyNote(DomainError, message=_l("Write the note before sending it.")): ...


class NoteTooLong(
    DomainError,
    message=_l(
        "The note is too long: at most %(max)d characters.", max=NOTE_MAX_LENGTH
    ),
): ...


class NotThisWorkshop(DomainError, message=_l("That belongs to another workshop.")): ...


class UseMarks(
    DomainError, message=_l("A feeling line collects marks on a scale, not notes.")
): ...


class CannotMergeIntoItself(
    DomainError, message=_l("A note cannot be merged into itself.")
): ...


class CannotMergeIntoMerged(
    DomainError,
    message=_l("That note is itself merged into another: merge into that one."),
): ...


class NotMerged(DomainError, message=_l("This note is not merged into another.")): ...


def bump(owner: Workshop | Seminar) -> None:
    """Tell the live views something changed: one atomic UPDATE of the workshop's (or
    the seminar's, for its questions to the speakers) ``live_version``, then re-read
    lazily."""
    model = type(owner)
    db.session.execute(
        sa.update(model)
        .where(model.id == owner.id)
        .values(live_version=model.live_version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(owner, ["live_version"])


# When the room is open --------------------------------------------------------


def seminar_window(phase: Phase) -> tuple[datetime | None, datetime | None]:
    """From 30 minutes before the seminar phase starts to an hour after it ends: when
    phones add notes, and ask and like questions to the speakers."""
    opens = phase.starts_at - OPENS_BEFORE if phase.starts_at else None
    closes = phase.ends_at + CLOSES_AFTER if phase.ends_at else None
    return opens, closes


def capture_window(workshop: Workshop) -> tuple[datetime | None, datetime | None]:
    """The seminar's window (:func:`seminar_window`) for its workshop's notes."""
    return seminar_window(workshop.block.seminar.phase)


def capture_open(workshop: Workshop, now: datetime) -> bool:
    opens, closes = capture_window(workshop)
    return opens is not None and opens <= now and (closes is None or now < closes)


def capture_state(workshop: Workshop, now: datetime) -> PhaseState:
    """Before, during or after the capture window: what the phone page says and offers."""
    opens, closes = capture_window(workshop)
    return window_state(opens, closes, now)


def require_capture_open(workshop: Workshop, now: datetime) -> None:
    opens, closes = capture_window(workshop)
    if opens is None or now < opens:
        raise CaptureNotOpen()
    if closes is not None and now >= closes:
        raise CaptureClosed()


def require_member(workshop: Workshop, user: User) -> None:
    if not workshop.process.has_member(user):
        raise NotAllowed()


# Notes ------------------------------------------------------------------------


def add_note(
    prompt: Prompt,
    *,
    author: User,
    group: WorkGroup,
    body: str,
    now: datetime,
    submission_key: str | None = None,
) -> tuple[Comment, bool]:
    """Add a short note to a workshop prompt on behalf of the author's work group.

    A form sent twice with the same ``submission_key`` gives back the first note.

    :raises CaptureNotOpen, CaptureClosed: outside the seminar's hours.
    :raises NotInGroup: if the author is not a member of the process's group.
    :raises UseMarks: for a feeling line's statement.
    :raises EmptyNote, NoteTooLong: for the text.
    """
    existing = comments.find_resent(author, submission_key)
    if existing is not None:
        return existing, False
    workshop = prompt.workshop
    if workshop is None:
        raise NotThisWorkshop()
    require_capture_open(workshop, now)
    if workshop.method is WorkshopMethod.FEELING_LINE:
        raise UseMarks()
    comments.require_member(author, group, workshop.process)
    body = comments.clean_text(
        body, limit=NOTE_MAX_LENGTH, empty=EmptyNote, too_long=NoteTooLong
    )
    note, created = comments.post(
        prompt,
        author=author,
        group=group,
        body=body,
        now=now,
        submission_key=submission_key,
    )
    if created:
        bump(workshop)
        log.info("note %s added to prompt %s by user %s", note.id, prompt.id, author.id)
    return note, created


def _same_workshop(note: Comment, prompt: Prompt) -> Workshop:
    workshop = note.prompt.workshop
    if workshop is None or prompt.workshop_id != workshop.id:
        raise NotThisWorkshop()
    return workshop


def _move_cluster(
    note: Comment,
    prompt_id: int,
    workshop: Workshop,
    now: datetime,
    merged_into_id: int | None = None,
) -> None:
    """Put a note and the duplicates merged into it at ``prompt_id`` together (and
    merge them all into ``merged_into_id`` when given: a cluster stays one level deep),
    then refresh the wall."""
    duplicates = db.session.scalars(
        sa.select(Comment).where(Comment.merged_into_id == note.id)
    )
    for moved in [note, *duplicates]:
        moved.prompt_id = prompt_id
        if merged_into_id is not None:
            moved.merged_into_id = merged_into_id
        moved.updated_at = now
    db.session.flush()
    db.session.expire(note, ["prompt"])
    bump(workshop)


def move_note(note: Comment, to_prompt: Prompt, *, actor: User, now: datetime) -> bool:
    """Move a note (with the duplicates merged into it) to another prompt or station.

    :raises NotThisWorkshop: for a prompt of another workshop.
    """
    workshop = _same_workshop(note, to_prompt)
    if note.prompt_id == to_prompt.id:
        return False
    _move_cluster(note, to_prompt.id, workshop, now)
    log.info("note %s moved to prompt %s by user %s", note.id, to_prompt.id, actor.id)
    return True


def merge_notes(
    duplicate: Comment, into: Comment, *, actor: User, now: datetime
) -> None:
    """Merge a duplicate into another note: shown with it, counted once.

    The duplicate joins its target's prompt, and notes already merged into the
    duplicate follow it, so a cluster is always one level deep.

    :raises NotThisWorkshop, CannotMergeIntoItself, CannotMergeIntoMerged:
    """
    workshop = _same_workshop(duplicate, into.prompt)
    if duplicate.id == into.id:
        raise CannotMergeIntoItself()
    if into.merged_into_id is not None:
        raise CannotMergeIntoMerged()
    _move_cluster(duplicate, into.prompt_id, workshop, now, merged_into_id=into.id)
    log.info("note %s merged into %s by user %s", duplicate.id, into.id, actor.id)


def unmerge_note(note: Comment, *, actor: User, now: datetime) -> None:
    """Show a merged note on its own again (it stays at its target's prompt)."""
    if note.merged_into_id is None:
        raise NotMerged()
    note.merged_into_id = None
    note.updated_at = now
    db.session.flush()
    bump(note.prompt.workshop)
    log.info("note %s unmerged by user %s", note.id, actor.id)


def hide_note(note: Comment, *, actor: User, reason: str, now: datetime):
    """Hide a note with the moderation service (audit log), then refresh the wall."""
    event = moderation.hide_comment(note, actor=actor, reason=reason, now=now)
    bump(note.prompt.workshop)
    return event


def restore_note(note: Comment, *, actor: User, reason: str = "", now: datetime):
    event = moderation.restore_comment(note, actor=actor, reason=reason, now=now)
    bump(note.prompt.workshop)
    return event


# Moving the session forward ---------------------------------------------------


def set_current_prompt(
    workshop: Workshop, prompt: Prompt | None, *, actor: User
) -> None:
    """Point the room (projector, phones) at a prompt; None: nothing yet."""
    if prompt is not None and prompt.workshop_id != workshop.id:
        raise NotThisWorkshop()
    workshop.current_prompt_id = prompt.id if prompt is not None else None
    db.session.flush()
    bump(workshop)
    log.info(
        "workshop %s now at prompt %s (user %s)",
        workshop.id,
        workshop.current_prompt_id,
        actor.id,
    )


def _step(workshop: Workshop, step: int, actor: User) -> Prompt | None:
    prompts = in_order(workshop.prompts)
    if not prompts:
        return None
    ids = [prompt.id for prompt in prompts]
    if workshop.current_prompt_id in ids:
        index = ids.index(workshop.current_prompt_id) + step
    else:
        index = 0 if step > 0 else len(prompts) - 1
    if not 0 <= index < len(prompts):
        return None  # at either end: nothing changes
    set_current_prompt(workshop, prompts[index], actor=actor)
    return prompts[index]


def next_prompt(workshop: Workshop, *, actor: User) -> Prompt | None:
    """The next prompt (a process walk's "next station" signal); None at the end."""
    return _step(workshop, 1, actor)


def previous_prompt(workshop: Workshop, *, actor: User) -> Prompt | None:
    return _step(workshop, -1, actor)
