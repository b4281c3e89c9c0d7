"""Deactivating and reactivating accounts, each confirmed on a page of its own."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import ConfirmForm
from ..models import User
from ..permissions import require
from . import bp, services


def _account_to_confirm(user_id: int) -> tuple[User, ConfirmForm]:
    require(current_user, "admin.users")
    return db.get_or_404(User, user_id), ConfirmForm()


def _confirm_page(account: User, form: ConfirmForm, *, deactivating: bool):
    return render_template(
        "admin/confirm_status.html",
        account=account,
        form=form,
        deactivating=deactivating,
        is_self=account.id == current_user.id,
    )


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@login_required
def deactivate(user_id: int):
    """Confirm, then stop the account from signing in; its sessions end at once."""
    account, form = _account_to_confirm(user_id)
    if form.validate_on_submit():
        try:
            services.deactivate(account, actor=current_user)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
            return redirect(url_for("admin.user", user_id=account.id))
        flash(
            _(
                "The account of %(name)s has been deactivated. It can no longer sign in.",
                name=account.name,
            ),
            "success",
        )
        return redirect(url_for("admin.user", user_id=account.id))
    return _confirm_page(account, form, deactivating=True)


@bp.route("/users/<int:user_id>/reactivate", methods=["GET", "POST"])
@login_required
def reactivate(user_id: int):
    """Confirm, then let a deactivated account sign in again."""
    account, form = _account_to_confirm(user_id)
    if form.validate_on_submit():
        services.reactivate(account, actor=current_user)
        db.session.commit()
        flash(
            _("The account of %(name)s is active again.", name=account.name), "success"
        )
        return redirect(url_for("admin.user", user_id=account.id))
    return _confirm_page(account, form, deactivating=False)
