"""Choosing a workshop on the agenda page: take, change or give up a place."""

from datetime import UTC, datetime

from flask import abort, flash, redirect
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import ConfirmForm
from ..i18n import localized
from . import bp, services_choices
from .routes import agenda_url, get_workshop_or_404, load


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/choose",
    methods=["POST"],
)
@login_required
def choose(slug: str, phase_id: int, workshop_id: int):
    """Take a place in a workshop; an earlier choice in the same block is replaced."""
    process, seminar = load(slug, phase_id, "workshop.choose")
    workshop = get_workshop_or_404(seminar, workshop_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    title = localized(workshop.title, process.language)
    try:
        _choice, changed = services_choices.choose_workshop(
            workshop, user=current_user, now=datetime.now(UTC)
        )
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        if changed:
            flash(_("Your workshop is now “%(title)s”.", title=title), "success")
    return redirect(agenda_url(slug, phase_id, f"workshop-{workshop.id}"))


@bp.route(
    "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>/cancel",
    methods=["POST"],
)
@login_required
def cancel_choice(slug: str, phase_id: int, workshop_id: int):
    """Give up one's place in a workshop."""
    process, seminar = load(slug, phase_id, "workshop.choose")
    workshop = get_workshop_or_404(seminar, workshop_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    title = localized(workshop.title, process.language)
    try:
        services_choices.cancel_choice(
            workshop, user=current_user, now=datetime.now(UTC)
        )
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("You have given up your place in “%(title)s”.", title=title), "success")
    return redirect(agenda_url(slug, phase_id, f"workshop-{workshop.id}"))
