"""The live pages' forms: on the phone a note, an open-space topic, a feeling-line
mark; on the control page the buttons' fields."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
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
from .labels import SCALE_LABELS


def _short_text(field_class, label, limit: int, empty, too_long, **kwargs):
    """A required short text whose messages are the service's own refusals."""
    return field_class(
        label,
        validators=[
            DataRequired(message=empty.message),
            Length(max=limit, message=too_long.message),
        ],
        **kwargs,
    )


class NoteForm(FlaskForm):
    body = _short_text(
        TextAreaField,
        _l("Your note"),
        services_live.NOTE_MAX_LENGTH,
        services_live.EmptyNote,
        services_live.NoteTooLong,
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
    question = _short_text(
        StringField,
        _l("Propose a topic"),
        services_methods.TOPIC_MAX_LENGTH,
        services_methods.EmptyTopic,
        services_methods.TopicTooLong,
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
        validators=[InputRequired(message=services_methods.MarkOffScale.message)],
    )
    submit = SubmitField(_l("Save my mark"))


class ControlForm(FlaskForm):
    """Every control button posts some of these; the action decides which it needs."""

    note_id = IntegerField(validators=[Optional()])
    prompt_id = IntegerField(validators=[Optional()])
    into_id = IntegerField(validators=[Optional()])
    reason = TextAreaField(validators=[Optional(), Length(max=1000)])
