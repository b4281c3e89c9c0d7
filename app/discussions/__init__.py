"""Online discussions: settings, questions, the groups' comment threads, moderation,
invitation letters, participation and reminders."""

from flask import Blueprint

bp = Blueprint("discussions", __name__)

from . import (
    labels,
    routes,
    routes_comments,
    routes_invitations,
    routes_moderation,
    routes_participation,
    routes_prompts,
)
