"""Translated names of the account roles, and ``role_label`` for the admin templates."""

from flask_babel import lazy_gettext as _l

from ..models import Role
from . import bp

ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.FACILITATOR: _l("Facilitator"),
    Role.MEMBER: _l("Member"),
    Role.PARTICIPANT: _l("Participant"),
}


@bp.context_processor
def role_label_helper():
    """``{{ role_label(account.role) }}`` in the admin blueprint's templates."""
    return {"role_label": lambda role: ROLE_LABELS.get(role, role)}
