"""Views of the monitoring blueprint: the plan page, and the loaders the route
modules share. The route modules are imported at the bottom."""

from __future__ import annotations

from flask import abort, render_template, url_for
from flask_login import current_user, login_required

from ..extensions import db
from ..forms import ConfirmForm
from ..models import Action, Goal, Indicator, IndicatorValue, Process, ProposalStatus
from ..permissions import can, require
from ..web import get_process_or_404
from . import bp, queries, services
from .forms import helsinki_today


def load_process(slug: str, *, manage: bool = False) -> Process:
    """The process, if the user may follow (or, with ``manage``, keep) its plan."""
    process = get_process_or_404(slug)
    require(current_user, "monitoring.manage" if manage else "monitoring.view", process)
    return process


def get_goal_or_404(process: Process, goal_id: int) -> Goal:
    goal = db.session.get(Goal, goal_id)
    if goal is None or goal.process_id != process.id:
        abort(404)
    return goal


def get_action_or_404(process: Process, action_id: int) -> Action:
    action = db.session.get(Action, action_id)
    if action is None or action.goal.process_id != process.id:
        abort(404)
    return action


def get_indicator_or_404(process: Process, indicator_id: int) -> Indicator:
    indicator = db.session.get(Indicator, indicator_id)
    if indicator is None or indicator.goal.process_id != process.id:
        abort(404)
    return indicator


def get_value_or_404(indicator: Indicator, value_id: int) -> IndicatorValue:
    value = db.session.get(IndicatorValue, value_id)
    if value is None or value.indicator_id != indicator.id:
        abort(404)
    return value


def plan_url(process: Process, anchor: str | None = None) -> str:
    return url_for("monitoring.plan", slug=process.slug, _anchor=anchor)


@bp.route("/<slug>/monitoring")
@login_required
def plan(slug: str):
    """The follow-up plan: goals in order with their actions and indicators."""
    process = load_process(slug)
    goals = list(process.goals)
    indicators = [indicator for goal in goals for indicator in goal.indicators]
    proposal = process.proposal
    return render_template(
        "monitoring/plan.html",
        process=process,
        goals=goals,
        latest=queries.latest_figures(indicators),
        today=helsinki_today(),
        is_overdue=services.is_overdue,
        manage=can(current_user, "monitoring.manage", process),
        proposal_published=proposal is not None
        and proposal.status is ProposalStatus.PUBLISHED,
        form=ConfirmForm(),
    )


from . import (  # noqa: E402
    labels,  # noqa: F401
    routes_actions,  # noqa: F401
    routes_dashboard,  # noqa: F401
    routes_goals,  # noqa: F401
    routes_import,  # noqa: F401
    routes_indicators,  # noqa: F401
    routes_values,  # noqa: F401
)
