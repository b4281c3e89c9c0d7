"""Workshops of a workshop block: add, edit (with their prompts), reorder, remove."""

from functools import partial

from flask import abort, redirect, render_template
from flask_babel import gettext as _
from flask_login import login_required

from ..forms import edit_form
from ..i18n import localized
from ..models import AgendaKind
from ..web import apply_move, confirm_then, save_or_show
from . import bp
from . import services_workshops as services
from .forms import WorkshopForm
from .methods import METHODS, spec, structure_warning
from .queries import load_agenda_item, load_workshop, page_context
from .urls import settings_url, workshop_url

WORKSHOP_RULE = "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>"


def _save_or_show(form, process, seminar, block, workshop, save, message, next_url):
    """Save the workshop (add or edit), or show its form; a refusal shows at the
    title."""
    return save_or_show(
        form,
        lambda: save(**form.values()),
        form.title.form[process.language],
        message,
        next_url,
        lambda: render_template(
            "seminars/workshop_form.html",
            form=form,
            **page_context(process, seminar),
            block=block,
            workshop=workshop,
            methods=METHODS,
            method=spec(workshop.method) if workshop else None,
            warning=structure_warning(workshop) if workshop else None,
            can_add=services.can_add_prompt(workshop) if workshop else False,
        ),
    )


@bp.route(
    "/<slug>/seminars/<int:phase_id>/agenda/<int:item_id>/workshops/new",
    methods=["GET", "POST"],
)
@login_required
def add_workshop(slug: str, phase_id: int, item_id: int):
    """Add a workshop to a workshop block; its prompts are set up next."""
    process, seminar, block = load_agenda_item(
        slug, phase_id, item_id, "seminar.manage"
    )
    if block.kind is not AgendaKind.WORKSHOPS:
        abort(404)
    return _save_or_show(
        WorkshopForm(main_language=process.language),
        process,
        seminar,
        block,
        None,
        partial(services.add_workshop, block),
        _("The workshop has been added."),
        lambda workshop: workshop_url(slug, phase_id, workshop.id, "prompts"),
    )


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
    form = edit_form(
        WorkshopForm,
        workshop,
        {"method": workshop.method.value},
        main_language=process.language,
    )
    return _save_or_show(
        form,
        process,
        seminar,
        workshop.block,
        workshop,
        partial(services.update_workshop, workshop),
        _("The changes have been saved."),
        workshop_url(slug, phase_id, workshop.id),
    )


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
    title = localized(workshop.title, process.language)
    return confirm_then(
        "seminars/workshop_delete.html",
        partial(services.delete_workshop, workshop),
        _("The workshop “%(title)s” has been removed.", title=title),
        settings_url(slug, phase_id, f"item-{workshop.agenda_item_id}"),
        **page_context(process, seminar),
        workshop=workshop,
        title=title,
        chosen=len(workshop.choices),
    )
