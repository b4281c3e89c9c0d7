"""Loading the follow-up proposal for a view, as this reader may see it, and its
addresses."""

from __future__ import annotations

from flask import abort, url_for
from flask_login import current_user

from ..models import FollowUpProposal, Process, ProposalStatus
from ..permissions import can, require
from ..web import load_process


def proposal_url(process: Process) -> str:
    return url_for("followup.proposal", slug=process.slug)


def is_published(proposal: FollowUpProposal | None) -> bool:
    return proposal is not None and proposal.status is ProposalStatus.PUBLISHED


def load_readable(slug: str) -> tuple[Process, FollowUpProposal | None]:
    """The process and its proposal as this reader may see it (a draft is 404)."""
    process = load_process(slug, "proposal.view")
    proposal = process.proposal
    if not is_published(proposal) and not can(
        current_user, "proposal.view_draft", process
    ):
        abort(404)
    return process, proposal


def load_managed(slug: str) -> tuple[Process, FollowUpProposal]:
    """The process and its proposal for the team's changes (404 before a draft)."""
    process = load_process(slug, "proposal.manage")
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


def load_versions(slug: str) -> tuple[Process, FollowUpProposal]:
    """The process and its proposal for its history, which only the team reads."""
    process, proposal = load_readable(slug)
    if proposal is None:
        abort(404)
    require(current_user, "proposal.view_draft", process)
    return process, proposal
