"""A process's phases: add, edit, reorder and delete (facilitators and admins)."""

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import login_required

from ..errors import DomainError, InvalidSchedule
from ..extensions import db
from ..forms import form_status
from ..i18n import from_helsinki_input, localized, to_helsinki_input
from ..models import Phase, Process
from ..web import load_in_process, load_process
from . import bp, services_phases
from .forms_phases import PhaseForm
from .lists import delete_from_list, move_in_list, overview_url


def _form_values(form: PhaseForm) -> dict:
    return {
        "kind": form.kind.data,
        "title": form.title.data,
        "description": form.description.data,
        "starts_at": from_helsinki_input(form.starts_at.data),
        "ends_at": from_helsinki_input(form.ends_at.data),
    }


def _save(form: PhaseForm, process: Process, save, saved_message: str):
    """Apply the service; or tie its refusal to the field it concerns (the form
    checks these first) and return None so the form is shown again."""
    try:
        save(**_form_values(form))
    except DomainError as error:
        db.session.rollback()
        if isinstance(error, InvalidSchedule):
            form.ends_at.errors.append(str(error))
        else:
            form.title.form[process.language].errors.append(str(error))
        return None
    db.session.commit()
    flash(saved_message, "success")
    return redirect(overview_url(process, "phases"))


def _render_form(form: PhaseForm, process: Process, phase: Phase | None):
    return (
        render_template(
            "processes/phase_form.html", form=form, process=process, phase=phase
        ),
        form_status(form),
    )


@bp.route("/<slug>/phases/new", methods=["GET", "POST"])
@login_required
def add_phase(slug: str):
    """Add a phase at the end of the process."""
    process = load_process(slug, "process.manage")
    form = PhaseForm(main_language=process.language)
    if form.validate_on_submit():
        saved = _save(
            form,
            process,
            lambda **values: services_phases.add_phase(process, **values),
            _("The phase has been added."),
        )
        if saved:
            return saved
    return _render_form(form, process, None)


@bp.route("/<slug>/phases/<int:phase_id>/edit", methods=["GET", "POST"])
@login_required
def edit_phase(slug: str, phase_id: int):
    """Edit a phase's kind, texts and times."""
    process, phase = load_in_process(slug, "process.manage", Phase, phase_id)
    if request.method == "GET":
        form = PhaseForm(
            main_language=process.language,
            data={
                "kind": phase.kind.value,
                "title": phase.title,
                "description": phase.description,
                "starts_at": to_helsinki_input(phase.starts_at),
                "ends_at": to_helsinki_input(phase.ends_at),
            },
        )
    else:
        form = PhaseForm(main_language=process.language)
    if form.validate_on_submit():
        saved = _save(
            form,
            process,
            lambda **values: services_phases.update_phase(phase, **values),
            _("The changes have been saved."),
        )
        if saved:
            return saved
    return _render_form(form, process, phase)


@bp.route("/<slug>/phases/<int:phase_id>/move", methods=["POST"])
@login_required
def move_phase(slug: str, phase_id: int):
    """Move a phase one step up or down in the order."""
    process, phase = load_in_process(slug, "process.manage", Phase, phase_id)
    return move_in_list(
        process,
        "phases",
        services_phases.move_phase,
        phase,
        _("The order of the phases has been changed."),
    )


@bp.route("/<slug>/phases/<int:phase_id>/delete", methods=["GET", "POST"])
@login_required
def delete_phase(slug: str, phase_id: int):
    """Ask for confirmation, then delete a phase (POST only)."""
    process, phase = load_in_process(slug, "process.manage", Phase, phase_id)
    title = localized(phase.title, process.language)
    return delete_from_list(
        process,
        "phases",
        lambda: services_phases.delete_phase(phase),
        _("The phase “%(title)s” has been deleted.", title=title),
        "processes/phase_delete.html",
        phase=phase,
    )
