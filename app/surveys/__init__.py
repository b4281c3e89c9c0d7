"""Feedback surveys: questions, answers by work groups, results feeding indicators and coding."""

from flask import Blueprint

bp = Blueprint("surveys", __name__)

from . import routes
