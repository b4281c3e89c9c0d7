"""The API's data endpoints (see the package docstring and openapi.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, current_app, request
from flask_babel import gettext as _

from ..exports.json import summary_data
from ..exports.proposal_view import proposal_view
from ..exports.summary import build_summary
from ..permissions import can, summary_out
from ..requests import query_id_or_404
from ..voting.scoring import compute_results
from ..web import get_phase_or_404
from . import bp
from .auth import caller, load_readable, with_token
from .data import (
    ballot_data,
    comment_data,
    indicator_data,
    phase_data,
    process_data,
    prompt_data,
    theme_data,
)
from .queries import comments_page, confirmed_themes, indicators_of, processes_page
from .responses import cursor_arg, json_response, limit_arg, page_of


def _running(process) -> bool:
    """Whether the caller reads what is still running (a token of the team)."""
    return can(caller(), "api.read_running", process)


def _send(data, process=None, tag_data=None):
    """Shared caches may keep what anyone reads; a token's reading stays private."""
    if process is None:
        shared = not with_token()
    else:
        shared = bool(process.is_public) and not _running(process)
    return json_response(data, shared=shared, tag_data=tag_data)


@bp.route("/")
def index():
    """Where everything is."""
    caller()
    return _send(
        {
            "version": "1",
            "links": {
                "processes": "/api/v1/processes",
                "openapi": "/api/v1/openapi.json",
                "docs": "/api/v1/docs",
            },
        }
    )


@bp.route("/processes")
def processes():
    """The processes the caller reads: public ones, and those a token covers."""
    limit, after = limit_arg(), cursor_arg()
    items, next_cursor = page_of(processes_page(caller(), after, limit), limit)
    return _send({"data": [process_data(p) for p in items], "next_cursor": next_cursor})


@bp.route("/processes/<slug>")
def process(slug: str):
    process = load_readable(slug)
    return _send({"data": process_data(process)}, process)


@bp.route("/processes/<slug>/phases")
def phases(slug: str):
    process = load_readable(slug)
    now = datetime.now(UTC)
    return _send({"data": [phase_data(p, now) for p in process.phases]}, process)


@bp.route("/processes/<slug>/prompts")
def prompts(slug: str):
    """The questions of the process's discussions, in phase order."""
    process = load_readable(slug)
    data = [
        prompt_data(prompt, phase.id)
        for phase in process.phases
        if phase.discussion is not None
        for prompt in phase.discussion.prompts
    ]
    return _send({"data": data}, process)


@bp.route("/processes/<slug>/themes")
def themes(slug: str):
    process = load_readable(slug)
    return _send({"data": [theme_data(t) for t in process.themes]}, process)


@bp.route("/processes/<slug>/comments")
def comments(slug: str):
    """Visible comments with their confirmed themes, oldest first, a page at a time.
    Anyone reads those of closed discussions; a token of the team also open ones."""
    process = load_readable(slug)
    limit, after = limit_arg(), cursor_arg()
    phase_id = query_id_or_404("phase")
    rows = comments_page(
        process,
        after,
        limit,
        running=_running(process),
        now=datetime.now(UTC),
        phase_id=phase_id,
    )
    rows, next_cursor = page_of(rows, limit, key=lambda row: row[0].id)
    themes = confirmed_themes([comment.id for comment, _phase in rows])
    data = [
        comment_data(comment, phase, themes.get(comment.id, []), process.show_names)
        for comment, phase in rows
    ]
    return _send({"data": data, "next_cursor": next_cursor}, process)


@bp.route("/processes/<slug>/ballots")
def ballots(slug: str):
    """Every ballot; results once it has closed (a token of the team: any time)."""
    process = load_readable(slug)
    now = datetime.now(UTC)
    running = _running(process)
    data = []
    for phase in process.phases:
        for ballot in getattr(phase, "ballots", []):
            closed = ballot.closes_at is not None and ballot.closes_at <= now
            results = compute_results(ballot) if closed or running else None
            data.append(ballot_data(ballot, results, now))
    return _send({"data": data}, process)


@bp.route("/processes/<slug>/summary")
def summary(slug: str):
    """The summary data object of the exports (docs/summary.schema.json), of the
    whole process or ``?phase=``, in ``?lang=`` (default: the process's language).
    Anyone reads it once nothing in its scope is running."""
    process = load_readable(slug)
    phase = None
    phase_id = query_id_or_404("phase")
    if phase_id is not None:
        phase = get_phase_or_404(process, phase_id)
    language = request.args.get("lang") or process.language
    if language not in current_app.config["LANGUAGES"]:
        abort(400, description="lang must be one of fi, sv, en")
    if not _running(process) and not summary_out(process, phase, datetime.now(UTC)):
        abort(
            404,
            description=_(
                "The summary is published once its discussions and ballots have closed."
            ),
        )
    data = summary_data(
        build_summary(process, phase=phase, language=language),
        proposal_view(process, staff=False),
    )
    # The time it was made changes on every call: the ETag is of the contents.
    contents = {key: value for key, value in data.items() if key != "generated_at"}
    return _send({"data": data}, process, tag_data=contents)


@bp.route("/processes/<slug>/indicators")
def indicators(slug: str):
    """The follow-up's indicators with their targets and values."""
    process = load_readable(slug)
    return _send({"data": [indicator_data(i) for i in indicators_of(process)]}, process)
