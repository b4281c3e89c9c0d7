"""What facilitators see of the votes themselves: turnout, and the raw votes for audit.

Turnout answers "who has voted, who not yet" per work group; the export lists every
vote entry with who cast it for which unit and when, so a result can be checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l

from ..comments import process_groups
from ..extensions import db
from ..i18n import localized, to_helsinki
from ..models import (
    Ballot,
    GroupMembership,
    Vote,
    VoteEntry,
    VoterUnit,
    VotingMethod,
    WorkGroup,
)
from .services import unit_key


@dataclass
class GroupTurnout:
    group: WorkGroup
    #: Per work group: the group's vote, or None when it has not voted.
    vote: Vote | None = None
    #: Per participant: how many of the group's members have voted, of how many.
    members: int = 0
    voted_members: int = 0


@dataclass
class Turnout:
    ballot: Ballot
    rows: list[GroupTurnout] = field(default_factory=list)
    #: All votes stored, including those of people or groups since removed.
    votes: int = 0
    #: The units that could vote (groups, or distinct members) and those that did.
    eligible: int = 0
    voted: int = 0

    @property
    def per_group(self) -> bool:
        return self.ballot.voter_unit is VoterUnit.GROUP

    @property
    def not_voted(self) -> int:
        return self.eligible - self.voted


def _votes(ballot: Ballot) -> list[Vote]:
    return list(
        db.session.scalars(
            sa.select(Vote)
            .where(Vote.ballot_id == ballot.id)
            .options(
                so.selectinload(Vote.cast_by),
                so.selectinload(Vote.group).selectinload(WorkGroup.organisation),
                so.selectinload(Vote.entries).selectinload(VoteEntry.theme),
            )
            .order_by(Vote.cast_at, Vote.id)
        )
    )


def turnout(ballot: Ballot) -> Turnout:
    """Per work group of the process: voted or not (group unit), or how many of its
    members voted (participant unit), with the totals."""
    votes = {vote.unit_key: vote for vote in _votes(ballot)}
    groups = sorted(ballot.process.work_groups, key=lambda group: group.name.lower())
    result = Turnout(ballot=ballot, votes=len(votes))
    if result.per_group:
        for group in groups:
            vote = votes.get(unit_key(ballot, None, group))
            result.rows.append(GroupTurnout(group=group, vote=vote))
        result.eligible = len(groups)
        result.voted = sum(1 for row in result.rows if row.vote is not None)
        return result
    everyone: set[int] = set()
    for group in groups:
        members = [membership.user for membership in group.memberships]
        voted = [
            member for member in members if unit_key(ballot, member, group) in votes
        ]
        everyone.update(member.id for member in members)
        result.rows.append(
            GroupTurnout(group=group, members=len(members), voted_members=len(voted))
        )
    result.eligible = len(everyone)
    result.voted = sum(1 for user_id in everyone if f"user:{user_id}" in votes)
    return result


@dataclass
class GroupVoters:
    """How many of a group's places, members and votes a ballot saw (issue 16: a
    group that joined again and again to vote more shows here)."""

    #: None: votes whose work group has since been deleted.
    group: WorkGroup | None
    members: int
    votes: int
    #: Of the votes, those whose voter's account has since been deleted.
    votes_of_deleted_accounts: int = 0

    @property
    def seats(self) -> int | None:
        return self.group.seats if self.group is not None else None

    @property
    def over_members(self) -> bool:
        """More votes than members: some voters have left (worth a look)."""
        return self.group is not None and self.votes > self.members


def voters_per_group(ballot: Ballot) -> list[GroupVoters]:
    """Every work group of the process with its places, members and the votes cast
    for it in this ballot (a person's or the group's), by name; votes of deleted
    groups last."""
    votes: dict[int | None, int] = {}
    deleted: dict[int | None, int] = {}
    # One grouped count: all the votes of each group, and those of deleted accounts.
    for group_id, all_votes, of_deleted in db.session.execute(
        sa.select(
            Vote.group_id,
            sa.func.count(Vote.id),
            sa.func.count(Vote.id).filter(Vote.unit_key.like("deleted:%")),
        )
        .where(Vote.ballot_id == ballot.id)
        .group_by(Vote.group_id)
    ):
        votes[group_id] = all_votes
        if of_deleted:
            deleted[group_id] = of_deleted
    # The groups with their organisations and how many members each has.
    member_count = (
        sa.select(sa.func.count(GroupMembership.id))
        .where(GroupMembership.group_id == WorkGroup.id)
        .correlate(WorkGroup)
        .scalar_subquery()
    )
    counted = db.session.execute(
        process_groups(ballot.process.id).add_columns(member_count)
    ).all()
    groups = sorted(
        (group for group, _count in counted), key=lambda g: (g.name.lower(), g.id)
    )
    members = {group.id: count for group, count in counted}
    rows = [
        GroupVoters(
            group=group,
            members=members.get(group.id, 0),
            votes=votes.get(group.id, 0),
            votes_of_deleted_accounts=deleted.get(group.id, 0),
        )
        for group in groups
    ]
    if votes.get(None):
        rows.append(
            GroupVoters(
                group=None,
                members=0,
                votes=votes[None],
                votes_of_deleted_accounts=deleted.get(None, 0),
            )
        )
    return rows


def vote_count(ballot: Ballot) -> int:
    """How many votes (units) the ballot holds."""
    return db.session.scalar(
        sa.select(sa.func.count(Vote.id)).where(Vote.ballot_id == ballot.id)
    )


def _iso(value: datetime | None) -> str:
    """Helsinki time with its offset, e.g. 2026-03-01T12:05:00+02:00."""
    return to_helsinki(value).isoformat(timespec="seconds") if value else ""


#: The export's columns (translated when the file is made).
VOTE_COLUMNS = (
    _l("Ballot"),
    _l("Unit"),
    _l("Work group"),
    _l("Organisation"),
    _l("Cast by"),
    _l("First cast at"),
    _l("Last changed at"),
    _l("Revision"),
    _l("Theme"),
    _l("Value"),
)


def vote_rows(ballot: Ballot) -> list[list]:
    """One row per vote entry (a vote whose themes were all removed keeps one empty
    row, so no vote disappears from the audit). Theme titles are in the process's
    main language so that exports in any interface language match."""
    language = ballot.process.language
    rows = []
    for vote in _votes(ballot):
        group = vote.group
        common = [
            ballot.id,
            vote.unit_key,
            group.name if group else "",
            group.organisation.name if group else "",
            vote.cast_by.name if vote.cast_by else "",
            _iso(vote.cast_at),
            _iso(vote.updated_at),
            vote.revision,
        ]
        entries = sorted(vote.entries, key=_entry_order(ballot))
        if not entries:
            rows.append([*common, "", ""])
        for entry in entries:
            title = localized(entry.theme.title, language, lang=language)
            rows.append([*common, title, entry.value])
    return rows


def _entry_order(ballot: Ballot):
    """Ranking: by place (1 first); otherwise in the themes' own order."""
    if ballot.method is VotingMethod.RANKING:
        return lambda entry: (entry.value, entry.theme.position)
    return lambda entry: (entry.theme.position, entry.theme_id)
