"""The invitation letter's form; sending reuses the plain confirmation form."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField

from ..forms import ConfirmForm, ProcessTextForm, TranslatedField

__all__ = ["ConfirmForm", "LetterForm"]

PLACEHOLDER_HINT = _l(
    "Placeholders: {group} the work group's name, {organisation} its organisation, "
    "{link} its invitation link, {code} its invitation code, {discussion} the "
    "discussion's title and {closes} when it closes. "
    "Markdown: *emphasis*, **bold**, lists and links."
)


class LetterForm(ProcessTextForm):
    subject = TranslatedField(
        _l("Subject"),
        max_length=200,
        description=_l("Placeholders such as {group} work here too."),
    )
    body = TranslatedField(
        _l("Letter"),
        textarea=True,
        max_length=10000,
        description=PLACEHOLDER_HINT,
    )
    submit = SubmitField(_l("Save the letter"))
