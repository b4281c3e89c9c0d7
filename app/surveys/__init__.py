"""Feedback surveys: questions, answers by work groups, results feeding indicators and coding."""

from flask import Blueprint

from ..models import PhaseKind
from ..processes.services_phases import register_phase_setup
from .services import ensure_survey

bp = Blueprint("surveys", __name__)

# A survey phase gets its survey settings when the phase is added or changed.
register_phase_setup(PhaseKind.SURVEY, ensure_survey)

from . import labels, routes_answer, routes_manage, routes_results
