"""Loading a survey for a view: the process, the permission, the survey phase."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from ..extensions import db
from ..models import Phase, PhaseKind, Process, Survey, SurveyQuestion
from ..permissions import require
from ..web import get_process_or_404
from .services import ensure_survey


def get_survey_or_404(process: Process, phase_id: int) -> Survey:
    """Load the survey of one of this process's survey phases.

    A survey phase made before its settings existed gets them on first visit.
    """
    phase = db.session.get(Phase, phase_id)
    if phase is None or phase.process_id != process.id:
        abort(404)
    if phase.kind is not PhaseKind.SURVEY:
        abort(404)
    if phase.survey is None:
        ensure_survey(phase)
        db.session.commit()
    return phase.survey


def get_question_or_404(survey: Survey, question_id: int) -> SurveyQuestion:
    question = db.session.get(SurveyQuestion, question_id)
    if question is None or question.survey_id != survey.id:
        abort(404)
    return question


def load(slug: str, phase_id: int, action: str) -> tuple[Process, Survey]:
    """The process and its survey, once the user may do ``action`` in the process."""
    process = get_process_or_404(slug)
    require(current_user, action, process)
    return process, get_survey_or_404(process, phase_id)
