"""The live seminar's part of one's own data: quick-vote ballots, questions to the
speakers and likes (as a participant), and the votes opened and questions moderated
(as a facilitator). See queries_own_data.py for what the deletion does with each."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    LiveVote,
    LiveVoteBallot,
    LiveVoteDots,
    LiveVoteOption,
    SpeakerQuestion,
    SpeakerQuestionLike,
    User,
)
from .download_values import all_rows, iso_time, process_ref


def _ballots(user: User) -> list[dict]:
    ballots = all_rows(
        sa.select(LiveVoteBallot)
        .where(LiveVoteBallot.user_id == user.id)
        .order_by(LiveVoteBallot.created_at)
    )
    dots = {}
    if ballots:
        rows = all_rows(
            sa.select(LiveVoteDots).where(
                LiveVoteDots.ballot_id.in_([b.id for b in ballots])
            )
        )
        for row in rows:
            dots.setdefault(row.ballot_id, []).append(row)
    options = {}
    option_ids = [d.option_id for rows in dots.values() for d in rows]
    if option_ids:
        options = {
            option.id: option
            for option in all_rows(
                sa.select(LiveVoteOption).where(LiveVoteOption.id.in_(option_ids))
            )
        }
    votes = {
        vote.id: vote
        for vote in all_rows(
            sa.select(LiveVote).where(LiveVote.id.in_({b.vote_id for b in ballots}))
        )
    }
    return [
        {
            "process": process_ref(votes[b.vote_id].process),
            "question": votes[b.vote_id].question,
            "dots": [
                {"option": options[d.option_id].label, "dots": d.dots}
                for d in dots.get(b.id, [])
            ],
            "created_at": iso_time(b.created_at),
            "updated_at": iso_time(b.updated_at),
        }
        for b in ballots
    ]


def _question(question: SpeakerQuestion) -> dict:
    return {
        "process": process_ref(question.process),
        "question": question.body,
        "state": question.state.value,
        "hidden": question.hidden_at is not None,
        "created_at": iso_time(question.created_at),
    }


def live_records(user: User) -> dict:
    """One's quick-vote ballots, questions to the speakers and likes."""
    questions = all_rows(
        sa.select(SpeakerQuestion)
        .where(SpeakerQuestion.author_id == user.id)
        .order_by(SpeakerQuestion.created_at)
    )
    likes = db.session.execute(
        sa.select(SpeakerQuestion.body, SpeakerQuestionLike.created_at)
        .join(SpeakerQuestion, SpeakerQuestion.id == SpeakerQuestionLike.question_id)
        .where(SpeakerQuestionLike.user_id == user.id)
        .order_by(SpeakerQuestionLike.created_at)
    ).all()
    return {
        "quick_vote_ballots": _ballots(user),
        "questions_to_speakers": [_question(q) for q in questions],
        "question_likes": [
            {"question": body, "created_at": iso_time(created_at)}
            for body, created_at in likes
        ],
    }


def live_staff_records(user: User) -> dict:
    """The quick votes one opened and the questions one moderated last."""
    opened = all_rows(
        sa.select(LiveVote)
        .where(LiveVote.opened_by_id == user.id)
        .order_by(LiveVote.opened_at)
    )
    moderated = all_rows(
        sa.select(SpeakerQuestion)
        .where(SpeakerQuestion.moderated_by_id == user.id)
        .order_by(SpeakerQuestion.created_at)
    )
    return {
        "quick_votes_opened": [
            {
                "process": process_ref(vote.process),
                "question": vote.question,
                "opened_at": iso_time(vote.opened_at),
                "closed_at": iso_time(vote.closed_at),
            }
            for vote in opened
        ],
        "questions_moderated": [_question(q) for q in moderated],
    }
