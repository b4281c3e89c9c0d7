"""The annual report of a process's follow-up as a Word document (.docx).

Formats ``app.monitoring.report.AnnualReport`` only, with the memo's building
blocks (``app.docxfiles.table``: a grid whose header row repeats on every page;
``set_language`` for Word's proofing): a title page, what changed since the last
period, then per goal its indicators (a table of value, previous value, change, target and verdict,
and the trend chart with alternative text) and its actions with the period's notes.
Verdicts and trends are in words, never in colour alone.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentType
from flask_babel import force_locale
from flask_babel import gettext as _

from ..docxfiles import CHART_WIDTH, set_language, table, word_safe
from ..i18n import format_datetime
from . import dashboard as d
from . import dashboard_words as w
from .charts import chart_description, trend_png
from .report import AnnualReport


def document_title(report: AnnualReport) -> str:
    return _("Annual report: %(title)s", title=report.process_title)


def period_text(report: AnnualReport) -> str:
    if report.period is None:
        return _("No values yet")
    return _("Period %(period)s", period=report.period)


def _title_page(document: DocumentType, report: AnnualReport) -> None:
    document.add_heading(document_title(report), level=0)
    document.add_paragraph(period_text(report))
    document.add_paragraph(
        _("Made %(when)s", when=format_datetime(report.generated_at))
    )
    document.add_paragraph("Osallistamo")
    document.add_page_break()


def _bullets(document: DocumentType, items: list[str]) -> None:
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def value_change_text(change: d.ValueChange) -> str:
    """ "Waiting time (The whole region): 12 days → 9 days (−3 days)" """
    row = change.row
    return _(
        "%(indicator)s (%(place)s): %(before)s → %(now)s (%(change)s)",
        indicator=change.indicator_title,
        place=w.place_text(row.scope_label, row.subgroup),
        before=w.number_text(row.previous, change.unit),
        now=w.number_text(row.current, change.unit),
        change=w.change_text(row.change, change.unit),
    )


def status_change_text(change: d.StatusChange) -> str:
    return _(
        "%(action)s: %(old)s → %(new)s (%(day)s)",
        action=change.action_title,
        old=w.status_text(change.old_status),
        new=w.status_text(change.new_status),
        day=w.day_text(change.noted_on),
    )


def survey_value_text(value: d.SurveyValue) -> str:
    return _(
        "%(indicator)s (%(place)s): %(value)s",
        indicator=value.indicator_title,
        place=w.place_text(value.scope_label, value.subgroup),
        value=w.number_text(value.value, value.unit),
    )


def change_sections(changes: d.Changes) -> list[tuple[str, list[str]]]:
    """(heading, lines) of each non-empty part of "what changed"."""
    sections = [
        (_("Improved"), [value_change_text(c) for c in changes.improved]),
        (_("Worsened"), [value_change_text(c) for c in changes.worsened]),
        (_("Targets newly met"), [value_change_text(c) for c in changes.newly_met]),
        (
            _("Targets no longer met"),
            [value_change_text(c) for c in changes.newly_missed],
        ),
        (
            _("Actions whose status changed"),
            [status_change_text(c) for c in changes.status_changes],
        ),
        (
            _("New values from feedback surveys"),
            [survey_value_text(v) for v in changes.survey_values],
        ),
    ]
    return [(heading, lines) for heading, lines in sections if lines]


def _changes(document: DocumentType, report: AnnualReport) -> None:
    document.add_heading(_("What changed since the last period"), level=1)
    changes = report.dashboard.changes
    if changes.empty:
        document.add_paragraph(_("Nothing to compare with the previous period yet."))
        return
    for heading, lines in change_sections(changes):
        document.add_heading(heading, level=2)
        _bullets(document, lines)


def indicator_header(report: AnnualReport) -> list[str]:
    return [
        _("Place"),
        _("Group"),
        _("Value %(period)s", period=report.period or ""),
        _("Previous %(period)s", period=report.previous_period or ""),
        _("Change"),
        _("Target"),
        _("Verdict"),
    ]


def _indicator(
    document: DocumentType, report: AnnualReport, status: d.IndicatorStatus
) -> None:
    document.add_heading(status.title, level=3)
    facts = [
        w.direction_text(status.direction),
        w.source_text(status),
    ]
    if status.unit:
        facts.insert(0, _("Unit: %(unit)s", unit=status.unit))
    document.add_paragraph(" · ".join(facts))
    if not status.has_values:
        document.add_paragraph(_("No value yet"))
        return
    rows = [
        [
            row.scope_label,
            w.subgroup_text(row.subgroup),
            w.number_text(row.current, status.unit),
            w.number_text(row.previous, status.unit),
            w.change_text(row.change, status.unit),
            w.target_text(status.direction, row.target, status.unit),
            [(w.verdict_text(row, status.unit), True), (" · ", False)]
            + [(w.trend_text(row.trend), False)],
        ]
        for row in status.rows
    ]
    table(document, indicator_header(report), rows)
    document.add_paragraph()
    document.add_picture(io.BytesIO(trend_png(status)), width=CHART_WIDTH)
    shape = document.inline_shapes[-1]
    shape._inline.docPr.set(
        "descr",
        _(
            "Line chart of %(indicator)s. %(description)s",
            indicator=status.title,
            description=chart_description(status),
        ),
    )


def _actions(document: DocumentType, goal: d.GoalStatus) -> None:
    document.add_heading(_("Actions"), level=2)
    if not goal.actions:
        document.add_paragraph(_("No actions yet."))
        return
    counts = ", ".join(
        f"{w.status_text(status)} {count}"
        for status, count in goal.status_counts.items()
        if count
    )
    document.add_paragraph(counts)
    rows = [
        [
            action.title,
            action.owner or "–",
            w.day_text(action.due_on),
            [(w.status_text(action.status), False)]
            + ([(" · " + _("Overdue"), True)] if action.overdue else []),
        ]
        for action in goal.actions
    ]
    table(document, [_("Action"), _("Owner"), _("Due"), _("Status")], rows)
    for action in goal.actions:
        if not action.notes:
            continue
        document.add_paragraph().add_run(action.title).bold = True
        _bullets(
            document,
            [
                f"{w.day_text(note.noted_on)} – {w.status_text(note.status)}"
                + (f": {note.body}" if note.body else "")
                for note in action.notes
            ],
        )


def annual_docx(report: AnnualReport) -> bytes:
    """The annual report as .docx bytes, in the report's language, built from a copy
    cleaned of what Word cannot hold (``word_safe``)."""
    report = word_safe(report)
    document = Document()
    with force_locale(report.language):
        set_language(document, report.language)
        properties = document.core_properties
        properties.title = document_title(report)
        properties.subject = period_text(report)
        properties.author = "Osallistamo"
        properties.created = report.generated_at
        _title_page(document, report)
        _changes(document, report)
        if not report.dashboard.goals:
            document.add_paragraph(_("No goals have been set yet."))
        for goal in report.dashboard.goals:
            document.add_page_break()
            document.add_heading(goal.title, level=1)
            document.add_heading(_("Indicators"), level=2)
            if not goal.indicators:
                document.add_paragraph(_("No indicators yet."))
            for status in goal.indicators:
                _indicator(document, report, status)
            _actions(document, goal)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
