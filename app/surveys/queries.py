"""Loading a survey for a view: the process, the permission, the survey phase."""

from __future__ import annotations

from ..extensions import db
from ..models import Phase, PhaseKind, Process, Survey
from ..web import load_in_process
from .services import ensure_survey


def is_survey_phase(phase: Phase) -> bool:
    return phase.kind is PhaseKind.SURVEY


def load_survey(slug: str, action: str, phase_id: int) -> tuple[Process, Survey]:
    """The process and the survey of one of its survey phases, once the user may do
    ``action`` in the process; any other phase is not found.

    A survey phase made before its settings existed gets them on first visit.
    """
    process, phase = load_in_process(slug, action, Phase, phase_id, is_survey_phase)
    if phase.survey is None:
        ensure_survey(phase)
        db.session.commit()
    return process, phase.survey
