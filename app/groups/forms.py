"""Organisation and work-group forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, SubmitField
from wtforms.fields import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)

from ..forms import email_field, enum_select, strip_spaces
from ..models import DEFAULT_SEATS, MAX_SEATS, Organisation, OrganisationKind
from .labels import KIND_LABELS


def _kind_value(value):
    """Coerce a kind to its stored value, whether given as an enum or a string."""
    return value.value if isinstance(value, OrganisationKind) else value


def _optional_int(value):
    """Coerce a select's value; the empty placeholder becomes None."""
    if value in (None, ""):
        return None
    return int(value)


class OrganisationForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip_spaces],
        validators=[
            DataRequired(_l("Enter the organisation's name.")),
            Length(max=160),
        ],
        description=_l("For example Keski-Uudenmaan koulutuskuntayhtymä Keuda."),
    )
    kind = enum_select(
        _l("Kind"), KIND_LABELS, OrganisationKind.MUNICIPALITY, coerce=_kind_value
    )
    submit = SubmitField(_l("Save"))

    @property
    def kind_value(self) -> OrganisationKind:
        return OrganisationKind(self.kind.data)


class WorkGroupForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip_spaces],
        validators=[DataRequired(_l("Enter the work group's name.")), Length(max=160)],
        description=_l("Unique within the process, e.g. Keuda, ammatillinen koulutus."),
    )
    organisation_id = SelectField(
        _l("Organisation"),
        coerce=_optional_int,
        validators=[DataRequired(_l("Choose the organisation the group belongs to."))],
    )
    seats = IntegerField(
        _l("Places"),
        default=DEFAULT_SEATS,
        validators=[
            InputRequired(
                _l("Give the number of places, from 1 to %(max)d.", max=MAX_SEATS)
            ),
            NumberRange(
                1,
                MAX_SEATS,
                _l("Give a number from 1 to %(max)d.", max=MAX_SEATS),
            ),
        ],
        description=_l(
            "How many people may join with the invitation. Nobody joins beyond it, "
            "and in a ballot where each person votes the group casts at most this "
            "many votes. Members who already joined stay if you lower it."
        ),
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    contact_name = StringField(
        _l("Contact person's name"),
        filters=[strip_spaces],
        validators=[Optional(), Length(max=120)],
        render_kw={"autocomplete": "off"},
    )
    contact_email = email_field(
        _l("Contact person's email"),
        filters=[strip_spaces],
        render_kw={"autocomplete": "off"},
    )
    submit = SubmitField(_l("Save"))
    #: Keeps what was typed and opens the organisation form (which comes back).
    add_organisation = SubmitField(_l("Add an organisation"))

    def set_organisations(self, organisations: list[Organisation]) -> None:
        """Offer the existing organisations, after an empty 'choose' entry."""
        self.organisation_id.choices = [
            SelectChoice("", _l("Choose an organisation"))
        ] + [SelectChoice(org.id, org.name) for org in organisations]
