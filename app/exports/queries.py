"""Loading a summary's scope for a view (the process, the phase, the language) and
the links to its downloads."""

from __future__ import annotations

from flask import current_app, request, url_for
from flask_login import current_user

from ..i18n import current_language
from ..models import Phase, Process
from ..permissions import require
from ..requests import query_id_or_404
from ..web import get_phase_or_404, load_process
from . import formats
from .csv import KINDS
from .scope import summary_options


def load_scope(slug: str) -> tuple[Process, Phase | None, str]:
    """The process, the phase (None for all) and the language of a request.

    The team reads the summary at any time; participants once everything in its
    scope has closed (their memo links here).
    """
    process = load_process(slug, "process.view", summary_options())
    phase = None
    phase_id = query_id_or_404("phase")
    if phase_id is not None:
        phase = get_phase_or_404(process, phase_id)
    require(current_user, "summary.read", phase or process)
    language = request.args.get("lang", "")
    if language not in current_app.config["LANGUAGES"]:
        language = current_language()
    return process, phase, language


def scope_params(process: Process, phase: Phase | None, language: str) -> dict:
    """URL arguments of a summary address: the process, the phase and the language."""
    params = {"slug": process.slug, "lang": language}
    if phase is not None:
        params["phase"] = phase.id
    return params


def download_links(process: Process, phase: Phase | None, language: str) -> list:
    """(format, kind, url) of every download, with the page's phase and language."""
    params = scope_params(process, phase, language)
    links = []
    for fmt in formats.FORMATS:
        for kind in KINDS if fmt == "csv" else (None,):
            extra = {"kind": kind} if kind else {}
            url = url_for("exports.download", fmt=fmt, **params, **extra)
            links.append((fmt, kind, url))
    return links
