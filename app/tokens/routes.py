"""The API tokens page: one's tokens, making one (shown once), revoking one."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import form_status
from ..models import Process
from ..permissions import require
from ..web import confirm_then
from . import bp
from .forms import TokenForm
from .queries import own_token_or_404, process_choices, tokens_of
from .services import create_token, revoke_token


@bp.route("/", methods=["GET", "POST"])
@login_required
def index():
    """The list of one's tokens and the form for a new one. A new token is shown on
    the page that answers the form, once: only its hash is kept."""
    require(current_user, "token.manage")
    form = TokenForm()
    form.processes.choices = process_choices(current_user)
    if form.days.data is None and not form.is_submitted():
        form.days.data = current_app.config["API_TOKEN_DAYS"]
    created = None
    if form.validate_on_submit():
        processes = [db.session.get(Process, pid) for pid in form.processes.data]
        try:
            token, text = create_token(
                current_user,
                name=form.name.data,
                processes=[p for p in processes if p is not None],
                days=form.days.data,
                now=datetime.now(UTC),
            )
        except DomainError as error:
            db.session.rollback()
            form.processes.errors = [*form.processes.errors, str(error)]
        else:
            db.session.commit()
            created = (token, text)
            form = TokenForm(formdata=None)
            form.processes.choices = process_choices(current_user)
            form.days.data = current_app.config["API_TOKEN_DAYS"]
    return render_template(
        "tokens/index.html",
        form=form,
        tokens=tokens_of(current_user),
        created=created,
        now=datetime.now(UTC),
    ), form_status(form)


@bp.route("/<int:token_id>/revoke", methods=["GET", "POST"])
@login_required
def revoke(token_id: int):
    """Confirm, then revoke one's own token."""
    require(current_user, "token.manage")
    token = own_token_or_404(current_user, token_id)
    return confirm_then(
        "tokens/revoke.html",
        lambda: revoke_token(token, actor=current_user, now=datetime.now(UTC)),
        _("The token has been revoked. It no longer works."),
        url_for("tokens.index"),
        token=token,
        cancel_url=url_for("tokens.index"),
    )
