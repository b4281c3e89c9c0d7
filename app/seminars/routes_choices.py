"""Choosing a workshop on the agenda page: take, change or give up a place."""

from datetime import UTC, datetime

from flask import abort, redirect
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..forms import ConfirmForm
from ..i18n import localized
from ..web import apply_or_flash
from . import bp, services_choices
from .queries import load_workshop
from .urls import agenda_url

CHOICE_RULE = "/<slug>/seminars/<int:phase_id>/workshops/<int:workshop_id>"


def _apply(slug: str, phase_id: int, workshop_id: int, change, done) -> object:
    """Load the workshop, check the button's form, apply the change, back to it."""
    process, _seminar, workshop = load_workshop(
        slug, phase_id, workshop_id, "workshop.choose"
    )
    if not ConfirmForm().validate_on_submit():
        abort(400)
    title = localized(workshop.title, process.language)
    apply_or_flash(
        lambda: done(change(workshop, user=current_user, now=datetime.now(UTC))),
        lambda message: message and message % {"title": title},
    )
    return redirect(agenda_url(slug, phase_id, f"workshop-{workshop.id}"))


@bp.route(f"{CHOICE_RULE}/choose", methods=["POST"])
@login_required
def choose(slug: str, phase_id: int, workshop_id: int):
    """Take a place in a workshop; an earlier choice in the same block is replaced."""
    return _apply(
        slug,
        phase_id,
        workshop_id,
        services_choices.choose_workshop,
        # Choosing one's own workshop again changes nothing and says nothing.
        lambda chosen: _("Your workshop is now “%(title)s”.") if chosen[1] else None,
    )


@bp.route(f"{CHOICE_RULE}/cancel", methods=["POST"])
@login_required
def cancel_choice(slug: str, phase_id: int, workshop_id: int):
    """Give up one's place in a workshop."""
    return _apply(
        slug,
        phase_id,
        workshop_id,
        services_choices.cancel_choice,
        lambda _none: _("You have given up your place in “%(title)s”."),
    )
