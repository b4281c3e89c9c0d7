"""Invitation letters: write the letter, preview each group's copy, send them all."""

from datetime import UTC, datetime

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import LANGUAGE_NAMES
from ..models import WorkGroup
from ..outbox.services import MAX_ATTEMPTS
from ..web import commit_then_send, get_in_process_or_404
from . import bp
from . import services_invitations as letters
from .forms_invitations import LetterForm
from .queries import load_discussion, page_context


def _invitation_url(slug: str, phase_id: int) -> str:
    return url_for("discussions.invitation", slug=slug, phase_id=phase_id)


@bp.route("/<slug>/discussions/<int:phase_id>/invitation", methods=["GET", "POST"])
@login_required
def invitation(slug: str, phase_id: int):
    """Edit the letter; list the work groups with the state of each one's letter."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    main = process.language
    if request.method == "GET":
        if letters.is_written(discussion):
            data = {
                "subject": discussion.invitation_subject,
                "body": discussion.invitation_body,
            }
        else:  # a ready letter to start from
            default = letters.default_letter(main, discussion)
            data = {
                "subject": {main: default["subject"]},
                "body": {main: default["body"]},
            }
        form = LetterForm(data=data, main_language=main)
    else:
        form = LetterForm(main_language=main)
    if form.validate_on_submit():
        try:
            lacking = letters.update_letter(
                discussion, subject=form.subject.data, body=form.body.data
            )
        except letters.LetterError as error:
            db.session.rollback()
            form[error.field].form[main].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The letter has been saved."), "success")
            if lacking:
                flash(
                    _(
                        "Letters are sent in the main language. These versions have no {link} or {code}: %(languages)s.",
                        languages=", ".join(
                            LANGUAGE_NAMES.get(lang, lang) for lang in lacking
                        ),
                    ),
                    "info",
                )
            return redirect(_invitation_url(slug, phase_id))
    page = render_template(
        "discussions/invitation.html",
        form=form,
        **page_context(process, discussion),
        groups=process.work_groups,
        statuses=letters.letter_statuses(discussion),
        plan=letters.plan_invitations(discussion),
        written=letters.is_written(discussion),
        max_attempts=MAX_ATTEMPTS,
    )
    return page, form_status(form)


@bp.route("/<slug>/discussions/<int:phase_id>/invitation/<int:group_id>")
@login_required
def invitation_preview(slug: str, phase_id: int, group_id: int):
    """One group's letter exactly as it will be sent."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    group = get_in_process_or_404(process, WorkGroup, group_id)
    return render_template(
        "discussions/invitation_preview.html",
        **page_context(process, discussion),
        group=group,
        letter=letters.personalised_letter(discussion, group, process.language),
        written=letters.is_written(discussion),
    )


@bp.route("/<slug>/discussions/<int:phase_id>/invitation/send", methods=["GET", "POST"])
@login_required
def invitation_send(slug: str, phase_id: int):
    """Confirm, then queue each group's letter and send what is waiting right away."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    form = ConfirmForm()
    written = letters.is_written(discussion)
    if written and form.validate_on_submit():
        now = datetime.now(UTC)
        report = letters.queue_invitations(discussion, now=now)
        commit_then_send(
            now,
            _(
                "Letters sent: %(queued)d. Already sent earlier: %(already)d. "
                "Groups without a contact email: %(skipped)d.",
                queued=report.queued,
                already=report.already,
                skipped=report.skipped,
            ),
            report.queued + report.already,
        )
        return redirect(_invitation_url(slug, phase_id))
    return render_template(
        "discussions/invitation_send.html",
        form=form,
        **page_context(process, discussion),
        plan=letters.plan_invitations(discussion),
        written=written,
    ), (409 if request.method == "POST" and not written else 200)
