"""Progress at a glance: the monitoring dashboard and the annual report downloads.

For everyone in the process (rule "monitoring.view"). ``?period=2025-2026`` (or a
calendar year) chooses the period; the default is the latest period with values.
The report files take ``?lang=fi|sv|en`` (default: the reader's language).
"""

from __future__ import annotations

from flask import abort, current_app, render_template, request, url_for
from flask_login import current_user, login_required

from ..csvfiles import download_response
from ..i18n import LANGUAGE_NAMES, current_language
from ..models import ActionStatus
from ..permissions import can
from ..web import load_process
from . import bp
from . import dashboard_words as w
from .charts import build_trend_chart
from .dashboard_build import build_dashboard
from .periods import period_kind_of, period_sort_key
from .report_files import FORMATS, export_report


def _period_arg() -> str | None:
    """The ``period`` of the query; a malformed one is a 404 (no such page)."""
    period = request.args.get("period", "").strip()
    if not period:
        return None
    if period_kind_of(period) is None:
        abort(404)
    return period


def _team(process) -> bool:
    """The reader sees the team's values (per-organisation survey averages)."""
    return can(current_user, "monitoring.survey_organisations", process)


def _language_arg() -> str:
    language = request.args.get("lang", "")
    if language not in current_app.config["LANGUAGES"]:
        language = current_language()
    return language


@bp.route("/<slug>/monitoring/dashboard")
@login_required
def dashboard(slug: str):
    """Each goal's indicators against their targets, its actions, and what changed."""
    process = load_process(slug, "monitoring.view")
    data = build_dashboard(process, period=_period_arg(), team=_team(process))
    charts = {
        status.indicator_id: build_trend_chart(status, f"chart-{status.indicator_id}")
        for goal in data.goals
        for status in goal.indicators
        if status.has_values
    }
    periods = list(data.periods)
    if data.period and data.period not in periods:
        periods.append(data.period)
    language = current_language()
    downloads = []
    if data.period:
        downloads = [
            (
                fmt,
                url_for(
                    "monitoring.annual_report",
                    slug=slug,
                    fmt=fmt,
                    period=data.period,
                    lang=language,
                ),
            )
            for fmt in FORMATS
        ]
    return render_template(
        "monitoring/dashboard.html",
        process=process,
        data=data,
        charts=charts,
        periods=sorted(periods, key=period_sort_key, reverse=True),
        downloads=downloads,
        languages=LANGUAGE_NAMES,
        statuses=list(ActionStatus),
        words=w.WORDS,
    )


@bp.route("/<slug>/monitoring/report.<any(docx, csv):fmt>")
@login_required
def annual_report(slug: str, fmt: str):
    """The annual report of a period as Word or CSV."""
    process = load_process(slug, "monitoring.view")
    result = export_report(
        process,
        fmt=fmt,
        period=_period_arg(),
        language=_language_arg(),
        team=_team(process),
    )
    return download_response(
        result.body, mimetype=result.mimetype, filename=result.filename
    )
