"""The dashboard's numbers: verdicts, trends, gaps, what changed, actions."""

from __future__ import annotations

from datetime import date

import pytest
from flask_babel import force_locale

from app.models import ActionStatus, Direction, PeriodKind
from app.monitoring import dashboard as d
from app.monitoring import dashboard_words as w
from app.monitoring import periods
from app.monitoring.dashboard_build import build_dashboard
from app.monitoring.targets import Trend, Verdict

from . import dashboard_fixtures
from .dashboard_fixtures import NURSE, PSY, TODAY, add_value

# The shared fixtures (tests/monitoring/conftest.py belongs to another module).
dashboard_world = dashboard_fixtures.dashboard_world


def _build(world, **kwargs):
    kwargs.setdefault("today", TODAY)
    with force_locale("en"):
        return build_dashboard(world.process, language="en", **kwargs)


def _indicator(data, indicator):
    return next(
        s for g in data.goals for s in g.indicators if s.indicator_id == indicator.id
    )


def _row(status, subgroup, scope="region"):
    return next(
        r for r in status.rows if r.subgroup == subgroup and r.scope_key == scope
    )


def test_defaults_to_the_latest_period_with_values(dashboard_world):
    """Without a period the dashboard shows the latest one and compares it with the one before."""
    data = _build(dashboard_world)
    assert data.periods == ["2024-2025", "2025-2026"]
    assert (data.period, data.previous_period) == ("2025-2026", "2024-2025")
    assert [g.title for g in data.goals] == ["Communal work", "Services"]


def test_higher_is_better_verdicts_trends_and_gaps(dashboard_world):
    """Each subgroup is judged against its own target; the gap is in the unit."""
    status = _indicator(_build(dashboard_world), dashboard_world.communal)
    assert status.subgroups == [PSY, NURSE]
    psy = _row(status, PSY)
    assert (psy.current, psy.previous, psy.target) == (31.5, 27.5, 30)
    assert psy.verdict is Verdict.MET and psy.shortfall == 0
    assert psy.trend is Trend.BETTER and psy.change == pytest.approx(4.0)
    nurse = _row(status, NURSE)
    assert nurse.verdict is Verdict.NOT_MET and nurse.shortfall == pytest.approx(1.0)
    assert nurse.trend is Trend.WORSE and nurse.previous_verdict is Verdict.MET
    assert (status.targets_met, status.targets_judged) == (1, 2)


def test_values_of_an_organisation_are_rows_of_their_own(dashboard_world):
    """Org A's value is judged against the same target; it has no earlier value."""
    status = _indicator(_build(dashboard_world), dashboard_world.communal)
    org_row = _row(status, PSY, f"org:{dashboard_world.org_a.id}")
    assert org_row.scope_label == "Oppilaitos A"
    assert org_row.verdict is Verdict.NOT_MET and org_row.shortfall == 5
    assert org_row.trend is Trend.NEW
    assert [r.scope_label for r in status.places] == ["Oppilaitos A"]


def test_lower_is_better_and_no_target(dashboard_world):
    """Waiting time fell (better) but is 2 days above its maximum; no target, no verdict."""
    data = _build(dashboard_world)
    waiting = _row(_indicator(data, dashboard_world.waiting), "")
    assert waiting.verdict is Verdict.NOT_MET and waiting.shortfall == 2
    assert waiting.trend is Trend.BETTER
    feedback = _indicator(data, dashboard_world.feedback)
    assert _row(feedback, "").verdict is Verdict.NO_TARGET
    assert feedback.series[0].values == [3.8]


def test_series_run_over_the_periods_up_to_the_one_shown(dashboard_world):
    """The chart's data: one value per period and subgroup, and the subgroup's target."""
    status = _indicator(_build(dashboard_world), dashboard_world.communal)
    assert status.periods == ["2024-2025", "2025-2026"]
    assert [(s.subgroup, s.values, s.target) for s in status.series] == [
        (PSY, [27.5, 31.5], 30),
        (NURSE, [16, 14], 15),
    ]
    earlier = _build(dashboard_world, period="2024-2025")
    assert _indicator(earlier, dashboard_world.communal).periods == ["2024-2025"]


def test_what_changed_since_the_last_period(dashboard_world):
    """Better and worse values, targets newly met or missed, survey values, statuses."""
    changes = _build(dashboard_world).changes
    improved = {(c.indicator_title, c.row.subgroup) for c in changes.improved}
    assert improved == {("Share of communal work", PSY), ("Waiting time", "")}
    assert [(c.row.subgroup) for c in changes.worsened] == [NURSE]
    assert [c.row.subgroup for c in changes.newly_met] == [PSY]
    assert [c.row.subgroup for c in changes.newly_missed] == [NURSE]
    assert [(v.indicator_title, v.value) for v in changes.survey_values] == [
        ("Feedback average", 3.8)
    ]
    assert [
        (c.action_title, c.old_status, c.new_status, c.noted_on)
        for c in changes.status_changes
    ] == [
        (
            "Yhteistyöryhmän palaute",
            ActionStatus.PLANNED,
            ActionStatus.IN_PROGRESS,
            date(2025, 9, 15),
        ),
        (
            "Yhteistyöryhmän palaute",
            ActionStatus.IN_PROGRESS,
            ActionStatus.DONE,
            date(2026, 2, 1),
        ),
    ]


def test_the_first_period_has_nothing_to_compare_with(dashboard_world):
    """For 2024-2025 every value is new and no target is newly met or missed."""
    data = _build(dashboard_world, period="2024-2025")
    assert data.previous_period == "2023-2024"
    status = _indicator(data, dashboard_world.communal)
    assert {r.trend for r in status.region} == {Trend.NEW}
    assert not data.changes.improved and not data.changes.newly_met
    # Status changes of notes dated in 2024-2025 count in that period, by date.
    assert [c.new_status for c in data.changes.status_changes] == [
        ActionStatus.DROPPED,
        ActionStatus.IN_PROGRESS,
    ]


def test_action_counts_overdue_and_period_notes(dashboard_world):
    """Counts by status; only open actions past their due date are overdue."""
    data = _build(dashboard_world)
    assert data.status_counts == {
        ActionStatus.PLANNED: 1,
        ActionStatus.IN_PROGRESS: 1,
        ActionStatus.DONE: 1,
        ActionStatus.DROPPED: 1,
    }
    assert [a.title for a in data.overdue] == ["Palveluketjun kuvaus"]
    services = data.goals[1]
    assert services.status_counts[ActionStatus.DONE] == 1
    first = services.actions[0]
    assert [n.body for n in first.notes] == ["Luonnos valmis."]
    assert first.latest_note.body == "Luonnos valmis."
    assert first.owner == "Oppilaitos A"


def test_a_calendar_year_indicator_shows_the_matching_year(db, dashboard_world):
    """The school year 2025-2026 stands for the calendar year 2026."""
    dashboard_world.feedback.period_kind = PeriodKind.CALENDAR_YEAR
    add_value(db, dashboard_world.feedback, "2026", 4.1)
    add_value(db, dashboard_world.feedback, "2025", 3.9)
    db.session.commit()
    data = _build(dashboard_world, period="2025-2026")
    status = _indicator(data, dashboard_world.feedback)
    assert (status.period, status.previous_period) == ("2026", "2025")
    assert _row(status, "").current == 4.1 and _row(status, "").trend is Trend.BETTER


def test_a_process_without_goals(create_process):
    """No goals, no values: an empty dashboard without a period."""
    process = create_process()
    data = build_dashboard(process, today=TODAY)
    assert data.goals == [] and data.period is None and not data.has_values
    assert data.changes.empty


def test_periods(app):
    """Period helpers: bounds, matching kinds and order."""
    assert periods.period_bounds("2025-2026") == (date(2025, 8, 1), date(2026, 7, 31))
    assert periods.period_bounds("2026") == (date(2026, 1, 1), date(2026, 12, 31))
    assert periods.matching_period(PeriodKind.CALENDAR_YEAR, "2025-2026") == "2026"
    assert periods.matching_period(PeriodKind.SCHOOL_YEAR, "2026") == "2025-2026"
    assert sorted(["2026", "2025-2026", "2024-2025"], key=periods.period_sort_key) == [
        "2024-2025",
        "2025-2026",
        "2026",
    ]


def test_words_in_finnish_use_a_decimal_comma(app):
    """Numbers, changes, targets and verdicts in words, in the locale's format."""
    with force_locale("fi"):
        assert w.number_text(31.5, "%") == "31,5 %"
        assert w.change_text(-1.5, "%") == "−1,5 prosenttiyksikköä"
    with force_locale("en"):
        assert w.number_text(31.5, "%") == "31.5 %"
        assert w.change_text(4, "%") == "+4 percentage points"
        assert w.number_text(None) == "–"
        row = d.Row(
            "region",
            "x",
            "",
            14,
            16,
            15,
            Verdict.NOT_MET,
            Trend.WORSE,
            1.0,
            Verdict.MET,
        )
        assert w.verdict_text(row, "%") == "Not met by 1 percentage point"
        assert w.target_text(Direction.LOWER, 7, "days") == "at most 7 days"
