"""The follow-up proposal's pages: reading, drafting, editing and its versions.

A published proposal is for everyone in the process; a draft only for the team
(others get "not found", as if there were none). Publishing and the memo are in
routes_publish.py.
"""

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import unique_write
from ..errors import DomainError, DuplicateName
from ..forms import ConfirmForm, form_status
from ..models import FollowUpProposal, Process, ProposalStatus
from ..permissions import can, require
from ..web import get_process_or_404
from . import bp, services
from .forms import proposal_form


def proposal_url(process: Process) -> str:
    return url_for("followup.proposal", slug=process.slug)


def is_published(proposal: FollowUpProposal | None) -> bool:
    return proposal is not None and proposal.status is ProposalStatus.PUBLISHED


def load_readable(slug: str) -> tuple[Process, FollowUpProposal | None]:
    """The process and its proposal as this reader may see it (a draft is 404)."""
    process = get_process_or_404(slug)
    require(current_user, "proposal.view", process)
    proposal = process.proposal
    if not is_published(proposal) and not can(
        current_user, "proposal.view_draft", process
    ):
        abort(404)
    return process, proposal


def load_managed(slug: str) -> tuple[Process, FollowUpProposal]:
    """The process and its proposal for the team's changes (404 before a draft)."""
    process = get_process_or_404(slug)
    require(current_user, "proposal.manage", process)
    if process.proposal is None:
        abort(404)
    return process, process.proposal


def thread_url(proposal: FollowUpProposal | None) -> str | None:
    """Where participants comment on the proposal, once it has its question."""
    if proposal is None or proposal.prompt is None:
        return None
    prompt = proposal.prompt
    return url_for(
        "discussions.thread",
        slug=proposal.process.slug,
        phase_id=prompt.discussion.phase_id,
        prompt_id=prompt.id,
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
    process = get_process_or_404(slug)
    require(current_user, "proposal.manage", process)
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
                    base_number=int(base) if base and base.isdigit() else None,
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
    process, proposal = load_readable(slug)
    if proposal is None:
        abort(404)
    require(current_user, "proposal.view_draft", process)
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
    process, proposal = load_readable(slug)
    if proposal is None:
        abort(404)
    require(current_user, "proposal.view_draft", process)
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
