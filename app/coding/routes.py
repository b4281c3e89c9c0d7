"""The facilitators' coding view: comments with their themes, suggestions and filters.

Every action is a plain POST form that returns to the same filtered page, at the
comment's card (or the next card, when the comment has left the filtered list);
static/js/coding.js adds one-key shortcuts that submit the same forms.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ..extensions import db
from ..forms import theme_choices
from ..i18n import localized
from ..models import Process
from ..web import apply_or_flash, get_comment_or_404, load_process
from . import bp, queries, services
from .forms import (
    AddCodeForm,
    CodingActionForm,
    SuggestForm,
    filters_from_args,
    int_arg,
    page_args,
)
from .labels import STATUS_LABELS
from .queries import CodingFilters

#: What each action on a tag does, and what the flash says afterwards.
TAG_ACTIONS = {
    "accept": (
        lambda tag, actor, now: services.confirm(tag, actor=actor, now=now),
        _l("“%(theme)s” confirmed."),
    ),
    "reject": (
        lambda tag, actor, now: services.reject(tag, actor=actor, now=now),
        _l("Suggestion “%(theme)s” rejected."),
    ),
    "remove": (
        lambda tag, actor, now: services.remove_code(tag, actor=actor, now=now),
        _l("“%(theme)s” removed from the comment."),
    ),
    "feature": (
        lambda tag, actor, now: services.set_featured(tag, True, actor=actor),
        _l("The comment is now a quote of “%(theme)s”."),
    ),
    "unfeature": (
        lambda tag, actor, now: services.set_featured(tag, False, actor=actor),
        _l("The comment is no longer a quote of “%(theme)s”."),
    ),
}


def _back(process: Process, phase, filters: CodingFilters, comment_id, after):
    """Return to the list at the comment, or at the next one if it left the list."""
    anchor = "coding-list"
    if comment_id is not None and queries.matches(process, phase, filters, comment_id):
        anchor = f"comment-{comment_id}"
    elif after is not None:
        anchor = f"comment-{after}"
    return redirect(
        url_for(
            "coding.index",
            slug=process.slug,
            **page_args(filters, request.args),
            _anchor=anchor,
        )
    )


@bp.route("/<slug>/coding/")
@login_required
def index(slug: str):
    """The comments of a phase or the whole process, with their codes and filters."""
    process = load_process(slug, "process.code", queries.coding_page_options())
    filters, phase = filters_from_args(process, request.args)
    model = queries.suggestion_model()
    # Every count of the page (the filtered list's too) in one statement.
    counts = queries.coding_counts(process, phase, filters, model=model)
    page = db.paginate(
        queries.coding_query(process, phase, filters),
        page=int_arg(request.args, "page") or 1,
        per_page=current_app.config["ITEMS_PER_PAGE"],
        error_out=False,
        count=False,
    )
    page.total = counts.matching
    if not page.items and page.pages and page.page > page.pages:
        # The last comment of the last page left the filter: show the new last page.
        return redirect(
            url_for("coding.index", slug=slug, **filters.as_args(), page=page.pages)
        )
    return render_template(
        "coding/index.html",
        process=process,
        phase=phase,
        filters=filters,
        filter_args=filters.as_args(),
        page_args=page_args(filters, request.args),
        page=page,
        counts=counts,
        method=queries.SuggestionMethod(model, counts.embedded),
        phases=queries.coding_phases(process),
        prompts=queries.prompts_of(process, phase),
        organisations=queries.organisations_of(process),
        statuses=STATUS_LABELS,
        themes=theme_choices(process),
        suggest_form=SuggestForm(),
    )


@bp.route("/<slug>/coding/suggest", methods=["POST"])
@login_required
def suggest(slug: str):
    """Run the suggestions for the comments of the chosen phase (or every phase)."""
    process = load_process(slug, "process.code")
    filters, phase = filters_from_args(process, request.args)
    if not SuggestForm().validate_on_submit():
        abort(400)
    if not process.themes:
        flash(_("Add themes to the process first."), "error")
    else:
        result = services.refresh_suggestions(
            process, phase=phase, now=datetime.now(UTC)
        )
        db.session.commit()
        flash(
            _(
                "Suggestions updated: %(suggested)d of %(total)d comments have "
                "suggestions.",
                suggested=result.suggested_comments,
                total=result.comments,
            ),
            "success",
        )
    return _back(process, phase, filters, None, None)


@bp.route(
    "/<slug>/coding/tags/<int:tag_id>/<any(accept,reject,remove,feature,unfeature):action>",
    methods=["POST"],
)
@login_required
def act(slug: str, tag_id: int, action: str):
    """Accept or reject a suggestion, remove a code, or choose it as a quote."""
    process = load_process(slug, "process.code")
    tag = queries.get_tag_or_404(process, tag_id)
    filters, phase = filters_from_args(process, request.args)
    form = CodingActionForm()
    if not form.validate_on_submit():
        abort(400)
    run, done = TAG_ACTIONS[action]
    theme = localized(tag.theme.title, process.language)
    apply_or_flash(
        lambda: run(tag, current_user._get_current_object(), datetime.now(UTC)),
        str(done) % {"theme": theme},
    )
    return _back(process, phase, filters, tag.comment_id, form.after_id)


@bp.route("/<slug>/coding/comments/<int:comment_id>/codes", methods=["POST"])
@login_required
def add_code(slug: str, comment_id: int):
    """Code a comment to a theme by hand."""
    process = load_process(slug, "process.code")
    comment = get_comment_or_404(process, comment_id)
    filters, phase = filters_from_args(process, request.args)
    form = AddCodeForm(themes=theme_choices(process))
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        flash(_("Choose one of the process's themes."), "error")
        return _back(process, phase, filters, comment.id, form.after_id)
    theme = next(t for t in process.themes if t.id == form.theme.data)
    apply_or_flash(
        lambda: services.add_code(
            comment,
            theme,
            actor=current_user._get_current_object(),
            now=datetime.now(UTC),
        ),
        lambda _code: _(
            "“%(theme)s” added to the comment.",
            theme=localized(theme.title, process.language),
        ),
    )
    return _back(process, phase, filters, comment.id, form.after_id)
