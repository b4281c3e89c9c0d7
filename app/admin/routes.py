"""Administration of accounts: the list, creating an account, changing its role."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import unique_write
from ..errors import DomainError, DuplicateName
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..models import User
from ..permissions import require
from ..web import paginated
from . import bp, queries, services
from .forms import CreateUserForm, RoleForm
from .labels import ROLE_LABELS
from .letters import send_password_mail


def _flash_mail_result(user: User, sent: bool) -> None:
    hours = int(services.SET_PASSWORD_MAX_AGE.total_seconds() // 3600)
    if sent:
        flash(
            _(
                "We sent %(email)s a link to choose a password. It is valid for %(hours)d hours.",
                email=user.email,
                hours=hours,
            ),
            "success",
        )
    else:
        flash(
            _("The email could not be sent. Try sending the link again later."),
            "error",
        )


@bp.route("/users/")
@login_required
def users():
    """All accounts, newest first, a page at a time."""
    require(current_user, "admin.users")
    page = paginated(queries.users_query())
    return render_template("admin/users.html", page=page)


@bp.route("/users/new", methods=["GET", "POST"])
@login_required
def create_user():
    """Create an account; the person chooses a password through a mailed link."""
    require(current_user, "admin.users")
    form = CreateUserForm()
    if form.validate_on_submit():
        try:
            with unique_write():
                user = services.create_account(
                    email=form.email.data, name=form.name.data, role=form.role.data
                )
                raw_token = services.issue_set_password_token(user)
        except DuplicateName:
            form.email.errors.append(str(services.DuplicateEmail.message))
        except services.InvalidEmail as error:
            form.email.errors.append(str(error))
        else:
            flash(
                _("The account of %(name)s has been created.", name=user.name),
                "success",
            )
            _flash_mail_result(
                user, send_password_mail(user, raw_token, new_account=True)
            )
            return redirect(url_for("admin.user", user_id=user.id))
    return render_template("admin/user_new.html", form=form), form_status(form)


@bp.route("/users/<int:user_id>/", methods=["GET", "POST"])
@login_required
def user(user_id: int):
    """One account: its facts, its role (changed here) and its status."""
    require(current_user, "admin.users")
    account = db.get_or_404(User, user_id)
    form = RoleForm(role=account.role.value)
    if form.validate_on_submit():
        try:
            services.change_role(account, form.role.data, actor=current_user)
            db.session.commit()
        except DomainError as error:
            form.role.errors.append(str(error))
        else:
            flash(
                _(
                    "The role of %(name)s is now: %(role)s.",
                    name=account.name,
                    role=ROLE_LABELS[account.role],
                ),
                "success",
            )
            return redirect(url_for("admin.user", user_id=account.id))
    return render_template(
        "admin/user.html",
        account=account,
        form=form,
        link_form=ConfirmForm(),
        is_self=account.id == current_user.id,
    ), form_status(form)


@bp.route("/users/<int:user_id>/send-link", methods=["POST"])
@login_required
def send_link(user_id: int):
    """Mail the account a new set-password link (e.g. when the first one expired)."""
    require(current_user, "admin.users")
    account = db.get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        try:
            raw_token = services.issue_set_password_token(account)
            db.session.commit()
        except DomainError as error:
            flash(str(error), "error")
        else:
            _flash_mail_result(
                account, send_password_mail(account, raw_token, new_account=False)
            )
    return redirect(url_for("admin.user", user_id=account.id))
