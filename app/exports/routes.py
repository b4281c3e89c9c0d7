"""The themed summary page of a process (or one phase) and its downloads.

For the process's team (rule "process.export": admins, facilitators, observers) at
any time, and for participants once every discussion and ballot in its scope has closed.
``?phase=<id>`` narrows to one phase of this process; ``?lang=fi|sv|en`` chooses
the language of the summary and its files (default: the reader's language). The
page's own menus stay in the reader's language; the summary part carries its
``lang``.
"""

from __future__ import annotations

from flask import Response, abort, current_app, render_template, request, url_for
from flask_login import current_user, login_required

from ..i18n import LANGUAGE_NAMES, current_language
from ..models import Phase, Process
from ..permissions import can, require
from ..web import get_phase_or_404, get_process_or_404
from . import bp, formats, html
from .csv import KINDS
from .proposal_view import proposal_view
from .summary import build_summary


def _scope(slug: str) -> tuple[Process, Phase | None, str]:
    """The process, the phase (None for all) and the language of a request.

    The team reads the summary at any time; participants once everything in its
    scope has closed (their memo links here).
    """
    process = get_process_or_404(slug)
    require(current_user, "process.view", process)
    phase = None
    phase_arg = request.args.get("phase", "")
    if phase_arg:
        if not phase_arg.isdigit():
            abort(404)
        phase = get_phase_or_404(process, int(phase_arg))
    require(current_user, "summary.read", phase or process)
    language = request.args.get("lang", "")
    if language not in current_app.config["LANGUAGES"]:
        language = current_language()
    return process, phase, language


def _is_staff(process: Process) -> bool:
    return can(current_user, "proposal.view_draft", process)


def _downloads(process: Process, phase: Phase | None, language: str) -> list:
    """(format, kind, url) of every download, with the page's phase and language."""
    params = {"slug": process.slug, "lang": language}
    if phase is not None:
        params["phase"] = phase.id
    links = []
    for fmt in formats.FORMATS:
        for kind in KINDS if fmt == "csv" else (None,):
            extra = {"kind": kind} if kind else {}
            url = url_for("exports.download", fmt=fmt, **params, **extra)
            links.append((fmt, kind, url))
    return links


@bp.route("/<slug>/summary")
@login_required
def summary(slug: str):
    """Participation, themes with quotes and votes, talk versus vote, downloads."""
    process, phase, language = _scope(slug)
    data = build_summary(process, phase=phase, language=language)
    proposal = proposal_view(process, staff=_is_staff(process))
    return render_template(
        "exports/summary.html",
        process=process,
        phase=phase,
        summary=data,
        language=language,
        languages=LANGUAGE_NAMES,
        body=html.body_html(data, proposal),
        downloads=_downloads(process, phase, language),
    )


@bp.route("/<slug>/summary.<any(md, html, docx, csv, json):fmt>")
@login_required
def download(slug: str, fmt: str):
    """The summary as a file: Markdown, printable HTML, Word, CSV or JSON."""
    process, phase, language = _scope(slug)
    kind = request.args.get("kind", "comments")
    if fmt == "csv" and kind not in KINDS:
        abort(404)
    result = formats.export(
        process,
        fmt=fmt,
        staff=_is_staff(process),
        phase=phase,
        language=language,
        kind=kind,
    )
    # Text types get "; charset=utf-8" from Werkzeug; JSON is UTF-8 by definition.
    response = Response(result.body, mimetype=result.mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=result.filename)
    # Summaries may name people: no copies in browser or proxy caches.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if fmt == "html":
        # Opened from the app, the page may use its embedded stylesheet and chart
        # images, and nothing else (no scripts at all).
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; style-src {html.style_hash()}; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
    return response
