"""Languages: choosing the reader's locale, translated texts, Helsinki dates and times."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from flask import current_app, g, has_request_context, request, session
from flask_babel import get_locale, get_translations
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup

from .errors import MissingTitle

HELSINKI = ZoneInfo("Europe/Helsinki")

#: The names of the languages in themselves, for the language switch.
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

#: Finnish style everywhere (the users are in Finland): 23.11.2026 klo 19.14 in fi.
DATE_PATTERN = "d.M.yyyy"
TIME_PATTERN = "H.mm"


def select_locale() -> str:
    """Pick the language: the switch (session), the account, the browser, then Finnish."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI commands and services run outside requests
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    if current_user and getattr(current_user, "is_authenticated", False):
        if current_user.locale in languages:
            return current_user.locale
    best = request.accept_languages.best_match(languages)
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    locale = getattr(_babel_namespace(), "babel_locale", None) or get_locale()
    return locale.language if locale else "fi"


def _babel_namespace():
    """flask_babel's state in this context (``g._flask_babel``), if it has one."""
    try:
        return g._get_current_object().__dict__.get("_flask_babel")
    except RuntimeError:  # no application context
        return None


def current_translations():
    """The translations of the context's locale, found once per locale and context.

    flask_babel finds the context, the domain, the locale and its name again for every
    text (14 µs; a thread page has 140 texts). The pair kept here is checked against
    the locale by identity, so ``force_locale`` (letters in the reader's language)
    and its end are followed."""
    state = _babel_namespace()
    kept = getattr(state, "osallistamo_translations", None)
    if kept is not None and kept[0] is getattr(state, "babel_locale", None):
        return kept[1]
    translations = get_translations()
    locale = get_locale()
    state = _babel_namespace()  # flask_babel made it if it was missing
    if state is not None and locale is not None:
        state.osallistamo_translations = (locale, translations)
    return translations


@pass_context
def _template_gettext(context, string: str, **variables) -> str:
    text = current_translations().ugettext(string)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables if variables else text


@pass_context
def _template_ngettext(context, singular: str, plural: str, num: int, **variables):
    variables.setdefault("num", num)
    text = current_translations().ungettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


def install_template_gettext(jinja_env) -> None:
    """Templates' ``_``, ``gettext`` and ``ngettext`` through ``current_translations``,
    in place of flask_babel's (which look everything up per text) and of Jinja's
    newstyle wrappers (a second call and a ``%`` on every text): 22 µs a text before,
    2.7 µs after (docs/performance.md)."""
    jinja_env.globals.update(
        _=_template_gettext, gettext=_template_gettext, ngettext=_template_ngettext
    )


def localized(texts: dict | None, fallback: str = "fi", lang: str | None = None) -> str:
    """Return a translated text in the reader's language, else the main language.

    :param texts: ``{"fi": ..., "sv": ..., "en": ...}``
    :param fallback: the process's main language
    """
    if not texts:
        return ""
    lang = lang or current_language()
    for candidate in (lang, fallback, "fi", "sv", "en"):
        value = texts.get(candidate)
        if value:
            return value
    return ""


def localized_lang(
    texts: dict | None, fallback: str = "fi", lang: str | None = None
) -> str:
    """Return the language code of the text ``localized`` would show (for ``lang=``)."""
    lang = lang or current_language()
    for candidate in (lang, fallback, "fi", "sv", "en"):
        if texts and texts.get(candidate):
            return candidate
    return lang


def to_helsinki(value: datetime) -> datetime:
    return value.astimezone(HELSINKI)


def format_datetime(value: datetime | None) -> str:
    """Format an aware datetime in Helsinki time, Finnish style (23.11.2026 19.14)."""
    if value is None:
        return ""
    return _datetime_text(value, current_language())


@lru_cache(maxsize=8192)
def _datetime_text(value: datetime, language: str) -> str:
    # Babel takes about 0.2 ms a time; a thread page shows dozens (an instant is
    # the same text whatever zone it was given in: the key compares instants).
    local = to_helsinki(value)
    date = babel_format_date(local, DATE_PATTERN, locale=language)
    time = babel_format_time(local, TIME_PATTERN, tzinfo=HELSINKI, locale=language)
    return f"{date} {time}"


def format_date(value: datetime | None) -> str:
    if value is None:
        return ""
    return babel_format_date(
        to_helsinki(value), DATE_PATTERN, locale=current_language()
    )


def format_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return babel_format_time(
        to_helsinki(value), TIME_PATTERN, tzinfo=HELSINKI, locale=current_language()
    )


def from_helsinki_input(value: datetime | None) -> datetime | None:
    """Read a naive datetime typed in a form as Helsinki time; return it aware."""
    if value is None:
        return None
    return value.replace(tzinfo=HELSINKI)


def to_helsinki_input(value: datetime | None) -> datetime | None:
    """Turn a stored aware datetime into the naive Helsinki time a form field shows."""
    if value is None:
        return None
    return to_helsinki(value).replace(tzinfo=None)


#: The languages a translated text may be written in.
TEXT_LANGUAGES = ("fi", "sv", "en")


def clean_texts(texts: dict | None) -> dict:
    """Keep the known languages with non-blank text, stripped."""
    return {
        lang: value.strip()
        for lang, value in (texts or {}).items()
        if lang in TEXT_LANGUAGES and value and value.strip()
    }


def require_title(process, title: dict | None) -> dict:
    """Return the cleaned title; it must be written in the process's main language.

    :raises MissingTitle: when the main language is missing.
    """
    title = clean_texts(title)
    if not title.get(process.language):
        raise MissingTitle()
    return title
