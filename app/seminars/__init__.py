"""Workshop seminars: agenda, parallel workshops with methods, participants' choices."""

from flask import Blueprint

bp = Blueprint("seminars", __name__)

# labels and queries_memos register template filters and the readable_memos global.
from . import (
    labels,
    queries_memos,
    routes,
    routes_agenda,
    routes_choices,
    routes_live,
    routes_memos,
    routes_projector,
    routes_prompts,
    routes_workshops,
)
