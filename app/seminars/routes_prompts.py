"""A workshop's prompts: add, edit, reorder and remove (facilitators).

What a prompt is called follows the workshop's method: a station of a process walk,
a statement of a feeling line, a part of a treasure map.
"""

from functools import partial

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import login_required

from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import localized
from ..web import apply_move, save_prompt_texts
from . import bp
from . import services_workshops as services
from .forms import WorkshopPromptForm
from .methods import spec
from .routes import get_workshop_or_404, get_workshop_prompt_or_404, load
from .routes_workshops import workshop_url


def _form(workshop, process, **kwargs) -> WorkshopPromptForm:
    form = WorkshopPromptForm(main_language=process.language, **kwargs)
    form.question.label.text = str(spec(workshop.method).prompt_label)
    return form


def _render(form, process, seminar, workshop, prompt):
    page = render_template(
        "seminars/prompt_form.html",
        form=form,
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        workshop=workshop,
        method=spec(workshop.method),
        prompt=prompt,
    )
    return page, form_status(form)


def _back(slug: str, phase_id: int, workshop) -> str:
    return workshop_url(slug, phase_id, workshop.id, "prompts")


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/prompts/new",
    methods=["GET", "POST"],
)
@login_required
def add_workshop_prompt(slug: str, phase_id: int, workshop_id: int):
    """Add a prompt at the end of the workshop's list."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    workshop = get_workshop_or_404(seminar, workshop_id)
    form = _form(workshop, process)
    if form.validate_on_submit():
        saved = save_prompt_texts(
            form,
            process.language,
            partial(services.add_workshop_prompt, workshop),
            _("The prompt has been added."),
            _back(slug, phase_id, workshop),
        )
        if saved is not None:
            return saved
    return _render(form, process, seminar, workshop, None)


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/prompts/<int:prompt_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_workshop_prompt(slug: str, phase_id: int, workshop_id: int, prompt_id: int):
    """Edit a prompt's texts."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    workshop = get_workshop_or_404(seminar, workshop_id)
    prompt = get_workshop_prompt_or_404(workshop, prompt_id)
    if request.method == "GET":
        form = _form(workshop, process, obj=prompt)
    else:
        form = _form(workshop, process)
    if form.validate_on_submit():
        saved = save_prompt_texts(
            form,
            process.language,
            partial(services.update_workshop_prompt, prompt),
            _("The changes have been saved."),
            _back(slug, phase_id, workshop),
        )
        if saved is not None:
            return saved
    return _render(form, process, seminar, workshop, prompt)


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/prompts/<int:prompt_id>/move",
    methods=["POST"],
)
@login_required
def move_workshop_prompt(slug: str, phase_id: int, workshop_id: int, prompt_id: int):
    """Move a prompt one step up or down."""
    _process, seminar = load(slug, phase_id, "seminar.manage")
    workshop = get_workshop_or_404(seminar, workshop_id)
    prompt = get_workshop_prompt_or_404(workshop, prompt_id)
    apply_move(services.move_workshop_prompt, prompt, _("The order has been changed."))
    return redirect(_back(slug, phase_id, workshop))


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/prompts/<int:prompt_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_workshop_prompt(slug: str, phase_id: int, workshop_id: int, prompt_id: int):
    """Ask for confirmation, then remove a prompt (POST only)."""
    process, seminar = load(slug, phase_id, "seminar.manage")
    workshop = get_workshop_or_404(seminar, workshop_id)
    prompt = get_workshop_prompt_or_404(workshop, prompt_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        text = localized(prompt.question, process.language)
        services.delete_workshop_prompt(prompt)
        db.session.commit()
        flash(_("“%(text)s” has been removed.", text=text), "success")
        return redirect(_back(slug, phase_id, workshop))
    return render_template(
        "seminars/prompt_delete.html",
        form=form,
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        workshop=workshop,
        method=spec(workshop.method),
        prompt=prompt,
    )
