"""Form pieces shared by every blueprint: texts in three languages, Helsinki times,
the confirmation and move buttons."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import current_app, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from flask_wtf.i18n import translations as wtforms_translations
from wtforms import (
    EmailField,
    Form,
    FormField,
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields import DateTimeLocalField
from wtforms.validators import (
    AnyOf,
    DataRequired,
    Email,
    Length,
    Optional,
    ValidationError,
)

from .fragment_cache import fragment_cache
from .i18n import localized
from .ordering import DIRECTIONS

#: Each language's field is labelled in that language itself ("suomeksi" is what a
#: Finnish reader looks for, whatever the interface language).
LANGUAGE_FIELD_LABELS = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}

#: Under every field whose text is rendered with app/text.py ``render_markdown``.
MARKDOWN_HINT = _l("Markdown: *emphasis*, **bold**, lists and links.")


def _language_subform(textarea: bool, max_length: int) -> type[Form]:
    field_class = TextAreaField if textarea else StringField

    class LanguageTexts(Form):
        class Meta:
            # A plain sub-form: give it WTForms' own messages in the reader's language.
            def get_translations(self, form):
                return wtforms_translations

        fi = field_class(
            LANGUAGE_FIELD_LABELS["fi"], validators=[Optional(), Length(max=max_length)]
        )
        sv = field_class(
            LANGUAGE_FIELD_LABELS["sv"], validators=[Optional(), Length(max=max_length)]
        )
        en = field_class(
            LANGUAGE_FIELD_LABELS["en"], validators=[Optional(), Length(max=max_length)]
        )

    return LanguageTexts


class TranslatedField(FormField):
    """One text in Finnish, Swedish and English; the form's main language is required.

    The parent form names its main language in ``main_language`` (default ``fi``).
    ``data`` is a dict ``{"fi": ..., "sv": ..., "en": ...}`` without empty entries.
    """

    def __init__(
        self,
        label=None,
        validators=None,
        *,
        textarea=False,
        max_length=200,
        required=True,
        **kwargs,
    ):
        super().__init__(
            _language_subform(textarea, max_length), label, validators, **kwargs
        )
        self.required = required
        self.textarea = textarea

    @property
    def data(self):
        raw = super().data or {}
        return {
            lang: value.strip()
            for lang, value in raw.items()
            if value and value.strip()
        }

    def validate(self, form, extra_validators=()):
        valid = super().validate(form, extra_validators)
        main = getattr(form, "main_language", "fi")
        if self.required and not self.data.get(main):
            subfield = self.form[main]
            subfield.errors = list(subfield.errors) + [
                str(_l("Write this at least in the main language of the process."))
            ]
            valid = False
        return valid

    @property
    def errors(self):
        return {name: errs for name, errs in self.form.errors.items() if errs}


def enum_select(label, labels: dict, default=None, **kwargs) -> SelectField:
    """A select of an enum's members by their translated labels (``{member: label}``,
    in that order), ``default`` (a member) chosen at first."""
    choices = [SelectChoice(member.value, text) for member, text in labels.items()]
    default = None if default is None else default.value
    return SelectField(label, choices=choices, default=default, **kwargs)


def strip_spaces(value):
    """A field filter: drop the spaces a typed or pasted value often carries."""
    return value.strip() if isinstance(value, str) else value


#: As long as the database keeps an address (``users.email``).
EMAIL_MAX_LENGTH = 254


def email_field(label, *, required=None, **kwargs) -> EmailField:
    """An email address field: required with the message ``required`` (optional
    without one), checked to look like an address and to fit the database."""
    return EmailField(
        label,
        validators=[
            DataRequired(required) if required else Optional(),
            Email(_l("Enter a valid email address, such as name@example.fi.")),
            Length(max=EMAIL_MAX_LENGTH),
        ],
        **kwargs,
    )


def markdown_field(label, max_length: int) -> TranslatedField:
    """An optional Markdown text in three languages, with the Markdown hint under it."""
    return TranslatedField(
        label,
        textarea=True,
        max_length=max_length,
        required=False,
        description=MARKDOWN_HINT,
    )


class KnownFormatsField:
    """A mixin for a date or time field: it reads the ``formats`` listed, and refuses
    anything else with ``invalid_message``, which says how to write it (WTForms' own
    message is in English only)."""

    formats: tuple[str, ...] = ()
    invalid_message = None

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("format", list(self.formats))
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(str(self.invalid_message)) from None


class HelsinkiDateTimeField(KnownFormatsField, DateTimeLocalField):
    """A date and time typed in Helsinki time (``<input type="datetime-local">``)."""

    formats = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M")
    invalid_message = _l(
        "Give the date and time as day, month, year, hours and minutes."
    )


def end_after_start(start_field_name: str):
    """Validator: this time must come after the form's start time."""

    def _check(form, field):
        start = form[start_field_name].data
        if start and field.data and field.data <= start:
            raise ValidationError(_l("The end must come after the start."))

    return _check


def edit_form(form_class, obj, shown: dict | None = None, **kwargs):
    """An edit page's form: on GET filled from ``obj``, then from ``shown`` (values
    converted for their inputs: Helsinki times, an enum's value); on a POST only what
    was sent counts."""
    if request.method != "GET":
        return form_class(**kwargs)
    form = form_class(obj=obj, **kwargs)
    for name, value in (shown or {}).items():
        form[name].data = value
    return form


def form_status(form) -> int:
    """422 when a sent form has errors, so the page says what to fix; else 200."""
    return 422 if form.errors else 200


class ProcessTextForm(FlaskForm):
    """A form whose translated texts must be written in the process's main language."""

    def __init__(self, *args, main_language: str = "fi", **kwargs):
        super().__init__(*args, **kwargs)
        self.main_language = main_language


class MoveForm(FlaskForm):
    """The "Move up" / "Move down" buttons of an ordered list."""

    direction = HiddenField(validators=[DataRequired(), AnyOf(DIRECTIONS)])


class ConfirmForm(FlaskForm):
    """A confirmation page's form: the CSRF token is all it carries."""


def theme_choices(process) -> list[tuple[int, str]]:
    """The process's themes in their order, titled in its main language (choices)."""
    return [
        (theme.id, localized(theme.title, process.language)) for theme in process.themes
    ]


#: Stand-ins in a blank form's cached HTML for what is the request's own.
CSRF_MARK = "_CSRF_MARK_"
KEY_MARK = "_KEY_MARK_"


def blank_fields(key: Hashable, render: Callable[[str, str], str]) -> str:
    """A form's fields as they are before anyone types in them, for the pages that
    show the same empty form to thousands (a thread's post and reply forms).

    Building a Flask-WTF form and rendering its fields cost a thread page about a
    fifth of its time, so they are rendered once per worker, language and ``key``
    (everything else they show, such as the reader's groups), by ``render(csrf,
    submission_key)`` with stand-ins for both; each request then gets the HTML with
    its own CSRF token. The submission key's stand-in (``KEY_MARK``) is left for the
    caller, which may need several keys.
    """
    cache = fragment_cache("blank-fields")
    # With CSRF off (tests, some set-ups) the fields have no token field at all.
    csrf_on = current_app.config.get("WTF_CSRF_ENABLED", True)
    full_key = (str(get_locale()), csrf_on, *key)
    html = cache.get(full_key)
    if html is None:
        html = str(render(CSRF_MARK, KEY_MARK))
        cache.put(full_key, html, len(html))
    return html.replace(CSRF_MARK, generate_csrf())
