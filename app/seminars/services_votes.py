"""Quick votes on a workshop's wall: opened by the facilitator, voted from phones.

The options are typed in (2–10) or are notes of the wall (brainstorm, group, then
dot-vote). Each person has one ballot per vote, changed in place while the vote is
open, and spreads at most ``dots_per_person`` dots over the options. The database
keeps the rules that races could break: one open vote per workshop (a partial
unique index), one ballot per person and vote, one row of dots per ballot and
option. Every change bumps the workshop's ``live_version``, the projector's ETag.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..comments import insert_or_existing
from ..errors import DomainError
from ..extensions import db
from ..models import (
    MAX_DOTS,
    Comment,
    LiveVote,
    LiveVoteBallot,
    LiveVoteDots,
    LiveVoteOption,
    User,
    Workshop,
)
from .queries_votes import live_totals
from .services_live import NotThisWorkshop, bump, require_member

log = logging.getLogger("osallistamo.seminars")

QUESTION_MAX_LENGTH = 300
OPTION_MAX_LENGTH = 200
MIN_OPTIONS = 2
MAX_TYPED_OPTIONS = 10
#: A brainstorm's wall may have more piles than anyone types in.
MAX_NOTE_OPTIONS = 20


class VoteAlreadyOpen(
    DomainError,
    message=_l(
        "A quick vote is already open in this workshop. Close it before opening"
        " a new one."
    ),
): ...


class EmptyQuestion(DomainError, message=_l("Write the question of the vote.")): ...


class QuestionTooLong(
    DomainError,
    message=_l(
        "The question is too long: at most %(max)d characters.",
        max=QUESTION_MAX_LENGTH,
    ),
): ...


class TooFewOptions(
    DomainError, message=_l("Give at least %(min)d options.", min=MIN_OPTIONS)
): ...


class TooManyOptions(DomainError):
    def __init__(self, limit: int):
        super().__init__(_l("Give at most %(max)d options.", max=limit))


class TooFewNotes(
    DomainError,
    message=_l("Choose at least %(min)d notes as the options.", min=MIN_OPTIONS),
): ...


class OptionTooLong(
    DomainError,
    message=_l(
        "An option is too long: at most %(max)d characters each.",
        max=OPTION_MAX_LENGTH,
    ),
): ...


class SameOptionTwice(DomainError):
    def __init__(self, option: str):
        super().__init__(_l("The option “%(option)s” is given twice.", option=option))


class DotsOutOfRange(
    DomainError,
    message=_l("Each person may give from 1 to %(max)d dots.", max=MAX_DOTS),
): ...


class VoteClosed(
    DomainError, message=_l("The vote has closed, so it no longer takes votes.")
): ...


class NotAnOption(DomainError, message=_l("Choose among the vote's options.")): ...


class NothingChosen(
    DomainError, message=_l("Choose an option before sending your vote.")
): ...


class TooManyDots(DomainError):
    def __init__(self, limit: int):
        super().__init__(
            _l(
                "You have %(max)d dots in all: take some away and send again.",
                max=limit,
            )
        )


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _question(text: str) -> str:
    question = _one_line(text)
    if not question:
        raise EmptyQuestion()
    if len(question) > QUESTION_MAX_LENGTH:
        raise QuestionTooLong()
    return question


def _open(
    workshop: Workshop,
    question: str,
    options: list[tuple[str, int | None]],
    dots_per_person: int,
    actor: User,
    now: datetime,
) -> LiveVote:
    """Insert the vote and its options; a vote open already (or a moment ago) wins."""
    if not 1 <= dots_per_person <= MAX_DOTS:
        raise DotsOutOfRange()
    if db.session.scalar(
        sa.select(LiveVote.id).where(
            LiveVote.workshop_id == workshop.id, LiveVote.closed_at.is_(None)
        )
    ):
        raise VoteAlreadyOpen()
    # The new vote takes the wall from the earlier results.
    db.session.execute(
        sa.update(LiveVote)
        .where(LiveVote.workshop_id == workshop.id, LiveVote.on_wall.is_(True))
        .values(on_wall=False)
        .execution_options(synchronize_session=False)
    )
    vote = LiveVote(
        workshop_id=workshop.id,
        question=question,
        dots_per_person=dots_per_person,
        opened_at=now,
        opened_by_id=actor.id,
        options=[
            LiveVoteOption(position=n, label=label, comment_id=comment_id)
            for n, (label, comment_id) in enumerate(options)
        ],
    )
    try:
        with db.session.begin_nested():
            db.session.add(vote)
    except IntegrityError:
        raise VoteAlreadyOpen() from None
    bump(workshop)
    log.info(
        "quick vote %s opened in workshop %s by %s", vote.id, workshop.id, actor.id
    )
    return vote


def open_vote(
    workshop: Workshop,
    *,
    question: str,
    options: list[str],
    dots_per_person: int = 1,
    actor: User,
    now: datetime,
) -> LiveVote:
    """Open a quick vote with typed options (blank lines ignored).

    :raises VoteAlreadyOpen: while another vote of the workshop is open.
    :raises EmptyQuestion, QuestionTooLong, TooFewOptions, TooManyOptions,
        OptionTooLong, SameOptionTwice, DotsOutOfRange: for what was typed.
    """
    question = _question(question)
    labels = [line for line in (_one_line(o) for o in options) if line]
    if len(labels) < MIN_OPTIONS:
        raise TooFewOptions()
    if len(labels) > MAX_TYPED_OPTIONS:
        raise TooManyOptions(MAX_TYPED_OPTIONS)
    seen: set[str] = set()
    for label in labels:
        if len(label) > OPTION_MAX_LENGTH:
            raise OptionTooLong()
        if label.casefold() in seen:
            raise SameOptionTwice(label)
        seen.add(label.casefold())
    return _open(
        workshop,
        question,
        [(label, None) for label in labels],
        dots_per_person,
        actor,
        now,
    )


def open_vote_from_notes(
    workshop: Workshop,
    *,
    question: str,
    notes: list[Comment],
    dots_per_person: int = 1,
    actor: User,
    now: datetime,
) -> LiveVote:
    """Open a quick vote whose options are notes of the wall (their text as it is now).

    :raises NotThisWorkshop: for a note of another workshop.
    :raises TooFewNotes, TooManyOptions: for the number of notes.
    """
    question = _question(question)
    unique = list({note.id: note for note in notes}.values())
    if len(unique) < MIN_OPTIONS:
        raise TooFewNotes()
    if len(unique) > MAX_NOTE_OPTIONS:
        raise TooManyOptions(MAX_NOTE_OPTIONS)
    for note in unique:
        if note.prompt.workshop_id != workshop.id:
            raise NotThisWorkshop()
    options = []
    for note in unique:
        label = _one_line(note.body)
        if len(label) > OPTION_MAX_LENGTH:
            label = label[: OPTION_MAX_LENGTH - 1].rstrip() + "…"
        options.append((label, note.id))
    return _open(workshop, question, options, dots_per_person, actor, now)


def _checked_dots(vote: LiveVote, dots: dict[int, int]) -> dict[int, int]:
    """The dots per option without zeros, within the vote's rules."""
    option_ids = {option.id for option in vote.options}
    given = {option_id: n for option_id, n in dots.items() if n}
    if any(option_id not in option_ids for option_id in given):
        raise NotAnOption()
    if any(n < 0 or n > vote.dots_per_person for n in given.values()):
        raise TooManyDots(vote.dots_per_person)
    if not given:
        raise NothingChosen()
    if sum(given.values()) > vote.dots_per_person:
        raise TooManyDots(vote.dots_per_person)
    return given


def cast(
    vote: LiveVote, *, voter: User, dots: dict[int, int], now: datetime
) -> tuple[LiveVoteBallot, bool]:
    """Give (or change) the voter's dots: {option id: dots}; True for a first ballot.

    The vote's row is read with a share lock, so closing waits for a ballot being
    written and no ballot lands after the close. A second ballot racing the first
    (two tabs) becomes a change of the one ballot, which is locked while its dots
    are replaced.

    :raises NotAllowed: for someone outside the process's work groups.
    :raises VoteClosed: once the facilitator has closed the vote.
    :raises NotAnOption, NothingChosen, TooManyDots: for the dots given.
    """
    require_member(vote.workshop, voter)
    closed_at = db.session.scalar(
        sa.select(LiveVote.closed_at)
        .where(LiveVote.id == vote.id)
        .with_for_update(read=True)
    )
    if closed_at is not None:
        raise VoteClosed()
    given = _checked_dots(vote, dots)

    def find() -> LiveVoteBallot | None:
        return db.session.scalar(
            sa.select(LiveVoteBallot)
            .where(
                LiveVoteBallot.vote_id == vote.id, LiveVoteBallot.user_id == voter.id
            )
            .with_for_update()
        )

    ballot = find()
    created = False
    if ballot is None:
        ballot, created = insert_or_existing(
            LiveVoteBallot(
                vote_id=vote.id, user_id=voter.id, created_at=now, updated_at=now
            ),
            find,
        )
    if not created:
        db.session.execute(
            sa.delete(LiveVoteDots).where(LiveVoteDots.ballot_id == ballot.id)
        )
        ballot.updated_at = now
    db.session.add_all(
        LiveVoteDots(ballot_id=ballot.id, option_id=option_id, dots=n)
        for option_id, n in given.items()
    )
    db.session.flush()
    bump(vote.workshop)
    log.info("quick vote %s: ballot of user %s", vote.id, voter.id)
    return ballot, created


def close_vote(vote: LiveVote, *, actor: User, now: datetime) -> LiveVote:
    """Close the vote and store its result (dots per option, number of voters).

    :raises VoteClosed: when it is closed already.
    """
    if vote.closed_at is not None:
        raise VoteClosed(_l("The vote is already closed."))
    totals, voters = live_totals(vote)
    for option in vote.options:
        option.dots = totals.get(option.id, 0)
    vote.voters = voters
    vote.closed_at = now
    db.session.flush()
    bump(vote.workshop)
    log.info("quick vote %s closed by %s", vote.id, actor.id)
    return vote


def take_off_wall(vote: LiveVote, *, actor: User) -> None:
    """The projector goes back to the notes (the result stays in the memo)."""
    vote.on_wall = False
    db.session.flush()
    bump(vote.workshop)
    log.info("quick vote %s taken off the wall by %s", vote.id, actor.id)


def delete_vote(vote: LiveVote, *, actor: User) -> None:
    """Delete the vote with its ballots (one opened by mistake, say)."""
    workshop = vote.workshop
    db.session.delete(vote)
    db.session.flush()
    bump(workshop)
    log.info("quick vote %s deleted by %s", vote.id, actor.id)
