"""A process's phases: add, edit, reorder and delete (facilitators and admins)."""

from functools import partial

from flask import render_template
from flask_babel import gettext as _
from flask_login import login_required

from ..errors import InvalidSchedule
from ..forms import edit_form
from ..i18n import from_helsinki_input, to_helsinki_input
from ..models import Phase, Process
from ..web import load_in_process, load_process, save_or_show
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


def _field_of(form: PhaseForm, process: Process):
    """Where a refusal shows: a schedule's at the end time, others at the title."""

    def field(error):
        if isinstance(error, InvalidSchedule):
            return form.ends_at
        return form.title.form[process.language]

    return field


def _save_or_show(form: PhaseForm, process: Process, phase, save, saved_message):
    return save_or_show(
        form,
        lambda: save(**_form_values(form)),
        _field_of(form, process),
        saved_message,
        overview_url(process, "phases"),
        lambda: render_template(
            "processes/phase_form.html", form=form, process=process, phase=phase
        ),
    )


@bp.route("/<slug>/phases/new", methods=["GET", "POST"])
@login_required
def add_phase(slug: str):
    """Add a phase at the end of the process."""
    process = load_process(slug, "process.manage")
    form = PhaseForm(main_language=process.language)
    return _save_or_show(
        form,
        process,
        None,
        partial(services_phases.add_phase, process),
        _("The phase has been added."),
    )


@bp.route("/<slug>/phases/<int:phase_id>/edit", methods=["GET", "POST"])
@login_required
def edit_phase(slug: str, phase_id: int):
    """Edit a phase's kind, texts and times."""
    process, phase = load_in_process(slug, "process.manage", Phase, phase_id)
    form = edit_form(
        PhaseForm,
        phase,
        {
            "kind": phase.kind.value,
            "starts_at": to_helsinki_input(phase.starts_at),
            "ends_at": to_helsinki_input(phase.ends_at),
        },
        main_language=process.language,
    )
    return _save_or_show(
        form,
        process,
        phase,
        partial(services_phases.update_phase, phase),
        _("The changes have been saved."),
    )


@bp.route("/<slug>/phases/<int:phase_id>/move", methods=["POST"])
@login_required
def move_phase(slug: str, phase_id: int):
    """Move a phase one step up or down in the order."""
    return move_in_list(
        slug,
        Phase,
        phase_id,
        "phases",
        services_phases.move_phase,
        _("The order of the phases has been changed."),
    )


@bp.route("/<slug>/phases/<int:phase_id>/delete", methods=["GET", "POST"])
@login_required
def delete_phase(slug: str, phase_id: int):
    """Ask for confirmation, then delete a phase (POST only)."""
    return delete_from_list(
        slug,
        Phase,
        phase_id,
        "phases",
        services_phases.delete_phase,
        lambda title: _("The phase “%(title)s” has been deleted.", title=title),
        "processes/phase_delete.html",
    )
