"""Online discussions: settings, questions, the groups' comment threads, moderation,
invitation letters, participation and reminders."""

from flask import Blueprint

from ..models import PhaseKind
from ..processes.services_phases import register_phase_setup
from .services import ensure_discussion

bp = Blueprint("discussions", __name__)

# A discussion phase gets its discussion settings when the phase is added or changed.
register_phase_setup(PhaseKind.DISCUSSION, ensure_discussion)

from . import (
    labels,
    routes,
    routes_comments,
    routes_invitations,
    routes_moderation,
    routes_participation,
    routes_prompts,
)
