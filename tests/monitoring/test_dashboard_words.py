"""The dashboard's words: a change of a percentage is in percentage points, and a
count of one takes the singular where the language needs it ("+1 kokous")."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.models import Direction, Indicator
from app.monitoring import dashboard_words as w
from app.monitoring.dashboard_build import build_dashboard

from . import dashboard_fixtures
from .dashboard_fixtures import NURSE, PSY, TODAY, add_value

dashboard_world = dashboard_fixtures.dashboard_world


def _status(world, indicator, language):
    with force_locale(language):
        data = build_dashboard(world.process, language=language, today=TODAY)
    return next(
        s for g in data.goals for s in g.indicators if s.indicator_id == indicator.id
    )


def _region(status, subgroup=""):
    return next(
        r for r in status.rows if r.subgroup == subgroup and r.scope_key == "region"
    )


@pytest.mark.parametrize(
    ("language", "up", "down", "gap"),
    [
        ("fi", "+4 prosenttiyksikköä", "−2 prosenttiyksikköä", "1 prosenttiyksikkö"),
        ("sv", "+4 procentenheter", "−2 procentenheter", "1 procentenhet"),
        ("en", "+4 percentage points", "−2 percentage points", "1 percentage point"),
    ],
)
def test_a_percentage_changes_in_percentage_points(
    dashboard_world, language, up, down, gap
):
    """27,5 % -> 31,5 % is +4 percentage points, not +4 %; so is a target's gap."""
    status = _status(dashboard_world, dashboard_world.communal, language)
    with force_locale(language):
        assert w.change_text(_region(status, PSY).change, status.unit) == up
        nurse = _region(status, NURSE)
        assert w.change_text(nurse.change, status.unit) == down
        assert gap in w.verdict_text(nurse, status.unit)
        assert "%" not in w.verdict_text(nurse, status.unit)
        # The values themselves stay percentages.
        assert w.number_text(nurse.current, status.unit) == "14 %"


@pytest.fixture()
def meetings(db, dashboard_world):
    """Meetings of a cooperation group, written as a Finnish facilitator writes the
    unit: 1 -> 2 -> 4 meetings over three years."""
    indicator = Indicator(
        goal=dashboard_world.communal_goal,
        position=3,
        unit="kokousta",
        direction=Direction.HIGHER,
        title={"fi": "Kokoukset", "en": "Meetings"},
    )
    db.session.add(indicator)
    add_value(db, indicator, "2023-2024", 1)
    add_value(db, indicator, "2024-2025", 2)
    add_value(db, indicator, "2025-2026", 3)
    db.session.commit()
    return indicator


@pytest.mark.parametrize(
    ("language", "one", "two", "plus_one"),
    [
        ("fi", "1 kokous", "2 kokousta", "+1 kokous"),
        ("sv", "1 möte", "2 möten", "+1 möte"),
        ("en", "1 meeting", "2 meetings", "+1 meeting"),
    ],
)
def test_counts_of_one_and_two(dashboard_world, meetings, language, one, two, plus_one):
    """One meeting is "1 kokous" and a change of one "+1 kokous"; two are "2 kokousta"."""
    status = _status(dashboard_world, meetings, language)
    row = _region(status)
    with force_locale(language):
        assert w.number_text(row.previous, status.unit) == two
        assert w.change_text(row.change, status.unit) == plus_one
        assert w.number_text(1, status.unit) == one
        assert w.change_text(2, status.unit) == "+" + two
        assert w.number_text(1.5, status.unit).startswith("1")
        assert (
            w.number_text(1, "merkkiä")
            == {
                "fi": "1 merkki",
                "sv": "1 tecken",
                "en": "1 character",
            }[language]
        )


@pytest.mark.usefixtures("meetings")
def test_the_finnish_page_says_one_meeting(client, auth, dashboard_world):
    """The dashboard page in Finnish says "+1 kokous" and "3 kokousta"."""
    with client.session_transaction() as session:
        session["lang"] = "fi"
    auth.login_as(dashboard_world.member)
    html = client.get(dashboard_world.url).get_data(as_text=True)
    assert "+1 kokous<" in html and "3 kokousta" in html
    assert "+1 kokousta" not in html
