"""Translated names of the monitoring enums, and template filters to show them."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as babel_format_date
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

from ..i18n import DATE_PATTERN, current_language
from ..models import ActionStatus, Direction, IndicatorSource, PeriodKind, ValueOrigin
from . import bp
from .targets import Verdict

ACTION_STATUS_LABELS = {
    ActionStatus.PLANNED: _l("Planned"),
    ActionStatus.IN_PROGRESS: _l("In progress"),
    ActionStatus.DONE: _l("Done"),
    ActionStatus.DROPPED: _l("Dropped"),
}

DIRECTION_LABELS = {
    Direction.HIGHER: _l("Higher is better (the target is a minimum)"),
    Direction.LOWER: _l("Lower is better (the target is a maximum)"),
}

SOURCE_LABELS = {
    IndicatorSource.REPORT: _l("Report or register"),
    IndicatorSource.SURVEY: _l("Feedback survey"),
    IndicatorSource.MANUAL: _l("Entered by hand"),
}

PERIOD_KIND_LABELS = {
    PeriodKind.SCHOOL_YEAR: _l("School year (e.g. 2025-2026)"),
    PeriodKind.CALENDAR_YEAR: _l("Calendar year (e.g. 2026)"),
}

PERIOD_EXAMPLES = {
    PeriodKind.SCHOOL_YEAR: "2025-2026",
    PeriodKind.CALENDAR_YEAR: "2026",
}

ORIGIN_LABELS = {
    ValueOrigin.MANUAL: _l("Entered by hand"),
    ValueOrigin.IMPORT: _l("Imported from a file"),
    ValueOrigin.SURVEY: _l("From a feedback survey"),
}

VERDICT_LABELS = {
    Verdict.MET: _l("Target met"),
    Verdict.NOT_MET: _l("Target not met"),
    Verdict.NO_TARGET: _l("No target"),
    Verdict.NO_VALUE: _l("No value yet"),
}

#: Statuses after which an action can no longer be late.
CLOSED_STATUSES = frozenset({ActionStatus.DONE, ActionStatus.DROPPED})


def number(value: float | None) -> str:
    """A figure in the reader's style: 31,5 in Finnish, 31.5 in English; 30 not 30.0."""
    if value is None:
        return ""
    return format_decimal(value, format="#,##0.###")


def day(value: date | None) -> str:
    """A calendar day (not a moment): 1.3.2026."""
    if value is None:
        return ""
    return babel_format_date(value, DATE_PATTERN, locale=current_language())


def target_text(direction: Direction | str, value: float, unit: str = "") -> str:
    """ "at least 30 %" or "at most 15 %"."""
    shown = f"{number(value)} {unit}".strip()
    if Direction(direction) is Direction.HIGHER:
        return str(_l("at least %(value)s", value=shown))
    return str(_l("at most %(value)s", value=shown))


def _label(labels: dict, enum_class):
    def _filter(value) -> str:
        if value is None or value == "":
            return ""
        return str(labels[enum_class(value)])

    return _filter


bp.add_app_template_filter(
    _label(ACTION_STATUS_LABELS, ActionStatus), "monitoring_status"
)
bp.add_app_template_filter(_label(DIRECTION_LABELS, Direction), "monitoring_direction")
bp.add_app_template_filter(_label(SOURCE_LABELS, IndicatorSource), "monitoring_source")
bp.add_app_template_filter(
    _label(PERIOD_KIND_LABELS, PeriodKind), "monitoring_period_kind"
)
bp.add_app_template_filter(_label(ORIGIN_LABELS, ValueOrigin), "monitoring_origin")
bp.add_app_template_filter(_label(VERDICT_LABELS, Verdict), "monitoring_verdict")
bp.add_app_template_filter(number, "monitoring_number")
bp.add_app_template_filter(day, "monitoring_date")
bp.add_app_template_global(target_text, "monitoring_target_text")


def _target_for(indicator, subgroup: str):
    from .targets import target_for

    return target_for(indicator, subgroup)


bp.add_app_template_global(_target_for, "monitoring_target_for")
