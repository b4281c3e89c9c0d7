"""Goals of the follow-up plan: add, edit, reorder, remove, and draw from the proposal."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required

from ..extensions import db
from ..forms import ConfirmForm, edit_form
from ..i18n import localized
from ..models import Goal
from ..web import (
    apply_move,
    confirm_then,
    get_in_process_or_404,
    load_in_process,
    load_process,
    save_or_show,
)
from . import bp, queries, services
from .forms import GoalForm
from .urls import goal_anchor, plan_url


@bp.route("/<slug>/monitoring/goals/new", methods=["GET", "POST"])
@bp.route("/<slug>/monitoring/goals/<int:goal_id>/edit", methods=["GET", "POST"])
@login_required
def goal_form(slug: str, goal_id: int | None = None):
    """Add a goal at the end of the plan, or edit one."""
    process = load_process(slug, "monitoring.manage")
    goal = (
        get_in_process_or_404(process, Goal, goal_id) if goal_id is not None else None
    )
    form = edit_form(GoalForm, goal, main_language=process.language)

    def save() -> Goal:
        texts = dict(title=form.title.data, description=form.description.data)
        if goal is None:
            return services.add_goal(process, **texts)
        return services.update_goal(goal, **texts)

    return save_or_show(
        form,
        save,
        form.title.form[process.language],
        _("The goal has been added.")
        if goal is None
        else _("The changes have been saved."),
        lambda saved: plan_url(process, goal_anchor(saved)),
        lambda: render_template(
            "monitoring/goal_form.html", form=form, process=process, goal=goal
        ),
    )


@bp.route("/<slug>/monitoring/goals/<int:goal_id>/move", methods=["POST"])
@login_required
def move_goal(slug: str, goal_id: int):
    """Move a goal one step up or down in the plan."""
    process, goal = load_in_process(slug, "monitoring.manage", Goal, goal_id)
    apply_move(services.move_goal, goal, _("The order of the goals has been changed."))
    return redirect(plan_url(process, goal_anchor(goal)))


@bp.route("/<slug>/monitoring/goals/<int:goal_id>/delete", methods=["GET", "POST"])
@login_required
def delete_goal(slug: str, goal_id: int):
    """Ask for confirmation (with what goes with the goal), then remove it."""
    process, goal = load_in_process(slug, "monitoring.manage", Goal, goal_id)
    title = localized(goal.title, process.language)
    return confirm_then(
        "monitoring/goal_delete.html",
        lambda: services.delete_goal(goal),
        _("The goal “%(title)s” has been removed.", title=title),
        plan_url(process),
        process=process,
        goal=goal,
        counts=queries.goal_counts(goal),
    )


@bp.route("/<slug>/monitoring/goals/from-proposal", methods=["GET", "POST"])
@login_required
def goals_from_proposal(slug: str):
    """Show which themes of the published proposal become goals; create them on POST."""
    process = load_process(slug, "monitoring.manage")
    form = ConfirmForm()
    refusal, new, existing = None, [], []
    try:
        new, existing = services.proposal_themes(process)
    except services.NoPublishedProposal as error:
        refusal = str(error)
    if refusal is None and not new:
        refusal = _(
            "Every theme the proposal takes up already has a goal. Nothing to add."
        )
    if refusal is None and form.validate_on_submit():
        goals = services.goals_from_proposal(process)
        db.session.commit()
        flash(
            ngettext(
                "%(num)d goal has been added from the proposal.",
                "%(num)d goals have been added from the proposal.",
                len(goals),
            ),
            "success",
        )
        return redirect(plan_url(process))
    page = render_template(
        "monitoring/goals_from_proposal.html",
        form=form,
        process=process,
        new=new,
        existing=existing,
        refusal=refusal,
        proposal_url=url_for("followup.proposal", slug=process.slug),
    )
    return page, (409 if refusal and request.method == "POST" else 200)
