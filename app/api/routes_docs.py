"""The API's description: the OpenAPI document and the page for people."""

from __future__ import annotations

from flask import render_template

from ..urls import external_url
from . import bp
from .openapi import openapi_document
from .responses import json_response


@bp.route("/openapi.json")
def openapi():
    """The OpenAPI 3.1 document (the same for everyone)."""
    return json_response(openapi_document(), shared=True)


@bp.route("/docs")
def docs():
    """How to use the API, in the reader's language, with curl and Python."""
    return render_template(
        "api/docs.html",
        base=external_url("api.index").rstrip("/"),
        openapi_url=external_url("api.openapi"),
    )
