"""The annual report as a file: Word or CSV, with a name that says what is inside.

The download view and ``flask export --kind annual`` share ``export_report``, so
both give the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .. import csvfiles
from ..models import Process
from .report import AnnualReport, build_report
from .report_csv import annual_csv
from .report_docx import annual_docx

FORMATS = ("docx", "csv")
MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": csvfiles.MIMETYPE,
}


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
    team: bool = True,
) -> ReportFile:
    """Build the report and render it as ``docx`` or ``csv`` (``team``: see
    ``build_report``)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    report = build_report(process, period=period, language=language, now=now, team=team)
    body = annual_docx(report) if fmt == "docx" else annual_csv(report)
    return ReportFile(
        body=body, mimetype=MIMETYPES[fmt], filename=report_filename(report, fmt)
    )
