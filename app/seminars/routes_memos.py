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

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from ..database import unique_write
from ..errors import DomainError, DuplicateName
from ..extensions import db
from ..forms import MARKDOWN_HINT, ConfirmForm, form_status
from ..i18n import localized
from ..models import Process, Seminar, User, Workshop, WorkshopMemo
from ..permissions import can, require
from ..web import get_process_or_404
from . import bp
from . import services_memos as services
from .methods import spec
from .routes import get_seminar_or_404

#: Longest memo part, in characters of Markdown.
PART_MAX = 20000

SEMINAR_RULE = "/<slug>/seminars/<int:phase_id>/memo"
WORKSHOP_RULE = "/<slug>/workshops/<int:workshop_id>/memo"


class MemoForm(FlaskForm):
    """The memo's three texts, Markdown in the process's language."""

    aims = TextAreaField(
        _l("What was aimed at"),
        validators=[Optional(), Length(max=PART_MAX)],
        description=MARKDOWN_HINT,
    )
    way_of_working = TextAreaField(
        _l("How the group worked"),
        validators=[Optional(), Length(max=PART_MAX)],
        description=MARKDOWN_HINT,
    )
    results = TextAreaField(
        _l("What resulted"),
        validators=[Optional(), Length(max=PART_MAX)],
        description=MARKDOWN_HINT,
    )


# Loading -------------------------------------------------------------------------


def get_any_workshop_or_404(process: Process, workshop_id: int) -> Workshop:
    """A workshop of any of this process's seminars."""
    workshop = db.session.get(Workshop, workshop_id)
    if workshop is None or workshop.block.seminar.phase.process_id != process.id:
        abort(404)
    return workshop


def load(slug, phase_id, workshop_id, action):
    """(process, seminar, workshop or None) of a memo address, the action checked."""
    process = get_process_or_404(slug)
    require(current_user, action, process)
    if workshop_id is None:
        return process, get_seminar_or_404(process, phase_id), None
    workshop = get_any_workshop_or_404(process, workshop_id)
    return process, workshop.block.seminar, workshop


def memo_url(
    seminar: Seminar, workshop: Workshop | None = None, endpoint: str = "memo"
) -> str:
    """The address of a memo's page (or its edit, finalise... page) for ``endpoint``."""
    values = {"slug": seminar.process.slug}
    if workshop is None:
        values["phase_id"] = seminar.phase_id
    else:
        values["workshop_id"] = workshop.id
    return url_for(f"seminars.{endpoint}", **values)


def may_read(memo: WorkshopMemo | None, process: Process) -> bool:
    """A final memo for everyone in the process, a draft for the seminar's team."""
    if memo is None:
        return False
    return services.is_final(memo) or can(current_user, "seminar.manage", process)


@bp.app_template_global()
def readable_memos(seminar: Seminar) -> dict:
    """{workshop id or None: memo} the reader may open, for links on other pages."""
    process = seminar.process
    if not can(current_user, "seminar.view", process):
        return {}
    return {
        key: memo
        for key, memo in services.memos_of(seminar).items()
        if may_read(memo, process)
    }


def _title(seminar: Seminar, workshop: Workshop | None) -> tuple[str, dict]:
    """The memo's subject (the workshop's or the seminar's title) and its texts."""
    texts = workshop.title if workshop is not None else seminar.phase.title
    return localized(texts, seminar.process.language), texts


def _context(process, seminar, workshop, memo) -> dict:
    title, title_texts = _title(seminar, workshop)
    editor = (
        db.session.get(User, memo.edited_by_id) if memo and memo.edited_by_id else None
    )
    return {
        "process": process,
        "seminar": seminar,
        "phase": seminar.phase,
        "workshop": workshop,
        "memo": memo,
        "subject": title,
        "subject_texts": title_texts,
        "method": spec(workshop.method) if workshop is not None else None,
        "editor": editor,
        "final": services.is_final(memo),
        "memo_args": (
            {"phase_id": seminar.phase_id}
            if workshop is None
            else {"workshop_id": workshop.id}
        ),
    }


# Reading -------------------------------------------------------------------------


@bp.route(SEMINAR_RULE)
@bp.route(WORKSHOP_RULE)
@login_required
def memo(slug: str, phase_id: int | None = None, workshop_id: int | None = None):
    """The memo; for the team a draft too, or the button that drafts it."""
    process, seminar, workshop = load(slug, phase_id, workshop_id, "seminar.view")
    memo = services.memo_for(seminar, workshop)
    manage = can(current_user, "seminar.manage", process)
    if not may_read(memo, process) and not manage:
        abort(404)
    readable = readable_memos(seminar)
    # The seminar memo lists the workshops' memos: those the reader may open, and
    # for the team every workshop, so a missing memo is one click from drafting.
    links = [
        (item, readable.get(item.id))
        for item in services.workshops_of(seminar)
        if manage or item.id in readable
    ]
    return render_template(
        "seminars/memo.html",
        **_context(process, seminar, workshop, memo),
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
    process, seminar, workshop = load(slug, phase_id, workshop_id, "seminar.manage")
    form = ConfirmForm()
    if not form.validate_on_submit():
        return redirect(memo_url(seminar, workshop))
    try:
        with unique_write():
            services.draft_memo(
                seminar, workshop, actor=current_user, now=datetime.now(UTC)
            )
    except (services.MemoExists, DuplicateName):
        flash(str(services.MemoExists.message), "info")
    else:
        flash(_("The memo has been drafted. Check and complete it."), "success")
    return redirect(memo_url(seminar, workshop, "edit_memo"))


@bp.route(f"{SEMINAR_RULE}/edit", methods=["GET", "POST"])
@bp.route(f"{WORKSHOP_RULE}/edit", methods=["GET", "POST"])
@login_required
def edit_memo(slug: str, phase_id: int | None = None, workshop_id: int | None = None):
    """Edit the three texts. A final memo is reopened first (its page has the button)."""
    process, seminar, workshop = load(slug, phase_id, workshop_id, "seminar.manage")
    memo = services.memo_for(seminar, workshop)
    if memo is None:
        # Nothing to edit yet: the memo page offers "Draft the memo" (a POST).
        return redirect(memo_url(seminar, workshop))
    form = MemoForm(obj=memo)
    for field in (form.aims, form.way_of_working, form.results):
        # The memo is written in the process's language, whatever the interface's.
        field.render_kw = {"lang": process.language}
    if services.is_final(memo) and not form.is_submitted():
        flash(str(services.MemoIsFinal.message), "error")
        return redirect(memo_url(seminar, workshop))
    problem = None
    if form.validate_on_submit():
        try:
            services.save_memo(
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
        **_context(process, seminar, workshop, memo),
        form=form,
        problem=problem,
    )
    # A final memo changed meanwhile: 409 keeps the typed texts on the page.
    return page, 409 if problem else form_status(form)


def _change(slug, phase_id, workshop_id, *, change, template, done):
    """Confirmation page (GET) and the change itself (POST) for final/reopen."""
    process, seminar, workshop = load(slug, phase_id, workshop_id, "seminar.manage")
    memo = services.memo_for(seminar, workshop)
    if memo is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            change(memo, actor=current_user, now=datetime.now(UTC))
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(done, "success")
        return redirect(memo_url(seminar, workshop))
    return render_template(
        template, **_context(process, seminar, workshop, memo), form=form
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
        change=services.mark_final,
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
        change=services.reopen,
        template="seminars/memo_reopen.html",
        done=_("The memo is a draft again. Edit it and mark it final when ready."),
    )
