"""Themed summaries of a process or phase, and the documents made from them."""

from flask import Blueprint

bp = Blueprint("exports", __name__)

from . import routes
