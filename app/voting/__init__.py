from flask import Blueprint

bp = Blueprint("voting", __name__)

from . import routes, routes_manage, routes_results, routes_vote  # noqa: E402,F401
