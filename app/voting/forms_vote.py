"""The voting form, built per ballot: one field per theme, named ``theme-<id>``.

*pick* gives a checkbox per theme, *points* a number 0..m, *ranking* a select of
places. The fields check their own values (a number in range, a place on the list,
no place twice); the rules of the whole choice (at most k themes, N points in all,
places from 1 without gaps) are the service's, and the view adds its messages to
``form_errors``.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SelectChoice,
    SelectField,
    SubmitField,
)
from wtforms.validators import Optional, ValidationError

from ..i18n import localized
from ..models import Ballot, Vote, VotingMethod, WorkGroup

FIELD_PREFIX = "theme-"


def field_name(theme_id: int) -> str:
    return f"{FIELD_PREFIX}{theme_id}"


class PointsField(IntegerField):
    """Points for one theme: empty means 0; anything but a whole number 0..m is refused
    with one plain message instead of WTForms' generic ones."""

    def __init__(self, label=None, *, maximum: int, **kwargs):
        self.maximum = maximum
        kwargs.setdefault("validators", [Optional()])
        super().__init__(label, **kwargs)

    def _message(self) -> str:
        return str(_l("Give a whole number from 0 to %(max)d.", max=self.maximum))

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            text = valuelist[0].strip()
            # ASCII digits only: int() would also take "٣", "３", "+3" and "1_0".
            if not (text.isascii() and text.isdigit() and len(text) < 10):
                raise ValueError(text)
            self.data = int(text)
        except ValueError:
            # raw_data keeps what the voter typed, so the page shows it back.
            self.data = None
            raise ValueError(self._message()) from None

    def pre_validate(self, form):
        if self.data is not None and not 0 <= self.data <= self.maximum:
            raise ValidationError(self._message())


class PlaceField(SelectField):
    """A theme's place in a ranking: "–" (not ranked) or 1..``places``."""

    def __init__(self, label=None, *, places: int, **kwargs):
        # Made for each form: rendering marks a choice as selected.
        choices = [SelectChoice("", "–")] + [
            SelectChoice(str(place)) for place in range(1, places + 1)
        ]
        super().__init__(label, choices=choices, default="", **kwargs)

    def pre_validate(self, form):
        if self.data not in {choice.value for choice in self.choices}:
            raise ValidationError(_l("Choose a place from the list."))


class BallotVoteForm(FlaskForm):
    """The base of every ballot's form: the voting group and the send button.

    Make one with :func:`vote_form`; the theme fields are added per ballot.
    """

    #: Rendered as a hidden input: the group is chosen on the page before the form.
    group_id = SelectField(_l("Work group"), coerce=int, validate_choice=False)
    submit = SubmitField(_l("Save the vote"))

    def __init__(self, *args, ballot: Ballot, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.ballot = ballot
        self.group_id.choices = [SelectChoice(group.id, group.name) for group in groups]
        self._groups = {group.id: group for group in groups}

    # Reading ------------------------------------------------------------------

    def theme_fields(self) -> list:
        """The theme fields in the ballot's order, with each field's theme."""
        return [
            self[field_name(option.theme_id)]
            for option in self.ballot.options
            if field_name(option.theme_id) in self
        ]

    def choice(self) -> dict[int, int]:
        """theme id -> value as the service wants it (0 or missing: not chosen)."""
        values = {}
        for field in self.theme_fields():
            theme_id = int(field.name.removeprefix(FIELD_PREFIX))
            if self.ballot.method is VotingMethod.PICK:
                values[theme_id] = 1 if field.data else 0
            elif self.ballot.method is VotingMethod.POINTS:
                values[theme_id] = field.data or 0
            else:
                values[theme_id] = int(field.data) if field.data else 0
        return values

    @property
    def group(self) -> WorkGroup | None:
        return self._groups.get(self.group_id.data)

    @property
    def session_expired(self) -> bool:
        """True when the CSRF token failed: the choice is kept and can be sent again."""
        return bool(getattr(self, "csrf_token", None) and self.csrf_token.errors)

    @property
    def messages(self) -> list[tuple[str | None, str | None, str]]:
        """Every error for the summary at the top: (field id, theme, message); the
        id and theme are None for a message about the whole choice."""
        found = [(None, None, str(message)) for message in self.form_errors]
        found.extend((None, None, str(message)) for message in self.group_id.errors)
        for field in self.theme_fields():
            found.extend(
                (field.id, field.label.text, str(message)) for message in field.errors
            )
        return found

    # Checking ---------------------------------------------------------------------

    def validate_group_id(self, field):
        if field.data not in self._groups:
            raise ValidationError(
                _l("Choose one of your work groups. Reload the page and try again.")
            )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.ballot.method is VotingMethod.RANKING:
            valid = self._check_places() and valid
        return valid

    def _check_places(self) -> bool:
        """The same place on two themes is tied to both fields, not only summed up."""
        fields = [field for field in self.theme_fields() if field.data]
        used = Counter(field.data for field in fields)
        valid = True
        for field in fields:
            if used[field.data] > 1 and not field.errors:
                field.errors.append(
                    str(
                        _l(
                            "Place %(place)s is given to more than one theme: "
                            "give each theme its own place.",
                            place=field.data,
                        )
                    )
                )
                valid = False
        return valid


def _theme_field(method: VotingMethod, label: str, max_points: int, places: int):
    if method is VotingMethod.PICK:
        return BooleanField(label)
    if method is VotingMethod.POINTS:
        return PointsField(
            label,
            maximum=max_points,
            render_kw={
                "min": 0,
                "max": max_points,
                "step": 1,
                "inputmode": "numeric",
            },
        )
    return PlaceField(label, places=places)


@lru_cache(maxsize=256)
def _form_class(
    method: VotingMethod,
    max_points: int,
    places: int,
    themes: tuple[tuple[int, str], ...],
) -> type[BallotVoteForm]:
    """The form class of a ballot's rules and themes (id, label), made once per
    worker and kept: WTForms reads a class's fields on its first form."""
    fields = {
        field_name(theme_id): _theme_field(method, label, max_points, places)
        for theme_id, label in themes
    }
    return type("BallotVoteForm", (BallotVoteForm,), fields)


def initial_data(ballot: Ballot, vote: Vote | None) -> dict:
    """The unit's stored vote as form data, so the page shows it preselected."""
    if vote is None:
        return {}
    data = {}
    for entry in vote.entries:
        if ballot.method is VotingMethod.PICK:
            data[field_name(entry.theme_id)] = True
        elif ballot.method is VotingMethod.POINTS:
            data[field_name(entry.theme_id)] = entry.value
        else:
            data[field_name(entry.theme_id)] = str(entry.value)
    return data


def vote_form(
    ballot: Ballot,
    *,
    groups,
    group: WorkGroup | None,
    vote: Vote | None = None,
    **kwargs,
) -> BallotVoteForm:
    """A form for this ballot; on GET it shows ``vote`` (the unit's current one)."""
    language = ballot.phase.process.language
    form_class = _form_class(
        ballot.method,
        ballot.max_points_per_theme,
        ballot.max_choices,
        tuple(
            (option.theme_id, localized(option.theme.title, language))
            for option in ballot.options
        ),
    )
    data = initial_data(ballot, vote)
    if group is not None:
        data["group_id"] = group.id
    return form_class(ballot=ballot, groups=groups, data=data, **kwargs)
