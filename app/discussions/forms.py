"""Discussion set-up forms: settings and questions."""

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, StringField, SubmitField
from wtforms.validators import Length, NumberRange, Optional

from ..forms import ProcessTextForm, TranslatedField, enum_select, markdown_field
from ..models import Visibility

VISIBILITY_LABELS = {
    Visibility.AFTER_OWN_ANSWER: _l(
        "After the group has answered the question itself (recommended: avoids anchoring)"
    ),
    Visibility.ALWAYS: _l("Always"),
}


class DiscussionSettingsForm(ProcessTextForm):
    intro = markdown_field(_l("Introduction"), max_length=10000)
    video_url = StringField(
        _l("Video address"),
        validators=[Optional(), Length(max=500)],
        description=_l(
            "Optional. A YouTube or Vimeo address, or a direct https link to an .mp4 or .webm file."
        ),
        render_kw={"inputmode": "url", "spellcheck": "false"},
    )
    video_transcript = TranslatedField(
        _l("Transcript or description of the video"),
        textarea=True,
        max_length=20000,
        required=False,
        description=_l("Shown under the video for those who cannot watch or hear it."),
    )
    visibility = enum_select(
        _l("Other groups' comments are shown"),
        VISIBILITY_LABELS,
        Visibility.AFTER_OWN_ANSWER,
    )
    edit_window_minutes = IntegerField(
        _l("Minutes an author may edit or delete a comment"),
        default=30,
        validators=[NumberRange(min=0, max=1440)],
    )
    submit = SubmitField(_l("Save"))


class PromptForm(ProcessTextForm):
    question = TranslatedField(_l("Question"), max_length=500)
    guidance = markdown_field(_l("Guidance"), max_length=5000)
    submit = SubmitField(_l("Save"))
