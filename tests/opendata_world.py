"""The exports' known process (tests/exports/conftest.py), made public and closed.

``open_world`` is ``summary_world`` with its discussion and ballot closed an hour
ago, its proposal published, a goal with an indicator (a target and two values)
and process ``kuntakokeilu`` public; ``toinen`` stays private. Shared by
tests/public and tests/api.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.models import (
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    ProposalStatus,
    scope_key_for,
)
from tests.exports.conftest import DELETED_WORD, HIDDEN_WORD, summary_world

__all__ = ["open_world", "summary_world", "HIDDEN_WORD", "DELETED_WORD"]


@pytest.fixture()
def open_world(db, summary_world):
    world = summary_world
    now = datetime.now(UTC)
    world.phase.ends_at = now - timedelta(hours=1)
    world.ballot.closes_at = now - timedelta(hours=1)
    world.proposal.status = ProposalStatus.PUBLISHED
    world.proposal.published_at = now - timedelta(minutes=30)
    world.process.is_public = True
    world.process.public_since = now
    goal = Goal(process=world.process, position=1, title={"fi": "Ohjaus kuntoon"})
    db.session.add(goal)
    db.session.flush()
    indicator = Indicator(goal=goal, position=1, title={"fi": "Ohjaustunnit"}, unit="h")
    db.session.add(indicator)
    db.session.flush()
    organisation = world.groups[0].organisation
    db.session.add_all(
        [
            IndicatorTarget(indicator=indicator, value=30.0),
            IndicatorValue(
                indicator=indicator,
                period="2024-2025",
                organisation_id=organisation.id,
                scope_key=scope_key_for(organisation.id, ""),
                value=22.0,
            ),
            IndicatorValue(
                indicator=indicator,
                period="2025-2026",
                organisation_id=organisation.id,
                scope_key=scope_key_for(organisation.id, ""),
                value=26.0,
            ),
        ]
    )
    db.session.commit()
    world.goal = goal
    world.indicator = indicator
    return world
