"""The periods values are given for, and how the two kinds stand for each other.

An indicator counts in school years ("2025-2026") or calendar years ("2026"). The
dashboard shows one period; an indicator of the other kind shows the matching one
(the school year 2025-2026 ends in the calendar year 2026, as the spring surveys
such as the School Health Promotion study do).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from ..extensions import db
from ..models import Goal, Indicator, IndicatorValue, PeriodKind, Process
from .targets import CALENDAR_YEAR, SCHOOL_YEAR, valid_period

#: A school year runs from August to July.
SCHOOL_YEAR_START_MONTH = 8


def period_kind_of(period: str) -> PeriodKind | None:
    if valid_period(PeriodKind.SCHOOL_YEAR, period):
        return PeriodKind.SCHOOL_YEAR
    if valid_period(PeriodKind.CALENDAR_YEAR, period):
        return PeriodKind.CALENDAR_YEAR
    return None


def period_sort_key(period: str) -> tuple[int, int]:
    """Order by the year a period ends in; a school year before the calendar year."""
    if SCHOOL_YEAR.match(period):
        return int(period[5:]), 0
    if CALENDAR_YEAR.match(period):
        return int(period), 1
    return 0, 2


def matching_period(kind: PeriodKind, period: str | None) -> str | None:
    """The period of ``kind`` that stands for ``period`` (2025-2026 <-> 2026)."""
    if not period:
        return None
    own = period_kind_of(period)
    if own is None:
        return None
    if own is kind:
        return period
    if kind is PeriodKind.CALENDAR_YEAR:
        return period[5:]
    return f"{int(period) - 1}-{period}"


def period_bounds(period: str) -> tuple[date, date]:
    """The first and last day of a period (a school year from 1 August)."""
    if period_kind_of(period) is PeriodKind.SCHOOL_YEAR:
        first = int(period[:4])
        return date(first, SCHOOL_YEAR_START_MONTH, 1), date(
            first + 1, SCHOOL_YEAR_START_MONTH - 1, 31
        )
    year = int(period)
    return date(year, 1, 1), date(year, 12, 31)


def school_year_of(day: date) -> str:
    first = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return f"{first}-{first + 1}"


def available_periods(process: Process, *, hidden=None) -> list[str]:
    """The periods that have at least one value in the process, oldest first
    (``hidden``: a condition on the values to leave out)."""
    stmt = (
        sa.select(IndicatorValue.period)
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .join(Goal, Goal.id == Indicator.goal_id)
        .where(Goal.process_id == process.id)
    )
    if hidden is not None:
        stmt = stmt.where(sa.not_(hidden))
    periods = db.session.scalars(stmt.distinct())
    return sorted(set(periods), key=period_sort_key)
