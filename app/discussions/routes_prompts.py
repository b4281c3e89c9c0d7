"""A discussion's questions: add, edit, reorder and remove (facilitators)."""

from functools import partial

from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..forms import edit_form
from ..i18n import localized
from ..web import apply_move, confirm_then, save_prompt_or_show
from . import bp, services
from .forms import PromptForm
from .queries import load_discussion, load_prompt, page_context


def settings_url(slug: str, phase_id: int) -> str:
    return url_for("discussions.settings", slug=slug, phase_id=phase_id) + "#prompts"


def _save_or_show(form, process, discussion, prompt, save, saved_message):
    """Save the question's texts (add or edit), or show the form with its errors."""
    return save_prompt_or_show(
        form,
        process.language,
        save,
        saved_message,
        settings_url(process.slug, discussion.phase_id),
        lambda: render_template(
            "discussions/prompt_form.html",
            form=form,
            **page_context(process, discussion),
            prompt=prompt,
        ),
    )


@bp.route("/<slug>/discussions/<int:phase_id>/prompts/new", methods=["GET", "POST"])
@login_required
def add_prompt(slug: str, phase_id: int):
    """Add a question (at most four)."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    return _save_or_show(
        PromptForm(main_language=process.language),
        process,
        discussion,
        None,
        partial(services.add_prompt, discussion),
        _("The question has been added."),
    )


@bp.route(
    "/<slug>/discussions/<int:phase_id>/prompts/<int:prompt_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_prompt(slug: str, phase_id: int, prompt_id: int):
    """Edit a question's texts."""
    process, discussion, prompt = load_prompt(
        slug, phase_id, prompt_id, "discussion.manage"
    )
    return _save_or_show(
        edit_form(PromptForm, prompt, main_language=process.language),
        process,
        discussion,
        prompt,
        partial(services.update_prompt, prompt),
        _("The changes have been saved."),
    )


@bp.route(
    "/<slug>/discussions/<int:phase_id>/prompts/<int:prompt_id>/move", methods=["POST"]
)
@login_required
def move_prompt(slug: str, phase_id: int, prompt_id: int):
    """Move a question one step up or down."""
    _process, discussion, prompt = load_prompt(
        slug, phase_id, prompt_id, "discussion.manage"
    )
    apply_move(
        services.move_prompt, prompt, _("The order of the questions has been changed.")
    )
    return redirect(settings_url(slug, phase_id))


@bp.route(
    "/<slug>/discussions/<int:phase_id>/prompts/<int:prompt_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_prompt(slug: str, phase_id: int, prompt_id: int):
    """Ask for confirmation, then remove a question (POST only)."""
    process, discussion, prompt = load_prompt(
        slug, phase_id, prompt_id, "discussion.manage"
    )
    question = localized(prompt.question, process.language)
    return confirm_then(
        "discussions/prompt_delete.html",
        partial(services.delete_prompt, prompt),
        _("The question “%(question)s” has been removed.", question=question),
        settings_url(slug, phase_id),
        **page_context(process, discussion),
        prompt=prompt,
    )
