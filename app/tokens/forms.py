"""The form that makes an API token."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange
from wtforms.widgets import CheckboxInput, ListWidget

#: A token lasts at most a year; a longer need makes a new one.
MAX_DAYS = 365


class ProcessesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TokenForm(FlaskForm):
    name = StringField(
        _l("Name"),
        description=_l("What the token is for, e.g. the report or system using it."),
        validators=[DataRequired(), Length(max=80)],
    )
    processes = ProcessesField(
        _l("Processes the token may read"),
        coerce=int,
        validators=[DataRequired(_l("Choose at least one process."))],
    )
    days = IntegerField(
        _l("Valid for (days)"),
        description=_l("From 1 to 365 days."),
        validators=[
            InputRequired(_l("Write the number of days.")),
            NumberRange(min=1, max=MAX_DAYS, message=_l("From 1 to 365 days.")),
        ],
    )
    submit = SubmitField(_l("Create the token"))
