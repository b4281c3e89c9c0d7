"""Workshop seminars: agenda, parallel workshops with methods, participants' choices."""

from flask import Blueprint

from ..models import PhaseKind
from ..processes.services_phases import register_phase_setup

bp = Blueprint("seminars", __name__)

# After bp: the services import labels, which registers template filters on it.
from .services import ensure_seminar

# A seminar phase gets its seminar settings when the phase is added or changed.
register_phase_setup(PhaseKind.SEMINAR, ensure_seminar)

# labels and queries_memos register template filters and the readable_memos global.
from . import (
    labels,
    queries_memos,
    routes,
    routes_agenda,
    routes_choices,
    routes_joining,
    routes_live,
    routes_memos,
    routes_offline,
    routes_projector,
    routes_prompts,
    routes_questions,
    routes_questions_moderate,
    routes_votes,
    routes_workshops,
)
