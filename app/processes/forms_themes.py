"""The theme set-up form."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from ..forms import ProcessTextForm, TranslatedField, markdown_field, strip_spaces


class ThemeForm(ProcessTextForm):
    title = TranslatedField(_l("Title"), max_length=200)
    description = markdown_field(_l("Description"), max_length=10000)
    # Only the coding suggestions read these; participants never see them.
    keywords = TextAreaField(
        _l("Keywords"),
        validators=[Optional(), Length(max=1000)],
        filters=[strip_spaces],
        description=_l(
            "Optional. Words that point to this theme, separated by commas, in any "
            "language, e.g. kuraattori, psykologi, rekrytointi. The coding "
            "suggestions use them; participants do not see them."
        ),
    )
    submit = SubmitField(_l("Save"))
