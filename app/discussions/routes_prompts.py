"""A discussion's questions: add, edit, reorder and remove (facilitators)."""

from functools import partial

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import localized
from ..web import apply_move, save_prompt_texts
from . import bp, services
from .forms import PromptForm
from .queries import get_prompt_or_404, load_discussion


def settings_url(slug: str, phase_id: int) -> str:
    return url_for("discussions.settings", slug=slug, phase_id=phase_id) + "#prompts"


def _render(form, process, discussion, prompt):
    page = render_template(
        "discussions/prompt_form.html",
        form=form,
        process=process,
        discussion=discussion,
        phase=discussion.phase,
        prompt=prompt,
    )
    return page, form_status(form)


@bp.route("/<slug>/discussions/<int:phase_id>/prompts/new", methods=["GET", "POST"])
@login_required
def add_prompt(slug: str, phase_id: int):
    """Add a question (at most four)."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    form = PromptForm(main_language=process.language)
    if form.validate_on_submit():
        saved = save_prompt_texts(
            form,
            process.language,
            partial(services.add_prompt, discussion),
            _("The question has been added."),
            settings_url(slug, phase_id),
        )
        if saved is not None:
            return saved
    return _render(form, process, discussion, None)


@bp.route(
    "/<slug>/discussions/<int:phase_id>/prompts/<int:prompt_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_prompt(slug: str, phase_id: int, prompt_id: int):
    """Edit a question's texts."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    prompt = get_prompt_or_404(discussion, prompt_id)
    if request.method == "GET":
        form = PromptForm(obj=prompt, main_language=process.language)
    else:
        form = PromptForm(main_language=process.language)
    if form.validate_on_submit():
        saved = save_prompt_texts(
            form,
            process.language,
            partial(services.update_prompt, prompt),
            _("The changes have been saved."),
            settings_url(slug, phase_id),
        )
        if saved is not None:
            return saved
    return _render(form, process, discussion, prompt)


@bp.route(
    "/<slug>/discussions/<int:phase_id>/prompts/<int:prompt_id>/move", methods=["POST"]
)
@login_required
def move_prompt(slug: str, phase_id: int, prompt_id: int):
    """Move a question one step up or down."""
    _process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    prompt = get_prompt_or_404(discussion, prompt_id)
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
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    prompt = get_prompt_or_404(discussion, prompt_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        question = localized(prompt.question, process.language)
        services.delete_prompt(prompt)
        db.session.commit()
        flash(
            _("The question “%(question)s” has been removed.", question=question),
            "success",
        )
        return redirect(settings_url(slug, phase_id))
    return render_template(
        "discussions/prompt_delete.html",
        form=form,
        process=process,
        discussion=discussion,
        phase=discussion.phase,
        prompt=prompt,
    )
