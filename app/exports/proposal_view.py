"""The follow-up proposal as plain data for the renderers.

Renderers take a ``ProposalView`` (or None) beside the summary, so they stay pure
and testable without the database. Which version a reader gets is decided here, in
one place: the current version of a published proposal for everyone, and of a
draft only for the process's staff (the CLI counts as staff). The texts are in the
process's language: a proposal is written once, not translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..models import Process, ProposalStatus

SECTIONS = ("title", "summary", "principles", "next_steps", "resourcing")


@dataclass
class ProposalView:
    #: Plain text.
    title: str
    #: Markdown sources, as the facilitator wrote them.
    summary: str
    principles: str
    next_steps: str
    resourcing: str
    #: The same sections as cleaned HTML (rendered when the version was saved).
    summary_html: str
    principles_html: str
    next_steps_html: str
    resourcing_html: str
    version: int
    #: None for a draft.
    published_at: datetime | None
    #: The process's language, which the texts are written in.
    language: str

    def sections(self) -> list[tuple[str, str, str]]:
        """(key, Markdown, HTML) of the body sections in reading order."""
        return [
            (key, getattr(self, key), getattr(self, f"{key}_html"))
            for key in SECTIONS[1:]
        ]


def proposal_view(process: Process, *, staff: bool) -> ProposalView | None:
    """The proposal a reader may see: published, or any current version for staff."""
    proposal = getattr(process, "proposal", None)
    if proposal is None or proposal.current is None:
        return None
    published = proposal.status is ProposalStatus.PUBLISHED
    if not (published or staff):
        return None
    version = proposal.current
    sections = version.sections or {}
    html = version.sections_html or {}
    return ProposalView(
        title=sections.get("title", "") or "",
        summary=sections.get("summary", "") or "",
        principles=sections.get("principles", "") or "",
        next_steps=sections.get("next_steps", "") or "",
        resourcing=sections.get("resourcing", "") or "",
        summary_html=html.get("summary", "") or "",
        principles_html=html.get("principles", "") or "",
        next_steps_html=html.get("next_steps", "") or "",
        resourcing_html=html.get("resourcing", "") or "",
        version=version.number,
        published_at=proposal.published_at if published else None,
        language=process.language,
    )
