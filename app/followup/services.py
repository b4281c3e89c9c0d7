"""Follow-up proposal rules: drafting from the results, versions, publishing.

Every save adds a version (only when something changed); the newest is the text
everyone sees. Publishing opens a question under which the process's work groups
comment on the proposal: it lives in the process's follow-up phase, made at the end
of the process the first time and reused afterwards.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..discussions.services import add_prompt
from ..errors import DomainError, MissingTitle
from ..exports.summary import build_summary
from ..extensions import db
from ..models import (
    Discussion,
    FollowUpProposal,
    Phase,
    PhaseKind,
    Process,
    Prompt,
    ProposalStatus,
    ProposalVersion,
    User,
    Visibility,
)
from ..processes.services_phases import add_phase
from ..text import render_markdown
from .drafting import draft_sections

log = logging.getLogger("osallistamo.followup")

#: The sections of a version, in the order the page shows them.
SECTIONS = ("title", "summary", "principles", "next_steps", "resourcing")
#: Sections written in Markdown (the title is plain text).
MARKDOWN_SECTIONS = SECTIONS[1:]
LANGUAGES = ("fi", "sv", "en")


class ProposalExists(
    DomainError, message=_l("This process already has a proposal. Edit it instead.")
): ...


class AlreadyPublished(
    DomainError, message=_l("The proposal is already published.")
): ...


class NotPublished(DomainError, message=_l("The proposal is not published.")): ...


class StaleVersion(
    DomainError,
    message=_l(
        "Someone saved a newer version while you were editing. "
        "Copy your changes, open the proposal again and make them there."
    ),
): ...


# Reading -------------------------------------------------------------------------


def versions(proposal: FollowUpProposal) -> list[ProposalVersion]:
    """Every version of the proposal, the newest first."""
    return list(
        db.session.scalars(
            sa.select(ProposalVersion)
            .where(ProposalVersion.proposal_id == proposal.id)
            .order_by(ProposalVersion.number.desc())
        )
    )


def get_version(proposal: FollowUpProposal, number: int) -> ProposalVersion | None:
    return db.session.scalar(
        sa.select(ProposalVersion).where(
            ProposalVersion.proposal_id == proposal.id,
            ProposalVersion.number == number,
        )
    )


# Drafting and saving --------------------------------------------------------------


def _clean_sections(sections: dict) -> dict:
    """Only the known sections, with the browser's CRLF and outer blank space gone."""
    clean = {}
    for key in SECTIONS:
        text = (sections.get(key) or "").replace("\r\n", "\n").strip()
        clean[key] = " ".join(text.split()) if key == "title" else text
    return clean


def _clean_themes(process: Process, themes: list[dict]) -> list[dict]:
    """The process's own themes, each once, in the given order, with their reasons."""
    known = {theme.id for theme in process.themes}
    clean, seen = [], set()
    for item in themes:
        theme_id = int(item["theme_id"])
        if theme_id in known and theme_id not in seen:
            seen.add(theme_id)
            why = (item.get("why") or "").replace("\r\n", "\n").strip()
            clean.append({"theme_id": theme_id, "why": why})
    return clean


def _new_version(
    proposal: FollowUpProposal, sections: dict, themes: list, actor, now
) -> ProposalVersion:
    current = proposal.current
    version = ProposalVersion(
        number=(current.number if current else 0) + 1,
        sections=sections,
        sections_html={
            key: str(render_markdown(sections[key])) for key in MARKDOWN_SECTIONS
        },
        themes=themes,
        created_by=actor,
        created_at=now,
    )
    # Newest first, as the relationship orders them.
    proposal.versions.insert(0, version)
    proposal.updated_at = now
    db.session.flush()
    return version


def draft_proposal(process: Process, *, actor: User | None, now: datetime):
    """Draft version 1 from the summary of the whole process.

    :raises ProposalExists: when the process has a proposal already.
    """
    if process.proposal is not None:
        raise ProposalExists()
    summary = build_summary(process, language=process.language, now=now)
    with force_locale(process.language):
        sections, themes = draft_sections(summary)
    proposal = FollowUpProposal(
        process=process, status=ProposalStatus.DRAFT, created_at=now, updated_at=now
    )
    db.session.add(proposal)
    _new_version(proposal, _clean_sections(sections), themes, actor, now)
    log.info("proposal %s drafted for process %s", proposal.id, process.slug)
    return proposal


def save_version(
    proposal: FollowUpProposal,
    *,
    sections: dict,
    themes: list[dict],
    actor: User | None,
    now: datetime,
    base_number: int | None = None,
) -> ProposalVersion | None:
    """Save the texts as a new version; None (and nothing saved) when unchanged.

    :param base_number: the version the editor started from; a newer one refuses.
    :raises MissingTitle: without a title.
    :raises StaleVersion: when someone saved after ``base_number``.
    """
    current = proposal.current
    if base_number is not None and current is not None:
        if current.number != base_number:
            raise StaleVersion()
    sections = _clean_sections(sections)
    if not sections["title"]:
        raise MissingTitle()
    themes = _clean_themes(proposal.process, themes)
    if current is not None and (
        _clean_sections(current.sections) == sections and current.themes == themes
    ):
        return None
    return _new_version(proposal, sections, themes, actor, now)


# Publishing ------------------------------------------------------------------------


#: The follow-up phase's title and the question, written in every language.
PHASE_TITLE = _l("Follow-up proposal")
QUESTION = _l("Comment on the follow-up proposal")


def _in_every_language(text) -> dict:
    """A lazy text rendered in fi, sv and en."""
    texts = {}
    for language in LANGUAGES:
        with force_locale(language):
            texts[language] = str(text)
    return texts


def _followup_phase(process: Process, now: datetime) -> Phase:
    """The process's (last) follow-up phase, open from now; made if there is none.

    A reused phase keeps its times unless they would keep the comments closed.
    """
    existing = [p for p in process.phases if p.kind is PhaseKind.FOLLOWUP]
    if not existing:
        return add_phase(
            process,
            kind=PhaseKind.FOLLOWUP,
            title=_in_every_language(PHASE_TITLE),
            starts_at=now,
        )
    phase = existing[-1]
    _keep_open(phase, now)
    return phase


def _keep_open(phase: Phase, now: datetime) -> None:
    """Open the phase from now at the latest, and with no end if it has ended."""
    if phase.starts_at is None or phase.starts_at > now:
        phase.starts_at = now
    if phase.ends_at is not None and phase.ends_at <= now:
        phase.ends_at = None


def _proposal_path(process: Process) -> str:
    """The proposal page's path, for a link in the question's guidance."""
    adapter = current_app.url_map.bind("localhost")
    return adapter.build("followup.proposal", {"slug": process.slug})


def _open_prompt(proposal: FollowUpProposal, now: datetime) -> Prompt:
    """The question for comments on the proposal, made the first time it is published.

    ``ensure_discussion`` gives discussions only to discussion phases, so the
    follow-up phase's discussion is made here. Everyone reads every comment: there
    is no anchoring to avoid in comments on a text already written.
    """
    process = proposal.process
    phase = _followup_phase(process, now)
    if phase.discussion is None:
        phase.discussion = Discussion(visibility=Visibility.ALWAYS)
        db.session.flush()
    path = _proposal_path(process)
    guidance = {}
    for language in LANGUAGES:
        with force_locale(language):
            guidance[language] = _(
                "Read the [follow-up proposal](%(url)s) first, then tell what your "
                "work group thinks of it: what is good, what is missing, what "
                "should change.",
                url=path,
            )
    return add_prompt(
        phase.discussion,
        question=_in_every_language(QUESTION),
        guidance=guidance,
    )


def _set_status(
    proposal: FollowUpProposal,
    status: ProposalStatus,
    *,
    actor: User | None,
    now: datetime,
) -> FollowUpProposal:
    """Publish the proposal or take it back to a draft (published_at follows)."""
    published = status is ProposalStatus.PUBLISHED
    proposal.status = status
    proposal.published_at = now if published else None
    proposal.updated_at = now
    db.session.flush()
    log.info(
        "proposal %s %s by %s",
        proposal.id,
        "published" if published else "unpublished",
        actor.id if actor else "system",
    )
    return proposal


def publish(proposal: FollowUpProposal, *, actor: User | None, now: datetime):
    """Show the proposal to the process's participants and open it for comments.

    :raises AlreadyPublished: when it is published already.
    :raises TooManyPrompts: when the follow-up discussion has no room for the question.
    """
    if proposal.status is ProposalStatus.PUBLISHED:
        raise AlreadyPublished()
    if proposal.prompt is None:
        proposal.prompt = _open_prompt(proposal, now)
    else:
        # Published again: the same question, reopened if its phase has closed.
        _keep_open(proposal.prompt.discussion.phase, now)
    return _set_status(proposal, ProposalStatus.PUBLISHED, actor=actor, now=now)


def unpublish(proposal: FollowUpProposal, *, actor: User | None, now: datetime):
    """Take the proposal back to a draft; its question and comments stay.

    :raises NotPublished: when it is a draft already.
    """
    if proposal.status is not ProposalStatus.PUBLISHED:
        raise NotPublished()
    return _set_status(proposal, ProposalStatus.DRAFT, actor=actor, now=now)
