"""``flask demo load``: the seed's four goals with two school years of values."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from app.demo import DemoClock
from app.models import (
    ActionNote,
    ActionStatus,
    Direction,
    Goal,
    IndicatorValue,
    Process,
    ValueOrigin,
)
from app.monitoring.dashboard_build import build_dashboard
from app.monitoring.targets import Trend, Verdict
from tests.demo_snapshot import load_demo

#: The demo's values are for the last completed school year and the one before,
#: counted from the day it is loaded (today here).
LAST = DemoClock.current().period(-1)
BEFORE = DemoClock.current().period(-2)

SEED_GOALS = [
    "Oppilaiden ja opiskelijoiden hyvinvointi ja terveys",
    "Opiskeluhuollon palveluiden toteutuminen",
    "Yhteisöllisen työn toteutuminen alueen oppilaitoksissa",
    "Hyvinvointialueen opiskeluhuollon ja koulutuksen järjestäjien välisen "
    "yhteistyön toteutuminen",
]


@pytest.fixture()
def demo(runner, db):
    load_demo(runner, db)
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_the_four_goals_of_the_seed(demo):
    """The goals in the seed's order, in Finnish with Swedish and English titles."""
    goals = demo.goals
    assert [g.title["fi"] for g in goals] == SEED_GOALS
    assert all(set(g.title) == {"fi", "sv", "en"} for g in goals)
    assert all("<p>" in g.description_html["fi"] for g in goals)


def test_communal_work_targets(demo):
    """Psychologists and curators at least 30 %, school nurses at least 15 %."""
    indicator = demo.goals[2].indicators[0]
    assert indicator.title["fi"] == "Yhteisöllisen työn osuus työajasta"
    assert indicator.unit == "%" and indicator.direction is Direction.HIGHER
    assert {t.subgroup: t.value for t in indicator.targets} == {
        "psykologit ja kuraattorit": 30,
        "terveydenhoitajat": 15,
    }


def test_indicators_have_two_school_years_of_values(demo):
    """Every indicator has region-wide values for the last two school years; some per
    organisation; the feedback survey's latest values came from the survey."""
    for goal in demo.goals:
        assert goal.indicators and 1 <= len(goal.actions) <= 3
        for indicator in goal.indicators:
            region = {v.period for v in indicator.values if v.scope_key == "region"}
            assert region == {BEFORE, LAST}
            assert indicator.targets
    places = {
        v.organisation.name
        for g in demo.goals
        for i in g.indicators
        for v in i.values
        if v.organisation is not None
    }
    assert {"Validia Ammattiopisto", "Hyria", "Keuda"} <= places
    survey = demo.goals[3].indicators[0]
    assert {v.origin for v in survey.values if v.period == LAST} == {ValueOrigin.SURVEY}
    belonging = demo.goals[0].indicators[0]
    assert belonging.source_detail == "Kouluterveyskysely (THL)"
    assert demo.goals[0].indicators[1].direction is Direction.LOWER


def test_actions_have_owners_due_dates_and_dated_notes(demo):
    """Each action: an owner organisation, a due date, and its status from its notes."""
    for goal in demo.goals:
        for action in goal.actions:
            assert action.owner is not None and action.due_on is not None
            if action.notes:
                assert action.status is action.notes[0].status  # the newest note's
            else:
                assert action.status is ActionStatus.PLANNED
    statuses = {a.status for g in demo.goals for a in g.actions}
    assert {
        ActionStatus.PLANNED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.DONE,
    } <= statuses


def test_the_dashboard_shows_met_and_missed_better_and_worse(demo):
    """The demo's last school year has targets met and missed, values better and worse."""
    with force_locale("fi"):
        data = build_dashboard(demo, language="fi")
    assert data.period == LAST and data.previous_period == BEFORE
    rows = [r for g in data.goals for s in g.indicators for r in s.rows]
    verdicts = {r.verdict for r in rows}
    trends = {r.trend for r in rows}
    assert {Verdict.MET, Verdict.NOT_MET} <= verdicts
    assert {Trend.BETTER, Trend.WORSE} <= trends
    assert data.changes.newly_met and data.changes.status_changes


def test_loading_twice_creates_nothing_new(runner, db, demo):
    """A second load adds no goal, note or value and sets nothing back."""
    counts = (_count(db, Goal), _count(db, ActionNote), _count(db, IndicatorValue))
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Created: nothing new." in result.output and "Set back" not in result.output
    assert (
        _count(db, Goal),
        _count(db, ActionNote),
        _count(db, IndicatorValue),
    ) == counts


def test_a_value_changed_in_the_app_stays(runner, db, demo):
    """Values edited while trying the demo are not set back; a changed title is."""
    value = demo.goals[1].indicators[0].values[0]
    value.value = 99
    demo.goals[1].title = {"fi": "Muutettu"}
    db.session.commit()
    result = runner.invoke(args=["demo", "load"])
    assert "Set back to the demo data: 1 goal." in result.output
    db.session.expire_all()
    assert db.session.get(IndicatorValue, value.id).value == 99
    assert db.session.get(Goal, demo.goals[1].id).title["fi"] == SEED_GOALS[1]
