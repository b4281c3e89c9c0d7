"""Theme discovery for a process: running it, adopting a candidate, dismissing one.

Discovery only proposes. A run replaces the open candidates of its scope (the
phase, or the whole process); a candidate a person dismissed keeps its comments
from being offered again as (mostly) the same group; an adopted one becomes a theme
whose comments get it as a suggestion, which a person still confirms.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..embeddings.model import current as current_model
from ..embeddings.services import vectors_of
from ..errors import DomainError
from ..extensions import db
from ..models import (
    CandidateStatus,
    Comment,
    Phase,
    Process,
    TagStatus,
    ThemeCandidate,
    ThemeTag,
    User,
)
from ..processes.services_themes import add_theme
from .discovery import MIN_COMMENTS, discover_comments
from .queries import scope_comments

log = logging.getLogger("osallistamo.coding")

#: A new group sharing this share of its comments with a dismissed candidate is the
#: same group again: not offered.
SAME_GROUP = 0.5


class NoModel(
    DomainError,
    message=_l(
        "Theme discovery compares what comments mean, and the sentence-embedding "
        "model is not in use on this server."
    ),
): ...


class AlreadyDecided(
    DomainError, message=_l("This candidate has already been adopted or dismissed.")
): ...


@dataclass
class DiscoveryRun:
    #: Comments in the scope that were looked at (those with an embedding).
    looked_at: int
    #: Comments left out because they have no embedding yet.
    waiting: int
    #: Fewer than MIN_COMMENTS to group: nothing was proposed.
    too_few: bool
    candidates: list[ThemeCandidate] = field(default_factory=list)


def _coded_ids(comments: list[Comment]) -> set[int]:
    """Comments a person has confirmed to some theme."""
    return set(
        db.session.scalars(
            sa.select(ThemeTag.comment_id).where(
                ThemeTag.comment_id.in_([c.id for c in comments]),
                ThemeTag.status == TagStatus.CONFIRMED,
            )
        )
    )


def _dismissed_sets(process: Process) -> list[set[int]]:
    return [
        set(ids)
        for ids in db.session.scalars(
            sa.select(ThemeCandidate.comment_ids).where(
                ThemeCandidate.process_id == process.id,
                ThemeCandidate.status == CandidateStatus.DISMISSED,
            )
        )
    ]


def _name(keywords: tuple[str, ...], number: int) -> str:
    if not keywords:
        return str(_l("Group %(number)d", number=number))
    text = ", ".join(keywords)
    return text[:1].upper() + text[1:]


def run_discovery(
    process: Process, *, phase: Phase | None, only_uncoded: bool, now: datetime
) -> DiscoveryRun:
    embedder = current_model()
    if embedder is None:
        raise NoModel()
    comments = scope_comments(process, phase)
    if only_uncoded and comments:
        coded = _coded_ids(comments)
        comments = [c for c in comments if c.id not in coded]
    vectors = vectors_of([c.id for c in comments], embedder.name)
    usable = [c for c in comments if c.id in vectors]
    db.session.execute(
        sa.delete(ThemeCandidate).where(
            ThemeCandidate.process_id == process.id,
            ThemeCandidate.phase_id.is_(None)
            if phase is None
            else ThemeCandidate.phase_id == phase.id,
            ThemeCandidate.status == CandidateStatus.OPEN,
        )
    )
    run = DiscoveryRun(
        looked_at=len(usable),
        waiting=len(comments) - len(usable),
        too_few=len(usable) < MIN_COMMENTS,
    )
    if run.too_few:
        return run
    groups = discover_comments(usable, vectors, process.language)
    dismissed = _dismissed_sets(process)
    for group in groups:
        ids = [usable[i].id for i in group.members]
        if any(len(set(ids) & old) >= SAME_GROUP * len(ids) for old in dismissed):
            continue
        candidate = ThemeCandidate(
            process_id=process.id,
            phase_id=phase.id if phase else None,
            name=_name(group.keywords, len(run.candidates) + 1),
            keywords=list(group.keywords),
            comment_ids=ids,
            status=CandidateStatus.OPEN,
            created_at=now,
        )
        db.session.add(candidate)
        run.candidates.append(candidate)
    db.session.flush()
    log.info(
        "theme discovery for process %s (phase %s): %d comments, %d candidates",
        process.slug,
        phase.id if phase else "-",
        run.looked_at,
        len(run.candidates),
    )
    return run


def _decide(candidate: ThemeCandidate, status: CandidateStatus, actor: User, now):
    if candidate.status is not CandidateStatus.OPEN:
        raise AlreadyDecided()
    candidate.status = status
    candidate.decided_by_id = actor.id
    candidate.decided_at = now


def adopt(candidate: ThemeCandidate, process: Process, *, title: str, actor: User, now):
    """Make the candidate a theme of the process; suggest it for its comments, with
    each comment's closeness to the group's centre as the score."""
    _decide(candidate, CandidateStatus.ADOPTED, actor, now)
    theme = add_theme(process, title={process.language: title.strip()})
    candidate.theme_id = theme.id
    visible = {
        c.id
        for c in db.session.scalars(
            sa.select(Comment).where(
                Comment.id.in_(candidate.comment_ids),
                Comment.hidden_at.is_(None),
                Comment.deleted_at.is_(None),
            )
        )
    }
    ids = [cid for cid in candidate.comment_ids if cid in visible]
    embedder = current_model()
    vectors = vectors_of(ids, embedder.name) if embedder else {}
    centre = np.mean(list(vectors.values()), axis=0) if vectors else None
    for cid in ids:
        score = None
        if centre is not None and cid in vectors:
            score = float(vectors[cid] @ centre / (np.linalg.norm(centre) or 1.0))
        db.session.add(
            ThemeTag(
                comment_id=cid,
                theme_id=theme.id,
                status=TagStatus.SUGGESTED,
                score=round(max(0.0, min(1.0, score if score is not None else 0.5)), 4),
                created_at=now,
            )
        )
    db.session.flush()
    return theme


def dismiss(candidate: ThemeCandidate, *, actor: User, now) -> None:
    _decide(candidate, CandidateStatus.DISMISSED, actor, now)
    db.session.flush()
