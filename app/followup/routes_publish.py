"""Publishing the proposal to the participants, and sending them the memo."""

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..forms import ConfirmForm
from ..requests import parse_id
from ..web import apply_or_refusal, commit_then_send, get_phase_or_404, load_process
from . import bp, services, services_memo
from .forms import MemoForm, memo_phases
from .queries import is_published, load_managed, proposal_url


def _confirm(slug: str, *, publishing: bool):
    process, proposal = load_managed(slug)
    form = ConfirmForm()
    refusal = None
    if publishing and is_published(proposal):
        refusal = _("The proposal is already published.")
    elif not publishing and not is_published(proposal):
        refusal = _("The proposal is not published.")
    if refusal is None and form.validate_on_submit():
        change = services.publish if publishing else services.unpublish
        _done, error = apply_or_refusal(
            lambda: change(proposal, actor=current_user, now=datetime.now(UTC))
        )
        if error is not None:
            refusal = str(error)
        else:
            flash(
                _("The proposal has been published.")
                if publishing
                else _("The proposal is a draft again."),
                "success",
            )
            return redirect(proposal_url(process))
    page = render_template(
        "followup/publish.html" if publishing else "followup/unpublish.html",
        form=form,
        process=process,
        proposal=proposal,
        refusal=refusal,
        cancel_url=proposal_url(process),
    )
    return page, (409 if refusal and request.method == "POST" else 200)


@bp.route("/<slug>/proposal/publish", methods=["GET", "POST"])
@login_required
def publish(slug: str):
    """Confirm, then show the proposal to the participants and open its comments."""
    return _confirm(slug, publishing=True)


@bp.route("/<slug>/proposal/unpublish", methods=["GET", "POST"])
@login_required
def unpublish(slug: str):
    """Confirm, then take the proposal back to a draft (its comments stay)."""
    return _confirm(slug, publishing=False)


def _memo_phase(process, value: str | None):
    """The phase chosen for the memo (None: the whole process); unknown ids are 404."""
    if not value:
        return None
    phase_id = parse_id(value)
    phase = get_phase_or_404(process, phase_id) if phase_id else None
    if phase is None or phase not in memo_phases(process):
        abort(404)
    return phase


@bp.route("/<slug>/memo", methods=["GET", "POST"])
@login_required
def send_memo(slug: str):
    """Choose the memo's scope, see whom it reaches, then queue and send it."""
    process = load_process(slug, "memo.send")
    form = MemoForm(
        formdata=request.form if request.method == "POST" else request.args or None
    )
    form.set_phases(process, _("The whole process"))
    if request.method == "POST" and form.validate():
        phase = _memo_phase(process, form.phase.data)
        now = datetime.now(UTC)
        report = services_memo.queue_memo(process, phase, now=now)
        commit_then_send(
            now,
            _(
                "Memos sent: %(queued)d. Already sent earlier: %(already)d. "
                "Participants without an email address: %(without)d.",
                queued=report.queued,
                already=report.already,
                without=report.without_email,
            ),
            report.queued + report.already,
        )
        return redirect(
            url_for("followup.send_memo", slug=slug, phase=form.phase.data or None)
        )
    phase = _memo_phase(process, form.phase.data) if not form.phase.errors else None
    return render_template(
        "followup/memo.html",
        form=form,
        process=process,
        phase=phase,
        plan=services_memo.plan_memo(process, phase),
        published=is_published(process.proposal),
    ), (422 if form.errors else 200)
