"""The annual report's figures as CSV for Excel: one line per indicator, place,
subgroup and period (the report's period and the one before), with the verdict.

Written by ``app.csvfiles.write_csv`` (UTF-8 with a byte order mark, semicolons,
formula-like text defused). Numbers use the decimal comma Excel expects with Finnish
settings; verdicts and trends are words in the report's language, with their stable
codes in separate columns for filtering. A line of the period carries the previous
period's value rather than a signed difference: a cell starting with a minus sign
would be defused as a formula, and Excel computes the difference anyway.
"""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _

from ..csvfiles import decimal_comma, write_csv
from . import dashboard_words as w
from .report import AnnualReport
from .targets import gap


def decimal(value: float | None) -> str:
    """30.5 -> "30,5"; no grouping, so Excel reads it as a number."""
    return decimal_comma(value, 4, trim=True)


def header() -> list[str]:
    return [
        _("Goal"),
        _("Indicator"),
        _("Unit"),
        _("Direction"),
        _("Place"),
        _("Group"),
        _("Period"),
        _("Value"),
        _("Target"),
        _("Verdict code"),
        _("Verdict"),
        _("Distance from the target"),
        _("Value of the previous period"),
        _("Trend code"),
        _("Trend"),
        _("Source"),
    ]


def _line(goal, status, row, period, value, verdict, trend, previous, shortfall):
    return [
        goal.title,
        status.title,
        status.unit,
        w.direction_text(status.direction),
        row.scope_label,
        w.subgroup_text(row.subgroup),
        period,
        decimal(value),
        decimal(row.target),
        verdict.value,
        w.verdict_words(verdict, shortfall, status.unit),
        decimal(shortfall),
        decimal(previous),
        trend.value if trend is not None else "",
        w.trend_text(trend) if trend is not None else "",
        w.source_text(status),
    ]


def _previous_shortfall(status, row) -> float | None:
    if row.previous is None or row.target is None:
        return None
    return gap(status.direction, row.previous, row.target).shortfall


def _periods(status, row):
    """A row's lines as (period, value, verdict, trend, previous, shortfall): the
    report's period (a region's row even without a value), then the previous one."""
    if status.period is not None and (row.current is not None or row.is_region):
        yield (
            status.period,
            row.current,
            row.verdict,
            row.trend,
            row.previous,
            row.shortfall,
        )
    if status.previous_period is not None and row.previous is not None:
        yield (
            status.previous_period,
            row.previous,
            row.previous_verdict,
            None,
            None,
            _previous_shortfall(status, row),
        )


def annual_csv(report: AnnualReport) -> bytes:
    """Lines of the period first, then those of the previous period, per indicator."""
    with force_locale(report.language):
        lines = [
            _line(goal, status, row, *period)
            for goal in report.dashboard.goals
            for status in goal.indicators
            for row in status.rows
            for period in _periods(status, row)
        ]
        return write_csv(lines, header())
