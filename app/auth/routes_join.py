"""Joining a work group with an invite link or a short code."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import DomainError, GroupFull
from ..extensions import db, limiter
from ..forms import form_status
from ..groups import services as group_services
from . import bp
from .forms import JoinAsSignedInForm, JoinCodeForm, JoinForm
from .limits import join_per_address
from .sessions import start_session


def _full(group):
    """Every place of the group is taken: say so, and who can help (409)."""
    message = GroupFull(group.seats).message
    return render_template(
        "auth/join_invalid.html", message=message, heading=_("The work group is full")
    ), 409


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit(join_per_address, methods=["POST"])
def join_code():
    """Type the code from an invitation; it leads to the group's join page."""
    form = JoinCodeForm()
    if form.validate_on_submit():
        try:
            group = group_services.find_group_by_code(form.code.data)
        except DomainError as error:
            form.code.errors.append(str(error.message))
        else:
            return redirect(url_for("auth.join", code=group.invite_code))
    status = form_status(form)
    return render_template("auth/join_code.html", form=form), status


@bp.route("/join/<code>", methods=["GET", "POST"])
@limiter.limit(join_per_address, methods=["POST"])
def join(code: str):
    """Join the work group behind an invite link, with a display name, no password."""
    try:
        group = group_services.find_group_by_code(code)
    except DomainError as error:
        return render_template("auth/join_invalid.html", message=error.message), 404
    if not group.invite_open:
        return render_template(
            "auth/join_invalid.html",
            message=_(
                "This invitation is closed. Ask your facilitator for a new link."
            ),
        ), 410
    signed_in = current_user.is_authenticated
    if signed_in and group.has_member(current_user):
        flash(_("You are already a member of %(group)s.", group=group.name), "info")
        return redirect(url_for("processes.detail", slug=group.process.slug))
    if group_services.is_full(group):
        return _full(group)
    form = JoinAsSignedInForm() if signed_in else JoinForm()
    if form.validate_on_submit():
        name = "" if signed_in else form.display_name.data
        try:
            user, group = group_services.join_group(
                code, user=current_user if signed_in else None, display_name=name
            )
        except GroupFull:
            db.session.rollback()
            return _full(group)
        except DomainError as error:
            db.session.rollback()
            flash(str(error.message), "error")
            return redirect(url_for("auth.join_code"))
        db.session.commit()
        if not signed_in:
            start_session(user)
        flash(
            _("Welcome! You are now a member of %(group)s.", group=group.name),
            "success",
        )
        return redirect(url_for("processes.detail", slug=group.process.slug))
    status = form_status(form)
    return render_template(
        "auth/join.html", form=form, group=group, signed_in=signed_in
    ), status
