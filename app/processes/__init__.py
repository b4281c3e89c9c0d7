"""Processes: the list and overview, their phases, development themes and team."""

from flask import Blueprint

bp = Blueprint("processes", __name__)

from . import (
    labels,
    routes,
    routes_phases,
    routes_publicity,
    routes_team,
    routes_themes,
)
