"""Follow-up monitoring: goals, actions, indicators, values, the dashboard and the annual report."""

from flask import Blueprint

bp = Blueprint("monitoring", __name__)

from . import (
    labels,
    routes,
    routes_actions,
    routes_dashboard,
    routes_goals,
    routes_import,
    routes_indicators,
    routes_values,
)
