"""Organisations, the work groups of a process, and their invites."""

from flask import Blueprint

bp = Blueprint("groups", __name__)

from . import labels, routes_groups, routes_invites, routes_organisations
