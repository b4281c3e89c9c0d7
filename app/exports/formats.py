"""One export: the summary built for a reader, rendered in a format, with its file name.

Shared by the download view and the ``flask export`` command, so both give the same
file for the same process, phase and language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .. import csvfiles
from ..models import Phase, Process
from . import csv, docx, html, json, markdown
from .proposal_view import proposal_view
from .summary import build_summary

FORMATS = ("md", "html", "docx", "csv", "json")
MIMETYPES = {
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": csvfiles.MIMETYPE,
    "json": "application/json",
}


class UnknownFormat(ValueError):
    pass


@dataclass
class Export:
    body: bytes
    mimetype: str
    filename: str


def filename(
    process: Process,
    *,
    fmt: str,
    language: str,
    phase: Phase | None = None,
    kind: str | None = None,
) -> str:
    """ASCII file names that say what is inside: ``slug-summary-phase-3-sv.docx``;
    the CSV files are ``slug-comments-fi.csv`` and ``slug-votes-fi.csv``."""
    parts = [process.slug, kind if fmt == "csv" else "summary"]
    if phase is not None:
        parts.append(f"phase-{phase.id}")
    parts.append(language)
    return "-".join(parts) + f".{fmt}"


def export(
    process: Process,
    *,
    fmt: str,
    staff: bool,
    phase: Phase | None = None,
    language: str | None = None,
    kind: str = "comments",
    now: datetime | None = None,
) -> Export:
    """Build the summary and render it.

    :param staff: the reader is the team (the CLI is): may see a draft proposal and
        the survey answers coded to themes (survey results are the team's).
    :param kind: for CSV, ``comments`` or ``votes``.
    :raises UnknownFormat: for a format or CSV kind not in the lists.
    """
    if fmt not in FORMATS or (fmt == "csv" and kind not in csv.KINDS):
        raise UnknownFormat(fmt)
    language = language or process.language
    if fmt == "csv" and kind == "comments":
        # The comment rows come from the database, not from the summary.
        rows = csv.comment_rows(
            process, phase=phase, language=language, survey_answers=staff
        )
        body = csv.comments_csv(rows, show_names=process.show_names, language=language)
    else:
        body = _render(fmt, process, phase, language, staff, now)
    return Export(
        body=body,
        mimetype=MIMETYPES[fmt],
        filename=filename(process, fmt=fmt, language=language, phase=phase, kind=kind),
    )


def _render(fmt, process, phase, language, staff, now) -> bytes:
    summary = build_summary(
        process, phase=phase, language=language, now=now, survey_answers=staff
    )
    proposal = proposal_view(process, staff=staff)
    if fmt == "md":
        return markdown.to_markdown(summary, proposal).encode("utf-8")
    if fmt == "html":
        return html.to_html(summary, proposal).encode("utf-8")
    if fmt == "docx":
        return docx.to_docx(summary, proposal)
    if fmt == "json":
        return json.to_json(summary, proposal).encode("utf-8")
    return csv.votes_csv(summary)
