"""A process's development themes: add, edit, reorder and remove (facilitators and admins)."""

from functools import partial

from flask import render_template
from flask_babel import gettext as _
from flask_login import login_required

from ..forms import edit_form
from ..models import Process, Theme
from ..web import load_in_process, load_process, save_or_show
from . import bp, services_themes
from .forms_themes import ThemeForm
from .lists import delete_from_list, move_in_list, overview_url


def _form_values(form: ThemeForm) -> dict:
    return {
        "title": form.title.data,
        "description": form.description.data,
        "keywords": form.keywords.data or "",
    }


def _save_or_show(form: ThemeForm, process: Process, theme, save, saved_message):
    return save_or_show(
        form,
        lambda: save(**_form_values(form)),
        form.title.form[process.language],
        saved_message,
        overview_url(process, "themes"),
        lambda: render_template(
            "processes/theme_form.html", form=form, process=process, theme=theme
        ),
    )


@bp.route("/<slug>/themes/new", methods=["GET", "POST"])
@login_required
def add_theme(slug: str):
    """Add a theme at the end of the process's list."""
    process = load_process(slug, "process.manage")
    return _save_or_show(
        ThemeForm(main_language=process.language),
        process,
        None,
        partial(services_themes.add_theme, process),
        _("The theme has been added."),
    )


@bp.route("/<slug>/themes/<int:theme_id>/edit", methods=["GET", "POST"])
@login_required
def edit_theme(slug: str, theme_id: int):
    """Edit a theme's title and description."""
    process, theme = load_in_process(slug, "process.manage", Theme, theme_id)
    return _save_or_show(
        edit_form(ThemeForm, theme, main_language=process.language),
        process,
        theme,
        partial(services_themes.update_theme, theme),
        _("The changes have been saved."),
    )


@bp.route("/<slug>/themes/<int:theme_id>/move", methods=["POST"])
@login_required
def move_theme(slug: str, theme_id: int):
    """Move a theme one step up or down in the order."""
    return move_in_list(
        slug,
        Theme,
        theme_id,
        "themes",
        services_themes.move_theme,
        _("The order of the themes has been changed."),
    )


@bp.route("/<slug>/themes/<int:theme_id>/delete", methods=["GET", "POST"])
@login_required
def delete_theme(slug: str, theme_id: int):
    """Ask for confirmation, then remove a theme (POST only)."""
    return delete_from_list(
        slug,
        Theme,
        theme_id,
        "themes",
        services_themes.delete_theme,
        lambda title: _("The theme “%(title)s” has been removed.", title=title),
        "processes/theme_delete.html",
    )
