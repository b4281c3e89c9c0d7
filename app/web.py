"""What every blueprint's views share, in one place.

Loading a process or one of its objects (another process's id is simply not found),
a page of a list, answering 304 to a live view's poll (and the pages that poll),
"apply the service, or show its refusal at the field or on the page", reordering a
list, sending the letters a view has just queued, and work that waits until the
answer has gone out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from typing import Any, TypeVar

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import (
    abort,
    after_this_request,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms import Field
from wtforms.form import BaseForm

from .database import get_by_id
from .errors import DomainError
from .extensions import db
from .forms import ConfirmForm, MoveForm, form_status
from .models import Comment, Phase, Process
from .ordering import Direction
from .outbox.services import send_pending
from .permissions import process_of, require

T = TypeVar("T")
log = logging.getLogger("osallistamo.web")


# Loading ---------------------------------------------------------------------


def get_process_or_404(slug: str, options: tuple = ()) -> Process:
    """The process of a URL's slug, or 404; with its team, which every permission
    asks about (one statement, not two), and what ``options`` load with it (what
    the page reads of the process: its phases, groups, themes...)."""
    process = (
        db.session.execute(_process_statement(options), {"slug": slug})
        .unique()
        .scalar_one_or_none()
    )
    if process is None:
        abort(404)
    return process


@lru_cache(maxsize=64)
def _process_statement(options: tuple) -> sa.Select:
    """The process by slug with its team and ``options``, built once per options (see
    ``database.get_by_id``: the query and its cache key are not built per request)."""
    return (
        sa.select(Process)
        .where(Process.slug == sa.bindparam("slug"))
        .options(so.joinedload(Process.roles), *options)
    )


def get_in_process_or_404(
    process: Process,
    model: type[T],
    obj_id: int,
    accept: Callable[[T], bool] | None = None,
    options: tuple = (),
) -> T:
    """An object of this process by id (anything with a ``process``), or 404.

    Another process's id is simply not found, as is an object ``accept`` refuses
    (e.g. a phase of the wrong kind). ``options`` are loader options for the same
    statement (what the page reads of the object, loaded with it).
    """
    obj = get_by_id(model, obj_id, options)
    owner = process_of(obj) if obj is not None else None
    if owner is None or owner.id != process.id or (accept and not accept(obj)):
        abort(404)
    return obj


def load_process(slug: str, action: str, options: tuple = ()) -> Process:
    """The process of a URL, once the signed-in user may do the action on it."""
    process = get_process_or_404(slug, options)
    require(current_user, action, process)
    return process


def load_in_process(
    slug: str,
    action: str,
    model: type[T],
    obj_id: int,
    accept: Callable[[T], bool] | None = None,
    options: tuple = (),
) -> tuple[Process, Any]:
    """The process and one of its objects: the right is checked before the object is
    looked for, so an outsider learns nothing about which ids exist."""
    process = load_process(slug, action)
    return process, get_in_process_or_404(process, model, obj_id, accept, options)


def get_phase_or_404(process: Process, phase_id: int) -> Phase:
    """A phase of this process; another process's phase is not found here."""
    phase = db.session.get(Phase, phase_id)
    if phase is None or phase.process_id != process.id:
        abort(404)
    return phase


def get_comment_or_404(process: Process, comment_id: int) -> Comment:
    """Any comment of this process: a discussion's, a workshop note or a survey answer."""
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.prompt.process.id != process.id:
        abort(404)
    return comment


def get_discussion_comment_or_404(process: Process, comment_id: int) -> Comment:
    """A discussion comment of this process (not a workshop note nor a survey answer,
    whose prompts have no discussion); anything else is not found."""
    comment = db.session.get(Comment, comment_id)
    if (
        comment is None
        or comment.prompt.discussion is None
        or comment.prompt.discussion.phase.process_id != process.id
    ):
        abort(404)
    return comment


def paginated(stmt):
    """The page of a list the request asks for (``?page=``), as long as the
    installation's ``ITEMS_PER_PAGE``; a page past the end is empty, not an error."""
    return db.paginate(
        stmt, per_page=current_app.config["ITEMS_PER_PAGE"], error_out=False
    )


# Live views ------------------------------------------------------------------


def conditional(tag: str, render: Callable[[], object]) -> Response:
    """Answer 304 when the client has this version (a weak ETag); otherwise render."""
    if request.if_none_match.contains_weak(tag):
        response = make_response("", 304)
    else:
        response = make_response(render())
    response.set_etag(tag, weak=True)
    # Always ask again (no-cache), and never keep a viewer's page in a shared cache.
    response.cache_control.no_cache = True
    response.cache_control.private = True
    return response


def polled_page(
    tag: str, template: str, poll_interval: int, context: Callable[[], dict]
) -> Response:
    """A page whose script polls for changes (a projector, a presenter's screen).

    304 while the client has ``tag``; otherwise the page is rendered with its ETag and
    polling interval for the script, and only then is ``context()`` read.
    """
    return conditional(
        tag,
        lambda: render_template(
            template, etag=f'W/"{tag}"', poll_interval=poll_interval, **context()
        ),
    )


# Writing ---------------------------------------------------------------------


def save_or_field_error(
    save: Callable[[], T],
    field,
    saved_message: str | Callable[[T], str],
    next_url: str | Callable[[T], str],
) -> Response | None:
    """Apply a service; commit, flash and redirect, or show its refusal at the field.

    A broken rule (a :class:`DomainError`) rolls back and is appended to the field's
    errors; None is returned so the view renders the form again as it was typed.
    ``field`` may also be the form itself (the refusal is about the whole form and
    shows above it, in ``form_errors``) or a function of the error giving either (a
    form whose rules concern several fields); ``saved_message`` and ``next_url`` may
    be functions of what ``save`` returned (a new object's name or page).
    """
    try:
        saved = save()
    except DomainError as error:
        db.session.rollback()
        if not isinstance(field, Field | BaseForm):
            field = field(error)
        if isinstance(field, BaseForm):
            field.form_errors.append(str(error))
        else:
            field.errors = list(field.errors) + [str(error)]
        return None
    # The message and the address before the commit (flushed, so a new object has its
    # id): read after it, the saved object would be loaded again in a second
    # transaction (on SQLite, a POST's takes the write lock again).
    db.session.flush()
    message = saved_message(saved) if callable(saved_message) else saved_message
    url = next_url if isinstance(next_url, str) else next_url(saved)
    db.session.commit()
    flash(message, "success")
    return redirect(url)


def save_or_show(
    form,
    save: Callable[[], object],
    field,
    saved_message: str | Callable[[Any], str],
    next_url: str | Callable[[Any], str],
    show: Callable[[], str],
):
    """An add or edit view after its form is made: on a valid POST save as
    :func:`save_or_field_error` does; otherwise, or when the save is refused, show the
    form page again with its status (422 when it does not validate)."""
    if form.validate_on_submit():
        saved = save_or_field_error(save, field, saved_message, next_url)
        if saved is not None:
            return saved
    return show(), form_status(form)


def apply_or_flash(
    act: Callable[[], T], done: str | Callable[[T], str | None] | None
) -> bool:
    """Apply a service and commit, flashing ``done`` (a text, or a function of what
    ``act`` returned; nothing when it gives none); a refusal (a :class:`DomainError`)
    rolls back and is flashed as an error. True when the service was applied."""
    try:
        result = act()
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
        return False
    db.session.commit()
    message = done(result) if callable(done) else done
    if message:
        flash(message, "success")
    return True


def apply_or_refusal(act: Callable[[], T]) -> tuple[T | None, DomainError | None]:
    """Apply a service and commit; a refusal (a :class:`DomainError`) rolls back and
    is given back instead of the result, for a page that says why it cannot be done."""
    try:
        result = act()
    except DomainError as error:
        db.session.rollback()
        return None, error
    db.session.commit()
    return result, None


def confirm_then(
    template: str,
    act: Callable[[], object],
    done_message: str,
    next_url: str,
    **context: Any,
) -> Response | str:
    """Show the confirmation page; on its confirmed POST act, commit, flash, redirect.

    The template gets ``form`` (a :class:`ConfirmForm`) and the context. Whatever
    the message and the address need is read before ``act`` runs (e.g. a title).
    """
    form = ConfirmForm()
    if form.validate_on_submit():
        act()
        db.session.commit()
        flash(done_message, "success")
        return redirect(next_url)
    return render_template(template, form=form, **context)


def save_prompt_or_show(
    form,
    language: str,
    save: Callable[..., object],
    saved_message: str,
    next_url: str,
    show: Callable[[], str],
):
    """Add or edit a prompt (a discussion's question or a workshop's prompt): its
    question and guidance go to ``save``; a refusal shows at the question in the
    process's main language (see :func:`save_or_show`)."""
    return save_or_show(
        form,
        lambda: save(question=form.question.data, guidance=form.guidance.data),
        form.question.form[language],
        saved_message,
        next_url,
        show,
    )


def apply_move(
    move_function: Callable[[T, Direction], bool], item: T, moved_message: str
) -> None:
    """Move an item one step as the posted form asks; commit and flash only if it moved.

    A missing or unknown direction (or a bad CSRF token) is a broken request: 400.
    At either end of the list nothing changes and nothing is said.
    """
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    if move_function(item, form.direction.data):
        db.session.commit()
        flash(moved_message, "success")


def send_queued_letters(now: datetime, limit: int = 100) -> None:
    """Send what the outbox holds, after the view's commit; say if some must wait.

    The letters are already safe in the outbox, so a failed one is tried again later.
    """
    report = send_pending(now, limit=limit)
    if report.failed:
        flash(
            _(
                "%(failed)d letters could not be sent now. They stay in the outbox and are tried again.",
                failed=report.failed,
            ),
            "error",
        )


def commit_then_send(now: datetime, sent_message: str, queued: int) -> None:
    """Commit the letters a view has just queued, say so, then send the outbox.

    ``queued`` counts this view's letters (new ones and those already sent); the
    send takes at least that many, so none of them waits for the next round.
    """
    db.session.commit()
    flash(sent_message, "success")
    # After the commit: the letters are safe in the outbox even if SMTP fails.
    send_queued_letters(now, limit=max(100, queued))


def after_response(work: Callable[[], object]) -> None:
    """Run ``work`` after the answer has been sent, in an app context of its own.

    The browser gets its answer without waiting, and the answer's timing does not
    depend on what ``work`` finds or does (a reset letter for an address that may or
    may not exist). ``work`` commits its own writes; a failure is logged, not shown.
    """
    app = current_app._get_current_object()

    def run() -> None:
        with app.app_context():
            try:
                work()
            except Exception:
                db.session.rollback()
                log.exception("work after the response failed")

    @after_this_request
    def attach(response: Response) -> Response:
        response.call_on_close(run)
        return response
