"""Turn the seminars' live extras (``content/live.toml``) into rows: questions to the
speakers with their likes and marks, and quick votes with their ballots.

Everything goes through the app's own services (``services_questions``,
``services_votes``) at the times the data gives, so the rules hold as in the room:
one like per person and never one's own, one ballot per person, a closed vote's
result stored by ``close_vote``. Call after ``load_notes`` (a vote's options may be
notes of the wall) and before ``load_memos`` (the memos carry the results).

A question is found again by its author and submission key, a vote by its workshop
and question, so loading twice creates nothing new. What was done while trying the
demo stays: a question marked, hidden or restored, a vote voted in, closed or
deleted. A reload on another day only moves the demo's own times; a vote of the
demo's that was deleted while someone else's is open in the room is not opened again.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from ..auth.services import find_user_by_email
from ..extensions import db
from ..models import (
    AgendaItem,
    Comment,
    LiveVote,
    LiveVoteBallot,
    Process,
    Prompt,
    QuestionState,
    Role,
    Seminar,
    SpeakerQuestion,
    SpeakerQuestionLike,
    User,
    Workshop,
)
from ..seminars import services_questions as questions
from ..seminars import services_votes as votes
from .base import LoadReport, at_position, participant

log = logging.getLogger("osallistamo.demo")


def load_live(process: Process, spec: dict | None, report: LoadReport) -> None:
    """Create the demo's questions to the speakers and quick votes; flush."""
    if not spec:
        return
    db.session.flush()  # ids for the natural-key queries below
    facilitator = find_user_by_email(spec["by"])
    groups = {group.name: group for group in process.work_groups}
    people = {
        membership.user.name: membership.user
        for group in process.work_groups
        for membership in group.memberships
        if membership.user.role is Role.PARTICIPANT
    }
    for data in spec["seminars"]:
        phase = at_position(process.phases, data["phase"])
        seminar = phase.seminar if phase is not None else None
        if seminar is None:
            continue
        room = [people[name] for name in data["room"]]
        for question in data["questions"]:
            author = participant(groups[question["group"]], question["author"], report)
            if author.id is None:
                db.session.flush()
            _question(seminar, question, author, room, facilitator, report)
        for vote in data["votes"]:
            workshop = _workshop(seminar, vote)
            if workshop is not None:
                _vote(workshop, vote, room, facilitator, report)
    db.session.flush()


# Questions to the speakers -------------------------------------------------------------


def _question(
    seminar: Seminar,
    data: dict,
    author: User,
    room: list[User],
    facilitator: User,
    report: LoadReport,
) -> None:
    existing = db.session.scalar(
        sa.select(SpeakerQuestion).where(
            SpeakerQuestion.author_id == author.id,
            SpeakerQuestion.submission_key == data["key"],
        )
    )
    likers = [user for user in room if user.id != author.id][: data.get("likes", 0)]
    if len(likers) < data.get("likes", 0):
        raise ValueError(f"demo question {data['key']}: more likes than people")
    if existing is not None:
        _move_question(existing, data, likers, report)
        return
    talk = at_position(seminar.agenda, data["talk"])
    question, _ = questions.ask(
        seminar,
        talk=talk,
        author=author,
        group=author_group(author, data["group"]),
        body=data["body"],
        now=data["at"],
        submission_key=data["key"],
    )
    report.created["speaker question"] += 1
    for user, at in zip(likers, data["liked_at"], strict=True):
        questions.like(question, user=user, now=at)
        report.created["question like"] += 1
    if data["state"] is not QuestionState.NEW:
        questions.set_state(
            question, data["state"], actor=facilitator, now=data["marked_at"]
        )
    if data["hidden"]:
        questions.hide(question, actor=facilitator, now=data["marked_at"])


def author_group(author: User, name: str):
    """The author's work group of this name (``participant`` made them a member)."""
    return next(m.group for m in author.memberships if m.group.name == name)


def _move_question(
    question: SpeakerQuestion, data: dict, likers: list[User], report: LoadReport
) -> None:
    """A reload on another day: the question, its likes and marks move with the demo."""
    if question.created_at == data["at"]:
        return
    question.created_at = data["at"]
    question.updated_at = data["marked_at"] if question.moderated_by_id else data["at"]
    if question.hidden_at is not None:
        question.hidden_at = data["marked_at"]
    times = {user.id: at for user, at in zip(likers, data["liked_at"], strict=True)}
    for like in db.session.scalars(
        sa.select(SpeakerQuestionLike).where(
            SpeakerQuestionLike.question_id == question.id
        )
    ):
        if like.user_id in times:
            like.created_at = times[like.user_id]
    report.updated["speaker question"] += 1


# Quick votes ----------------------------------------------------------------------------


def _workshop(seminar: Seminar, data: dict) -> Workshop | None:
    item: AgendaItem | None = at_position(seminar.agenda, data["agenda_item"])
    return at_position(item.workshops, data["workshop"]) if item is not None else None


def _notes(workshop: Workshop, keys: list[str]) -> list[Comment]:
    """The wall's notes by their submission keys, in the data's order."""
    found = {
        note.submission_key: note
        for note in db.session.scalars(
            sa.select(Comment)
            .join(Prompt, Comment.prompt_id == Prompt.id)
            .where(Prompt.workshop_id == workshop.id, Comment.submission_key.in_(keys))
        )
    }
    return [found[key] for key in keys]


def _vote(
    workshop: Workshop,
    data: dict,
    room: list[User],
    facilitator: User,
    report: LoadReport,
) -> None:
    if len(data["ballots"]) > len(room):
        raise ValueError(f"demo vote {data['question']!r}: more ballots than people")
    voters = room[: len(data["ballots"])]
    vote = db.session.scalar(
        sa.select(LiveVote).where(
            LiveVote.workshop_id == workshop.id,
            LiveVote.question == data["question"],
        )
    )
    if vote is not None:
        _move_vote(vote, data, voters, report)
        return
    opening = {
        "question": data["question"],
        "dots_per_person": data.get("dots", 1),
        "actor": facilitator,
        "now": data["opened_at"],
    }
    try:
        if "notes" in data:
            notes = _notes(workshop, data["notes"])
            vote = votes.open_vote_from_notes(workshop, notes=notes, **opening)
        else:
            vote = votes.open_vote(workshop, options=data["options"], **opening)
    except votes.VoteAlreadyOpen:
        # Someone trying the demo has a vote of their own open in this room.
        log.info("demo vote %r not opened: another vote is open", data["question"])
        return
    db.session.flush()
    report.created["quick vote"] += 1
    options = vote.options
    for voter, ballot, at in zip(voters, data["ballots"], data["cast_at"], strict=True):
        if isinstance(ballot, int):
            dots = {options[ballot - 1].id: 1}
        else:
            dots = {option.id: n for option, n in zip(options, ballot, strict=True)}
        votes.cast(vote, voter=voter, dots=dots, now=at)
        report.created["quick vote ballot"] += 1
    if data["closed_at"] is not None:
        votes.close_vote(vote, actor=facilitator, now=data["closed_at"])
        # The room went back to its notes; the result stays in the memo.
        votes.take_off_wall(vote, actor=facilitator)


def _move_vote(
    vote: LiveVote, data: dict, voters: list[User], report: LoadReport
) -> None:
    """A reload on another day: the vote and its ballots move with the demo."""
    if vote.opened_at == data["opened_at"]:
        return
    vote.opened_at = data["opened_at"]
    if vote.closed_at is not None and data["closed_at"] is not None:
        vote.closed_at = data["closed_at"]
    times = {user.id: at for user, at in zip(voters, data["cast_at"], strict=True)}
    for ballot in db.session.scalars(
        sa.select(LiveVoteBallot).where(LiveVoteBallot.vote_id == vote.id)
    ):
        if ballot.user_id in times:
            ballot.created_at = ballot.updated_at = times[ballot.user_id]
    report.updated["quick vote"] += 1
