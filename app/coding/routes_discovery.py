"""Theme discovery: "what else are people talking about?" (facilitators).

The page lists the open candidates of the chosen phase (or of every phase); its
button groups the comments anew. A candidate is adopted as a theme in one step, its
title editable, or dismissed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from ..embeddings.model import current as current_model
from ..errors import DomainError
from ..extensions import db
from ..web import apply_or_flash, load_process
from . import bp, queries, queries_discovery, services_discovery
from .forms import AdoptForm, DiscoverForm, DismissForm, filters_from_args


def _page_url(process, phase) -> str:
    return url_for(
        "coding.discover", slug=process.slug, **({"phase": phase.id} if phase else {})
    )


def _show(process, phase, adopt_forms=None, status=200):
    views = queries_discovery.open_candidates(process, phase)
    forms = adopt_forms or {}
    for view in views:
        forms.setdefault(
            view.candidate.id,
            AdoptForm(
                prefix=f"c{view.candidate.id}", data={"title": view.candidate.name}
            ),
        )
    return (
        render_template(
            "coding/discover.html",
            process=process,
            phase=phase,
            phases=queries.coding_phases(process),
            candidates=views,
            adopt_forms=forms,
            discover_form=DiscoverForm(),
            model_in_use=current_model() is not None,
        ),
        status,
    )


@bp.route("/<slug>/coding/discover", methods=["GET", "POST"])
@login_required
def discover(slug: str):
    process = load_process(slug, "process.code")
    _filters, phase = filters_from_args(process, request.args)
    if request.method == "GET":
        return _show(process, phase)
    form = DiscoverForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        run = services_discovery.run_discovery(
            process,
            phase=phase,
            only_uncoded=form.only_uncoded.data,
            now=datetime.now(UTC),
        )
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(_page_url(process, phase))
    db.session.commit()
    if run.too_few:
        flash(
            ngettext(
                "Only %(num)d comment could be looked at: too few to find groups in. "
                "Discovery needs at least %(min)d.",
                "Only %(num)d comments could be looked at: too few to find groups in. "
                "Discovery needs at least %(min)d.",
                run.looked_at,
                min=services_discovery.MIN_COMMENTS,
            ),
            "error",
        )
    elif not run.candidates:
        flash(
            _(
                "No groups found among %(total)d comments: too few of them speak of "
                "the same thing. Try again when there are more comments, or group "
                "every comment.",
                total=run.looked_at,
            ),
            "info",
        )
    else:
        flash(
            ngettext(
                "%(num)d candidate theme found among %(total)d comments.",
                "%(num)d candidate themes found among %(total)d comments.",
                len(run.candidates),
                total=run.looked_at,
            ),
            "success",
        )
    if run.waiting:
        flash(
            ngettext(
                "%(num)d comment is still waiting for its embedding and was left out; "
                "try again in a moment.",
                "%(num)d comments are still waiting for their embeddings and were left "
                "out; try again in a moment.",
                run.waiting,
            ),
            "info",
        )
    return redirect(_page_url(process, phase))


@bp.route("/<slug>/coding/candidates/<int:candidate_id>/adopt", methods=["POST"])
@login_required
def adopt_candidate(slug: str, candidate_id: int):
    process, candidate, phase = _load_candidate(slug, candidate_id)
    form = AdoptForm(prefix=f"c{candidate.id}")
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        return _show(process, phase, {candidate.id: form}, status=422)
    title = form.title.data.strip()
    apply_or_flash(
        lambda: services_discovery.adopt(
            candidate,
            process,
            title=title,
            actor=current_user._get_current_object(),
            now=datetime.now(UTC),
        ),
        _(
            "“%(theme)s” is now a theme; its comments have it as a suggestion to confirm."
        )
        % {"theme": title},
    )
    return redirect(_page_url(process, phase))


@bp.route("/<slug>/coding/candidates/<int:candidate_id>/dismiss", methods=["POST"])
@login_required
def dismiss_candidate(slug: str, candidate_id: int):
    process, candidate, phase = _load_candidate(slug, candidate_id)
    if not DismissForm().validate_on_submit():
        abort(400)
    apply_or_flash(
        lambda: services_discovery.dismiss(
            candidate, actor=current_user._get_current_object(), now=datetime.now(UTC)
        ),
        _("“%(name)s” dismissed: it is not offered again.") % {"name": candidate.name},
    )
    return redirect(_page_url(process, phase))


def _load_candidate(slug: str, candidate_id: int):
    """The process, one of its candidates, and the phase it was found in (or None)."""
    process = load_process(slug, "process.code")
    candidate = queries_discovery.get_candidate_or_404(process, candidate_id)
    phase = next((p for p in process.phases if p.id == candidate.phase_id), None)
    return process, candidate, phase
