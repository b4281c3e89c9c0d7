"""Moderation pages: reporting a comment, the facilitators' actions, queue, log, history."""

from datetime import UTC, datetime

from flask import (
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import edit_form, form_status
from ..permissions import can
from ..web import load_process, paginated
from . import bp, queries_moderation
from . import services_moderation as moderation
from .forms_moderation import FlagForm, ModerationReasonForm, RequiredReasonForm
from .queries import load_comment
from .queries_threads import comment_url

#: The flash after each facilitator action.
DONE = {
    "hide": _l("The comment has been hidden."),
    "restore": _l("The comment is shown again."),
    "lock": _l("The thread has been locked."),
    "unlock": _l("The thread is open again."),
    "dismiss": _l("The reports have been dismissed."),
}

#: What the reason is used for, under the reason field.
REASON_HINTS = {
    "hide": _l(
        "Shown in place of the comment to everyone who reads the discussion, and saved in the moderation log."
    ),
    "lock": _l("Saved in the moderation log."),
    "restore": _l("Optional. Saved in the moderation log."),
    "unlock": _l("Optional. Saved in the moderation log."),
    "dismiss": _l("Optional. Saved in the moderation log."),
}


def _apply(apply, form, message: str, next_url: str):
    """Apply a moderation service: commit, flash and redirect (the response, None);
    a bad reason shows at its field (None, None); another refusal is given back for
    the page to explain (None, the error)."""
    try:
        apply()
    except moderation.ReasonError as error:
        db.session.rollback()
        form.reason.errors.append(str(error))
        return None, None
    except DomainError as error:
        db.session.rollback()
        return None, error
    db.session.commit()
    flash(message, "success")
    return redirect(next_url), None


def _comment_page(template: str, form, process, comment, refusal, **context):
    """A moderation form about one comment, with its status: 409 while it explains a
    refusal, 422 when the form does not validate."""
    page = render_template(
        template,
        form=form,
        process=process,
        comment=comment,
        phase=comment.prompt.discussion.phase,
        refusal=refusal,
        **context,
    )
    return page, 409 if refusal is not None else form_status(form)


def _queue_url(process) -> str:
    return url_for("discussions.moderation_queue", slug=process.slug)


@bp.route("/<slug>/comments/<int:comment_id>/flag", methods=["GET", "POST"])
@login_required
def flag_comment(slug: str, comment_id: int):
    """A reader reports a comment with a reason; the facilitators see it in the queue."""
    process, comment = load_comment(slug, comment_id, "comment.flag")
    now = datetime.now(UTC)
    if not can(current_user, "comment.view", comment):
        # What the reader may not see is not there for them.
        abort(404)
    earlier = queries_moderation.flag_of(comment, current_user)
    form = edit_form(FlagForm, earlier)
    refusal = moderation.flag_refusal(comment, current_user)
    if refusal is None and form.validate_on_submit():
        done, refusal = _apply(
            lambda: moderation.flag_comment(
                comment, user=current_user, reason=form.reason.data, now=now
            ),
            form,
            _("Thank you. The facilitators will look at the comment."),
            comment_url(comment),
        )
        if done is not None:
            return done
    return _comment_page(
        "discussions/moderation/flag.html",
        form,
        process,
        comment,
        refusal,
        earlier=earlier,
    )


@bp.route(
    "/<slug>/comments/<int:comment_id>/<any(hide,restore,lock,unlock,dismiss):action>",
    methods=["GET", "POST"],
)
@login_required
def moderate_comment(slug: str, comment_id: int, action: str):
    """Confirm with a reason, then hide, restore, lock, unlock or dismiss reports."""
    process, comment = load_comment(slug, comment_id, "comment.moderate")
    required = action in moderation.REASON_REQUIRED
    form = RequiredReasonForm() if required else ModerationReasonForm()
    form.reason.description = REASON_HINTS[action]
    # Came from the queue (a fixed word, not an address): go back there afterwards.
    from_queue = request.args.get("from") == "queue"
    back_url = _queue_url(process) if from_queue else comment_url(comment)
    refusal = moderation.refusal(action, comment)
    if refusal is None and form.validate_on_submit():
        done, refusal = _apply(
            lambda: moderation.ACTIONS[action](
                comment,
                actor=current_user,
                reason=form.reason.data,
                now=datetime.now(UTC),
            ),
            form,
            str(DONE[action]),
            back_url,
        )
        if done is not None:
            return done
    return _comment_page(
        "discussions/moderation/confirm.html",
        form,
        process,
        comment,
        refusal,
        action=action,
        cancel_url=back_url,
    )


@bp.route("/<slug>/moderation/")
@login_required
def moderation_queue(slug: str):
    """Reported comments waiting for a facilitator, and recently hidden ones."""
    process = load_process(slug, "comment.moderate")
    return render_template(
        "discussions/moderation/queue.html",
        process=process,
        queue=queries_moderation.moderation_queue(process),
    )


@bp.route("/<slug>/moderation/log")
@login_required
def moderation_log(slug: str):
    """The audit log of every report and moderation action, newest first."""
    process = load_process(slug, "comment.history")
    page = paginated(queries_moderation.audit_log_query(process))
    return render_template(
        "discussions/moderation/log.html", process=process, page=page
    )


@bp.route("/<slug>/comments/<int:comment_id>/history")
@login_required
def comment_history(slug: str, comment_id: int):
    """The current text of a comment and its earlier versions, newest first."""
    process, comment = load_comment(slug, comment_id, "comment.history")
    return render_template(
        "discussions/moderation/history.html",
        process=process,
        comment=comment,
        phase=comment.prompt.discussion.phase,
    )
