"""Work groups of a process: the list, creating, editing, the group page, deleting."""

from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import unique_write
from ..errors import DuplicateName
from ..extensions import db
from ..forms import edit_form, form_status
from ..models import Organisation, WorkGroup
from ..urls import external_url
from ..web import load_process, paginated
from . import bp, drafts, queries, services
from .forms import WorkGroupForm
from .labels import KIND_LABELS


def _duplicate_name_error() -> str:
    return _("This process already has a work group with this name.")


def _group_fields(form: WorkGroupForm) -> dict:
    """The service arguments from a validated work-group form."""
    return {
        "name": form.name.data,
        "organisation": db.get_or_404(Organisation, form.organisation_id.data),
        "contact_name": form.contact_name.data or "",
        "contact_email": form.contact_email.data or "",
        "seats": form.seats.data,
    }


def _group_url(group: WorkGroup) -> str:
    return url_for("groups.group_detail", slug=group.process.slug, group_id=group.id)


def _wants_organisation(form: WorkGroupForm, process, group) -> str | None:
    """On the form's "Add an organisation" button: keep the typed values and return
    the organisation form's address (it brings the user back), else None."""
    if not (form.is_submitted() and form.add_organisation.data):
        return None
    key = drafts.save(form, process.slug, group.id if group else None)
    return url_for("groups.create_organisation", draft=key)


def _render_form(form: WorkGroupForm, process, group, organisations):
    return render_template(
        "groups/form.html",
        form=form,
        process=process,
        group=group,
        organisations=organisations,
    ), form_status(form)


def _group_form(process, group, save, saved_message):
    """The add and edit views' body: the form (or the values kept while an
    organisation was added), a detour to add an organisation, or the save."""
    organisations = queries.all_organisations()
    draft_key = request.args.get("draft")
    draft = drafts.values(draft_key) if request.method == "GET" else None
    form = WorkGroupForm(data=draft) if draft else edit_form(WorkGroupForm, group)
    form.set_organisations(organisations)
    if add_url := _wants_organisation(form, process, group):
        return redirect(add_url)
    if form.validate_on_submit():
        try:
            with unique_write():
                saved = save(_group_fields(form))
        except DuplicateName:
            form.name.errors.append(_duplicate_name_error())
        except services.InvalidSeats as error:
            form.seats.errors.append(str(error))
        else:
            drafts.discard(draft_key)
            flash(saved_message(saved), "success")
            return redirect(_group_url(saved))
    return _render_form(form, process, group, organisations)


@bp.route("/p/<slug>/groups/")
@login_required
def group_list(slug: str):
    """The work groups of a process with members and invite status, a page at a time."""
    process = load_process(slug, "group.manage")
    stmt = (
        sa.select(WorkGroup)
        .where(WorkGroup.process_id == process.id)
        .options(so.selectinload(WorkGroup.organisation))
        .order_by(WorkGroup.name, WorkGroup.id)
    )
    page = paginated(stmt)
    counts = queries.member_counts(group.id for group in page.items)
    return render_template(
        "groups/list.html", process=process, page=page, counts=counts
    )


@bp.route("/p/<slug>/groups/new", methods=["GET", "POST"])
@login_required
def create_group(slug: str):
    """Add a work group to the process; it gets its own invite link at once."""
    process = load_process(slug, "group.manage")
    return _group_form(
        process,
        None,
        lambda fields: services.create_group(process, actor=current_user, **fields),
        lambda group: _("The work group %(name)s has been added.", name=group.name),
    )


@bp.route("/p/<slug>/groups/<int:group_id>")
@login_required
def group_detail(slug: str, group_id: int):
    """The group page: the members, and for managers the invite link and code."""
    process, group = queries.load_group(slug, group_id, "group.view")
    return render_template(
        "groups/detail.html",
        process=process,
        group=group,
        memberships=queries.memberships_of(group),
        invite_url=external_url("auth.join", code=group.invite_code),
        kind_labels=KIND_LABELS,
    )


@bp.route("/p/<slug>/groups/<int:group_id>/edit", methods=["GET", "POST"])
@login_required
def edit_group(slug: str, group_id: int):
    """Change a work group's name, organisation or contact person."""
    process, group = queries.load_group(slug, group_id, "group.manage")
    return _group_form(
        process,
        group,
        lambda fields: services.update_group(group, actor=current_user, **fields),
        lambda saved: _("The changes have been saved."),
    )


@bp.route("/p/<slug>/groups/<int:group_id>/delete", methods=["GET", "POST"])
@login_required
def delete_group(slug: str, group_id: int):
    """Confirm, then delete a work group; its members lose their membership."""
    process, group = queries.load_group(slug, group_id, "group.manage")
    if request.method == "POST":
        name = group.name
        services.delete_group(group, actor=current_user)
        db.session.commit()
        flash(_("The work group %(name)s has been deleted.", name=name), "success")
        return redirect(url_for("groups.group_list", slug=process.slug))
    member_count = queries.member_counts([group.id]).get(group.id, 0)
    return render_template(
        "groups/delete.html", process=process, group=group, member_count=member_count
    )
