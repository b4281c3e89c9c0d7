"""Ballots over a process's themes: set-up, voting, results, the projector view and audit."""

from flask import Blueprint

bp = Blueprint("voting", __name__)

from . import labels, routes_manage, routes_results, routes_vote
