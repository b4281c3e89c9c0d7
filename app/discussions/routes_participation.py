"""The participation overview of a discussion, and reminders to groups missing answers."""

from datetime import UTC, datetime

from flask import flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import login_required

from ..forms import ConfirmForm
from ..web import apply_or_refusal, send_queued_letters
from . import bp, services
from . import queries_participation as participation
from . import services_reminders as reminders
from .queries import load_discussion, page_context

#: The filter's values: every group, or only those still missing an answer.
SHOW_ALL = "all"
SHOW_MISSING = "missing"


# Named "participation" by endpoint; the function's name keeps the module in scope.
@bp.route("/<slug>/discussions/<int:phase_id>/participation", endpoint="participation")
@login_required
def participation_overview(slug: str, phase_id: int):
    """Per work group and question: answered or not, comments and last activity."""
    process, discussion = load_discussion(slug, phase_id, "discussion.participation")
    overview = participation.build_overview(discussion)
    show = SHOW_MISSING if request.args.get("show") == SHOW_MISSING else SHOW_ALL
    rows = overview.missing_rows() if show == SHOW_MISSING else overview.rows
    return render_template(
        "discussions/participation.html",
        **page_context(process, discussion),
        overview=overview,
        rows=rows,
        show=show,
        state=services.state(discussion, datetime.now(UTC)).value,
    )


def _summary(result: reminders.ReminderResult) -> str:
    parts = [
        ngettext(
            "%(num)d reminder sent.",
            "%(num)d reminders sent.",
            result.queued,
        )
    ]
    if result.already_today:
        parts.append(
            ngettext(
                "%(num)d group had already been reminded today.",
                "%(num)d groups had already been reminded today.",
                result.already_today,
            )
        )
    if result.skipped_without_contact:
        parts.append(
            ngettext(
                "%(num)d group has no contact email and was skipped.",
                "%(num)d groups have no contact email and were skipped.",
                result.skipped_without_contact,
            )
        )
    return " ".join(parts)


@bp.route(
    "/<slug>/discussions/<int:phase_id>/participation/remind",
    methods=["GET", "POST"],
)
@login_required
def send_reminders(slug: str, phase_id: int):
    """List who gets a reminder and who is skipped; POST queues and sends them."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    now = datetime.now(UTC)
    overview_url = url_for("discussions.participation", slug=slug, phase_id=phase_id)
    form = ConfirmForm()
    refusal = None
    if services.state(discussion, now) is not services.DiscussionState.OPEN:
        refusal = str(reminders.DiscussionNotOpen())
    elif form.validate_on_submit():
        result, error = apply_or_refusal(
            lambda: reminders.queue_reminders(discussion, now=now)
        )
        if error is not None:  # the discussion closed between the checks
            refusal = str(error)
        else:
            flash(_summary(result), "success")
            # Sent after the commit: a failed letter stays queued for a retry.
            send_queued_letters(now)
            return redirect(overview_url)
    plan = reminders.reminder_plan(discussion, now)
    page = render_template(
        "discussions/participation_remind.html",
        form=form,
        **page_context(process, discussion),
        plan=plan,
        refusal=refusal,
        overview_url=overview_url,
    )
    return page, 409 if refusal and request.method == "POST" else 200
