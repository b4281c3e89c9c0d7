"""The follow-up proposal's pages: reading, drafting, editing and its versions.

A published proposal is for everyone in the process; a draft only for the team
(others get "not found", as if there were none). Publishing and the memo are in
routes_publish.py.
"""

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import unique_write
from ..errors import DomainError, DuplicateName
from ..forms import ConfirmForm, form_status
from ..models import Process
from ..requests import parse_id
from ..web import load_process
from . import bp, services
from .forms import proposal_form
from .queries import (
    is_published,
    load_managed,
    load_readable,
    load_versions,
    proposal_url,
    thread_url,
)


def _themes_by_id(process: Process) -> dict:
    return {theme.id: theme for theme in process.themes}


@bp.route("/<slug>/proposal")
@login_required
def proposal(slug: str):
    """The current text; for the team also the draft, or a button to draft one."""
    process, proposal = load_readable(slug)
    return render_template(
        "followup/proposal.html",
        process=process,
        proposal=proposal,
        version=proposal.current if proposal is not None else None,
        themes=_themes_by_id(process),
        published=is_published(proposal),
        thread_url=thread_url(proposal),
        draft_form=ConfirmForm(),
    )


@bp.route("/<slug>/proposal/draft", methods=["POST"])
@login_required
def draft(slug: str):
    """Draft version 1 from the results of the whole process."""
    process = load_process(slug, "proposal.manage")
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            with unique_write():
                services.draft_proposal(
                    process, actor=current_user, now=datetime.now(UTC)
                )
        except (services.ProposalExists, DuplicateName):
            flash(str(services.ProposalExists.message), "error")
        else:
            flash(
                _("The proposal has been drafted from the results. Edit it next."),
                "success",
            )
    return redirect(proposal_url(process))


@bp.route("/<slug>/proposal/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str):
    """Edit the texts and the themes; every save that changes something is a version."""
    process, proposal = load_managed(slug)
    form = proposal_form(process, proposal.current)
    problem = None
    if form.validate_on_submit():
        base = form.base_number.data
        try:
            with unique_write():
                version = services.save_version(
                    proposal,
                    sections={key: form[key].data or "" for key in services.SECTIONS},
                    themes=form.chosen_themes(),
                    actor=current_user,
                    now=datetime.now(UTC),
                    base_number=parse_id(base),
                )
        except (services.StaleVersion, DuplicateName):  # the other save won
            problem = str(services.StaleVersion.message)
        except DomainError as error:
            form.title.errors.append(str(error))
        else:
            if version is None:
                flash(_("Nothing had changed: no new version was saved."), "info")
            else:
                flash(
                    _("Saved as version %(number)d.", number=version.number),
                    "success",
                )
            return redirect(proposal_url(process))
    page = render_template(
        "followup/edit.html",
        form=form,
        process=process,
        proposal=proposal,
        published=is_published(proposal),
        problem=problem,
    )
    return page, 409 if problem else form_status(form)


@bp.route("/<slug>/proposal/versions")
@login_required
def history(slug: str):
    """Every saved version: its number, who saved it and when."""
    process, proposal = load_versions(slug)
    return render_template(
        "followup/history.html",
        process=process,
        proposal=proposal,
        versions=services.versions(proposal),
    )


@bp.route("/<slug>/proposal/versions/<int:number>")
@login_required
def version(slug: str, number: int):
    """One earlier version as it was saved."""
    process, proposal = load_versions(slug)
    version = services.get_version(proposal, number)
    if version is None:
        abort(404)
    return render_template(
        "followup/version.html",
        process=process,
        proposal=proposal,
        version=version,
        themes=_themes_by_id(process),
    )
