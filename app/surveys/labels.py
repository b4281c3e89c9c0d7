"""Survey figures in the reader's style, for templates."""

from __future__ import annotations

from flask_babel import format_decimal

from . import bp


@bp.app_template_filter("survey_average")
def survey_average(value: float | None) -> str:
    """An average with two decimals in the reader's style (3,50 in Finnish)."""
    if value is None:
        return "–"
    return format_decimal(value, format="0.00")


@bp.app_template_filter("survey_percent")
def survey_percent(share: float) -> str:
    """A share as a whole percentage in the reader's style."""
    return format_decimal(share * 100, format="0")
