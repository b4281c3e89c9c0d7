"""Every seminar phase has its seminar settings, created with the phase."""

from __future__ import annotations

from ..extensions import db
from ..models import Phase, PhaseKind, Seminar


def ensure_seminar(phase: Phase) -> Seminar | None:
    """Give a seminar phase its seminar settings (kept if the kind changes back)."""
    if phase.kind is not PhaseKind.SEMINAR:
        return None
    if phase.seminar is None:
        phase.seminar = Seminar()
        db.session.flush()
    return phase.seminar
