"""Questions to the speakers, the facilitator's side: the moderation list, its
buttons (shortlist, answered, back to new, hide, restore: CSRF POSTs that come back
to the list) and deleting a question after a confirmation."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from flask import abort, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..forms import ConfirmForm
from ..models import QuestionState
from ..web import apply_or_flash, conditional, confirm_then
from . import bp, services_questions
from .queries import load_question, load_seminar, page_context
from .queries_questions import (
    all_questions,
    is_on,
    questions_etag,
    talk_sections,
    talks_of,
)
from .queries_wall import POLL_INTERVAL_MS
from .routes_questions import QUESTION, QUESTIONS
from .urls import questions_url


@bp.route(f"{QUESTIONS}/moderate")
@login_required
def moderate_questions(slug: str, phase_id: int):
    """Every question per talk, hidden ones too, with the facilitator's buttons; the
    list (``?part=live``) is answered 304 until a question, like or move changes it
    or a talk begins or ends."""
    process, seminar = load_seminar(slug, phase_id, "question.moderate")
    now = datetime.now(UTC)
    on_now = {t.id for t in talks_of(seminar) if is_on(t, seminar, now)}
    tag = questions_etag(seminar, None, "moderate", *sorted(on_now))

    def context() -> dict:
        return {
            **page_context(process, seminar),
            "sections": talk_sections(seminar, all_questions(seminar), empty=True),
            "on_now": on_now,
            "form": ConfirmForm(),
        }

    if request.args.get("part") == "live":
        return conditional(
            tag,
            lambda: render_template(
                "seminars/questions_moderate_list.html", **context()
            ),
        )
    return render_template(
        "seminars/questions_moderate.html",
        etag=f'W/"{tag}"',
        poll_interval=POLL_INTERVAL_MS,
        **context(),
    )


def _state(state: QuestionState, message: str):
    def act(question, now):
        services_questions.set_state(question, state, actor=current_user, now=now)
        return message

    return act


def _hide(question, now):
    services_questions.hide(question, actor=current_user, now=now)
    return _("The question has been hidden from the room.")


def _restore(question, now):
    services_questions.restore(question, actor=current_user, now=now)
    return _("The question is shown again.")


def _actions() -> dict:
    return {
        "shortlist": _state(
            QuestionState.SHORTLISTED,
            _("The question is on the shortlist and on the presenter's screen."),
        ),
        "answered": _state(QuestionState.ANSWERED, _("The question is answered.")),
        "new": _state(QuestionState.NEW, _("The question is back among the new ones.")),
        "hide": _hide,
        "restore": _restore,
    }


#: The moderation buttons' actions (the URL's last part).
ACTIONS = ("shortlist", "answered", "new", "hide", "restore")


@bp.route(f"{QUESTION}/moderate/<action>", methods=["POST"])
@login_required
def question_action(slug: str, phase_id: int, speaker_question_id: int, action: str):
    """One of the moderation list's buttons; back to the list with a message."""
    _process, seminar, question = load_question(
        slug, phase_id, speaker_question_id, "question.moderate"
    )
    if action not in ACTIONS:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    handler = _actions()[action]
    apply_or_flash(lambda: handler(question, datetime.now(UTC)), lambda m: m)
    return redirect(
        questions_url(seminar, None, f"question-{question.id}", "moderate_questions")
    )


@bp.route(f"{QUESTION}/delete", methods=["GET", "POST"])
@login_required
def delete_question(slug: str, phase_id: int, speaker_question_id: int):
    """Ask for confirmation, then delete a question and its likes for good."""
    process, seminar, question = load_question(
        slug, phase_id, speaker_question_id, "question.moderate"
    )
    return confirm_then(
        "seminars/question_delete.html",
        partial(services_questions.delete_question, question, actor=current_user),
        _("The question has been deleted."),
        questions_url(seminar, None, "questions", "moderate_questions"),
        **page_context(process, seminar),
        question=question,
    )
