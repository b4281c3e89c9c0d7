"""Signing in and out, passwords, sessions, and joining a work group by invite."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import routes, routes_join
