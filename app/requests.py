"""How requests are read: form values without control characters, ids within range."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from babel import support
from flask import Flask, Request, abort, request
from flask_babel import get_locale
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter
from wtforms.i18n import messages_path

from .text import clean_control_characters

#: The largest id PostgreSQL's INTEGER (and a sane SQLite id) can hold.
MAX_ID = 2**31 - 1
#: An id or a page number as people and links write it: ASCII digits only (``int``
#: and ``str.isdigit`` also take "٣", "３", "²", signs, spaces and underscores).
_PLAIN_NUMBER = re.compile(r"[0-9]{1,10}")


def parse_id(text: str | None) -> int | None:
    """A whole number from 1 to ``MAX_ID`` written in ASCII digits, else None."""
    if not text or not _PLAIN_NUMBER.fullmatch(text):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def query_id(name: str) -> int | None:
    """The query string's ``name`` as an id (``parse_id``); None when it is absent
    or not one, so filters ignore nonsense."""
    return parse_id(request.args.get(name))


def query_id_or_404(name: str) -> int | None:
    """The query string's ``name`` as an id; None when absent, 404 when it is given
    but names nothing (not digits, out of range)."""
    text = request.args.get(name, "")
    if not text:
        return None
    value = parse_id(text)
    if value is None:
        abort(404)
    return value


class CleanFormRequest(Request):
    """Submitted form values with newlines as ``\n`` and no other control characters.

    PostgreSQL refuses NUL bytes and python-docx vertical tabs, and nobody means them:
    a pasted text with one would otherwise be lost to an error page (or, once stored,
    break every export that contains it). A browser's CRLF becomes one newline, so
    the server counts a text's length as the page's counter does.
    """

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form and not all(v.isprintable() for _, v in form.items(multi=True)):
            self.__dict__["form"] = ImmutableMultiDict(
                [
                    (key, clean_control_characters(value))
                    for key, value in form.items(multi=True)
                ]
            )

    @cached_property
    def wtforms_translations(self) -> support.Translations:
        """WTForms' own messages in the reader's language. Flask-WTF reads them
        from this attribute, and without it loads the catalogue from disk on every
        request that builds a form."""
        return _wtforms_catalogue(str(get_locale()))


@lru_cache(maxsize=8)
def _wtforms_catalogue(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class IdConverter(IntegerConverter):
    """``<int:...>`` in URLs, bounded so a huge number is a 404, not an overflow."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def refuse_nul_in_path(endpoint: str | None, values: dict | None) -> None:
    """No address with a NUL byte names anything (PostgreSQL would refuse the query)."""
    if values and any(isinstance(v, str) and "\x00" in v for v in values.values()):
        abort(404)


def configure_requests(app: Flask) -> None:
    app.request_class = CleanFormRequest
    app.url_map.converters["int"] = IdConverter
    app.url_value_preprocessor(refuse_nul_in_path)
