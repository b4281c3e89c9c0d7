"""The phase set-up form."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField
from wtforms.validators import Optional

from ..forms import (
    HelsinkiDateTimeField,
    ProcessTextForm,
    TranslatedField,
    end_after_start,
    enum_select,
    markdown_field,
)
from ..models import PhaseKind
from .labels import PHASE_KIND_LABELS


class PhaseForm(ProcessTextForm):
    kind = enum_select(_l("Kind"), PHASE_KIND_LABELS, PhaseKind.SEMINAR)
    title = TranslatedField(_l("Title"), max_length=200)
    description = markdown_field(_l("Description"), max_length=10000)
    # Both times are optional; the form's fieldset says they are Helsinki time.
    starts_at = HelsinkiDateTimeField(_l("Starts"), validators=[Optional()])
    ends_at = HelsinkiDateTimeField(
        _l("Ends"), validators=[Optional(), end_after_start("starts_at")]
    )
    submit = SubmitField(_l("Save"))
