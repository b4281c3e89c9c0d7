"""Coding comments by theme, with suggestions a person confirms or rejects."""

from flask import Blueprint

bp = Blueprint("coding", __name__)

from . import labels, routes, routes_discovery
