"""Translated names of organisation kinds, and the invite code as a template filter."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..models import OrganisationKind
from . import bp
from .services import format_invite_code

#: How each kind of organisation is called in the interface.
KIND_LABELS = {
    OrganisationKind.MUNICIPALITY: _l("Municipality"),
    OrganisationKind.EDUCATION_PROVIDER: _l("Education provider"),
    OrganisationKind.WELLBEING_COUNTY: _l("Wellbeing services county"),
    OrganisationKind.NGO: _l("NGO"),
    OrganisationKind.OTHER: _l("Other"),
}


@bp.app_template_filter("invite_code")
def invite_code_filter(code: str) -> str:
    """Show an invite code in two halves for reading aloud (KX7P 2MQA)."""
    return format_invite_code(code or "")
