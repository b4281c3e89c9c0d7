"""Ballot set-up (create, edit, delete), turnout and the raw votes for audit.

Facilitators and admins set ballots up; observers may also follow the turnout.
Once a vote exists the method, limits, voter unit and themes are locked: the form
shows them disabled with the reason, and the service refuses a change anyway.
"""

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from ..csvfiles import csv_response, write_csv
from ..errors import InvalidSchedule, MissingTitle
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import localized, localized_lang, to_helsinki_input
from ..models import Ballot, Phase, PhaseKind, Process
from ..permissions import require
from ..web import get_phase_or_404, get_process_or_404
from . import audit, bp, services
from .forms import LOCKED_FIELDS, BallotForm, method_summary
from .routes import load

BALLOT_PHASE_KINDS = (PhaseKind.DISCUSSION, PhaseKind.SEMINAR)


@bp.app_template_filter("ballot_method")
def ballot_method_filter(ballot: Ballot) -> str:
    """The method and its limits in plain words: {{ ballot | ballot_method }}."""
    return method_summary(ballot)


@bp.app_template_global("ballot_status")
def ballot_status(ballot: Ballot) -> str:
    """ "not_open", "open" or "closed" right now: {{ ballot_status(ballot) }}."""
    return services.state(ballot, datetime.now(UTC)).value


def phase_url(process: Process, phase: Phase) -> str:
    """Where a phase's ballots are listed: the discussion page, else the process."""
    anchor = f"ballots-{phase.id}"
    if phase.kind is PhaseKind.DISCUSSION and phase.discussion is not None:
        return url_for(
            "discussions.detail", slug=process.slug, phase_id=phase.id, _anchor=anchor
        )
    return url_for("processes.detail", slug=process.slug, _anchor="phases")


def _theme_choices(process: Process) -> list[tuple[int, str]]:
    return [
        (theme.id, localized(theme.title, process.language)) for theme in process.themes
    ]


def _ballot_data(ballot: Ballot) -> dict:
    """The stored ballot as the form's initial data."""
    return {
        "title": ballot.title,
        "description": ballot.description,
        "opens_at": to_helsinki_input(ballot.opens_at),
        "closes_at": to_helsinki_input(ballot.closes_at),
        "voter_unit": ballot.voter_unit.value,
        "method": ballot.method.value,
        "max_choices": ballot.max_choices,
        "total_points": ballot.total_points,
        "max_points_per_theme": ballot.max_points_per_theme,
        "results_visibility": ballot.results_visibility.value,
        "themes": [option.theme_id for option in ballot.options],
    }


def _locked_formdata(ballot: Ballot) -> MultiDict:
    """The sent form, with the ballot's current rules where the browser sent none.

    Browsers do not send disabled fields, so on a locked ballot the missing rules
    mean "unchanged". A rule that *is* sent (a page opened before the first vote)
    goes to the service, which refuses a change with ``BallotLocked``.
    """
    formdata = MultiDict(request.form)
    current = _ballot_data(ballot)
    for name in LOCKED_FIELDS:
        if name not in formdata:
            value = current[name]
            for item in value if isinstance(value, list) else [value]:
                formdata.add(name, str(item))
    return formdata


def _lock(form: BallotForm, ballot: Ballot) -> None:
    """Show the locked rules disabled, with the stored values (not a stale page's)."""
    current = _ballot_data(ballot)
    for name in LOCKED_FIELDS:
        field = form[name]
        field.data, field.raw_data = current[name], None
        field.render_kw = {**(field.render_kw or {}), "disabled": True}


def _show_refusal(form: BallotForm, process: Process, error: Exception) -> None:
    """Tie a service's refusal to the field it concerns (the form checks most first)."""
    if isinstance(error, MissingTitle):
        form.title.form[process.language].errors.append(str(error))
    elif isinstance(error, InvalidSchedule):
        form.closes_at.errors.append(str(error))
    elif isinstance(error, services.InvalidLimits):
        form.max_choices.errors.append(str(error))
    elif isinstance(error, services.NoThemes | services.ThemeNotInProcess):
        form.themes.errors.append(str(error))
    else:  # BallotLocked, WrongPhase: about the whole form, shown above it
        form.form_errors.append(str(error))


def _render_form(form, process, phase, ballot=None, locked=False):
    return (
        render_template(
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
            cancel_url=phase_url(process, phase),
        ),
        form_status(form),
    )


def _save(form, process, phase, ballot=None):
    """Validate and save; the redirect on success, else None (errors on the form)."""
    if not form.validate_on_submit():
        return None
    try:
        saved = services.save_ballot(ballot, phase, **form.values())
    except (
        MissingTitle,
        InvalidSchedule,
        services.InvalidLimits,
        services.NoThemes,
        services.ThemeNotInProcess,
        services.BallotLocked,
        services.WrongPhase,
    ) as error:
        db.session.rollback()
        _show_refusal(form, process, error)
        return None
    db.session.commit()
    title = localized(saved.title, process.language)
    if ballot is None:
        flash(_("The ballot “%(title)s” has been created.", title=title), "success")
    else:
        flash(_("The changes to “%(title)s” have been saved.", title=title), "success")
    return redirect(phase_url(process, phase))


@bp.route("/<slug>/phases/<int:phase_id>/ballots/new", methods=["GET", "POST"])
@login_required
def new_ballot(slug: str, phase_id: int):
    """Create a ballot in an online discussion or a seminar (times from the phase)."""
    process = get_process_or_404(slug)
    require(current_user, "ballot.manage", process)
    phase = get_phase_or_404(process, phase_id)
    if phase.kind not in BALLOT_PHASE_KINDS:
        abort(404)
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
    form.themes.choices = _theme_choices(process)
    return _save(form, process, phase) or _render_form(form, process, phase)


@bp.route("/<slug>/ballots/<int:ballot_id>/edit", methods=["GET", "POST"])
@login_required
def edit_ballot(slug: str, ballot_id: int):
    """Edit a ballot; after the first vote only its texts, times and results view."""
    process, ballot = load(slug, ballot_id, "ballot.manage")
    locked = services.has_votes(ballot)
    if request.method == "GET":
        form = BallotForm(main_language=process.language, data=_ballot_data(ballot))
    elif locked:
        form = BallotForm(
            formdata=_locked_formdata(ballot), main_language=process.language
        )
        form.locked_rules = True
    else:
        form = BallotForm(main_language=process.language)
    form.themes.choices = _theme_choices(process)
    done = _save(form, process, ballot.phase, ballot)
    if done:
        return done
    if locked:
        _lock(form, ballot)
    return _render_form(form, process, ballot.phase, ballot, locked)


@bp.route("/<slug>/ballots/<int:ballot_id>/delete", methods=["GET", "POST"])
@login_required
def delete_ballot(slug: str, ballot_id: int):
    """Ask for confirmation (saying how many votes go with it), then delete."""
    process, ballot = load(slug, ballot_id, "ballot.manage")
    phase = ballot.phase
    form = ConfirmForm()
    if form.validate_on_submit():
        title = localized(ballot.title, process.language)
        services.delete_ballot(ballot)
        db.session.commit()
        flash(_("The ballot “%(title)s” has been deleted.", title=title), "success")
        return redirect(phase_url(process, phase))
    return render_template(
        "voting/ballot_delete.html",
        form=form,
        process=process,
        phase=phase,
        ballot=ballot,
        vote_count=audit.vote_count(ballot),
        cancel_url=phase_url(process, phase),
    )


@bp.route("/<slug>/ballots/<int:ballot_id>/turnout")
@login_required
def turnout(slug: str, ballot_id: int):
    """Which work groups (or how many of their members) have voted, and which not."""
    process, ballot = load(slug, ballot_id, "ballot.turnout")
    return render_template(
        "voting/turnout.html",
        process=process,
        phase=ballot.phase,
        ballot=ballot,
        turnout=audit.turnout(ballot),
        state=services.state(ballot, datetime.now(UTC)).value,
        back_url=phase_url(process, ballot.phase),
    )


@bp.route("/<slug>/ballots/<int:ballot_id>/votes.csv")
@login_required
def export_votes(slug: str, ballot_id: int):
    """The raw votes for audit: one row per vote entry, for Excel (see csvfiles)."""
    process, ballot = load(slug, ballot_id, "ballot.export")
    header = [str(column) for column in audit.VOTE_COLUMNS]
    body = write_csv(audit.vote_rows(ballot), header)
    filename = f"{process.slug}-ballot-{ballot.id}-votes.csv"
    return csv_response(body, filename)
