"""The themed summary page of a process (or one phase) and its downloads.

For the process's team (rule "process.export": admins, facilitators, observers) at
any time, and for participants once every discussion and ballot in its scope has closed.
``?phase=<id>`` narrows to one phase of this process; ``?lang=fi|sv|en`` chooses
the language of the summary and its files (default: the reader's language). The
page's own menus stay in the reader's language; the summary part carries its
``lang``.
"""

from __future__ import annotations

from flask import Response, abort, render_template, request, url_for
from flask_login import current_user, login_required

from ..csvfiles import download_response
from ..i18n import LANGUAGE_NAMES
from ..models import Process
from ..permissions import can
from . import bp, formats, html
from .csv import KINDS
from .proposal_view import proposal_view
from .queries import download_links, load_scope, scope_params
from .summary import build_summary


def _is_staff(process: Process) -> bool:
    """The team: sees a draft proposal, and the survey answers coded to themes (the
    same people as the "survey.results" rule)."""
    return can(current_user, "proposal.view_draft", process)


def _load_summary(slug: str):
    """The URL's scope (process, phase, language), its summary and the proposal as
    this reader may see it: what the summary page and the printable page show."""
    process, phase, language = load_scope(slug)
    data = build_summary(
        process, phase=phase, language=language, survey_answers=_is_staff(process)
    )
    proposal = proposal_view(process, staff=_is_staff(process))
    return process, phase, language, data, proposal


@bp.route("/<slug>/summary")
@login_required
def summary(slug: str):
    """Participation, themes with quotes and votes, talk versus vote, downloads."""
    process, phase, language, data, proposal = _load_summary(slug)
    return render_template(
        "exports/summary.html",
        process=process,
        phase=phase,
        summary=data,
        language=language,
        languages=LANGUAGE_NAMES,
        body=html.body_html(data, proposal),
        downloads=download_links(process, phase, language),
        printable_url=url_for(
            "exports.printable", **scope_params(process, phase, language)
        ),
    )


@bp.route("/<slug>/summary/print")
@login_required
def printable(slug: str):
    """The printable summary as a page in the browser, with a print button."""
    process, phase, language, data, proposal = _load_summary(slug)
    back_url = url_for("exports.summary", **scope_params(process, phase, language))
    response = Response(
        html.to_html(data, proposal, back_url=back_url), mimetype="text/html"
    )
    # Summaries may name people: no copies in browser or proxy caches.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = html.printable_csp(with_script=True)
    return response


@bp.route("/<slug>/summary.<any(md, html, docx, csv, json):fmt>")
@login_required
def download(slug: str, fmt: str):
    """The summary as a file: Markdown, printable HTML, Word, CSV or JSON."""
    process, phase, language = load_scope(slug)
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
    # Summaries may name people: no copies in browser or proxy caches. Text types get
    # "; charset=utf-8" from Werkzeug; JSON is UTF-8 by definition.
    response = download_response(
        result.body, mimetype=result.mimetype, filename=result.filename
    )
    if fmt == "html":
        # Opened from the app, the page may use its embedded stylesheet and chart
        # images, and nothing else (no scripts at all).
        response.headers["Content-Security-Policy"] = html.printable_csp(
            with_script=False
        )
    return response
