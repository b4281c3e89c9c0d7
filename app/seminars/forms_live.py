"""The phone page's forms: a note, an open-space topic, a feeling-line mark."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..i18n import localized
from . import services_live, services_methods

SCALE_LABELS = {
    1: _l("Strongly disagree"),
    2: _l("Disagree"),
    3: _l("Neither agree nor disagree"),
    4: _l("Agree"),
    5: _l("Strongly agree"),
}


class NoteForm(FlaskForm):
    body = TextAreaField(
        _l("Your note"),
        validators=[
            DataRequired(message=_l("Write the note before sending it.")),
            Length(
                max=services_live.NOTE_MAX_LENGTH,
                message=_l(
                    "The note is too long: at most %(max)d characters.",
                    max=services_live.NOTE_MAX_LENGTH,
                ),
            ),
        ],
        description=_l(
            "A short note, at most %(max)d characters.",
            max=services_live.NOTE_MAX_LENGTH,
        ),
        render_kw={
            "rows": 3,
            "data-max-length": services_live.NOTE_MAX_LENGTH,
            "maxlength": False,
        },
    )
    prompt_id = SelectField(_l("Where the note goes"), coerce=int)
    group_id = SelectField(_l("On behalf of the work group"), coerce=int)
    submission_key = HiddenField(validators=[Optional(), Length(max=64)])
    submit = SubmitField(_l("Add the note"))

    def __init__(self, *args, groups=(), prompts=(), focus=None, **kwargs):
        super().__init__(*args, prefix="note", **kwargs)
        self.group_id.choices = [SelectChoice(group.id, group.name) for group in groups]
        self.prompt_id.choices = [
            SelectChoice(p.id, localized(p.question, p.process.language))
            for p in prompts
        ]
        if groups and not self.group_id.data:
            self.group_id.data = groups[0].id
        if focus is not None and not self.prompt_id.data:
            self.prompt_id.data = focus.id
        if not self.submission_key.data:
            self.submission_key.data = secrets.token_hex(16)

    @property
    def session_expired(self) -> bool:
        return bool(getattr(self, "csrf_token", None) and self.csrf_token.errors)


class TopicForm(FlaskForm):
    question = StringField(
        _l("Propose a topic"),
        validators=[
            DataRequired(message=_l("Write the topic before sending it.")),
            Length(
                max=services_methods.TOPIC_MAX_LENGTH,
                message=_l(
                    "The topic is too long: at most %(max)d characters.",
                    max=services_methods.TOPIC_MAX_LENGTH,
                ),
            ),
        ],
        description=_l(
            "At most %(max)d characters.", max=services_methods.TOPIC_MAX_LENGTH
        ),
    )
    submit = SubmitField(_l("Propose the topic"))


class MarkForm(FlaskForm):
    value = RadioField(
        _l("Your mark"),
        coerce=int,
        choices=[SelectChoice(value, label) for value, label in SCALE_LABELS.items()],
        validators=[InputRequired(message=_l("Choose a value from 1 to 5."))],
    )
    submit = SubmitField(_l("Save my mark"))
