"""Workshops of a workshop block: add, edit (with their prompts), reorder, remove."""

from flask import abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import localized
from ..models import AgendaItem, AgendaKind
from ..web import apply_move, get_in_process_or_404, save_or_field_error
from . import bp
from . import services_workshops as services
from .forms import WorkshopForm
from .methods import METHODS, spec, structure_warning
from .queries import in_seminar, load_seminar, load_workshop
from .urls import settings_url, workshop_url

WORKSHOP_RULE = "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>"


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
    process, seminar = load_seminar(slug, phase_id, "seminar.manage")
    block = get_in_process_or_404(process, AgendaItem, item_id, in_seminar(seminar))
    if block.kind is not AgendaKind.WORKSHOPS:
        abort(404)
    form = WorkshopForm(main_language=process.language)
    if form.validate_on_submit():
        try:
            workshop = services.add_workshop(block, **form.values())
        except DomainError as error:
            db.session.rollback()
            form.title.form[process.language].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The workshop has been added."), "success")
            return redirect(workshop_url(slug, phase_id, workshop.id, "prompts"))
    return _render(form, process, seminar, block, None)


@bp.route(
    f"{WORKSHOP_RULE}/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_workshop(slug: str, phase_id: int, workshop_id: int):
    """Edit a workshop and list its prompts (questions, stations, parts...)."""
    process, seminar, workshop = load_workshop(
        slug, phase_id, workshop_id, "seminar.manage"
    )
    if request.method == "GET":
        form = WorkshopForm(obj=workshop, main_language=process.language)
        form.method.data = workshop.method.value
    else:
        form = WorkshopForm(main_language=process.language)
    if form.validate_on_submit():
        saved = save_or_field_error(
            lambda: services.update_workshop(workshop, **form.values()),
            form.title.form[process.language],
            _("The changes have been saved."),
            workshop_url(slug, phase_id, workshop.id),
        )
        if saved is not None:
            return saved
    return _render(form, process, seminar, workshop.block, workshop)


@bp.route(
    f"{WORKSHOP_RULE}/move",
    methods=["POST"],
)
@login_required
def move_workshop(slug: str, phase_id: int, workshop_id: int):
    """Move a workshop one step up or down within its block."""
    process, seminar, workshop = load_workshop(
        slug, phase_id, workshop_id, "seminar.manage"
    )
    apply_move(
        services.move_workshop,
        workshop,
        _("The order of the workshops has been changed."),
    )
    return redirect(settings_url(slug, phase_id, f"item-{workshop.agenda_item_id}"))


@bp.route(
    f"{WORKSHOP_RULE}/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_workshop(slug: str, phase_id: int, workshop_id: int):
    """Ask for confirmation, then remove a workshop (POST only)."""
    process, seminar, workshop = load_workshop(
        slug, phase_id, workshop_id, "seminar.manage"
    )
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
