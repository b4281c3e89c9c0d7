"""Seminar set-up forms: settings, agenda items, workshops and their prompts."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    IntegerField,
    RadioField,
    SelectChoice,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import (
    HelsinkiDateTimeField,
    ProcessTextForm,
    TranslatedField,
    end_after_start,
    enum_select,
    markdown_field,
)
from ..i18n import from_helsinki_input
from ..models import AgendaKind, WorkshopMethod
from .labels import AGENDA_KIND_LABELS
from .methods import METHODS
from .services_workshops import MAX_SEATS


class SeminarSettingsForm(ProcessTextForm):
    place = StringField(
        _l("Place"),
        validators=[Optional(), Length(max=300)],
        description=_l(
            "The address and the room, e.g. Kauppakatu 5, Keravan lukio, aula."
        ),
    )
    online_url = StringField(
        _l("Online address"),
        validators=[Optional(), Length(max=500)],
        description=_l(
            "Optional. For an online or hybrid seminar: the meeting link, beginning with https://."
        ),
        render_kw={"inputmode": "url", "spellcheck": "false", "autocomplete": "url"},
    )
    goal = markdown_field(_l("Goal"), max_length=5000)
    expected_output = markdown_field(_l("Expected output"), max_length=5000)
    submit = SubmitField(_l("Save"))


class AgendaItemForm(ProcessTextForm):
    kind = enum_select(
        _l("Kind"),
        AGENDA_KIND_LABELS,
        AgendaKind.INTRO_TALK,
        description=_l(
            "Participants choose one workshop of each workshop block; add the"
            " workshops after saving the block."
        ),
    )
    starts_at = HelsinkiDateTimeField(
        _l("Starts"), validators=[DataRequired(message=_l("Give the start time."))]
    )
    ends_at = HelsinkiDateTimeField(
        _l("Ends"), validators=[Optional(), end_after_start("starts_at")]
    )
    title = TranslatedField(
        _l("Title"),
        max_length=200,
        required=False,
        description=_l("Optional for a break: the agenda then shows the kind."),
    )
    speaker = StringField(
        _l("Speaker"),
        validators=[Optional(), Length(max=300)],
        description=_l(
            "Name and title or organisation, e.g. Maija Virtanen, Keravan kaupunki."
        ),
    )
    description = markdown_field(_l("Description"), max_length=5000)
    submit = SubmitField(_l("Save"))

    def values(self) -> dict:
        """The item as the agenda services take it (times back to aware UTC)."""
        return {
            "kind": self.kind.data,
            "starts_at": from_helsinki_input(self.starts_at.data),
            "ends_at": from_helsinki_input(self.ends_at.data),
            "title": self.title.data,
            "speaker": self.speaker.data or "",
            "description": self.description.data,
        }


class WorkshopForm(ProcessTextForm):
    title = TranslatedField(_l("Title"), max_length=200)
    description = markdown_field(_l("Description"), max_length=5000)
    facilitator_name = StringField(
        _l("Facilitator"),
        validators=[Optional(), Length(max=200)],
        description=_l("The name shown on the agenda."),
    )
    room = StringField(_l("Room"), validators=[Optional(), Length(max=200)])
    method = RadioField(
        _l("Working method"),
        choices=[SelectChoice(m.value, spec.name) for m, spec in METHODS.items()],
        default=WorkshopMethod.BUZZ_GROUPS.value,
        validators=[DataRequired(message=_l("Choose a method."))],
    )
    seat_limit = IntegerField(
        _l("Seat limit"),
        validators=[
            Optional(),
            NumberRange(
                min=1,
                max=MAX_SEATS,
                message=_l("Give a number from 1 to 500, or leave it empty."),
            ),
        ],
        description=_l("Optional: leave empty when anyone may join."),
        render_kw={"inputmode": "numeric"},
    )
    submit = SubmitField(_l("Save"))

    def values(self) -> dict:
        """The workshop as the workshop services take it."""
        return {
            "title": self.title.data,
            "description": self.description.data,
            "facilitator_name": self.facilitator_name.data or "",
            "room": self.room.data or "",
            "method": self.method.data,
            "seat_limit": self.seat_limit.data,
        }


class WorkshopPromptForm(ProcessTextForm):
    #: The label follows the method ("Station", "Statement"...): set by the view.
    question = TranslatedField(_l("Question"), max_length=500)
    guidance = markdown_field(_l("Guidance"), max_length=5000)
    submit = SubmitField(_l("Save"))
