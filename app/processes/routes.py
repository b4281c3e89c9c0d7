"""Processes: the list, creating, the overview page and editing."""

from functools import partial

import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import unique_write
from ..errors import DuplicateName
from ..forms import edit_form, form_status
from ..models import DeletedAccountComments, Process
from ..permissions import require, visible_processes
from ..web import load_process, paginated
from . import bp, services
from .forms import ProcessForm


def _process_fields(form: ProcessForm) -> dict:
    """The service arguments from a validated process form (the address apart)."""
    return {
        "title": form.title.data,
        "language": form.language.data,
        "region": form.region.data or "",
        "description": form.description.data,
        "show_names": bool(form.show_names.data),
        "deleted_account_comments": DeletedAccountComments(
            form.deleted_account_comments.data
        ),
    }


def _save_form(form: ProcessForm, process: Process | None, save, saved_message: str):
    """The create and edit views' body: save a valid form and go to the process's
    page, or show the form again (a web address taken meanwhile at its field)."""
    if form.validate_on_submit():
        try:
            with unique_write():
                saved = save(**_process_fields(form))
        except DuplicateName:
            form.slug.errors.append(
                _("This web address is already in use. Choose another one.")
            )
        else:
            flash(saved_message, "success")
            return redirect(url_for("processes.detail", slug=saved.slug))
    return render_template(
        "processes/form.html", form=form, process=process
    ), form_status(form)


@bp.route("/")
@login_required
def index():
    """The processes the user may see, newest first, a page at a time."""
    stmt = visible_processes(sa.select(Process), current_user).order_by(
        Process.created_at.desc(), Process.id.desc()
    )
    page = paginated(stmt)
    return render_template("processes/index.html", page=page)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    """Create a process; the creator becomes its facilitator."""
    require(current_user, "process.create")
    form = ProcessForm()
    return _save_form(
        form,
        None,
        partial(
            services.create_process, creator=current_user, slug=form.slug.data or ""
        ),
        _("The process has been created."),
    )


@bp.route("/<slug>/")
@login_required
def detail(slug: str):
    """The process at a glance: description, phases, themes and work groups."""
    process = load_process(slug, "process.view")
    my_groups = [
        m.group for m in current_user.memberships if m.group.process_id == process.id
    ]
    return render_template(
        "processes/detail.html", process=process, my_groups=my_groups
    )


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str):
    """Edit the process's texts, main language and web address."""
    process = load_process(slug, "process.manage")
    form = edit_form(ProcessForm, process)
    return _save_form(
        form,
        process,
        partial(services.update_process, process, slug=form.slug.data or process.slug),
        _("The changes have been saved."),
    )
