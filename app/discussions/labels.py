"""Translated names and template helpers of the discussions' pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..models import ModerationAction
from . import bp
from .queries_threads import comment_url

#: A logged moderation action, as the log and a comment's history name it.
ACTION_LABELS = {
    ModerationAction.FLAG: _l("Reported"),
    ModerationAction.HIDE: _l("Hidden"),
    ModerationAction.RESTORE: _l("Restored"),
    ModerationAction.LOCK: _l("Thread locked"),
    ModerationAction.UNLOCK: _l("Thread unlocked"),
    ModerationAction.DISMISS_FLAGS: _l("Reports dismissed"),
}


@bp.app_template_filter("moderation_action")
def moderation_action_label(action: ModerationAction | str) -> str:
    """Name a logged action in the reader's language: {{ event.action | moderation_action }}."""
    return str(ACTION_LABELS[ModerationAction(action)])


# The thread page's address of a comment, for the moderation templates too.
bp.add_app_template_global(comment_url, "comment_url")
