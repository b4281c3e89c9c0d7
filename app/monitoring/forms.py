"""Forms of the follow-up plan: goals, actions, status notes, indicators, values."""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..forms import (
    MARKDOWN_HINT,
    ConfirmForm,
    KnownFormatsField,
    MoveForm,
    ProcessTextForm,
    TranslatedField,
    enum_select,
    markdown_field,
    strip_spaces,
)
from ..i18n import HELSINKI
from ..models import ActionStatus, Direction, IndicatorSource, PeriodKind
from .labels import (
    ACTION_STATUS_LABELS,
    DIRECTION_LABELS,
    PERIOD_EXAMPLES,
    PERIOD_KIND_LABELS,
    SOURCE_LABELS,
)
from .targets import SUBGROUP_MAX, parse_number, parse_target_lines, valid_period

__all__ = [
    "ActionForm",
    "ConfirmForm",
    "GoalForm",
    "ImportForm",
    "IndicatorForm",
    "MoveForm",
    "NoteForm",
    "ValueForm",
    "helsinki_today",
]


def helsinki_today() -> date:
    """Today's date in Finland (a status note's default and latest date)."""
    return datetime.now(HELSINKI).date()


def _organisation_choices(none_label, first, others) -> dict:
    """Choices grouped: none, this process's organisations, the others."""
    groups = {None: [SelectChoice("", str(none_label))]}
    if first:
        groups[str(_l("Organisations in this process"))] = [
            SelectChoice(str(o.id), o.name) for o in first
        ]
    if others:
        groups[str(_l("Other organisations"))] = [
            SelectChoice(str(o.id), o.name) for o in others
        ]
    return groups


class FinnishDateField(KnownFormatsField, DateField):
    """A date from ``<input type="date">`` (2026-03-01) or typed as 1.3.2026."""

    formats = ("%Y-%m-%d", "%d.%m.%Y")
    invalid_message = _l("Give the date as day, month and year, e.g. 1.3.2026.")


class GoalForm(ProcessTextForm):
    title = TranslatedField(_l("Goal"), max_length=300)
    description = markdown_field(_l("Description"), max_length=10000)
    submit = SubmitField(_l("Save"))


class ActionForm(FlaskForm):
    title = StringField(
        _l("Action"),
        validators=[DataRequired(), Length(max=300)],
        filters=[strip_spaces],
        description=_l("What is done, e.g. “A shared annual plan for communal work”."),
    )
    description = TextAreaField(
        _l("Description"),
        validators=[Optional(), Length(max=10000)],
        description=MARKDOWN_HINT,
    )
    owner = SelectField(
        _l("Responsible organisation"),
        choices=[],
        validate_choice=True,
        description=_l(
            "Organisations with a work group in this process are listed first."
        ),
    )
    due_on = FinnishDateField(_l("Due date"), validators=[Optional()])
    status = enum_select(
        _l("Status"),
        ACTION_STATUS_LABELS,
        ActionStatus.PLANNED,
        description=_l("A new status note also sets the status."),
    )
    submit = SubmitField(_l("Save"))

    def set_organisations(self, first, others) -> None:
        """Choices grouped: no owner, this process's organisations, the others."""
        self.owner.choices = _organisation_choices(
            _l("No responsible organisation"), first, others
        )


class NoteForm(FlaskForm):
    noted_on = FinnishDateField(
        _l("Date"),
        validators=[DataRequired(message=_l("Give the date of the note."))],
        default=helsinki_today,
        description=_l("The day the note is about; today or earlier."),
    )
    status = enum_select(_l("Status after this"), ACTION_STATUS_LABELS)
    body = TextAreaField(
        _l("What happened"),
        validators=[Optional(), Length(max=5000)],
        description=MARKDOWN_HINT,
    )
    submit = SubmitField(_l("Add the note"))

    def validate_noted_on(self, field):
        if field.data and field.data > helsinki_today():
            raise ValidationError(_l("A status note cannot be dated in the future."))


class IndicatorForm(ProcessTextForm):
    title = TranslatedField(_l("Indicator"), max_length=300)
    description = markdown_field(_l("Description"), max_length=10000)
    unit = StringField(
        _l("Unit"),
        validators=[Optional(), Length(max=40)],
        filters=[strip_spaces],
        description=_l("Shown after each value, e.g. %, pupils or 1–5."),
    )
    direction = enum_select(_l("Direction"), DIRECTION_LABELS, Direction.HIGHER)
    source = enum_select(_l("Source"), SOURCE_LABELS, IndicatorSource.REPORT)
    source_detail = StringField(
        _l("Source in detail"),
        validators=[Optional(), Length(max=300)],
        filters=[strip_spaces],
        description=_l(
            "Which report or register, e.g. Kouluterveyskysely (THL) or the annual "
            "self-monitoring report."
        ),
    )
    period_kind = enum_select(
        _l("Values are given per"), PERIOD_KIND_LABELS, PeriodKind.SCHOOL_YEAR
    )
    targets = TextAreaField(
        _l("Targets"),
        validators=[Optional(), Length(max=5000)],
        description=_l(
            "One target per line. A number alone (or “= 30”) is the target of the "
            "whole; “subgroup = value” is a subgroup's own target, e.g. "
            "“psykologit ja kuraattorit = 30” and “terveydenhoitajat = 15”. "
            "A decimal comma is fine. Leave empty for an indicator without a target."
        ),
        render_kw={"rows": 5},
    )
    submit = SubmitField(_l("Save"))

    #: The targets read from the text, set when the form validates.
    parsed_targets: list[tuple[str, float]] = []

    def validate_targets(self, field):
        targets, errors = parse_target_lines(field.data)
        messages = {
            "number": _l(
                "Line %(line)d: write “subgroup = number”, e.g. terveydenhoitajat = 15."
            ),
            "repeat": _l("Line %(line)d: this subgroup already has a target above."),
            "long": _l("Line %(line)d: the subgroup's name is too long."),
        }
        if errors:
            raise ValidationError(
                " ".join(
                    str(messages[error.problem]) % {"line": error.line}
                    for error in errors
                )
            )
        self.parsed_targets = targets


class ValueForm(FlaskForm):
    period = StringField(
        _l("Period"),
        validators=[DataRequired(message=_l("Give the period."))],
        filters=[strip_spaces],
    )
    organisation = SelectField(_l("Organisation"), choices=[], validate_choice=True)
    area = StringField(
        _l("Area"),
        validators=[Optional(), Length(max=120)],
        filters=[strip_spaces],
        description=_l(
            "Instead of an organisation, e.g. Pohjoinen alue. Leave both empty for "
            "the whole region."
        ),
    )
    subgroup = StringField(
        _l("Subgroup"),
        validators=[Optional(), Length(max=SUBGROUP_MAX)],
        filters=[strip_spaces],
        description=_l(
            "Leave empty for everyone; a subgroup with its own target is matched to it."
        ),
    )
    value = StringField(
        _l("Value"),
        validators=[DataRequired(message=_l("Give the value."))],
        filters=[strip_spaces],
        description=_l("A number; a decimal comma or point is fine, e.g. 31,5."),
        render_kw={"inputmode": "decimal", "autocomplete": "off"},
    )
    note = TextAreaField(
        _l("Note"),
        validators=[Optional(), Length(max=2000)],
        description=_l("Optional: where the figure comes from, or what affects it."),
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, period_kind: PeriodKind, **kwargs):
        super().__init__(*args, **kwargs)
        self.period_kind = period_kind
        self.period.description = str(
            _l("Write it like %(example)s.", example=PERIOD_EXAMPLES[period_kind])
        )

    def set_organisations(self, first, others) -> None:
        self.organisation.choices = _organisation_choices(
            _l("None (an area or the whole region)"), first, others
        )

    def validate_period(self, field):
        if field.data and not valid_period(self.period_kind, field.data):
            raise ValidationError(
                _l(
                    "Write the period like %(example)s.",
                    example=PERIOD_EXAMPLES[self.period_kind],
                )
            )

    def validate_area(self, field):
        if field.data and self.organisation.data:
            raise ValidationError(
                _l("Give either an organisation or an area, not both.")
            )

    def validate_value(self, field):
        if field.data and parse_number(field.data) is None:
            raise ValidationError(_l("Write a number, e.g. 31,5."))

    @property
    def number(self) -> float | None:
        return parse_number(self.value.data)


class ImportForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        validators=[FileRequired(message=_l("Choose the file to import."))],
        description=_l(
            "At most 1 MB and 5,000 rows, UTF-8, cells separated by semicolons or commas."
        ),
        render_kw={"accept": ".csv,text/csv"},
    )
    check_only = BooleanField(
        _l("Only check the file; do not import yet"),
    )
    submit = SubmitField(_l("Import"))
