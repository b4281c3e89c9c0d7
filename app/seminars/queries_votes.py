"""Reading quick votes: the open one, the one on the wall, the tally, one's own dots.

The tally of an open vote is two grouped queries whatever the number of ballots; a
closed vote's result is stored on its options, so reading it costs nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import (
    LiveVote,
    LiveVoteBallot,
    LiveVoteDots,
    LiveVoteOption,
    User,
    Workshop,
)


@dataclass(frozen=True)
class TallyRow:
    option: LiveVoteOption
    dots: int
    #: The option's share of every dot given, 0..100 (the bar's length).
    share: float


@dataclass(frozen=True)
class Tally:
    vote: LiveVote
    rows: list[TallyRow]
    voters: int
    dots: int

    @property
    def by_dots(self) -> list[TallyRow]:
        """The rows most dots first (the memo's order); ties in the options' order."""
        return sorted(self.rows, key=lambda row: -row.dots)


def _votes(workshop: Workshop) -> sa.Select:
    return (
        sa.select(LiveVote)
        .where(LiveVote.workshop_id == workshop.id)
        .options(selectinload(LiveVote.options))
    )


def open_vote(workshop: Workshop) -> LiveVote | None:
    """The workshop's open vote (at most one), with its options."""
    return db.session.scalar(_votes(workshop).where(LiveVote.closed_at.is_(None)))


def wall_vote(workshop: Workshop) -> LiveVote | None:
    """The vote the projector shows: the open one, or the last result left up."""
    return db.session.scalar(
        _votes(workshop).where(LiveVote.on_wall.is_(True)).order_by(LiveVote.id.desc())
    )


def votes_of(workshop: Workshop) -> list[LiveVote]:
    """Every vote of the workshop, the first opened first."""
    return list(db.session.scalars(_votes(workshop).order_by(LiveVote.id)))


def live_totals(vote: LiveVote) -> tuple[dict[int, int], int]:
    """({option id: dots}, number of voters) counted from the ballots now."""
    rows = db.session.execute(
        sa.select(LiveVoteDots.option_id, sa.func.sum(LiveVoteDots.dots))
        .join(LiveVoteBallot, LiveVoteBallot.id == LiveVoteDots.ballot_id)
        .where(LiveVoteBallot.vote_id == vote.id)
        .group_by(LiveVoteDots.option_id)
    )
    totals = {option_id: int(dots) for option_id, dots in rows}
    voters = db.session.scalar(
        sa.select(sa.func.count(LiveVoteBallot.id)).where(
            LiveVoteBallot.vote_id == vote.id
        )
    )
    return totals, int(voters or 0)


def tally(vote: LiveVote) -> Tally:
    """The result so far (open) or as stored at the close."""
    if vote.closed_at is None:
        totals, voters = live_totals(vote)
    else:
        totals = {option.id: option.dots for option in vote.options}
        voters = vote.voters
    given = sum(totals.values())
    rows = [
        TallyRow(
            option=option,
            dots=totals.get(option.id, 0),
            share=100 * totals.get(option.id, 0) / given if given else 0.0,
        )
        for option in vote.options
    ]
    return Tally(vote=vote, rows=rows, voters=voters, dots=given)


def dots_of(vote: LiveVote, user: User) -> dict[int, int]:
    """The user's dots per option id ({} before voting)."""
    rows = db.session.execute(
        sa.select(LiveVoteDots.option_id, LiveVoteDots.dots)
        .join(LiveVoteBallot, LiveVoteBallot.id == LiveVoteDots.ballot_id)
        .where(LiveVoteBallot.vote_id == vote.id, LiveVoteBallot.user_id == user.id)
    )
    return {option_id: dots for option_id, dots in rows}


def closed_votes(workshop: Workshop) -> list[Tally]:
    """The results of the workshop's closed votes (the memo), the first first."""
    return [tally(vote) for vote in votes_of(workshop) if vote.closed_at is not None]


def _count_text(vote: LiveVote, count: int) -> str:
    if vote.dots_per_person == 1:
        return ngettext("%(num)d vote", "%(num)d votes", count)
    return ngettext("%(num)d dot", "%(num)d dots", count)


def results_markdown(workshop: Workshop) -> str:
    """The closed votes' results for the workshop memo (Markdown, current locale)."""
    sections = []
    for result in closed_votes(workshop):
        vote = result.vote
        question = " ".join(vote.question.split())
        facts = ngettext(
            "%(num)d person voted.", "%(num)d people voted.", result.voters
        )
        if vote.dots_per_person > 1:
            facts += " " + _("Each had %(num)d dots to give.", num=vote.dots_per_person)
        lines = [f"*{question}* – {facts}", ""]
        lines += [
            f"- {row.option.label}: {_count_text(vote, row.dots)} ({round(row.share)} %)"
            for row in result.by_dots
        ]
        sections.append("\n".join(lines))
    if not sections:
        return ""
    heading = _("Quick votes")
    return f"**{heading}**\n\n" + "\n\n".join(sections)
