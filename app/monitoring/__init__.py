"""Follow-up monitoring: goals, actions, indicators, values, the dashboard and the annual report."""

from flask import Blueprint

bp = Blueprint("monitoring", __name__)

from . import routes
