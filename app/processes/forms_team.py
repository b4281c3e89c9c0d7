"""Team forms: adding an account to a process and changing its role."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField
from wtforms.validators import DataRequired

from ..forms import email_field, enum_select, strip_spaces
from ..models import ProcessRoleKind
from .labels import ROLE_LABELS


class TeamMemberForm(FlaskForm):
    email = email_field(
        _l("Email"),
        required=_l("Enter the person's email address."),
        filters=[strip_spaces],
        render_kw={"autocomplete": "off"},
    )
    role = enum_select(_l("Role"), ROLE_LABELS, ProcessRoleKind.OBSERVER)
    submit = SubmitField(_l("Add to the team"))


class TeamRoleForm(FlaskForm):
    """The "Make facilitator" / "Make observer" button of a team member."""

    role = enum_select(None, ROLE_LABELS, validators=[DataRequired()])
