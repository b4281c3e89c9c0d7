"""A workshop's prompts: add, edit, reorder and remove (facilitators).

What a prompt is called follows the workshop's method: a station of a process walk,
a statement of a feeling line, a part of a treasure map.
"""

from functools import partial

from flask import redirect, render_template
from flask_babel import gettext as _
from flask_login import login_required

from ..forms import edit_form
from ..i18n import localized
from ..web import apply_move, confirm_then, save_prompt_or_show
from . import bp
from . import services_workshops as services
from .forms import WorkshopPromptForm
from .methods import spec
from .queries import load_workshop, load_workshop_prompt, page_context
from .urls import workshop_url

PROMPTS_RULE = "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/prompts"


def _form(workshop, process, prompt=None) -> WorkshopPromptForm:
    """The prompt form, called as the method calls its prompts ("Station")."""
    form = edit_form(WorkshopPromptForm, prompt, main_language=process.language)
    form.question.label.text = str(spec(workshop.method).prompt_label)
    return form


def _save_or_show(form, process, seminar, workshop, prompt, save, saved_message):
    """Save the prompt's texts (add or edit), or show the form with its errors."""
    return save_prompt_or_show(
        form,
        process.language,
        save,
        saved_message,
        _back(process.slug, seminar.phase_id, workshop),
        lambda: render_template(
            "seminars/prompt_form.html",
            form=form,
            **page_context(process, seminar),
            workshop=workshop,
            method=spec(workshop.method),
            prompt=prompt,
        ),
    )


def _back(slug: str, phase_id: int, workshop) -> str:
    return workshop_url(slug, phase_id, workshop.id, "prompts")


@bp.route(
    f"{PROMPTS_RULE}/new",
    methods=["GET", "POST"],
)
@login_required
def add_workshop_prompt(slug: str, phase_id: int, workshop_id: int):
    """Add a prompt at the end of the workshop's list."""
    process, seminar, workshop = load_workshop(
        slug, phase_id, workshop_id, "seminar.manage"
    )
    return _save_or_show(
        _form(workshop, process),
        process,
        seminar,
        workshop,
        None,
        partial(services.add_workshop_prompt, workshop),
        _("The prompt has been added."),
    )


@bp.route(
    f"{PROMPTS_RULE}/<int:prompt_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_workshop_prompt(slug: str, phase_id: int, workshop_id: int, prompt_id: int):
    """Edit a prompt's texts."""
    process, seminar, workshop, prompt = load_workshop_prompt(
        slug, phase_id, workshop_id, prompt_id, "seminar.manage"
    )
    return _save_or_show(
        _form(workshop, process, prompt),
        process,
        seminar,
        workshop,
        prompt,
        partial(services.update_workshop_prompt, prompt),
        _("The changes have been saved."),
    )


@bp.route(
    f"{PROMPTS_RULE}/<int:prompt_id>/move",
    methods=["POST"],
)
@login_required
def move_workshop_prompt(slug: str, phase_id: int, workshop_id: int, prompt_id: int):
    """Move a prompt one step up or down."""
    process, seminar, workshop, prompt = load_workshop_prompt(
        slug, phase_id, workshop_id, prompt_id, "seminar.manage"
    )
    apply_move(services.move_workshop_prompt, prompt, _("The order has been changed."))
    return redirect(_back(slug, phase_id, workshop))


@bp.route(
    f"{PROMPTS_RULE}/<int:prompt_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_workshop_prompt(slug: str, phase_id: int, workshop_id: int, prompt_id: int):
    """Ask for confirmation, then remove a prompt (POST only)."""
    process, seminar, workshop, prompt = load_workshop_prompt(
        slug, phase_id, workshop_id, prompt_id, "seminar.manage"
    )
    text = localized(prompt.question, process.language)
    return confirm_then(
        "seminars/prompt_delete.html",
        partial(services.delete_workshop_prompt, prompt),
        _("“%(text)s” has been removed.", text=text),
        _back(slug, phase_id, workshop),
        **page_context(process, seminar),
        workshop=workshop,
        method=spec(workshop.method),
        prompt=prompt,
    )
