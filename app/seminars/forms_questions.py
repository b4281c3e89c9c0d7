"""Questions to the speakers: the phone's question form and a like button's form."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectField, SubmitField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional

from ..models import SPEAKER_QUESTION_MAX_LENGTH
from . import services_questions as questions


class AskForm(FlaskForm):
    body = TextAreaField(
        _l("Your question"),
        validators=[
            DataRequired(message=questions.EmptyQuestion.message),
            Length(
                max=SPEAKER_QUESTION_MAX_LENGTH,
                message=questions.QuestionTooLong.message,
            ),
        ],
        description=_l(
            "At most %(max)d characters. Your work group's name is shown with the"
            " question, not yours.",
            max=SPEAKER_QUESTION_MAX_LENGTH,
        ),
        # The server's limit is the rule: no maxlength, which would cut a pasted
        # text silently (static/js/comments.js counts the characters).
        render_kw={
            "rows": 3,
            "data-max-length": SPEAKER_QUESTION_MAX_LENGTH,
            "maxlength": False,
        },
    )
    group_id = SelectField(_l("On behalf of the work group"), coerce=int)
    #: The talk the page showed: a question typed as the talk changes goes to it.
    item_id = HiddenField(validators=[Optional()])
    submission_key = HiddenField(validators=[Optional(), Length(max=64)])
    submit = SubmitField(_l("Send the question"))

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, prefix="ask", **kwargs)
        self.group_id.choices = [SelectChoice(group.id, group.name) for group in groups]
        if groups and not self.group_id.data:
            self.group_id.data = groups[0].id
        if not self.submission_key.data:
            self.submission_key.data = secrets.token_hex(16)

    @property
    def session_expired(self) -> bool:
        return bool(getattr(self, "csrf_token", None) and self.csrf_token.errors)


class LikeForm(FlaskForm):
    """A like button: "1" likes, "0" takes the like back (sending twice changes
    nothing)."""

    liked = HiddenField(validators=[DataRequired(), AnyOf(["0", "1"])])
