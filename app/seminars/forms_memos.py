"""The memo's form: its three texts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from ..forms import MARKDOWN_HINT

#: Longest memo part, in characters of Markdown.
PART_MAX = 20000


def _part(label) -> TextAreaField:
    return TextAreaField(
        label, validators=[Optional(), Length(max=PART_MAX)], description=MARKDOWN_HINT
    )


class MemoForm(FlaskForm):
    """The memo's three texts, Markdown in the process's language."""

    aims = _part(_l("What was aimed at"))
    way_of_working = _part(_l("How the group worked"))
    results = _part(_l("What resulted"))
