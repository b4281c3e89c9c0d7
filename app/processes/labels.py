"""Translated names of phase kinds and process roles, as template filters."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..models import PhaseKind, ProcessRoleKind
from . import bp

PHASE_KIND_LABELS = {
    PhaseKind.SEMINAR: _l("Seminar"),
    PhaseKind.DISCUSSION: _l("Online discussion"),
    PhaseKind.FOLLOWUP: _l("Follow-up"),
    PhaseKind.SURVEY: _l("Feedback survey"),
}

ROLE_LABELS = {
    ProcessRoleKind.FACILITATOR: _l("Facilitator"),
    ProcessRoleKind.OBSERVER: _l("Observer"),
}


@bp.app_template_filter("phase_kind")
def phase_kind_label(kind: PhaseKind | str) -> str:
    """Name a phase kind in the reader's language: {{ phase.kind | phase_kind }}."""
    return str(PHASE_KIND_LABELS[PhaseKind(kind)])


@bp.app_template_filter("process_role")
def process_role_label(role: ProcessRoleKind | str) -> str:
    """Name a process role in the reader's language: {{ member.role | process_role }}."""
    return str(ROLE_LABELS[ProcessRoleKind(role)])
