"""What the discovery page shows: the open candidates with their groups,
organisations and representative comments (one query for all their comments)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from ..models import (
    CandidateStatus,
    Comment,
    Phase,
    Process,
    ThemeCandidate,
    WorkGroup,
)
from ..web import get_in_process_or_404

#: Representative comments shown per candidate.
QUOTES = 3


@dataclass(frozen=True)
class CandidateView:
    candidate: ThemeCandidate
    #: Its comments that are still visible.
    size: int
    groups: list[str]
    organisations: list[str]
    quotes: list[Comment]


def _scope(phase: Phase | None):
    if phase is None:
        return ThemeCandidate.phase_id.is_(None)
    return ThemeCandidate.phase_id == phase.id


def open_candidates(process: Process, phase: Phase | None) -> list[CandidateView]:
    candidates = list(
        db.session.scalars(
            sa.select(ThemeCandidate)
            .where(
                ThemeCandidate.process_id == process.id,
                _scope(phase),
                ThemeCandidate.status == CandidateStatus.OPEN,
            )
            .order_by(ThemeCandidate.id)
        )
    )
    ids = {cid for candidate in candidates for cid in candidate.comment_ids}
    comments = {
        comment.id: comment
        for comment in db.session.scalars(
            sa.select(Comment)
            .where(
                Comment.id.in_(ids),
                Comment.hidden_at.is_(None),
                Comment.deleted_at.is_(None),
            )
            .options(so.joinedload(Comment.group).joinedload(WorkGroup.organisation))
        )
    }
    views = []
    for candidate in candidates:
        members = [comments[cid] for cid in candidate.comment_ids if cid in comments]
        views.append(
            CandidateView(
                candidate=candidate,
                size=len(members),
                groups=sorted({c.group.name for c in members}),
                organisations=sorted(
                    {c.group.organisation.name for c in members if c.group.organisation}
                ),
                quotes=members[:QUOTES],
            )
        )
    return views


def get_candidate_or_404(process: Process, candidate_id: int) -> ThemeCandidate:
    return get_in_process_or_404(process, ThemeCandidate, candidate_id)
