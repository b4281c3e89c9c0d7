"""Team forms: adding an account to a process and changing its role."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectChoice, SelectField, SubmitField
from wtforms.validators import DataRequired, Email, Length

from ..models import ProcessRoleKind
from .labels import ROLE_LABELS


def _strip(value):
    """Drop the spaces a pasted address often carries."""
    return value.strip() if isinstance(value, str) else value


ROLE_CHOICES = [SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()]


class TeamMemberForm(FlaskForm):
    email = EmailField(
        _l("Email"),
        validators=[
            DataRequired(_l("Enter the person's email address.")),
            Email(_l("Enter a valid email address, such as name@example.fi.")),
            Length(max=254),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "off"},
    )
    role = SelectField(
        _l("Role"),
        choices=ROLE_CHOICES,
        default=ProcessRoleKind.OBSERVER.value,
    )
    submit = SubmitField(_l("Add to the team"))


class TeamRoleForm(FlaskForm):
    """The "Make facilitator" / "Make observer" button of a team member."""

    role = SelectField(choices=ROLE_CHOICES, validators=[DataRequired()])
