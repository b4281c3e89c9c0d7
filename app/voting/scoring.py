"""Results of a ballot: plain data computed from the votes, the same for every view.

Scores per method: *pick* counts the voters who chose a theme; *points* sums the
points; *ranking* gives Borda points (with k places, first gets k, last gets 1).
Themes with equal scores share a rank (1, 1, 3), and the tie is said out loud.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Ballot,
    GroupMembership,
    Phase,
    Theme,
    Vote,
    VoteEntry,
    VoterUnit,
    VotingMethod,
    WorkGroup,
)


@dataclass
class ThemeResult:
    theme: Theme
    score: int = 0
    #: Voters (units) who gave the theme anything.
    voters: int = 0
    #: voters / all voters of the ballot, 0..1.
    share: float = 0.0
    #: Distinct organisations behind those voters.
    organisations: int = 0
    rank: int = 0
    tied: bool = False
    #: Ranking only: how many voters put the theme in each place (index 0 = first).
    places: list[int] = field(default_factory=list)


@dataclass
class BallotResults:
    ballot: Ballot
    #: Units that have voted.
    voters: int
    rows: list[ThemeResult]
    #: How many votes were cast for each work group (None: no group any more).
    votes_per_group: dict[int | None, int] = field(default_factory=dict)

    @property
    def top_score(self) -> int:
        return max((row.score for row in self.rows), default=0)


def borda_points(rank: int, places: int) -> int:
    """Borda count with ``places`` places: first gets ``places``, last gets 1."""
    return places - rank + 1


def _organisation_of_vote() -> sa.ColumnElement:
    """A vote's organisation, as a column of a statement over votes joined with
    their ballots and phases: its group's (a group's vote), or that of the voter's
    first group in the ballot's process (a participant's own vote)."""
    of_group = (
        sa.select(WorkGroup.organisation_id)
        .where(WorkGroup.id == Vote.group_id)
        .scalar_subquery()
    )
    of_voter = (
        sa.select(sa.func.min(WorkGroup.organisation_id))
        .join(GroupMembership, GroupMembership.group_id == WorkGroup.id)
        .where(
            GroupMembership.user_id == Vote.cast_by_id,
            WorkGroup.process_id == Phase.process_id,
        )
        .scalar_subquery()
    )
    return sa.case((Ballot.voter_unit == VoterUnit.GROUP, of_group), else_=of_voter)


def _assign_ranks(rows: list[ThemeResult]) -> None:
    rows.sort(key=lambda row: (-row.score, -row.voters, row.theme.position))
    for index, row in enumerate(rows):
        if index and row.score == rows[index - 1].score:
            row.rank = rows[index - 1].rank
        else:
            row.rank = index + 1
    scores = defaultdict(int)
    for row in rows:
        scores[row.score] += 1
    for row in rows:
        row.tied = scores[row.score] > 1


def compute_results(ballot: Ballot) -> BallotResults:
    """Score every theme still on the ballot from the stored votes."""
    return results_of([ballot])[ballot.id]


def results_of(ballots: list[Ballot]) -> dict[int, BallotResults]:
    """The results of several ballots (by id), from one statement whatever their
    number: every vote (one none of whose themes is still on its ballot counts as a
    voter too), its work group, its organisation and its entries."""
    if not ballots:
        return {}
    read = db.session.execute(
        sa.select(
            Vote.ballot_id,
            Vote.id,
            Vote.group_id,
            _organisation_of_vote(),
            VoteEntry.theme_id,
            VoteEntry.value,
        )
        .join(Ballot, Ballot.id == Vote.ballot_id)
        .join(Phase, Phase.id == Ballot.phase_id)
        .outerjoin(VoteEntry, VoteEntry.vote_id == Vote.id)
        .where(Vote.ballot_id.in_([ballot.id for ballot in ballots]))
        .order_by(Vote.id, VoteEntry.id)
    ).all()
    rows_of: dict[int, list] = defaultdict(list)
    for ballot_id, *row in read:
        rows_of[ballot_id].append(row)
    return {ballot.id: _score(ballot, rows_of[ballot.id]) for ballot in ballots}


def _score(ballot: Ballot, read: list) -> BallotResults:
    """One ballot's results from its rows (vote, group, organisation, theme, value)."""
    options = {option.theme_id: option.theme for option in ballot.options}
    group_of = {vote_id: group_id for vote_id, group_id, *_rest in read}
    voters = len(group_of)
    organisation_of = {vote_id: organisation for vote_id, _g, organisation, *_ in read}
    entries = [
        (vote_id, theme_id, value)
        for vote_id, _group, _organisation, theme_id, value in read
        if theme_id in options
    ]
    places = ballot.max_choices
    rows = {
        theme_id: ThemeResult(
            theme=theme,
            places=[0] * places if ballot.method is VotingMethod.RANKING else [],
        )
        for theme_id, theme in options.items()
    }
    organisations: dict[int, set] = defaultdict(set)
    for vote_id, theme_id, value in entries:
        row = rows[theme_id]
        if ballot.method is VotingMethod.RANKING:
            if not 1 <= value <= places:
                continue  # a rank outside the places (limits changed): not counted
            row.score += borda_points(value, places)
            row.places[value - 1] += 1
        else:
            row.score += value
        row.voters += 1
        organisation = organisation_of.get(vote_id)
        if organisation is not None:
            organisations[theme_id].add(organisation)
    for theme_id, row in rows.items():
        row.share = row.voters / voters if voters else 0.0
        row.organisations = len(organisations[theme_id])
    ordered = list(rows.values())
    _assign_ranks(ordered)
    return BallotResults(
        ballot=ballot,
        voters=voters,
        rows=ordered,
        votes_per_group=dict(Counter(group_of.values())),
    )
