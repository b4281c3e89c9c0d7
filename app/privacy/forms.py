"""Confirmation forms of the privacy pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length


class DeleteWithPasswordForm(FlaskForm):
    """Accounts with a password confirm the deletion with it."""

    password = PasswordField(
        _l("Your password"),
        validators=[DataRequired(_l("Enter your password to confirm."))],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField(_l("Delete my account"))


class DeleteWithNameForm(FlaskForm):
    """Participants who joined with a code (no password) tick and type their name."""

    understood = BooleanField(
        _l("I understand that my account is deleted for good"),
        validators=[InputRequired(_l("Tick the box to confirm."))],
    )
    name = StringField(
        _l("Your display name"),
        validators=[
            DataRequired(_l("Type your display name to confirm.")),
            Length(max=120),
        ],
        description=_l("Type the name shown when you are signed in."),
        render_kw={"autocomplete": "off"},
    )
    submit = SubmitField(_l("Delete my account"))


class EraseProcessForm(FlaskForm):
    """Erasing a process needs its web address typed."""

    slug = StringField(
        _l("The web address of the process"),
        validators=[
            DataRequired(_l("Type the web address of the process to confirm.")),
            Length(max=80),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    submit = SubmitField(_l("Erase the process for good"))
