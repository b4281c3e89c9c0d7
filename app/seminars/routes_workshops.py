"""Workshops of a workshop block: add, edit (with their prompts), reorder, remove."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import localized
from ..models import AgendaKind
from ..web import apply_move
from . import bp
from . import services_workshops as services
from .forms import WorkshopForm
from .methods import METHODS, spec, structure_warning
from .routes import (
    get_item_or_404,
    get_workshop_or_404,
    load,
    settings_url,
)


def workshop_url(slug: str, phase_id: int, workshop_id: int, anchor=None) -> str:
    return url_for(
        "seminars.edit_workshop",
        slug=slug,
        phase_id=phase_id,
        workshop_id=workshop_id,
        _anchor=anchor,
    )


def _values(form: WorkshopForm) -> dict:
    return {
        "title": form.title.data,
        "description": form.description.data,
        "facilitator_name": form.facilitator_name.data or "",
        "room": form.room.data or "",
        "method": form.method.data,
        "seat_limit": form.seat_limit.data,
    }


def _render(form, process, seminar, block, workshop):
    page = render_template(
        "seminars/workshop_form.html",
        form=form,
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        block=block,
        workshop=workshop,
        methods=METHODS,
        method=spec(workshop.method) if workshop else None,
        warning=structure_warning(workshop) if workshop else None,
        can_add=services.can_add_prompt(workshop) if workshop else False,
    )
    return page, form_status(form)


@bp.route(
    "/<slug>/seminars/<int:phase_id>/agenda/<int:item_id>/workshops/new",
    methods=["GET", "POST"],
)
@login_required
def add_workshop(slug: str, phase_id: int, item_id: int):
    """Add a workshop to a workshop block; its prompts are set up next."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    block = get_item_or_404(seminar, item_id)
    if block.kind is not AgendaKind.WORKSHOPS:
        abort(404)
    form = WorkshopForm(main_language=process.language)
    if form.validate_on_submit():
        try:
            workshop = services.add_workshop(block, **_values(form))
        except DomainError as error:
            db.session.rollback()
            form.title.form[process.language].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The workshop has been added."), "success")
            return redirect(workshop_url(slug, phase_id, workshop.id, "prompts"))
    return _render(form, process, seminar, block, None)


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_workshop(slug: str, phase_id: int, workshop_id: int):
    """Edit a workshop and list its prompts (questions, stations, parts...)."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    workshop = get_workshop_or_404(seminar, workshop_id)
    if request.method == "GET":
        form = WorkshopForm(obj=workshop, main_language=process.language)
        form.method.data = workshop.method.value
    else:
        form = WorkshopForm(main_language=process.language)
    if form.validate_on_submit():
        try:
            services.update_workshop(workshop, **_values(form))
        except DomainError as error:
            db.session.rollback()
            form.title.form[process.language].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The changes have been saved."), "success")
            return redirect(workshop_url(slug, phase_id, workshop.id))
    return _render(form, process, seminar, workshop.block, workshop)


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/move",
    methods=["POST"],
)
@login_required
def move_workshop(slug: str, phase_id: int, workshop_id: int):
    """Move a workshop one step up or down within its block."""
    _process, seminar = load(slug, phase_id, "seminar.manage")
    workshop = get_workshop_or_404(seminar, workshop_id)
    apply_move(
        services.move_workshop,
        workshop,
        _("The order of the workshops has been changed."),
    )
    return redirect(settings_url(slug, phase_id, f"item-{workshop.agenda_item_id}"))


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_workshop(slug: str, phase_id: int, workshop_id: int):
    """Ask for confirmation, then remove a workshop (POST only)."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    workshop = get_workshop_or_404(seminar, workshop_id)
    form = ConfirmForm()
    title = localized(workshop.title, process.language)
    block_id = workshop.agenda_item_id
    if form.validate_on_submit():
        services.delete_workshop(workshop)
        db.session.commit()
        flash(_("The workshop “%(title)s” has been removed.", title=title), "success")
        return redirect(settings_url(slug, phase_id, f"item-{block_id}"))
    return render_template(
        "seminars/workshop_delete.html",
        form=form,
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        workshop=workshop,
        title=title,
        chosen=len(workshop.choices),
    )
