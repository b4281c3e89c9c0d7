"""Ballot set-up (create, edit, delete), turnout and the raw votes for audit.

Facilitators and admins set ballots up; observers may also follow the turnout.
Once a vote exists the method, limits, voter unit and themes are locked: the form
shows them disabled with the reason, and the service refuses a change anyway.
"""

from datetime import UTC, datetime
from functools import partial

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..csvfiles import csv_response, write_csv
from ..forms import theme_choices
from ..i18n import localized, localized_lang, to_helsinki_input
from ..models import Ballot, Phase, PhaseKind, Process
from ..web import confirm_then, load_in_process, save_or_show
from . import audit, bp, services
from .forms import (
    BallotForm,
    ballot_data,
    lock_rules,
    locked_formdata,
    refused_field,
)

BALLOT_PHASE_KINDS = (PhaseKind.DISCUSSION, PhaseKind.SEMINAR)


def _phase_url(process: Process, phase: Phase) -> str:
    """Where a phase's ballots are listed: the discussion page, else the process."""
    anchor = f"ballots-{phase.id}"
    if phase.kind is PhaseKind.DISCUSSION and phase.discussion is not None:
        return url_for(
            "discussions.detail", slug=process.slug, phase_id=phase.id, _anchor=anchor
        )
    return url_for("processes.detail", slug=process.slug, _anchor="phases")


def _saved_message(process, created: bool, saved) -> str:
    title = localized(saved.title, process.language)
    if created:
        return _("The ballot “%(title)s” has been created.", title=title)
    return _("The changes to “%(title)s” have been saved.", title=title)


def _save_or_show(form, process, phase, ballot=None, locked=False):
    """Save the ballot (create or edit), or show its form; a refusal shows where
    :func:`refused_field` says. A locked ballot's rules are shown disabled."""

    def show():
        if locked:
            lock_rules(form, ballot)
        return render_template(
            "voting/ballot_form.html",
            form=form,
            process=process,
            phase=phase,
            ballot=ballot,
            locked=locked,
            locked_reason=str(services.BallotLocked()),
            theme_langs={
                theme.id: localized_lang(theme.title, process.language)
                for theme in process.themes
            },
            cancel_url=_phase_url(process, phase),
        )

    return save_or_show(
        form,
        lambda: services.save_ballot(ballot, phase, **form.values()),
        partial(refused_field, form, process),
        partial(_saved_message, process, ballot is None),
        _phase_url(process, phase),
        show,
    )


@bp.route("/<slug>/phases/<int:phase_id>/ballots/new", methods=["GET", "POST"])
@login_required
def new_ballot(slug: str, phase_id: int):
    """Create a ballot in an online discussion or a seminar (times from the phase)."""
    process, phase = load_in_process(
        slug,
        "ballot.manage",
        Phase,
        phase_id,
        lambda phase: phase.kind in BALLOT_PHASE_KINDS,
    )
    if request.method == "GET":
        form = BallotForm(
            main_language=process.language,
            data={
                "opens_at": to_helsinki_input(phase.starts_at),
                "closes_at": to_helsinki_input(phase.ends_at),
                "themes": [theme.id for theme in process.themes],
            },
        )
    else:
        form = BallotForm(main_language=process.language)
    form.themes.choices = theme_choices(process)
    return _save_or_show(form, process, phase)


@bp.route("/<slug>/ballots/<int:ballot_id>/edit", methods=["GET", "POST"])
@login_required
def edit_ballot(slug: str, ballot_id: int):
    """Edit a ballot; after the first vote only its texts, times and results view."""
    process, ballot = load_in_process(slug, "ballot.manage", Ballot, ballot_id)
    locked = services.has_votes(ballot)
    if request.method == "GET":
        form = BallotForm(main_language=process.language, data=ballot_data(ballot))
    elif locked:
        form = BallotForm(
            formdata=locked_formdata(ballot, request.form),
            main_language=process.language,
        )
        form.locked_rules = True
    else:
        form = BallotForm(main_language=process.language)
    form.themes.choices = theme_choices(process)
    return _save_or_show(form, process, ballot.phase, ballot, locked)


@bp.route("/<slug>/ballots/<int:ballot_id>/delete", methods=["GET", "POST"])
@login_required
def delete_ballot(slug: str, ballot_id: int):
    """Ask for confirmation (saying how many votes go with it), then delete."""
    process, ballot = load_in_process(slug, "ballot.manage", Ballot, ballot_id)
    phase = ballot.phase
    title = localized(ballot.title, process.language)
    return confirm_then(
        "voting/ballot_delete.html",
        lambda: services.delete_ballot(ballot),
        _("The ballot “%(title)s” has been deleted.", title=title),
        _phase_url(process, phase),
        process=process,
        phase=phase,
        ballot=ballot,
        vote_count=audit.vote_count(ballot),
        cancel_url=_phase_url(process, phase),
    )


@bp.route("/<slug>/ballots/<int:ballot_id>/turnout")
@login_required
def turnout(slug: str, ballot_id: int):
    """Which work groups (or how many of their members) have voted, and which not."""
    process, ballot = load_in_process(slug, "ballot.turnout", Ballot, ballot_id)
    return render_template(
        "voting/turnout.html",
        process=process,
        phase=ballot.phase,
        ballot=ballot,
        turnout=audit.turnout(ballot),
        state=services.state(ballot, datetime.now(UTC)).value,
        back_url=_phase_url(process, ballot.phase),
    )


@bp.route("/<slug>/ballots/<int:ballot_id>/votes.csv")
@login_required
def export_votes(slug: str, ballot_id: int):
    """The raw votes for audit: one row per vote entry, for Excel (see csvfiles)."""
    process, ballot = load_in_process(slug, "ballot.export", Ballot, ballot_id)
    header = [str(column) for column in audit.VOTE_COLUMNS]
    body = write_csv(audit.vote_rows(ballot), header)
    filename = f"{process.slug}-ballot-{ballot.id}-votes.csv"
    return csv_response(body, filename)
