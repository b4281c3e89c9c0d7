"""Rate-limit helpers shared by the views: limits read from the config, per-user keys."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app
from flask_login import current_user


def config_limit(setting: str) -> Callable[[], str]:
    """A limit read from the app's config when the request comes (tests may change it)."""
    return lambda: current_app.config[setting]


def user_key() -> str:
    """Count per signed-in account, wherever its requests come from."""
    return f"user:{current_user.get_id()}" if current_user.is_authenticated else ""


#: Comments, replies and votes: generous for a group typing notes or changing its mind.
per_user_writes = config_limit("COMMENT_LIMIT_PER_USER")
