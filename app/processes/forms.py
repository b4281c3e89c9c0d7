"""Process set-up forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import Length, Optional, Regexp

from ..forms import TranslatedField, markdown_field
from ..models import DeletedAccountComments

LANGUAGE_CHOICES = [
    SelectChoice("fi", "suomi"),
    SelectChoice("sv", "svenska"),
    SelectChoice("en", "English"),
]


class ProcessForm(FlaskForm):
    language = SelectField(
        _l("Main language"),
        choices=LANGUAGE_CHOICES,
        default="fi",
        description=_l(
            "Texts are written in this language first; readers of other languages see it when no translation is given."
        ),
    )
    title = TranslatedField(_l("Title"), max_length=200)
    slug = StringField(
        _l("Web address"),
        validators=[
            Optional(),
            Length(min=3, max=80),
            Regexp(
                r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                message=_l("Use lower-case letters a–z, digits and single hyphens."),
            ),
        ],
        description=_l(
            "The end of the process's address, e.g. keski-uusimaa-2026. Left empty, it is made from the title."
        ),
    )
    region = StringField(_l("Region"), validators=[Optional(), Length(max=120)])
    description = markdown_field(_l("Description"), max_length=10000)
    show_names = BooleanField(
        _l("Show participants' names in summaries and exports"),
        description=_l(
            "Off by default: comments are shown as their work group's. Turn on only "
            "if the participants have been told their names will be shown."
        ),
    )
    deleted_account_comments = RadioField(
        _l("When a participant deletes their account, their comments…"),
        choices=[
            SelectChoice(
                DeletedAccountComments.KEEP_AS_GROUP.value,
                _l("stay as their work group's comments, without the name"),
            ),
            SelectChoice(
                DeletedAccountComments.REMOVE.value,
                _l("lose their texts (the places stay for the replies)"),
            ),
        ],
        default=DeletedAccountComments.KEEP_AS_GROUP.value,
        # The model's enum member (from obj=process) becomes its value for the radios.
        coerce=lambda value: getattr(value, "value", value),
        validators=[Optional()],
        description=_l(
            "The privacy notice and the account deletion page tell participants "
            "which applies."
        ),
    )
    submit = SubmitField(_l("Save"))

    @property
    def main_language(self) -> str:
        return self.language.data or "fi"
