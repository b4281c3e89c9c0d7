"""How requests are read: form values without NUL bytes, ids within the database's range."""

from __future__ import annotations

from flask import Flask, Request, abort
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter

#: The largest id PostgreSQL's INTEGER (and a sane SQLite id) can hold.
MAX_ID = 2**31 - 1


class CleanFormRequest(Request):
    """Drop NUL bytes from submitted form values.

    PostgreSQL refuses them in text and they are never meant: a pasted text with one
    would otherwise be lost to an error page instead of saved.
    """

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form and any("\x00" in value for value in form.values()):
            self.__dict__["form"] = ImmutableMultiDict(
                [
                    (key, value.replace("\x00", ""))
                    for key, value in form.items(multi=True)
                ]
            )


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
