"""Progress at a glance: the monitoring dashboard and the annual report downloads.

For everyone in the process (rule "monitoring.view"). ``?period=2025-2026`` (or a
calendar year) chooses the period; the default is the latest period with values.
The report files take ``?lang=fi|sv|en`` (default: the reader's language).
"""

from __future__ import annotations

from flask import current_app, render_template, request, url_for
from flask_login import current_user, login_required

from ..csvfiles import download_response
from ..i18n import LANGUAGE_NAMES, current_language
from ..models import ActionStatus
from ..permissions import can
from ..web import load_process
from . import bp
from . import dashboard_words as w
from .dashboard_page import dashboard_context, period_arg
from .report_files import FORMATS, export_report


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
    context = dashboard_context(process, team=_team(process))
    data = context["data"]
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
        **context,
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
        period=period_arg(),
        language=_language_arg(),
        team=_team(process),
    )
    return download_response(
        result.body, mimetype=result.mimetype, filename=result.filename
    )
