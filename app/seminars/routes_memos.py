"""Memo pages of a seminar and of each workshop: reading, drafting, editing, final.

Each view answers two addresses: /<slug>/seminars/<phase_id>/memo... for the
seminar's own memo and /<slug>/workshops/<workshop_id>/memo... for a workshop's, so
``url_for("seminars.memo", slug=..., workshop_id=...)`` picks the workshop's form.

Everyone in the process reads a final memo; a draft is for "seminar.manage" only
(observers included in the "others": they get 404 as if there were none, like
participants), so nobody quotes a text that is still changing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import unique_write
from ..errors import DomainError, DuplicateName
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..permissions import can
from ..web import apply_or_flash
from . import bp, services_memos
from .forms_memos import MemoForm
from .queries import workshops_of
from .queries_memos import (
    is_final,
    load_memo_subject,
    may_read,
    memo_context,
    memo_for,
    readable_memos,
)
from .urls import memo_url

SEMINAR_RULE = "/<slug>/seminars/<int:phase_id>/memo"
WORKSHOP_RULE = "/<slug>/workshops/<int:workshop_id>/memo"


# Reading -------------------------------------------------------------------------


@bp.route(SEMINAR_RULE)
@bp.route(WORKSHOP_RULE)
@login_required
def memo(slug: str, phase_id: int | None = None, workshop_id: int | None = None):
    """The memo; for the team a draft too, or the button that drafts it."""
    process, seminar, workshop = load_memo_subject(
        slug, phase_id, workshop_id, "seminar.view"
    )
    memo = memo_for(seminar, workshop)
    manage = can(current_user, "seminar.manage", process)
    if not may_read(memo, process, current_user) and not manage:
        abort(404)
    readable = readable_memos(seminar)
    # The seminar memo lists the workshops' memos: those the reader may open, and
    # for the team every workshop, so a missing memo is one click from drafting.
    links = [
        (item, readable.get(item.id))
        for item in workshops_of(seminar)
        if manage or item.id in readable
    ]
    return render_template(
        "seminars/memo.html",
        **memo_context(process, seminar, workshop, memo),
        manage=manage,
        readable=readable,
        links=links if workshop is None else [],
        form=ConfirmForm(),
    )


# Changes -------------------------------------------------------------------------


@bp.route(f"{SEMINAR_RULE}/draft", methods=["POST"])
@bp.route(f"{WORKSHOP_RULE}/draft", methods=["POST"])
@login_required
def draft_memo(slug: str, phase_id: int | None = None, workshop_id: int | None = None):
    """Draft the memo from the seminar or workshop, then open it for editing."""
    process, seminar, workshop = load_memo_subject(
        slug, phase_id, workshop_id, "seminar.manage"
    )
    form = ConfirmForm()
    if not form.validate_on_submit():
        return redirect(memo_url(seminar, workshop))
    try:
        with unique_write():
            services_memos.draft_memo(
                seminar, workshop, actor=current_user, now=datetime.now(UTC)
            )
    except (services_memos.MemoExists, DuplicateName):
        flash(str(services_memos.MemoExists.message), "info")
    else:
        flash(_("The memo has been drafted. Check and complete it."), "success")
    return redirect(memo_url(seminar, workshop, "edit_memo"))


@bp.route(f"{SEMINAR_RULE}/edit", methods=["GET", "POST"])
@bp.route(f"{WORKSHOP_RULE}/edit", methods=["GET", "POST"])
@login_required
def edit_memo(slug: str, phase_id: int | None = None, workshop_id: int | None = None):
    """Edit the three texts. A final memo is reopened first (its page has the button)."""
    process, seminar, workshop = load_memo_subject(
        slug, phase_id, workshop_id, "seminar.manage"
    )
    memo = memo_for(seminar, workshop)
    if memo is None:
        # Nothing to edit yet: the memo page offers "Draft the memo" (a POST).
        return redirect(memo_url(seminar, workshop))
    form = MemoForm(obj=memo)
    for field in (form.aims, form.way_of_working, form.results):
        # The memo is written in the process's language, whatever the interface's.
        field.render_kw = {"lang": process.language}
    if is_final(memo) and not form.is_submitted():
        flash(str(services_memos.MemoIsFinal.message), "error")
        return redirect(memo_url(seminar, workshop))
    problem = None
    if form.validate_on_submit():
        try:
            services_memos.save_memo(
                memo,
                aims=form.aims.data,
                way_of_working=form.way_of_working.data,
                results=form.results.data,
                actor=current_user,
                now=datetime.now(UTC),
            )
        except DomainError as error:
            db.session.rollback()
            problem = str(error)
        else:
            db.session.commit()
            flash(_("The memo has been saved."), "success")
            return redirect(memo_url(seminar, workshop))
    page = render_template(
        "seminars/memo_edit.html",
        **memo_context(process, seminar, workshop, memo),
        form=form,
        problem=problem,
    )
    # A final memo changed meanwhile: 409 keeps the typed texts on the page.
    return page, 409 if problem else form_status(form)


def _change(slug, phase_id, workshop_id, *, change, template, done):
    """Confirmation page (GET) and the change itself (POST) for final/reopen."""
    process, seminar, workshop = load_memo_subject(
        slug, phase_id, workshop_id, "seminar.manage"
    )
    memo = memo_for(seminar, workshop)
    if memo is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        apply_or_flash(
            lambda: change(memo, actor=current_user, now=datetime.now(UTC)), done
        )
        return redirect(memo_url(seminar, workshop))
    return render_template(
        template, **memo_context(process, seminar, workshop, memo), form=form
    )


@bp.route(f"{SEMINAR_RULE}/final", methods=["GET", "POST"])
@bp.route(f"{WORKSHOP_RULE}/final", methods=["GET", "POST"])
@login_required
def finalise_memo(
    slug: str, phase_id: int | None = None, workshop_id: int | None = None
):
    """Mark the memo final: everyone in the process can read it from then on."""
    return _change(
        slug,
        phase_id,
        workshop_id,
        change=services_memos.mark_final,
        template="seminars/memo_final.html",
        done=_("The memo is final. Everyone in the process can read it now."),
    )


@bp.route(f"{SEMINAR_RULE}/reopen", methods=["GET", "POST"])
@bp.route(f"{WORKSHOP_RULE}/reopen", methods=["GET", "POST"])
@login_required
def reopen_memo(slug: str, phase_id: int | None = None, workshop_id: int | None = None):
    """Take the memo back to a draft so it can be edited; readers lose it meanwhile."""
    return _change(
        slug,
        phase_id,
        workshop_id,
        change=services_memos.reopen,
        template="seminars/memo_reopen.html",
        done=_("The memo is a draft again. Edit it and mark it final when ready."),
    )
