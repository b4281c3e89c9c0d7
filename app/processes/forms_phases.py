"""Phase and theme set-up forms."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice, SelectField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from ..forms import (
    HelsinkiDateTimeField,
    ProcessTextForm,
    TranslatedField,
    end_after_start,
    markdown_field,
)
from ..models import PhaseKind
from .labels import PHASE_KIND_LABELS


class PhaseForm(ProcessTextForm):
    kind = SelectField(
        _l("Kind"),
        choices=[
            SelectChoice(kind.value, label) for kind, label in PHASE_KIND_LABELS.items()
        ],
        default=PhaseKind.SEMINAR.value,
    )
    title = TranslatedField(_l("Title"), max_length=200)
    description = markdown_field(_l("Description"), max_length=10000)
    # Both times are optional; the form's fieldset says they are Helsinki time.
    starts_at = HelsinkiDateTimeField(_l("Starts"), validators=[Optional()])
    ends_at = HelsinkiDateTimeField(
        _l("Ends"), validators=[Optional(), end_after_start("starts_at")]
    )
    submit = SubmitField(_l("Save"))


class ThemeForm(ProcessTextForm):
    title = TranslatedField(_l("Title"), max_length=200)
    description = markdown_field(_l("Description"), max_length=10000)
    # Only the coding suggestions read these; participants never see them.
    keywords = TextAreaField(
        _l("Keywords"),
        validators=[Optional(), Length(max=1000)],
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        description=_l(
            "Optional. Words that point to this theme, separated by commas, in any "
            "language, e.g. kuraattori, psykologi, rekrytointi. The coding "
            "suggestions use them; participants do not see them."
        ),
    )
    submit = SubmitField(_l("Save"))
