"""The coding view's words and numbers, for templates."""

from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

from . import bp
from .queries import CodingStatus

STATUS_LABELS = {
    CodingStatus.ALL: _l("All comments"),
    CodingStatus.UNCODED: _l("Uncoded (no confirmed theme)"),
    CodingStatus.CODED: _l("Coded"),
    CodingStatus.SUGGESTED: _l("With suggestions waiting"),
}


@bp.app_template_filter("coding_score")
def coding_score(score: float | None) -> str:
    """A suggestion's score with two decimals in the reader's style (0,42 in fi)."""
    return format_decimal(score or 0, format="0.00")
