"""The seminar's agenda page for the process, its settings and the choices overview."""

from datetime import UTC, datetime

from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..forms import ConfirmForm, edit_form
from ..permissions import can
from ..web import save_or_show
from . import bp, queries_choices, services, services_choices
from .forms import SeminarSettingsForm
from .methods import METHODS, structure_warning
from .queries import blocks_of, load_seminar, page_context
from .urls import settings_url


@bp.route("/<slug>/seminars/<int:phase_id>/")
@login_required
def agenda(slug: str, phase_id: int):
    """The seminar: when and where, goal, the agenda and the workshops to choose from."""
    process, seminar = load_seminar(slug, phase_id, "seminar.view")
    now = datetime.now(UTC)
    return render_template(
        "seminars/agenda.html",
        **page_context(process, seminar),
        blocks=blocks_of(seminar),
        methods=METHODS,
        taken=queries_choices.seat_counts(seminar),
        mine=queries_choices.my_choices(seminar, current_user),
        may_choose=can(current_user, "workshop.choose", process),
        choices_open=services_choices.choices_open(seminar, now),
        form=ConfirmForm(),
    )


@bp.route("/<slug>/seminars/<int:phase_id>/settings", methods=["GET", "POST"])
@login_required
def settings(slug: str, phase_id: int):
    """Edit the place, online address, goal and output; set up the agenda."""
    process, seminar = load_seminar(slug, phase_id, "seminar.manage")
    form = edit_form(SeminarSettingsForm, seminar, main_language=process.language)
    return save_or_show(
        form,
        lambda: services.update_seminar(
            seminar,
            place=form.place.data or "",
            online_url=form.online_url.data or "",
            goal=form.goal.data,
            expected_output=form.expected_output.data,
        ),
        form.online_url,
        _("The changes have been saved."),
        settings_url(slug, phase_id),
        lambda: render_template(
            "seminars/settings.html",
            form=form,
            **page_context(process, seminar),
            taken=queries_choices.seat_counts(seminar),
            warnings={
                workshop.id: structure_warning(workshop)
                for block in blocks_of(seminar)
                for workshop in block.workshops
            },
        ),
    )


@bp.route("/<slug>/seminars/<int:phase_id>/choices")
@login_required
def choices(slug: str, phase_id: int):
    """Who chose which workshop, per block: for the facilitators running the rooms."""
    process, seminar = load_seminar(slug, phase_id, "seminar.manage")
    return render_template(
        "seminars/choices.html",
        **page_context(process, seminar),
        blocks=blocks_of(seminar),
        people=queries_choices.choosers(seminar),
    )
