"""Ballot rules: set-up (locked after the first vote), open and close, casting a vote.

A vote is stored per unit (a work group or a participant) under a unique key, so a
second vote replaces the first and can never count twice, even at the same moment.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..errors import DomainError, InvalidSchedule, MissingTitle
from ..extensions import db
from ..models import (
    Ballot,
    BallotOption,
    Phase,
    PhaseKind,
    ResultsVisibility,
    Theme,
    User,
    Vote,
    VoteEntry,
    VoterUnit,
    VotingMethod,
    WorkGroup,
)
from ..text import render_translated

log = logging.getLogger("osallistamo.voting")

#: Limits a facilitator may set; beyond them a ballot is no longer readable.
MAX_CHOICES_LIMIT = 20
MAX_POINTS_LIMIT = 100


class BallotState(enum.StrEnum):
    NOT_OPEN = "not_open"
    OPEN = "open"
    CLOSED = "closed"


class BallotLocked(DomainError):
    message = _l(
        "Votes have already been cast, so the method, the limits, the voter unit and "
        "the themes can no longer change: earlier votes would count differently."
    )


class NoThemes(DomainError):
    message = _l("Choose at least one theme for the ballot.")


class ThemeNotInProcess(DomainError):
    message = _l("Only the process's own themes can be on the ballot.")


class WrongPhase(DomainError):
    message = _l("A ballot belongs to an online discussion or a seminar.")


class InvalidLimits(DomainError):
    message = _l("Check the limits: every number must be at least 1.")


class BallotNotOpen(DomainError):
    message = _l("Voting has not started yet.")


class BallotClosed(DomainError):
    message = _l("Voting has ended, so votes can no longer be cast or changed.")


class NotAVoter(DomainError):
    message = _l("Only members of the process's work groups can vote.")


class GroupVotesUsed(DomainError):
    """Every place of the work group has voted in this person-by-person ballot."""

    def __init__(self, group: WorkGroup):
        super().__init__(
            _l(
                "Every place of %(group)s has already voted in this ballot "
                "(places: %(num)d). Ask your facilitator to add places to the group.",
                group=group.name,
                num=group.seats,
            )
        )


class EmptyVote(DomainError):
    message = _l("Choose at least one theme before voting.")


class UnknownOption(DomainError):
    message = _l("One of the chosen themes is not on this ballot. Reload the page.")


class TooManyChoices(DomainError):
    def __init__(self, limit: int):
        super().__init__(_l("You can choose at most %(num)d themes.", num=limit))


class TooManyPoints(DomainError):
    def __init__(self, total: int):
        super().__init__(
            _l("You can give %(num)d points in all. Take some points away.", num=total)
        )


class TooManyPointsForTheme(DomainError):
    def __init__(self, limit: int):
        super().__init__(
            _l("You can give at most %(num)d points to one theme.", num=limit)
        )


class InvalidRanking(DomainError):
    message = _l(
        "Give each chosen theme a different place, starting from 1 with no gaps."
    )


# Set-up ------------------------------------------------------------------------


def state(ballot: Ballot, now: datetime) -> BallotState:
    """Open from ``opens_at`` until ``closes_at``; without a start it is not open."""
    if ballot.opens_at is None or now < ballot.opens_at:
        return BallotState.NOT_OPEN
    if ballot.closes_at is not None and now >= ballot.closes_at:
        return BallotState.CLOSED
    return BallotState.OPEN


def has_votes(ballot: Ballot) -> bool:
    return (
        db.session.scalar(
            sa.select(Vote.id).where(Vote.ballot_id == ballot.id).limit(1)
        )
        is not None
    )


def results_visible(ballot: Ballot, now: datetime) -> bool:
    """Results show live if the facilitator chose so, otherwise after the close."""
    if ballot.results_visibility is ResultsVisibility.LIVE:
        return True
    return state(ballot, now) is BallotState.CLOSED


def _themes(phase: Phase, theme_ids: list[int] | None) -> list[Theme]:
    themes = list(phase.process.themes)
    if theme_ids is None:
        return themes
    by_id = {theme.id: theme for theme in themes}
    if any(theme_id not in by_id for theme_id in theme_ids):
        raise ThemeNotInProcess()
    chosen = [by_id[theme_id] for theme_id in dict.fromkeys(theme_ids)]
    return sorted(chosen, key=lambda theme: theme.position)


def _check_limits(method, max_choices, total_points, max_points_per_theme) -> None:
    if not 1 <= max_choices <= MAX_CHOICES_LIMIT:
        raise InvalidLimits()
    if method is VotingMethod.POINTS and not (
        1 <= max_points_per_theme <= total_points <= MAX_POINTS_LIMIT
    ):
        raise InvalidLimits(
            _l(
                "Points: the total must be 1–%(max)d and at least the points per theme.",
                max=MAX_POINTS_LIMIT,
            )
        )


def _rules_of(ballot: Ballot) -> tuple:
    return (
        ballot.method,
        ballot.voter_unit,
        ballot.max_choices,
        ballot.total_points,
        ballot.max_points_per_theme,
        tuple(option.theme_id for option in ballot.options),
    )


def save_ballot(
    ballot: Ballot | None,
    phase: Phase,
    *,
    title: dict,
    description: dict,
    opens_at: datetime | None,
    closes_at: datetime | None,
    voter_unit: VoterUnit | str,
    method: VotingMethod | str,
    max_choices: int,
    total_points: int,
    max_points_per_theme: int,
    results_visibility: ResultsVisibility | str,
    theme_ids: list[int] | None = None,
) -> Ballot:
    """Create a ballot (``ballot=None``) or change one; ``theme_ids=None`` means all.

    :raises BallotLocked: when votes exist and the rules or themes would change.
    :raises MissingTitle, InvalidSchedule, InvalidLimits, NoThemes, WrongPhase.
    """
    if phase.kind not in (PhaseKind.DISCUSSION, PhaseKind.SEMINAR):
        raise WrongPhase()
    if not (title or {}).get(phase.process.language):
        raise MissingTitle()
    if opens_at and closes_at and closes_at <= opens_at:
        raise InvalidSchedule()
    method, voter_unit = VotingMethod(method), VoterUnit(voter_unit)
    _check_limits(method, max_choices, total_points, max_points_per_theme)
    themes = _themes(phase, theme_ids)
    if not themes:
        raise NoThemes()
    new_rules = (
        method,
        voter_unit,
        max_choices,
        total_points,
        max_points_per_theme,
        tuple(theme.id for theme in themes),
    )
    if ballot is None:
        ballot = Ballot(phase=phase)
        db.session.add(ballot)
    elif new_rules != _rules_of(ballot) and has_votes(ballot):
        raise BallotLocked()
    ballot.title = title
    ballot.description = description
    ballot.description_html = render_translated(description)
    ballot.opens_at, ballot.closes_at = opens_at, closes_at
    ballot.method, ballot.voter_unit = method, voter_unit
    ballot.max_choices = max_choices
    ballot.total_points = total_points
    ballot.max_points_per_theme = max_points_per_theme
    ballot.results_visibility = ResultsVisibility(results_visibility)
    if tuple(option.theme_id for option in ballot.options) != new_rules[-1]:
        ballot.options.clear()
        db.session.flush()
        ballot.options.extend(
            BallotOption(theme_id=theme.id, position=index)
            for index, theme in enumerate(themes, start=1)
        )
    ballot.results_version += 1
    db.session.flush()
    return ballot


def delete_ballot(ballot: Ballot) -> None:
    """Remove a ballot with its votes (the route asks for confirmation first)."""
    db.session.delete(ballot)
    db.session.flush()


# Voting ------------------------------------------------------------------------


def unit_key(ballot: Ballot, voter: User, group: WorkGroup | None) -> str:
    if ballot.voter_unit is VoterUnit.GROUP:
        return f"group:{group.id}"
    return f"user:{voter.id}"


def validate_choice(ballot: Ballot, choice: dict[int, int]) -> dict[int, int]:
    """Check a voter's choice against the method; return theme id -> value.

    *pick*: values are 1; *points*: the points (0 dropped); *ranking*: places 1..n.
    """
    choice = {int(theme): int(value) for theme, value in choice.items() if value}
    if not choice:
        raise EmptyVote()
    allowed = {option.theme_id for option in ballot.options}
    if not set(choice) <= allowed:
        raise UnknownOption()
    if any(value < 0 for value in choice.values()):
        raise InvalidLimits()
    if ballot.method is VotingMethod.PICK:
        if len(choice) > ballot.max_choices:
            raise TooManyChoices(ballot.max_choices)
        return dict.fromkeys(choice, 1)
    if ballot.method is VotingMethod.POINTS:
        if max(choice.values()) > ballot.max_points_per_theme:
            raise TooManyPointsForTheme(ballot.max_points_per_theme)
        if sum(choice.values()) > ballot.total_points:
            raise TooManyPoints(ballot.total_points)
        return choice
    if len(choice) > ballot.max_choices:
        raise TooManyChoices(ballot.max_choices)
    if sorted(choice.values()) != list(range(1, len(choice) + 1)):
        raise InvalidRanking()
    return choice


def _voter_group(ballot: Ballot, voter: User, group: WorkGroup | None):
    process_id = ballot.phase.process_id
    if group is None or group.process_id != process_id or not _is_member(voter, group):
        raise NotAVoter()
    return group


def _is_member(voter: User, group: WorkGroup) -> bool:
    """``group.has_member(voter)``, read from the voter's memberships: the sign-in
    loads them, where the group's would cost a statement."""
    if not getattr(voter, "is_authenticated", False):
        return False
    return any(m.group_id == group.id for m in voter.memberships)


def _check_group_seats(ballot: Ballot, group: WorkGroup) -> None:
    """A first personal vote fits in the group's places (issue 16, item 6).

    Counted from the votes themselves, not the members: a vote stays when its voter's
    account is deleted, so leaving and joining again must not give a group more
    votes than it has places.
    """
    db.session.execute(
        sa.select(WorkGroup.id).where(WorkGroup.id == group.id).with_for_update()
    )
    cast = db.session.scalar(
        sa.select(sa.func.count(Vote.id)).where(
            Vote.ballot_id == ballot.id, Vote.group_id == group.id
        )
    )
    if cast >= group.seats:
        raise GroupVotesUsed(group)


#: A unit's vote, the statements built once (their cache keys too): the vote page
#: and every vote read one.
_UNITS_VOTE = sa.select(Vote).where(
    Vote.ballot_id == sa.bindparam("ballot_id"),
    Vote.unit_key == sa.bindparam("unit_key"),
)
#: Read again under the lock: the page may have loaded this vote before (vote_of),
#: and a request of the same unit may have changed it since (its revision). Its
#: entries are replaced by statements, not read.
_UNITS_VOTE_LOCKED = _UNITS_VOTE.with_for_update().execution_options(
    populate_existing=True
)
#: With its entries and who cast it, as the ballot page shows them.
_UNITS_VOTE_SHOWN = _UNITS_VOTE.options(
    so.joinedload(Vote.entries), so.joinedload(Vote.cast_by)
)


def _find_vote(ballot: Ballot, key: str, *, lock: bool = False) -> Vote | None:
    return db.session.scalar(
        _UNITS_VOTE_LOCKED if lock else _UNITS_VOTE,
        {"ballot_id": ballot.id, "unit_key": key},
    )


def cast_vote(
    ballot: Ballot,
    *,
    voter: User,
    group: WorkGroup | None,
    choice: dict[int, int],
    now: datetime,
) -> tuple[Vote, bool]:
    """Record the unit's vote, replacing an earlier one; True when it is the first.

    :raises BallotNotOpen, BallotClosed: outside the voting time.
    :raises NotAVoter: for someone outside the process's work groups.
    :raises GroupVotesUsed: for a first personal vote beyond the group's places.
    :raises EmptyVote, UnknownOption, TooManyChoices, TooManyPoints,
        TooManyPointsForTheme, InvalidRanking: for a choice against the rules.
    """
    current = state(ballot, now)
    if current is BallotState.NOT_OPEN:
        raise BallotNotOpen()
    if current is BallotState.CLOSED:
        raise BallotClosed()
    group = _voter_group(ballot, voter, group)
    values = validate_choice(ballot, choice)
    key = unit_key(ballot, voter, group)
    created = False
    vote = _find_vote(ballot, key, lock=True)
    if vote is None and ballot.voter_unit is VoterUnit.PARTICIPANT:
        _check_group_seats(ballot, group)
    if vote is None:
        vote = Vote(
            ballot_id=ballot.id,
            unit_key=key,
            group_id=group.id,
            cast_at=now,
            # Set here too: an insert, not an insert and an update.
            cast_by_id=voter.id,
            updated_at=now,
        )
        try:
            with db.session.begin_nested():
                db.session.add(vote)
            created = True
        except IntegrityError:
            # Another request of the same unit inserted first: replace its vote.
            vote = _find_vote(ballot, key, lock=True)
            if vote is None:
                raise
    if not created:
        vote.revision += 1
    vote.cast_by_id = voter.id
    vote.updated_at = now
    db.session.flush()
    # The entries in two statements, whatever their number (the ORM read them, then
    # deleted and inserted one by one); the vote's list is read again if used.
    if not created:
        db.session.execute(sa.delete(VoteEntry).where(VoteEntry.vote_id == vote.id))
    db.session.execute(
        sa.insert(VoteEntry),
        [
            {"vote_id": vote.id, "theme_id": theme_id, "value": value}
            for theme_id, value in values.items()
        ],
    )
    db.session.expire(vote, ["entries"])
    db.session.execute(
        sa.update(Ballot)
        .where(Ballot.id == ballot.id)
        .values(results_version=Ballot.results_version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.flush()
    log.info("vote %s for %s on ballot %s (%s)", vote.id, key, ballot.id, voter.id)
    return vote, created


def vote_of(ballot: Ballot, voter: User, group: WorkGroup | None) -> Vote | None:
    """The unit's current vote, if any, with its entries and who cast it (the ballot
    page shows both), in one statement."""
    if group is None and ballot.voter_unit is VoterUnit.GROUP:
        return None
    return (
        db.session.scalars(
            _UNITS_VOTE_SHOWN,
            {"ballot_id": ballot.id, "unit_key": unit_key(ballot, voter, group)},
        )
        .unique()
        .one_or_none()
    )


def theme_changed(theme_id: int) -> None:
    """Mark every ballot listing this theme as changed, so live views refresh.

    Called when a theme is renamed or removed: its name or its points leave the
    results, and the projector's ETag must not promise the old page.
    """
    ballot_ids = sa.select(BallotOption.ballot_id).where(
        BallotOption.theme_id == theme_id
    )
    db.session.execute(
        sa.update(Ballot)
        .where(Ballot.id.in_(ballot_ids))
        .values(results_version=Ballot.results_version + 1)
        .execution_options(synchronize_session=False)
    )
