"""Sign-in sessions: loading the user, a fresh session on login, the idle timeout."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime

import sqlalchemy.orm as so
from flask import Flask, current_app, flash, request, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from ..database import get_by_id
from ..extensions import login_manager
from ..models import GroupMembership, User

LAST_SEEN_KEY = "last_seen"
#: What the signed-in user is loaded with (one tuple: its statement is built once).
WITH_GROUPS = (so.joinedload(User.memberships).joinedload(GroupMembership.group),)


@login_manager.user_loader
def load_user(login_id: str) -> User | None:
    """Load by ``"<id>:<session_version>"``; a changed version ends old sessions."""
    user_id, _, version = login_id.partition(":")
    if not user_id.isdigit():
        return None
    # With the work groups, in the same statement: "is a member of this process"
    # is asked on most pages, and would load each membership's group one by one.
    user = get_by_id(User, int(user_id), WITH_GROUPS)
    if user is None or not user.is_active:
        return None
    if not hmac.compare_digest(user.session_version.encode(), version.encode()):
        return None
    return user


def start_session(user: User) -> None:
    """Sign the user in with a brand-new session (no fixation), keeping the language."""
    # current_user is a proxy to the signed-in user; storing the proxy itself as the
    # signed-in user would make it point at itself.
    user = user._get_current_object() if hasattr(user, "_get_current_object") else user
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    session.permanent = True
    login_user(user)
    session[LAST_SEEN_KEY] = datetime.now(UTC).timestamp()


def end_session() -> None:
    """Forget the sign-in in this browser's cookie (the language stays).

    This alone does not stop a copy of the old cookie: the views that sign out also
    change the user's session version first (``services.end_every_session``).
    """
    lang = session.get("lang")
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang


#: Seconds between writes of ``last_seen``. Every write re-sends the whole session
#: cookie, and a request still in flight with the older cookie (a poll, a favicon)
#: would undo a change made meanwhile, such as a language switch.
LAST_SEEN_EVERY = 60


def _enforce_idle_timeout() -> None:
    # Static files and unknown addresses neither count as activity nor touch the cookie.
    if request.endpoint in (None, "static") or not current_user.is_authenticated:
        return
    now = datetime.now(UTC).timestamp()
    last_seen = session.get(LAST_SEEN_KEY, now)
    if now - last_seen > current_app.config["IDLE_TIMEOUT"].total_seconds():
        end_session()
        flash(
            _l(
                "You were signed out after a period of inactivity. Please sign in again."
            ),
            "info",
        )
        return
    if LAST_SEEN_KEY not in session or now - last_seen >= LAST_SEEN_EVERY:
        session[LAST_SEEN_KEY] = now


def configure_sessions(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    app.before_request(_enforce_idle_timeout)
