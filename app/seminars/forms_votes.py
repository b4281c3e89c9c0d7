"""Quick votes' forms: opening one on the control desk, voting on a phone.

The phone's form is built per vote: one choice (radio buttons) when each person has
one dot, otherwise a number of dots per option. The rules of the whole vote (how
many options, how many dots in all) are the service's; its refusals are shown at
the field they concern.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..models import MAX_DOTS, Comment, LiveVote
from . import services_votes as votes

SOURCE_TYPED = "typed"
SOURCE_NOTES = "notes"


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes (a list anyone can tick without a mouse)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class OpenVoteForm(FlaskForm):
    question = StringField(
        _l("Question"),
        validators=[
            DataRequired(message=votes.EmptyQuestion.message),
            Length(
                max=votes.QUESTION_MAX_LENGTH, message=votes.QuestionTooLong.message
            ),
        ],
        description=_l("For example: Which of these should we take forward first?"),
    )
    source = RadioField(
        _l("Options"),
        choices=[
            SelectChoice(SOURCE_TYPED, _l("Options typed in")),
            SelectChoice(SOURCE_NOTES, _l("Notes of the wall")),
        ],
        default=SOURCE_TYPED,
        validators=[InputRequired()],
    )
    options = TextAreaField(
        _l("Options typed in"),
        validators=[Optional()],
        description=_l(
            "One option per line, %(min)d to %(max)d options.",
            min=votes.MIN_OPTIONS,
            max=votes.MAX_TYPED_OPTIONS,
        ),
        render_kw={"rows": 6},
    )
    note_ids = CheckboxesField(
        _l("Notes as options"),
        coerce=int,
        validators=[Optional()],
        description=_l(
            "The notes of the prompt shown now are chosen; %(min)d to %(max)d notes.",
            min=votes.MIN_OPTIONS,
            max=votes.MAX_NOTE_OPTIONS,
        ),
    )
    dots_per_person = SelectField(
        _l("Dots per person"),
        coerce=int,
        choices=[SelectChoice(1, _l("1 (one choice)"))]
        + [SelectChoice(n, str(n)) for n in range(2, MAX_DOTS + 1)],
        default=1,
        description=_l(
            "With more than one dot, each person spreads the dots over the options"
            " as they like."
        ),
    )
    submit = SubmitField(_l("Open the vote"))

    def __init__(self, *args, notes: list[Comment] = (), chosen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.note_ids.choices = [
            SelectChoice(note.id, " ".join(note.body.split())) for note in notes
        ]
        if not self.is_submitted():
            self.note_ids.data = list(chosen)

    def use_piles(self, piles) -> None:
        """Offer the wall's piles (queries_piles) as the typed options."""
        self.source.data = SOURCE_TYPED
        self.options.data = "\n".join(
            pile.label[: votes.OPTION_MAX_LENGTH]
            for pile in piles[: votes.MAX_TYPED_OPTIONS]
        )

    @property
    def from_notes(self) -> bool:
        return self.source.data == SOURCE_NOTES

    def typed_options(self) -> list[str]:
        return (self.options.data or "").splitlines()

    def field_of(self, error) -> object:
        """Where a refusal of the service is shown."""
        if isinstance(error, votes.DotsOutOfRange):
            return self.dots_per_person
        if isinstance(error, (votes.EmptyQuestion, votes.QuestionTooLong)):
            return self.question
        return self.note_ids if self.from_notes else self.options


class _WholeForm:
    """The form's own errors where a field's are expected (rules of all the dots)."""

    def __init__(self, form: FlaskForm):
        self.form = form

    @property
    def errors(self) -> list:
        return list(self.form.form_errors)

    @errors.setter
    def errors(self, value: list) -> None:
        self.form.form_errors[:] = value


def field_name(option_id: int) -> str:
    return f"dots_{option_id}"


class _CastForm(FlaskForm):
    submit = SubmitField(_l("Send my vote"))

    vote: LiveVote

    def given(self) -> dict[int, int]:
        """{option id: dots} as sent."""
        if self.vote.dots_per_person == 1:
            return {self.choice.data: 1} if self.choice.data else {}
        return {
            option.id: self[field_name(option.id)].data or 0
            for option in self.vote.options
        }

    def field_of(self, error) -> object:
        """Where a refusal is shown: at the choice, or above the dots (the form)."""
        return self.choice if self.vote.dots_per_person == 1 else _WholeForm(self)

    def fill(self, dots: dict[int, int]) -> None:
        """Show the voter's earlier dots (a GET, not a sent form)."""
        if self.vote.dots_per_person == 1:
            self.choice.data = next(iter(dots), None)
        else:
            for option in self.vote.options:
                self[field_name(option.id)].data = dots.get(option.id, 0)


def cast_form(vote: LiveVote, **kwargs) -> _CastForm:
    """The phone's form for this vote, its fields named per option."""

    class CastForm(_CastForm):
        pass

    if vote.dots_per_person == 1:
        CastForm.choice = RadioField(
            _l("Your choice"),
            coerce=int,
            choices=[SelectChoice(o.id, o.label) for o in vote.options],
            validators=[InputRequired(message=votes.NothingChosen.message)],
        )
    else:
        for option in vote.options:
            setattr(
                CastForm,
                field_name(option.id),
                SelectField(
                    option.label,
                    coerce=int,
                    choices=[
                        SelectChoice(n, str(n)) for n in range(vote.dots_per_person + 1)
                    ],
                    default=0,
                ),
            )
    form = CastForm(prefix=f"vote{vote.id}", **kwargs)
    form.vote = vote
    return form
