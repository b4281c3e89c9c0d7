"""The follow-up plan page: goals in order with their actions and indicators."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from ..forms import ConfirmForm
from ..models import ProposalStatus
from ..permissions import can
from ..web import load_process
from . import bp, queries, services
from .forms import helsinki_today


@bp.route("/<slug>/monitoring")
@login_required
def plan(slug: str):
    """The follow-up plan: goals in order with their actions and indicators."""
    process = load_process(slug, "monitoring.view")
    goals = list(process.goals)
    indicators = [indicator for goal in goals for indicator in goal.indicators]
    proposal = process.proposal
    return render_template(
        "monitoring/plan.html",
        process=process,
        goals=goals,
        latest=queries.latest_figures(
            indicators,
            team=can(current_user, "monitoring.survey_organisations", process),
        ),
        today=helsinki_today(),
        is_overdue=services.is_overdue,
        manage=can(current_user, "monitoring.manage", process),
        proposal_published=proposal is not None
        and proposal.status is ProposalStatus.PUBLISHED,
        form=ConfirmForm(),
    )
