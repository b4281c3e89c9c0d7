"""Turn the demo's ballot (``content/ballot.toml``) and its votes into rows.

The ballot is set up through ``save_ballot``; the votes go straight in as rows, not
through ``cast_vote``: each vote keeps the time it was cast, days before the load,
and ``cast_vote`` stamps the moment it runs. The ballot is found again by its phase
and main-language title, each vote by its unit key (``group:<id>``), so loading twice
creates nothing new.

As with the demo's comments: the ballot's set-up is set back to the data (texts,
times, visibility; the rules and themes only while they are not locked by votes), and
a demo vote that nobody has changed (revision 1) is set back if it differs from the
data. A vote changed while trying the demo (revision 2 or more) stays as it is, and so
does a vote cast in the interface by a group the data leaves without one.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa

from ..extensions import db
from ..models import Ballot, Phase, Process, User, Vote, VoteEntry, WorkGroup
from ..voting.services import BallotLocked, save_ballot, unit_key
from .base import LoadReport, at_position, participant

log = logging.getLogger("osallistamo.demo")

#: The set-up fields that ``save_ballot`` takes and the data gives, besides the themes.
SETUP = (
    "title",
    "description",
    "opens_at",
    "closes_at",
    "voter_unit",
    "method",
    "max_choices",
    "total_points",
    "max_points_per_theme",
    "results_visibility",
)
#: Of those, the ones that votes lock (``BallotLocked``).
RULES = ("voter_unit", "method", "max_choices", "total_points", "max_points_per_theme")


def load_ballot(
    process: Process,
    spec: dict | None,
    groups: dict[str, WorkGroup],
    report: LoadReport,
) -> Ballot | None:
    """Create or refresh the demo ballot and its votes; flush. ``spec`` may be None.

    A vote's ``minutes`` count from the opening of the ballot's phase. ``groups`` maps the demo's group names to rows; a vote's caster is the group's
    participant of that name (the one who writes its comments, created if missing).
    """
    if not spec:
        return None
    db.session.flush()  # ids for the natural-key queries and the unit keys
    phase = at_position(process.phases, spec["phase"])
    themes = {theme.position: theme for theme in process.themes}
    theme_ids = [themes[position].id for position in spec["themes"]]
    ballot = _ballot(process, phase, spec, theme_ids, report)
    opened = phase.starts_at or process.created_at
    changed = False
    for data in spec.get("votes", ()):
        group = groups[data["group"]]
        caster = participant(group, data["by"], report)
        chosen = [themes[position].id for position in data["themes"]]
        at = opened + timedelta(minutes=data["minutes"])
        changed |= _vote(ballot, group, caster, chosen, at, report)
    if changed:
        # Once per load, not per vote: the projector's ETag only has to change.
        ballot.results_version += 1
    db.session.flush()
    return ballot


def _find(process: Process, phase: Phase, title: dict) -> Ballot | None:
    language = process.language
    return next(
        (b for b in phase.ballots if b.title.get(language) == title[language]), None
    )


def _ballot(
    process: Process,
    phase: Phase,
    spec: dict,
    theme_ids: list[int],
    report: LoadReport,
) -> Ballot:
    """The demo ballot, created or with its set-up set back to the data."""
    values = {name: spec[name] for name in SETUP}
    ballot = _find(process, phase, spec["title"])
    if ballot is None:
        report.created["ballot"] += 1
        return save_ballot(None, phase, theme_ids=theme_ids, **values)
    current = {name: getattr(ballot, name) for name in SETUP}
    options = [option.theme_id for option in ballot.options]
    if current == values and options == theme_ids:
        return ballot
    try:
        save_ballot(ballot, phase, theme_ids=theme_ids, **values)
    except BallotLocked:
        # Votes lock the rules and themes (the app's own rule): keep them as they
        # are, and set back only the texts, times and visibility.
        kept = {name: current[name] for name in RULES}
        save_ballot(ballot, phase, theme_ids=options, **{**values, **kept})
        log.warning("demo ballot %s: rules kept, votes lock them", ballot.id)
    report.updated["ballot"] += 1
    return ballot


def _vote(
    ballot: Ballot,
    group: WorkGroup,
    caster: User,
    theme_ids: list[int],
    at: datetime,
    report: LoadReport,
) -> bool:
    """Add the group's vote, or set an unchanged one back; say whether anything changed."""
    key = unit_key(ballot, caster, group)
    vote = db.session.scalar(
        sa.select(Vote).where(Vote.ballot_id == ballot.id, Vote.unit_key == key)
    )
    if vote is None:
        vote = Vote(
            ballot=ballot,
            unit_key=key,
            group=group,
            cast_by=caster,
            cast_at=at,
            updated_at=at,
            revision=1,
            entries=[VoteEntry(theme_id=theme_id, value=1) for theme_id in theme_ids],
        )
        db.session.add(vote)
        report.created["vote"] += 1
        report.created["vote entry"] += len(theme_ids)
        return True
    if vote.revision > 1:
        return False  # changed while trying the demo: that stays
    entries = sorted((entry.theme_id, entry.value) for entry in vote.entries)
    wanted = sorted((theme_id, 1) for theme_id in theme_ids)
    same = (vote.cast_by_id, vote.cast_at, vote.updated_at) == (caster.id, at, at)
    if entries == wanted and same:
        return False
    if entries != wanted:
        vote.entries.clear()
        db.session.flush()  # the unique (vote, theme) pairs must go before re-adding
        vote.entries.extend(
            VoteEntry(theme_id=theme_id, value=1) for theme_id in theme_ids
        )
    vote.cast_by, vote.cast_at, vote.updated_at = caster, at, at
    report.updated["vote"] += 1
    return True
