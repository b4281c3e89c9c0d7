"""Sign in and out, change and reset passwords."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import db, limiter
from ..forms import ConfirmForm, form_status
from ..i18n import current_language
from ..limits import config_limit, user_key
from ..permissions import require
from ..urls import safe_next
from ..web import after_response
from . import bp, services
from .forms import ChangePasswordForm, LoginForm, ResetPasswordForm, ResetRequestForm
from .letters import deliver_reset_letter
from .limits import (
    email_and_address_key,
    email_key,
    password_check_failed,
    record_failed_password,
)
from .sessions import end_session, start_session


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(config_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"])
@limiter.limit(
    config_limit("LOGIN_LIMIT_PER_EMAIL"),
    key_func=email_and_address_key,
    methods=["POST"],
    deduct_when=password_check_failed,
)
def login():
    """Sign in with email and password; the same answer for unknown emails.

    Only failed sign-ins count toward the per-email limit, and per address: the
    owner still gets in after strangers' failures elsewhere (app/auth/limits.py).
    """
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            db.session.commit()
            start_session(user)
            flash(_("You are signed in."), "success")
            return redirect(safe_next(request.args.get("next")))
        record_failed_password()
        form.password.errors.append(_("The email or password is wrong."))
    return render_template("auth/login.html", form=form), form_status(form)


@bp.route("/logout", methods=["POST"])
def logout():
    """Sign out and go to the front page.

    The session ends on the server too: the account's session version changes, so a
    copy of the cookie (taken from this browser) no longer signs anyone in. This also
    signs the account out on its other devices. The browser is asked to forget what
    the site stored in it (Clear-Site-Data): on a shared phone the next person must
    not find the pages or send the notes kept for this one.
    """
    if current_user.is_authenticated:
        services.end_every_session(current_user)
        db.session.commit()
    end_session()
    flash(_("You are signed out."), "success")
    response = redirect(url_for("main.index"))
    # A shared phone keeps nothing of this person: not the copies of the phone pages
    # (live-sw.js), not the notes waiting to be sent (IndexedDB), not the drafts.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.route("/account/sessions", methods=["GET", "POST"])
@login_required
def end_other_sessions():
    """After a confirmation, sign the account out everywhere except in this browser."""
    require(current_user, "account.own_data", current_user)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.end_every_session(current_user)
        db.session.commit()
        start_session(current_user)  # this browser gets the new version
        flash(_("You are now signed out on your other devices."), "success")
        return redirect(url_for("privacy.my_data"))
    return render_template("auth/end_sessions.html", form=form)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@limiter.limit(
    config_limit("PASSWORD_CHECK_LIMIT_PER_USER"),
    key_func=user_key,
    methods=["POST"],
    deduct_when=password_check_failed,
)
def change_password():
    """Change one's own password; other sessions end.

    Wrong current passwords count toward a per-account limit, so a borrowed signed-in
    browser cannot be used to guess the password.
    """
    require(current_user, "account.change_password", current_user)
    if not current_user.password_hash:
        flash(_("Your account joined with an invite code and has no password."), "info")
        return redirect(url_for("main.index"))
    form = ChangePasswordForm()
    form.policy_email = current_user.email
    if form.validate_on_submit():
        if not current_user.check_password(form.current_password.data):
            record_failed_password()
            form.current_password.errors.append(_("The current password is wrong."))
        else:
            services.change_password(current_user, form.new_password.data)
            db.session.commit()
            start_session(current_user)
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("main.index"))
    return render_template("auth/change_password.html", form=form), form_status(form)


@bp.route("/password/reset", methods=["GET", "POST"])
@limiter.limit(config_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"])
@limiter.limit(
    config_limit("LOGIN_LIMIT_PER_EMAIL"), key_func=email_key, methods=["POST"]
)
def reset_request():
    """Email a reset link; the answer is the same whether or not the email exists.

    Nothing about the address is looked at before the answer is sent: finding the
    account, making the token and queueing and sending the letter all happen after
    the response, so its content and timing cannot tell whether the account exists.
    """
    form = ResetRequestForm()
    if form.validate_on_submit():
        email, language = form.email.data, current_language()
        after_response(lambda: deliver_reset_letter(email, language))
        flash(
            _(
                "If an account exists for that address, we have sent a link to set a new password."
            ),
            "success",
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form), form_status(form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@limiter.limit(config_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"])
def reset_password(token: str):
    """Set a new password with a single-use, expiring link."""
    try:
        reset = services.valid_reset_token(token)
    except DomainError as error:
        return render_template("auth/reset_invalid.html", message=error.message), 410
    form = ResetPasswordForm()
    form.policy_email = reset.user.email
    if form.validate_on_submit():
        try:
            services.reset_password(token, form.new_password.data)
        except DomainError as error:
            db.session.rollback()
            return render_template(
                "auth/reset_invalid.html", message=error.message
            ), 410
        db.session.commit()
        end_session()
        flash(_("Your new password is set. Sign in with it."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form), form_status(form)
