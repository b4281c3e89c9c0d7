"""A process's phases: add, edit, reorder and delete (facilitators and admins)."""

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import InvalidSchedule, MissingTitle
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import from_helsinki_input, localized, to_helsinki_input
from ..models import Phase, Process
from ..permissions import require
from ..web import apply_move, get_phase_or_404, get_process_or_404
from . import bp, services_phases
from .forms_phases import PhaseForm
from .routes import overview_url


def _load(slug: str, phase_id: int | None = None) -> tuple[Process, Phase | None]:
    """Load the process, check the facilitator's right, then load the phase."""
    process = get_process_or_404(slug)
    require(current_user, "process.manage", process)
    phase = get_phase_or_404(process, phase_id) if phase_id is not None else None
    return process, phase


def _form_values(form: PhaseForm) -> dict:
    return {
        "kind": form.kind.data,
        "title": form.title.data,
        "description": form.description.data,
        "starts_at": from_helsinki_input(form.starts_at.data),
        "ends_at": from_helsinki_input(form.ends_at.data),
    }


def _show_refusal(form: PhaseForm, process: Process, error: Exception) -> None:
    """Tie a service's refusal to the field it concerns (the form checks these first)."""
    if isinstance(error, InvalidSchedule):
        form.ends_at.errors.append(str(error))
    else:
        form.title.form[process.language].errors.append(str(error))


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
    process, _phase = _load(slug)
    form = PhaseForm(main_language=process.language)
    if form.validate_on_submit():
        try:
            services_phases.add_phase(process, **_form_values(form))
        except (InvalidSchedule, MissingTitle) as error:
            db.session.rollback()
            _show_refusal(form, process, error)
        else:
            db.session.commit()
            flash(_("The phase has been added."), "success")
            return redirect(overview_url(process, "phases"))
    return _render_form(form, process, None)


@bp.route("/<slug>/phases/<int:phase_id>/edit", methods=["GET", "POST"])
@login_required
def edit_phase(slug: str, phase_id: int):
    """Edit a phase's kind, texts and times."""
    process, phase = _load(slug, phase_id)
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
        try:
            services_phases.update_phase(phase, **_form_values(form))
        except (InvalidSchedule, MissingTitle) as error:
            db.session.rollback()
            _show_refusal(form, process, error)
        else:
            db.session.commit()
            flash(_("The changes have been saved."), "success")
            return redirect(overview_url(process, "phases"))
    return _render_form(form, process, phase)


@bp.route("/<slug>/phases/<int:phase_id>/move", methods=["POST"])
@login_required
def move_phase(slug: str, phase_id: int):
    """Move a phase one step up or down in the order."""
    process, phase = _load(slug, phase_id)
    apply_move(
        services_phases.move_phase,
        phase,
        _("The order of the phases has been changed."),
    )
    return redirect(overview_url(process, "phases"))


@bp.route("/<slug>/phases/<int:phase_id>/delete", methods=["GET", "POST"])
@login_required
def delete_phase(slug: str, phase_id: int):
    """Ask for confirmation, then delete a phase (POST only)."""
    process, phase = _load(slug, phase_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        title = localized(phase.title, process.language)
        services_phases.delete_phase(phase)
        db.session.commit()
        flash(_("The phase “%(title)s” has been deleted.", title=title), "success")
        return redirect(overview_url(process, "phases"))
    return render_template(
        "processes/phase_delete.html", form=form, process=process, phase=phase
    )
