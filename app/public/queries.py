"""Reads for the public pages: the public process of a URL, the list, what is out."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask import abort
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..i18n import localized
from ..models import Ballot, Phase, PhaseKind, Process
from ..permissions import can, public_processes
from ..voting.scoring import BallotResults, compute_results


def load_public(slug: str) -> Process:
    """The public process of a URL; a private or unknown one is not found (404),
    so the public pages never tell which private addresses exist."""
    process = db.session.scalar(sa.select(Process).where(Process.slug == slug))
    if process is None or not can(current_user, "public.view", process):
        abort(404)
    return process


def public_list() -> sa.Select:
    """Public processes, the most recently published first."""
    return public_processes(sa.select(Process)).order_by(
        Process.public_since.desc(), Process.id.desc()
    )


def published_summaries(process: Process) -> list[Phase]:
    """Discussion phases whose summary is out (closed, with their ballots)."""
    return [
        phase
        for phase in process.phases
        if phase.kind is PhaseKind.DISCUSSION
        and can(current_user, "public.summary", phase)
    ]


def closed_ballots(process: Process, now: datetime) -> list[BallotResults]:
    """The results of the process's ballots that have closed, in phase order."""
    results = []
    for phase in process.phases:
        for ballot in getattr(phase, "ballots", []):
            if ballot_closed(ballot, now):
                results.append(compute_results(ballot))
    return results


def ballot_closed(ballot: Ballot, now: datetime) -> bool:
    return ballot.closes_at is not None and ballot.closes_at <= now


def describe(process: Process, limit: int = 160) -> str:
    """A one-line description for search engines: the description's first words,
    or without one a sentence naming the process and what its pages hold."""
    text = " ".join(localized(process.description, process.language).split())
    if not text:
        return _(
            "%(title)s: the phases, summaries, vote results and follow-up of a "
            "participatory process.",
            title=localized(process.title, process.language),
        )
    for mark in ("#", "*", "_", "`", ">"):
        text = text.replace(mark, "")
    text = text.strip()
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
