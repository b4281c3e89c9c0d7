"""One's own data: the overview, the JSON download and deleting the account."""

from datetime import UTC, datetime

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..auth.sessions import end_session
from ..extensions import db, limiter
from ..forms import form_status
from ..limits import config_limit
from ..permissions import require
from . import bp, queries, services
from .forms import DeleteWithNameForm, DeleteWithPasswordForm
from .queries_own_data import own_data_json


def _me():
    """The signed-in user itself (not the proxy), for the services."""
    return current_user._get_current_object()


@bp.route("/account/data")
@login_required
def my_data():
    """What the service keeps about me, the download and the deletion."""
    require(current_user, "account.own_data", current_user)
    return render_template("privacy/my_data.html")


@bp.route("/account/data.json")
@login_required
def data_json():
    """Download everything stored about me as a JSON file."""
    require(current_user, "account.own_data", current_user)
    now = datetime.now(UTC)
    body = own_data_json(_me(), now=now)
    filename = f"osallistamo-my-data-{now:%Y-%m-%d}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def _confirmed(form, user) -> bool:
    """Check the confirmation and put the reason on the form when it fails."""
    if user.password_hash:
        if user.check_password(form.password.data):
            return True
        form.password.errors.append(_("The password is wrong. Nothing was deleted."))
        return False
    if queries.names_match(form.name.data, user.name):
        return True
    form.name.errors.append(
        _("The name does not match your display name. Nothing was deleted.")
    )
    return False


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
@limiter.limit(config_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"])
def delete_account():
    """Delete my account after a confirmation that explains the consequences."""
    user = _me()
    require(user, "account.delete", user)
    last_admin = queries.is_last_admin(user)
    form = DeleteWithPasswordForm() if user.password_hash else DeleteWithNameForm()
    status = 200
    if last_admin:
        status = 409 if form.is_submitted() else 200
    elif form.validate_on_submit():
        if _confirmed(form, user):
            services.delete_account(user, now=datetime.now(UTC))
            db.session.commit()
            end_session()
            flash(
                _("Your account and your personal data have been deleted."), "success"
            )
            return redirect(url_for("main.index"))
        status = 422
    else:
        status = form_status(form)
    return render_template(
        "privacy/delete_account.html",
        form=form,
        impact=queries.account_impact(user),
        last_admin=last_admin,
    ), status
