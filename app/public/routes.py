"""The public pages: the list of public processes and each one's open parts.

No sign-in; every view loads the process through ``load_public`` (404 unless public)
and shows only what the summary, the results and the published proposal give any
reader (hidden comments never, people's names only when the process shows names).
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, current_app, render_template, request
from flask_login import current_user

from ..exports import html
from ..exports.proposal_view import proposal_view
from ..exports.summary import build_summary
from ..i18n import LANGUAGE_NAMES, current_language
from ..models import ActionStatus
from ..monitoring import dashboard_words as w
from ..monitoring.dashboard_page import dashboard_context
from ..permissions import can
from ..requests import query_id_or_404
from ..web import get_phase_or_404, paginated
from . import bp
from .queries import (
    closed_ballots,
    describe,
    load_public,
    public_list,
    published_summaries,
)


@bp.route("/")
def index():
    """Every public process, a page at a time."""
    page = paginated(public_list())
    return render_template("public/index.html", page=page)


@bp.route("/<slug>/")
def process(slug: str):
    """The process, its phases and dates, closed results and what follows."""
    process = load_public(slug)
    now = datetime.now(UTC)
    proposal = proposal_view(process, staff=False)
    return render_template(
        "public/process.html",
        process=process,
        description=describe(process),
        summaries=published_summaries(process),
        whole_summary=can(current_user, "public.summary", process),
        ballots=closed_ballots(process, now),
        proposal=proposal,
        has_goals=bool(getattr(process, "goals", [])),
    )


@bp.route("/<slug>/summary")
def summary(slug: str):
    """A closed discussion's summary (``?phase=``) or the whole process's."""
    process = load_public(slug)
    phase = None
    phase_id = query_id_or_404("phase")
    if phase_id is not None:
        phase = get_phase_or_404(process, phase_id)
    if not can(current_user, "public.summary", phase or process):
        abort(404)
    language = request.args.get("lang", "")
    if language not in current_app.config["LANGUAGES"]:
        language = current_language()
    data = build_summary(process, phase=phase, language=language, public=True)
    return render_template(
        "public/summary.html",
        process=process,
        phase=phase,
        summary=data,
        language=language,
        languages=LANGUAGE_NAMES,
        description=describe(process),
        body=html.body_html(data, proposal_view(process, staff=False)),
    )


@bp.route("/<slug>/proposal")
def proposal(slug: str):
    """The published follow-up proposal (none: not found)."""
    process = load_public(slug)
    view = proposal_view(process, staff=False)
    if view is None:
        abort(404)
    current = process.proposal.current
    return render_template(
        "public/proposal.html",
        process=process,
        version=current,
        published_at=view.published_at,
        themes={theme.id: theme for theme in process.themes},
        description=describe(process),
    )


@bp.route("/<slug>/dashboard")
def dashboard(slug: str):
    """The follow-up dashboard: goals, indicators against targets, actions."""
    process = load_public(slug)
    return render_template(
        "public/dashboard.html",
        process=process,
        **dashboard_context(process, team=False),
        statuses=list(ActionStatus),
        words=w.WORDS,
        description=describe(process),
    )
