"""Joining a work group with an invite link or a short code."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import DomainError, GroupFull
from ..extensions import db, limiter
from ..forms import form_status
from ..groups import services as group_services
from ..permissions import can
from ..seminars.joining import find_workshop_by_code
from ..seminars.urls import live_url
from ..urls import safe_next
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


def _no_code_asked() -> bool:
    return not request.args.get("code")


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit(join_per_address, methods=["POST"])
# A code in the address is looked up too (the wall's QR code): the same limit.
@limiter.limit(join_per_address, methods=["GET"], exempt_when=_no_code_asked)
def join_code():
    """Type the code from an invitation or a workshop's wall; it leads on.

    A work group's invite code leads to the group's join page. A workshop's code
    (the wall's QR code opens this page with it filled in) leads a member of the
    process straight to the workshop's phone page, and anyone else to how to get in:
    sign in, or join one's work group first and then continue to the workshop.
    """
    form = JoinCodeForm()
    after = request.args.get("next")
    workshop = None
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args["code"][:32]
        workshop = find_workshop_by_code(form.code.data)
    elif form.validate_on_submit():
        workshop = find_workshop_by_code(form.code.data)
        if workshop is None:
            try:
                group = group_services.find_group_by_code(form.code.data)
            except DomainError as error:
                form.code.errors.append(str(error.message))
            else:
                return redirect(
                    url_for("auth.join", code=group.invite_code, next=after)
                )
    if workshop is not None:
        return _workshop_door(workshop)
    status = form_status(form)
    return render_template("auth/join_code.html", form=form), status


def _workshop_door(workshop):
    """A workshop's code: its phone page for the process's people, else how to get in."""
    if current_user.is_authenticated and can(
        current_user, "seminar.view", workshop.process
    ):
        return redirect(live_url(workshop))
    # The group's invite code is asked next; joining then continues to the workshop.
    form = JoinCodeForm(formdata=None)
    return render_template(
        "auth/join_workshop.html", form=form, workshop=workshop, next=live_url(workshop)
    )


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
        return redirect(_after_joining(group))
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
        return redirect(_after_joining(group))
    status = form_status(form)
    return render_template(
        "auth/join.html", form=form, group=group, signed_in=signed_in
    ), status


def _after_joining(group) -> str:
    """Where a member goes next: back to what sent them here (a workshop), or the
    process."""
    after = request.args.get("next")
    if after:
        return safe_next(after)
    return url_for("processes.detail", slug=group.process.slug)
