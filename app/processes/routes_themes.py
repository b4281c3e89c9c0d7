"""A process's development themes: add, edit, reorder and remove (facilitators and admins)."""

from flask import abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import MissingTitle
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import localized
from ..models import Process, Theme
from ..permissions import require
from ..web import apply_move, get_process_or_404
from . import bp, services_themes
from .forms_phases import ThemeForm
from .routes import overview_url


def get_theme_or_404(process: Process, theme_id: int) -> Theme:
    """Load a theme of this process; another process's theme is not found here."""
    theme = db.session.get(Theme, theme_id)
    if theme is None or theme.process_id != process.id:
        abort(404)
    return theme


def _load(slug: str, theme_id: int | None = None) -> tuple[Process, Theme | None]:
    """Load the process, check the facilitator's right, then load the theme."""
    process = get_process_or_404(slug)
    require(current_user, "process.manage", process)
    theme = get_theme_or_404(process, theme_id) if theme_id is not None else None
    return process, theme


def _render_form(form: ThemeForm, process: Process, theme: Theme | None):
    return (
        render_template(
            "processes/theme_form.html", form=form, process=process, theme=theme
        ),
        form_status(form),
    )


@bp.route("/<slug>/themes/new", methods=["GET", "POST"])
@login_required
def add_theme(slug: str):
    """Add a theme at the end of the process's list."""
    process, _theme = _load(slug)
    form = ThemeForm(main_language=process.language)
    if form.validate_on_submit():
        try:
            services_themes.add_theme(
                process,
                title=form.title.data,
                description=form.description.data,
                keywords=form.keywords.data or "",
            )
        except MissingTitle as error:
            db.session.rollback()
            form.title.form[process.language].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The theme has been added."), "success")
            return redirect(overview_url(process, "themes"))
    return _render_form(form, process, None)


@bp.route("/<slug>/themes/<int:theme_id>/edit", methods=["GET", "POST"])
@login_required
def edit_theme(slug: str, theme_id: int):
    """Edit a theme's title and description."""
    process, theme = _load(slug, theme_id)
    if request.method == "GET":
        form = ThemeForm(main_language=process.language, obj=theme)
    else:
        form = ThemeForm(main_language=process.language)
    if form.validate_on_submit():
        try:
            services_themes.update_theme(
                theme,
                title=form.title.data,
                description=form.description.data,
                keywords=form.keywords.data or "",
            )
        except MissingTitle as error:
            db.session.rollback()
            form.title.form[process.language].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The changes have been saved."), "success")
            return redirect(overview_url(process, "themes"))
    return _render_form(form, process, theme)


@bp.route("/<slug>/themes/<int:theme_id>/move", methods=["POST"])
@login_required
def move_theme(slug: str, theme_id: int):
    """Move a theme one step up or down in the order."""
    process, theme = _load(slug, theme_id)
    apply_move(
        services_themes.move_theme,
        theme,
        _("The order of the themes has been changed."),
    )
    return redirect(overview_url(process, "themes"))


@bp.route("/<slug>/themes/<int:theme_id>/delete", methods=["GET", "POST"])
@login_required
def delete_theme(slug: str, theme_id: int):
    """Ask for confirmation, then remove a theme (POST only)."""
    process, theme = _load(slug, theme_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        title = localized(theme.title, process.language)
        services_themes.delete_theme(theme)
        db.session.commit()
        flash(_("The theme “%(title)s” has been removed.", title=title), "success")
        return redirect(overview_url(process, "themes"))
    return render_template(
        "processes/theme_delete.html", form=form, process=process, theme=theme
    )
