"""Survey forms: settings, questions, running again, and the answer form."""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from ..errors import DomainError
from ..forms import (
    HelsinkiDateTimeField,
    ProcessTextForm,
    TranslatedField,
    end_after_start,
    enum_select,
    markdown_field,
)
from ..i18n import localized
from ..models import COMMENT_MAX_LENGTH, QuestionKind
from . import services_questions
from .services_questions import DEFAULT_SCALE, SCALES

KIND_LABELS = {
    QuestionKind.LIKERT: _l("Statement rated on a scale (strongly disagree … agree)"),
    QuestionKind.TEXT: _l("Free-text question"),
}

#: The words of the five-point scale; other scales name only their ends.
FIVE_POINT_LABELS = {
    1: _l("Strongly disagree"),
    2: _l("Disagree"),
    3: _l("Neither agree nor disagree"),
    4: _l("Agree"),
    5: _l("Strongly agree"),
}
CANNOT_SAY = "na"
TEXT_HINT = _l(
    "Optional. At most %(max)d characters. You can use Markdown: *emphasis*, "
    "**bold**, lists and links.",
    max=COMMENT_MAX_LENGTH,
)


def scale_labels(scale_max: int) -> dict[int, str]:
    """Each point's label: words for 1..5, else the ends named and the numbers."""
    if scale_max == 5:
        return {point: str(label) for point, label in FIVE_POINT_LABELS.items()}
    labels = {point: str(point) for point in range(1, scale_max + 1)}
    labels[1] = f"1 – {FIVE_POINT_LABELS[1]}"
    labels[scale_max] = f"{scale_max} – {FIVE_POINT_LABELS[5]}"
    return labels


class SurveySettingsForm(ProcessTextForm):
    intro = markdown_field(_l("Introduction"), max_length=10000)
    period = StringField(
        _l("Period"),
        validators=[Optional(), Length(max=11)],
        description=_l(
            "The period the answers are recorded for: a school year such as "
            "2025-2026, or a calendar year such as 2026. Linked indicators get "
            "their values for this period."
        ),
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    submit = SubmitField(_l("Save"))


class QuestionForm(ProcessTextForm):
    kind = enum_select(_l("Kind"), KIND_LABELS, QuestionKind.LIKERT)
    text = TranslatedField(
        _l("Statement or question"),
        textarea=True,
        max_length=500,
        description=_l(
            "A statement the groups rate, e.g. “The cooperation with the wellbeing "
            "services county works well”, or an open question."
        ),
    )
    scale_max = SelectField(
        _l("Scale (statements)"),
        coerce=int,
        choices=[SelectChoice(n, _l("1 to %(max)d", max=n)) for n in SCALES],
        default=DEFAULT_SCALE,
        description=_l(
            "1 means “strongly disagree” and the highest point “strongly agree”. "
            "Every statement also has the answer “cannot say”, which gives no score."
        ),
    )
    indicator = SelectField(
        _l("Indicator fed by the average (statements)"),
        coerce=int,
        choices=[],
        default=0,
        description=_l(
            "Optional. The average of the answers becomes the indicator's value for "
            "the survey's period, for the region and for each organisation."
        ),
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator.choices = [SelectChoice(0, _l("No indicator"))] + [
            SelectChoice(value, label) for value, label in indicators
        ]

    def values(self) -> dict:
        """The fields as keyword arguments for the question services."""
        return {
            "kind": self.kind.data,
            "text": self.text.data,
            "scale_max": self.scale_max.data,
            "indicator_id": self.indicator.data or None,
        }


def indicator_choices(process) -> list[tuple[int, str]]:
    """The process's indicators as "Goal: indicator" choices."""
    return [
        (
            indicator.id,
            gettext(
                "%(goal)s: %(indicator)s",
                goal=localized(indicator.goal.title, process.language),
                indicator=localized(indicator.title, process.language),
            ),
        )
        for indicator in services_questions.process_indicators(process)
    ]


def refused_field(form: QuestionForm, process, error: DomainError):
    """The field a question service's refusal concerns."""
    if isinstance(error, services_questions.ForeignIndicator):
        return form.indicator
    if isinstance(error, services_questions.QuestionLocked):
        return form.kind
    return form.text.form[process.language]


class NextPeriodForm(FlaskForm):
    starts_at = HelsinkiDateTimeField(_l("Opens"), validators=[Optional()])
    ends_at = HelsinkiDateTimeField(
        _l("Closes"), validators=[Optional(), end_after_start("starts_at")]
    )
    submit = SubmitField(_l("Create the survey for the next period"))


def answer_field_name(question) -> str:
    return f"q{question.id}"


def answer_form_class(questions, scale_label_for=scale_labels):
    """A form class with one field per question (built per survey).

    A statement is a radio group (each scale point and "cannot say"; one must be
    chosen); a free-text question a textarea with the comments' length limit.
    """

    class AnswerForm(FlaskForm):
        group = HiddenField()
        submit = SubmitField(_l("Save the answers"))

    for question in questions:
        name = answer_field_name(question)
        if question.kind is QuestionKind.LIKERT:
            labels = scale_label_for(question.scale_max)
            choices = [
                SelectChoice(str(point), label) for point, label in labels.items()
            ]
            choices.append(SelectChoice(CANNOT_SAY, _l("Cannot say")))
            field = RadioField(
                name,
                choices=choices,
                validators=[
                    InputRequired(message=_l("Choose an option, or “cannot say”."))
                ],
            )
        else:
            field = TextAreaField(
                name,
                validators=[
                    Optional(),
                    Length(
                        max=COMMENT_MAX_LENGTH,
                        message=_l(
                            "The answer is too long: at most %(max)d characters.",
                            max=COMMENT_MAX_LENGTH,
                        ),
                    ),
                ],
                description=TEXT_HINT,
                # No maxlength: the browser would cut a pasted text silently; the
                # server refuses with a message that keeps the text instead.
                render_kw={"rows": 6, "data-max-length": COMMENT_MAX_LENGTH},
            )
        setattr(AnswerForm, name, field)
    return AnswerForm


def answer_values(form, questions) -> tuple[dict[int, int | None], dict[int, str]]:
    """The form's answers as the service takes them: scores and texts by question."""
    scores: dict[int, int | None] = {}
    texts: dict[int, str] = {}
    for question in questions:
        value = form[answer_field_name(question)].data
        if question.kind is QuestionKind.LIKERT:
            scores[question.id] = int(value) if value and value != CANNOT_SAY else None
        else:
            texts[question.id] = value or ""
    return scores, texts


def saved_answers(survey, response) -> dict:
    """The group's saved answers as form data (the form starts from them)."""
    if response is None:
        return {}
    data = {}
    answers = {answer.question_id: answer for answer in response.answers}
    for question in survey.questions:
        answer = answers.get(question.id)
        if answer is None:
            continue
        name = answer_field_name(question)
        if question.kind is QuestionKind.LIKERT:
            data[name] = str(answer.score) if answer.score is not None else CANNOT_SAY
        else:
            comment = answer.comment
            data[name] = comment.body if comment and not comment.is_deleted else ""
    return data
