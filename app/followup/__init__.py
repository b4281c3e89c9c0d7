"""The follow-up proposal drawn from a process's results, and the memo to its participants."""

from flask import Blueprint

bp = Blueprint("followup", __name__)

from . import routes, routes_publish
