"""Workshop seminars: agenda, parallel workshops with methods, participants' choices."""

from flask import Blueprint

from ..models import PhaseKind
from ..processes.services_phases import register_phase_setup
from .setup import ensure_seminar

bp = Blueprint("seminars", __name__)

# A seminar phase gets its seminar settings when the phase is added or changed.
register_phase_setup(PhaseKind.SEMINAR, ensure_seminar)

from . import (
    labels,
    routes,
    routes_agenda,
    routes_choices,
    routes_live,
    routes_memos,
    routes_projector,
    routes_prompts,
    routes_workshops,
)
