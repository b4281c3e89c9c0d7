"""The annual report of a process's follow-up: the dashboard of one period, in words.

``build_report`` is the data (the dashboard for the period, in the report's language,
with each action's notes of the period); ``report_files.export_report`` renders it
as Word or CSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import force_locale

from ..i18n import localized
from ..models import Process
from .dashboard import Dashboard
from .dashboard_build import build_dashboard
from .periods import period_kind_of


class UnknownPeriod(ValueError):
    """The period is not written as "2025-2026" or "2026"."""


@dataclass
class AnnualReport:
    process_slug: str
    process_title: str
    language: str
    generated_at: datetime
    dashboard: Dashboard

    @property
    def period(self) -> str | None:
        return self.dashboard.period

    @property
    def previous_period(self) -> str | None:
        return self.dashboard.previous_period


def build_report(
    process: Process,
    *,
    period: str | None = None,
    language: str | None = None,
    now: datetime | None = None,
    team: bool = True,
) -> AnnualReport:
    """The report of ``period`` (default: the latest with values) in ``language``.

    :param team: with the per-organisation survey averages (the team's); False for
        a reader outside the team.
    :raises UnknownPeriod: for a period that is not a school or calendar year.
    """
    if period is not None and period_kind_of(period) is None:
        raise UnknownPeriod(period)
    language = language or process.language
    now = now or datetime.now(UTC)
    with force_locale(language):
        dashboard = build_dashboard(
            process, period=period, language=language, today=now.date(), team=team
        )
        title = localized(process.title, process.language, language)
    return AnnualReport(
        process_slug=process.slug,
        process_title=title,
        language=language,
        generated_at=now,
        dashboard=dashboard,
    )
