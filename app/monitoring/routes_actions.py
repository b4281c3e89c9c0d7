"""Actions of a goal, and their dated status notes."""

from __future__ import annotations

from flask import redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..forms import form_status
from ..models import Action, ActionNote, Process
from ..permissions import can, require
from ..web import (
    apply_move,
    confirm_then,
    get_in_process_or_404,
    load_in_process,
    load_process,
    save_or_field_error,
    save_or_show,
)
from . import bp, queries, services
from .forms import ActionForm, NoteForm, helsinki_today
from .urls import action_url, goal_anchor, plan_url


def _action_form(process: Process, action: Action | None) -> ActionForm:
    if request.method == "GET" and action is not None:
        form = ActionForm(
            data={
                "title": action.title,
                "description": action.description,
                "owner": str(action.owner_organisation_id or ""),
                "due_on": action.due_on,
                "status": action.status.value,
            }
        )
    else:
        form = ActionForm()
    form.set_organisations(*queries.organisations_for(process))
    form.title.render_kw = {"lang": process.language}
    form.description.render_kw = {"lang": process.language, "rows": 6}
    return form


@bp.route("/<slug>/monitoring/goals/<int:goal_id>/actions/new", methods=["GET", "POST"])
@bp.route("/<slug>/monitoring/actions/<int:action_id>/edit", methods=["GET", "POST"])
@login_required
def action_form(slug: str, goal_id: int | None = None, action_id: int | None = None):
    """Add an action at the end of a goal's actions, or edit one."""
    process = load_process(slug, "monitoring.manage")
    goal, action = queries.goal_and_item(process, Action, action_id, goal_id)
    form = _action_form(process, action)

    def save() -> Action:
        fields = dict(
            title=form.title.data,
            description=form.description.data or "",
            owner=queries.chosen_organisation(form.owner.data),
            due_on=form.due_on.data,
            status=form.status.data,
        )
        if action is None:
            return services.add_action(goal, **fields)
        return services.update_action(action, **fields)

    return save_or_show(
        form,
        save,
        form.title,
        _("The action has been added.")
        if action is None
        else _("The changes have been saved."),
        action_url,
        lambda: render_template(
            "monitoring/action_form.html",
            form=form,
            process=process,
            goal=goal,
            action=action,
        ),
    )


@bp.route("/<slug>/monitoring/actions/<int:action_id>", methods=["GET", "POST"])
@login_required
def action(slug: str, action_id: int):
    """An action with its status notes, newest first; the team adds notes here."""
    process = load_process(slug, "monitoring.view")
    action = get_in_process_or_404(process, Action, action_id)
    if request.method == "POST":  # only the team adds notes
        require(current_user, "monitoring.manage", process)
    manage = can(current_user, "monitoring.manage", process)
    form = None
    if manage:
        form = NoteForm()
        if request.method == "GET":
            form.status.data = action.status.value
        form.body.render_kw = {"lang": process.language, "rows": 4}
    if form is not None and form.validate_on_submit():
        saved = save_or_field_error(
            lambda: services.add_note(
                action,
                noted_on=form.noted_on.data,
                status=form.status.data,
                body=form.body.data or "",
                actor=current_user,
                today=helsinki_today(),
            ),
            form.noted_on,  # NoteInFuture
            _("The status note has been added."),
            action_url(action, "notes"),
        )
        if saved is not None:
            return saved
    page = render_template(
        "monitoring/action.html",
        process=process,
        action=action,
        goal=action.goal,
        notes=list(action.notes),
        form=form,
        manage=manage,
        overdue=services.is_overdue(action, helsinki_today()),
    )
    return page, form_status(form) if form is not None else 200


@bp.route("/<slug>/monitoring/actions/<int:action_id>/move", methods=["POST"])
@login_required
def move_action(slug: str, action_id: int):
    """Move an action one step within its goal."""
    process, action = load_in_process(slug, "monitoring.manage", Action, action_id)
    apply_move(
        services.move_action, action, _("The order of the actions has been changed.")
    )
    return redirect(plan_url(process, goal_anchor(action.goal)))


@bp.route("/<slug>/monitoring/actions/<int:action_id>/delete", methods=["GET", "POST"])
@login_required
def delete_action(slug: str, action_id: int):
    """Ask for confirmation, then remove an action with its notes."""
    process, action = load_in_process(slug, "monitoring.manage", Action, action_id)
    return confirm_then(
        "monitoring/action_delete.html",
        lambda: services.delete_action(action),
        _("The action “%(title)s” has been removed.", title=action.title),
        plan_url(process, goal_anchor(action.goal)),
        process=process,
        action=action,
        note_count=len(action.notes),
    )


@bp.route(
    "/<slug>/monitoring/actions/<int:action_id>/notes/<int:note_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_note(slug: str, action_id: int, note_id: int):
    """Ask for confirmation, then remove a status note (the status follows the
    newest note left)."""
    process, action = load_in_process(slug, "monitoring.manage", Action, action_id)
    note = get_in_process_or_404(
        process, ActionNote, note_id, lambda note: note.action_id == action.id
    )
    return confirm_then(
        "monitoring/note_delete.html",
        lambda: services.delete_note(note),
        _("The status note has been removed."),
        action_url(action, "notes"),
        process=process,
        action=action,
        note=note,
    )
