"""The ballot set-up form, and the plain words that name a ballot's rules."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict
from wtforms import (
    IntegerField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    SubmitField,
)
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..errors import InvalidSchedule, MissingTitle
from ..forms import (
    HelsinkiDateTimeField,
    ProcessTextForm,
    TranslatedField,
    end_after_start,
    markdown_field,
)
from ..i18n import from_helsinki_input, to_helsinki_input
from ..models import Ballot, Process, ResultsVisibility, VoterUnit, VotingMethod
from . import services
from .services import MAX_CHOICES_LIMIT, MAX_POINTS_LIMIT

VOTER_UNIT_LABELS = {
    VoterUnit.GROUP: _l("One vote per work group: the group agrees on its choice"),
    VoterUnit.PARTICIPANT: _l("One vote per participant"),
}

METHOD_LABELS = {
    VotingMethod.PICK: _l("Pick: each voter chooses up to a given number of themes"),
    VotingMethod.POINTS: _l(
        "Points: each voter shares out a number of points, with a limit per theme "
        "(dot voting)"
    ),
    VotingMethod.RANKING: _l(
        "Ranking: each voter puts up to a given number of themes in order; the first "
        "place gets the most points (Borda count)"
    ),
}

RESULTS_LABELS = {
    ResultsVisibility.AFTER_CLOSE: _l("After voting has ended"),
    ResultsVisibility.LIVE: _l("Live, while voting is still going on"),
}

#: The fields that cannot change once a vote exists (see services.BallotLocked).
LOCKED_FIELDS = (
    "voter_unit",
    "method",
    "max_choices",
    "total_points",
    "max_points_per_theme",
    "themes",
)


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes (the template renders each in its own row)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(key.value, label) for key, label in labels.items()]


def _at_least_one_theme(form, field):
    if not field.data:
        raise ValidationError(_l("Choose at least one theme for the ballot."))


def _points_fit_total(form, field):
    """At most m per theme cannot exceed the N points in all (points method only)."""
    if form.locked_rules or form.method.data != VotingMethod.POINTS.value:
        return
    total = form.total_points.data
    if total and field.data and field.data > total:
        raise ValidationError(
            _l(
                "A theme cannot get more points than there are in all (%(num)d).",
                num=total,
            )
        )


def _choices_fit_themes(form, field):
    """Pick and ranking: choosing more themes than the ballot has is impossible.

    Not checked on a locked ballot: a theme removed from the process after the vote
    started may leave fewer themes than k, and the texts must stay editable."""
    if form.locked_rules or form.method.data == VotingMethod.POINTS.value:
        return
    valid = {choice[0] for choice in form.themes.choices or ()}
    chosen = len([theme for theme in form.themes.data or () if theme in valid])
    if chosen and field.data and field.data > chosen:
        raise ValidationError(
            ngettext(
                "The ballot has %(num)d theme, so voters can choose at most %(num)d.",
                "The ballot has %(num)d themes, so voters can choose at most %(num)d.",
                chosen,
            )
        )


class BallotForm(ProcessTextForm):
    """Create or edit a ballot; the route fills ``themes.choices`` with the process's
    themes and disables ``LOCKED_FIELDS`` once votes exist."""

    title = TranslatedField(_l("Title"), max_length=200)
    description = markdown_field(_l("Instructions for voters"), max_length=10000)
    opens_at = HelsinkiDateTimeField(
        _l("Voting opens"),
        validators=[Optional()],
        description=_l("Leave empty to keep the ballot closed until you set a time."),
    )
    closes_at = HelsinkiDateTimeField(
        _l("Voting ends"),
        validators=[Optional(), end_after_start("opens_at")],
        description=_l("Leave empty to keep voting open until you set a time."),
    )
    voter_unit = RadioField(
        _l("Who votes"),
        choices=_choices(VOTER_UNIT_LABELS),
        default=VoterUnit.GROUP.value,
        validators=[InputRequired(_l("Choose who votes."))],
    )
    method = RadioField(
        _l("Voting method"),
        choices=_choices(METHOD_LABELS),
        default=VotingMethod.PICK.value,
        validators=[InputRequired(_l("Choose a voting method."))],
    )
    max_choices = IntegerField(
        _l("Themes each voter can pick or rank"),
        default=3,
        description=_l("Pick and ranking: from 1 to %(max)d.", max=MAX_CHOICES_LIMIT),
        validators=[
            InputRequired(_l("Give a number.")),
            NumberRange(
                1,
                MAX_CHOICES_LIMIT,
                _l("Give a number from 1 to %(max)d.", max=MAX_CHOICES_LIMIT),
            ),
            _choices_fit_themes,
        ],
    )
    total_points = IntegerField(
        _l("Points each voter shares out"),
        default=10,
        description=_l("Points: from 1 to %(max)d.", max=MAX_POINTS_LIMIT),
        validators=[
            InputRequired(_l("Give a number.")),
            NumberRange(
                1,
                MAX_POINTS_LIMIT,
                _l("Give a number from 1 to %(max)d.", max=MAX_POINTS_LIMIT),
            ),
        ],
    )
    max_points_per_theme = IntegerField(
        _l("Points one theme can get from a voter at most"),
        default=3,
        description=_l("Points: at least 1 and not more than the points in all."),
        validators=[
            InputRequired(_l("Give a number.")),
            NumberRange(
                1,
                MAX_POINTS_LIMIT,
                _l("Give a number from 1 to %(max)d.", max=MAX_POINTS_LIMIT),
            ),
            _points_fit_total,
        ],
    )
    results_visibility = RadioField(
        _l("When everyone in the process sees the results"),
        choices=_choices(RESULTS_LABELS),
        default=ResultsVisibility.AFTER_CLOSE.value,
        validators=[InputRequired(_l("Choose when the results are shown."))],
        description=_l("Facilitators and observers can always follow the results."),
    )
    themes = MultiCheckboxField(
        _l("Themes on the ballot"),
        coerce=int,
        validators=[_at_least_one_theme],
        description=_l(
            "All the process's themes are on the ballot unless you leave some out."
        ),
    )
    submit = SubmitField(_l("Save the ballot"))

    #: Set by the route once votes exist: the cross-field rule checks are skipped
    #: (the service compares the rules with the stored ones instead).
    locked_rules = False

    def values(self) -> dict:
        """The fields as keyword arguments for ``services.save_ballot``."""
        return {
            "title": self.title.data,
            "description": self.description.data,
            "opens_at": from_helsinki_input(self.opens_at.data),
            "closes_at": from_helsinki_input(self.closes_at.data),
            "voter_unit": self.voter_unit.data,
            "method": self.method.data,
            "max_choices": self.max_choices.data,
            "total_points": self.total_points.data,
            "max_points_per_theme": self.max_points_per_theme.data,
            "results_visibility": self.results_visibility.data,
            "theme_ids": list(self.themes.data or ()),
        }


def ballot_data(ballot: Ballot) -> dict:
    """The stored ballot as the form's initial data."""
    return {
        "title": ballot.title,
        "description": ballot.description,
        "opens_at": to_helsinki_input(ballot.opens_at),
        "closes_at": to_helsinki_input(ballot.closes_at),
        "voter_unit": ballot.voter_unit.value,
        "method": ballot.method.value,
        "max_choices": ballot.max_choices,
        "total_points": ballot.total_points,
        "max_points_per_theme": ballot.max_points_per_theme,
        "results_visibility": ballot.results_visibility.value,
        "themes": [option.theme_id for option in ballot.options],
    }


def locked_formdata(ballot: Ballot, sent: MultiDict) -> MultiDict:
    """The sent form, with the ballot's current rules where the browser sent none.

    Browsers do not send disabled fields, so on a locked ballot the missing rules
    mean "unchanged". A rule that *is* sent (a page opened before the first vote)
    goes to the service, which refuses a change with ``BallotLocked``.
    """
    formdata = MultiDict(sent)
    current = ballot_data(ballot)
    for name in LOCKED_FIELDS:
        if name not in formdata:
            value = current[name]
            for item in value if isinstance(value, list) else [value]:
                formdata.add(name, str(item))
    return formdata


def lock_rules(form: BallotForm, ballot: Ballot) -> None:
    """Show the locked rules disabled, with the stored values (not a stale page's)."""
    current = ballot_data(ballot)
    for name in LOCKED_FIELDS:
        field = form[name]
        field.data, field.raw_data = current[name], None
        field.render_kw = {**(field.render_kw or {}), "disabled": True}


def refused_field(form: BallotForm, process: Process, error: Exception):
    """Where a service's refusal shows (the form checks most first): at the field it
    concerns, or above the whole form."""
    if isinstance(error, MissingTitle):
        return form.title.form[process.language]
    if isinstance(error, InvalidSchedule):
        return form.closes_at
    if isinstance(error, services.InvalidLimits):
        return form.max_choices
    if isinstance(error, services.NoThemes | services.ThemeNotInProcess):
        return form.themes
    return form  # BallotLocked, WrongPhase: about the whole form, shown above it
