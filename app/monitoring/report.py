"""The annual report of a process's follow-up: the dashboard of one period, in words.

``build_report`` is the data (the dashboard for the period, in the report's language,
with each action's notes of the period); ``export_report`` renders it as Word or CSV
with a file name that says what is inside. The download view and ``flask export
--kind annual`` share it, so both give the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask_babel import force_locale

from .. import csvfiles
from ..i18n import localized
from ..models import Process
from .dashboard import Dashboard
from .dashboard_build import build_dashboard
from .periods import period_kind_of

FORMATS = ("docx", "csv")
MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": csvfiles.MIMETYPE,
}


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
) -> AnnualReport:
    """The report of ``period`` (default: the latest with values) in ``language``.

    :raises UnknownPeriod: for a period that is not a school or calendar year.
    """
    if period is not None and period_kind_of(period) is None:
        raise UnknownPeriod(period)
    language = language or process.language
    now = now or datetime.now(UTC)
    with force_locale(language):
        dashboard = build_dashboard(
            process, period=period, language=language, today=now.date()
        )
        title = localized(process.title, process.language, language)
    return AnnualReport(
        process_slug=process.slug,
        process_title=title,
        language=language,
        generated_at=now,
        dashboard=dashboard,
    )


@dataclass
class ReportFile:
    body: bytes
    mimetype: str
    filename: str


def report_filename(report: AnnualReport, fmt: str) -> str:
    """ASCII: ``keski-uusimaa-annual-report-2025-2026-fi.docx``."""
    period = report.period or date.today().isoformat()
    return f"{report.process_slug}-annual-report-{period}-{report.language}.{fmt}"


def export_report(
    process: Process,
    *,
    fmt: str,
    period: str | None = None,
    language: str | None = None,
    now: datetime | None = None,
) -> ReportFile:
    """Build the report and render it as ``docx`` or ``csv``."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    # The renderers live with the other exports and import this module's types.
    from ..exports.annual_csv import annual_csv
    from ..exports.annual_docx import annual_docx

    report = build_report(process, period=period, language=language, now=now)
    body = annual_docx(report) if fmt == "docx" else annual_csv(report)
    return ReportFile(
        body=body, mimetype=MIMETYPES[fmt], filename=report_filename(report, fmt)
    )
