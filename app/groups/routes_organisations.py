"""Organisations: the list, creating, editing and deleting (with confirmation)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from ..database import unique_write
from ..errors import DuplicateName
from ..extensions import db
from ..forms import form_status
from ..models import Organisation
from ..permissions import require
from ..urls import safe_next
from ..web import paginated
from . import bp, drafts, queries, services
from .forms import OrganisationForm
from .labels import KIND_LABELS


def _duplicate_name_error() -> str:
    return _("An organisation with this name already exists.")


@bp.route("/organisations/")
@login_required
def organisations():
    """All organisations with their kind and number of work groups, a page at a time."""
    require(current_user, "organisation.manage")
    stmt = sa.select(Organisation).order_by(Organisation.name, Organisation.id)
    page = paginated(stmt)
    counts = queries.group_counts(org.id for org in page.items)
    return render_template(
        "groups/organisations.html", page=page, counts=counts, kind_labels=KIND_LABELS
    )


@bp.route("/organisations/new", methods=["GET", "POST"])
@login_required
def create_organisation():
    """Add an organisation; ``draft`` (a work-group form's kept values) or ``next``
    brings the user back, to the group form with the new organisation selected."""
    require(current_user, "organisation.manage")
    form = OrganisationForm()
    draft_key = request.args.get("draft")
    next_url = drafts.back_url(draft_key) or request.args.get("next")
    if form.validate_on_submit():
        try:
            with unique_write():
                organisation = services.create_organisation(
                    actor=current_user, name=form.name.data, kind=form.kind_value
                )
        except DuplicateName:
            form.name.errors.append(_duplicate_name_error())
        else:
            drafts.choose_organisation(draft_key, organisation.id)
            flash(
                _("The organisation %(name)s has been added.", name=organisation.name),
                "success",
            )
            return redirect(safe_next(next_url, "groups.organisations"))
    return render_template(
        "groups/organisation_form.html",
        form=form,
        organisation=None,
        cancel_url=safe_next(next_url, "groups.organisations"),
    ), form_status(form)


@bp.route("/organisations/<int:organisation_id>/edit", methods=["GET", "POST"])
@login_required
def edit_organisation(organisation_id: int):
    """Rename an organisation or change its kind (only one used in the
    facilitator's own processes, or in none)."""
    require(current_user, "organisation.manage")
    organisation = db.get_or_404(Organisation, organisation_id)
    require(current_user, "organisation.edit", organisation)
    form = (
        OrganisationForm(obj=organisation)
        if request.method == "GET"
        else OrganisationForm()
    )
    if form.validate_on_submit():
        try:
            with unique_write():
                services.update_organisation(
                    organisation,
                    actor=current_user,
                    name=form.name.data,
                    kind=form.kind_value,
                )
        except DuplicateName:
            form.name.errors.append(_duplicate_name_error())
        else:
            flash(_("The changes have been saved."), "success")
            return redirect(url_for("groups.organisations"))
    return render_template(
        "groups/organisation_form.html",
        form=form,
        organisation=organisation,
        cancel_url=url_for("groups.organisations"),
    ), form_status(form)


@bp.route("/organisations/<int:organisation_id>/delete", methods=["GET", "POST"])
@login_required
def delete_organisation(organisation_id: int):
    """Confirm, then delete an organisation; refused while work groups belong to it."""
    require(current_user, "organisation.manage")
    organisation = db.get_or_404(Organisation, organisation_id)
    require(current_user, "organisation.edit", organisation)
    status = 200
    if request.method == "POST":
        name = organisation.name
        try:
            services.delete_organisation(organisation, actor=current_user)
            db.session.commit()
        except (services.OrganisationInUse, IntegrityError):
            # IntegrityError: a group was added after the check (the FK is RESTRICT).
            db.session.rollback()
            status = 409
        else:
            flash(
                _("The organisation %(name)s has been deleted.", name=name), "success"
            )
            return redirect(url_for("groups.organisations"))
    groups = queries.groups_of_organisation(organisation)
    return render_template(
        "groups/organisation_delete.html",
        organisation=organisation,
        groups=groups,
        refused=status == 409,
    ), status
