"""Account administration forms: creating an account and changing its role."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from ..forms import email_field, strip_spaces
from ..models import Role
from .labels import ROLE_LABELS
from .services import ASSIGNABLE_ROLES

ROLE_HINT = _l(
    "Administrators manage the accounts. Facilitators create and run processes. Members "
    "have no rights of their own: a facilitator can make them observers of a process."
)


def _role_field() -> SelectField:
    return SelectField(
        _l("Role"),
        choices=[
            SelectChoice(role.value, ROLE_LABELS[role]) for role in ASSIGNABLE_ROLES
        ],
        default=Role.MEMBER.value,
        description=ROLE_HINT,
    )


class CreateUserForm(FlaskForm):
    email = email_field(
        _l("Email"),
        required=_l("Enter an email address."),
        filters=[strip_spaces],
        description=_l("We send a link to this address to choose a password."),
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    name = StringField(
        _l("Name"),
        validators=[DataRequired(_l("Enter the person's name.")), Length(max=120)],
        filters=[strip_spaces],
        description=_l("Shown to others, for example beside comments."),
        render_kw={"autocomplete": "off"},
    )
    role = _role_field()
    submit = SubmitField(_l("Create the account"))


class RoleForm(FlaskForm):
    role = _role_field()
    submit = SubmitField(_l("Change the role"))
