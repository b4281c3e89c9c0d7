"""The front page, the language switch and the health check."""

import sqlalchemy as sa
from flask import current_app, jsonify, redirect, render_template, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from ..extensions import db
from ..models import Process
from ..permissions import public_processes, visible_processes
from ..urls import safe_next
from . import bp

#: Public processes on the front page; the rest are on the list's pages.
FRONT_PAGE_PUBLIC = 6


@bp.route("/")
def index():
    """Signed in: the processes one takes part in. Otherwise: sign in or join.
    For everyone: the latest public processes (open data)."""
    processes = []
    if current_user.is_authenticated:
        stmt = visible_processes(sa.select(Process), current_user).order_by(
            Process.created_at.desc()
        )
        processes = db.session.scalars(stmt.limit(50)).all()
    public_stmt = public_processes(sa.select(Process)).order_by(
        Process.public_since.desc(), Process.id.desc()
    )
    public = db.session.scalars(public_stmt.limit(FRONT_PAGE_PUBLIC + 1)).all()
    return render_template(
        "main/index.html",
        processes=processes,
        public=public[:FRONT_PAGE_PUBLIC],
        more_public=len(public) > FRONT_PAGE_PUBLIC,
    )


@bp.route("/language/<lang>")
def set_language(lang: str):
    """Switch the interface language and return to the page (a plain link, no JS)."""
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
    return redirect(safe_next(request.args.get("next")))


@bp.route("/healthz")
def healthz():
    """Liveness and database check for load balancers."""
    db.session.execute(sa.text("SELECT 1"))
    return {"status": "ok"}


@bp.route("/csrf-token")
def csrf_token():
    """A fresh CSRF token of this session, for notes a phone kept while offline
    (static/js/live-offline.js sends them with it when the connection returns)."""
    return jsonify(csrf_token=generate_csrf())
