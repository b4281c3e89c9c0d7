"""Personal API tokens (issue 18): a facilitator makes a token for processes they
run, sees it once, and revokes it. The API (app/api) reads them."""

from flask import Blueprint

bp = Blueprint("tokens", __name__)

from . import routes
