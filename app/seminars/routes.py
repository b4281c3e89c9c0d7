"""The seminar's agenda page for the process, its settings and the choices overview."""

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..models import (
    AgendaItem,
    AgendaKind,
    Phase,
    PhaseKind,
    Process,
    Prompt,
    Seminar,
    Workshop,
)
from ..permissions import can, require
from ..web import get_process_or_404
from . import bp, services, services_choices
from .forms import SeminarSettingsForm
from .methods import METHODS, structure_warning


def get_seminar_or_404(process: Process, phase_id: int) -> Seminar:
    """Load the seminar of one of this process's seminar phases."""
    phase = db.session.get(Phase, phase_id)
    if (
        phase is None
        or phase.process_id != process.id
        or phase.kind is not PhaseKind.SEMINAR
        or phase.seminar is None
    ):
        abort(404)
    return phase.seminar


def get_item_or_404(seminar: Seminar, item_id: int) -> AgendaItem:
    item = db.session.get(AgendaItem, item_id)
    if item is None or item.seminar_id != seminar.id:
        abort(404)
    return item


def get_workshop_or_404(seminar: Seminar, workshop_id: int) -> Workshop:
    """A workshop of this seminar (another seminar's id is simply not found)."""
    workshop = db.session.get(Workshop, workshop_id)
    if workshop is None or workshop.block.seminar_id != seminar.id:
        abort(404)
    return workshop


def get_workshop_prompt_or_404(workshop: Workshop, prompt_id: int) -> Prompt:
    prompt = db.session.get(Prompt, prompt_id)
    if prompt is None or prompt.workshop_id != workshop.id:
        abort(404)
    return prompt


def load(slug: str, phase_id: int, action: str) -> tuple[Process, Seminar]:
    """The process and seminar of a URL, after checking the action on the process."""
    process = get_process_or_404(slug)
    require(current_user, action, process)
    return process, get_seminar_or_404(process, phase_id)


def settings_url(slug: str, phase_id: int, anchor: str | None = None) -> str:
    return url_for("seminars.settings", slug=slug, phase_id=phase_id, _anchor=anchor)


def agenda_url(slug: str, phase_id: int, anchor: str | None = None) -> str:
    return url_for("seminars.agenda", slug=slug, phase_id=phase_id, _anchor=anchor)


def blocks_of(seminar: Seminar) -> list[AgendaItem]:
    return [item for item in seminar.agenda if item.kind is AgendaKind.WORKSHOPS]


@bp.route("/<slug>/seminars/<int:phase_id>/")
@login_required
def agenda(slug: str, phase_id: int):
    """The seminar: when and where, goal, the agenda and the workshops to choose from."""
    process, seminar = load(slug, phase_id, "seminar.view")
    now = datetime.now(UTC)
    return render_template(
        "seminars/agenda.html",
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        blocks=blocks_of(seminar),
        methods=METHODS,
        taken=services_choices.seat_counts(seminar),
        mine=services_choices.my_choices(seminar, current_user),
        may_choose=can(current_user, "workshop.choose", process),
        choices_open=services_choices.choices_open(seminar, now),
        form=ConfirmForm(),
    )


@bp.route("/<slug>/seminars/<int:phase_id>/settings", methods=["GET", "POST"])
@login_required
def settings(slug: str, phase_id: int):
    """Edit the place, online address, goal and output; set up the agenda."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    if request.method == "GET":
        form = SeminarSettingsForm(obj=seminar, main_language=process.language)
    else:
        form = SeminarSettingsForm(main_language=process.language)
    if form.validate_on_submit():
        try:
            services.update_seminar(
                seminar,
                place=form.place.data or "",
                online_url=form.online_url.data or "",
                goal=form.goal.data,
                expected_output=form.expected_output.data,
            )
        except DomainError as error:
            db.session.rollback()
            form.online_url.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The changes have been saved."), "success")
            return redirect(settings_url(slug, phase_id))
    page = render_template(
        "seminars/settings.html",
        form=form,
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        taken=services_choices.seat_counts(seminar),
        warnings={
            workshop.id: structure_warning(workshop)
            for block in blocks_of(seminar)
            for workshop in block.workshops
        },
    )
    return page, form_status(form)


@bp.route("/<slug>/seminars/<int:phase_id>/choices")
@login_required
def choices(slug: str, phase_id: int):
    """Who chose which workshop, per block: for the facilitators running the rooms."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    return render_template(
        "seminars/choices.html",
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        blocks=blocks_of(seminar),
        people=services_choices.choosers(seminar),
    )
