"""Sign-in, password and join forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from ..forms import EMAIL_MAX_LENGTH, email_field
from ..models.groups import INVITE_CODE_LENGTH
from .passwords import MAX_LENGTH, password_problems


class LoginForm(FlaskForm):
    email = EmailField(
        _l("Email"),
        validators=[
            DataRequired(_l("Enter your email address.")),
            Length(max=EMAIL_MAX_LENGTH),
        ],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField(_l("Sign in"))


class NewPasswordMixin:
    """A new password typed twice, checked against the policy."""

    #: The email the password must not contain; set by the view.
    policy_email: str | None = None

    def validate_new_password(self, field):
        problems = password_problems(field.data or "", self.policy_email)
        if problems:
            raise ValidationError(" ".join(problems))


def _new_password_fields():
    new_password = PasswordField(
        _l("New password"),
        validators=[DataRequired(_l("Enter a new password."))],
        description=_l(
            "At least 10 characters. Avoid common passwords and your email address."
        ),
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(_l("Enter the new password again.")),
            EqualTo("new_password", _l("The passwords do not match.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    return new_password, confirm


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    new_password, confirm = _new_password_fields()
    submit = SubmitField(_l("Change password"))


class ResetRequestForm(FlaskForm):
    email = email_field(
        _l("Email"),
        required=_l("Enter your email address."),
        render_kw={"autocomplete": "email"},
    )
    submit = SubmitField(_l("Send the link"))


class ResetPasswordForm(NewPasswordMixin, FlaskForm):
    new_password, confirm = _new_password_fields()
    submit = SubmitField(_l("Set the password"))


class JoinCodeForm(FlaskForm):
    code = StringField(
        _l("Invite code"),
        validators=[
            DataRequired(_l("Enter the code from your invitation.")),
            Length(max=32),
        ],
        description=_l(
            "The code has %(length)d letters and numbers, shown in groups of four, for example %(example)s.",
            length=INVITE_CODE_LENGTH,
            example="KX7P 2MQA H3RT",
        ),
        render_kw={
            "autocomplete": "off",
            "autocapitalize": "characters",
            "spellcheck": "false",
        },
    )
    submit = SubmitField(_l("Continue"))


class JoinForm(FlaskForm):
    display_name = StringField(
        _l("Your name"),
        validators=[
            DataRequired(_l("Enter the name others will see.")),
            Length(max=120),
        ],
        description=_l(
            "The process's facilitators and observers see it with what you write; other work groups see only your group's name."
        ),
        render_kw={"autocomplete": "name"},
    )
    submit = SubmitField(_l("Join the work group"))


class JoinAsSignedInForm(FlaskForm):
    """Joining needs no name from someone who is already signed in."""

    submit = SubmitField(_l("Join the work group"))
