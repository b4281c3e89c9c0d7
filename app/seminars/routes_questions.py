"""Questions to the speakers: the phone page (ask, like, one's own), the presenter
view of the shortlist, and the facilitator's moderation list.

Moderating them is routes_questions_moderate.py. The phone page follows the talk on now by the agenda's times (``?item=`` shows
another talk). Like the workshop's phone page, its question form checks CSRF itself,
so a form whose session expired comes back with its text (422) instead of an error
page. Likes work without JavaScript: each is a small form that posts and comes back
to the question (PRG). The phone list and the presenter view are answered 304 by
``Seminar.live_version`` and refreshed by static/js/live-poll.js.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from ..comments import groups_of
from ..errors import DomainError
from ..extensions import csrf, db, limiter
from ..limits import per_user_writes, user_key
from ..models import AgendaItem
from ..permissions import can, require
from ..requests import query_id
from ..web import (
    apply_or_flash,
    conditional,
    get_in_process_or_404,
    polled_page,
    save_or_field_error,
)
from . import bp, services_questions
from .forms_questions import AskForm, LikeForm
from .queries import load_question, load_seminar, page_context
from .queries_questions import (
    ORDERS,
    QUESTIONS_SHOWN,
    TALK_KINDS,
    current_talk,
    is_on,
    like_count,
    own_questions,
    questions_etag,
    room_questions,
    shortlist,
    talks_of,
)
from .queries_wall import POLL_INTERVAL_MS
from .urls import questions_url

QUESTIONS = "/<slug>/seminars/<int:phase_id>/questions"
QUESTION = f"{QUESTIONS}/<int:speaker_question_id>"


def _talk(process, seminar, now: datetime) -> AgendaItem | None:
    """The talk asked for (``?item=``, a talk of this seminar or 404), or the one on now."""
    asked = query_id("item")
    if asked is None:
        return current_talk(seminar, now)
    return get_in_process_or_404(
        process,
        AgendaItem,
        asked,
        lambda item: item.seminar_id == seminar.id and item.kind in TALK_KINDS,
    )


def _order() -> str:
    order = request.args.get("sort", ORDERS[0])
    return order if order in ORDERS else ORDERS[0]


def _sort_arg(order: str) -> str | None:
    """The ``sort`` argument of an address: none for the default order."""
    return order if order != ORDERS[0] else None


def _shows_all() -> bool:
    """``?all=1``: every question of the room, not only the first ones."""
    return request.args.get("all") == "1"


def _list_args(order: str) -> dict:
    """The arguments that keep the reader's list (its order, all or the first) in
    the addresses the list's forms and refreshes go to."""
    return {"sort": _sort_arg(order), "all": "1" if _shows_all() else None}


def _list_context(process, seminar, talk, order: str, state) -> dict:
    """The phone page's changing part: the room's questions and one's own."""
    shown = None if _shows_all() else QUESTIONS_SHOWN
    room = room_questions(seminar, talk, current_user, order, shown)
    return {
        **page_context(process, seminar),
        "talk": talk,
        "order": order,
        "list_args": _list_args(order),
        "state": state,
        "rows": room.rows,
        "not_shown": room.not_shown,
        "shown_first": QUESTIONS_SHOWN,
        "mine": own_questions(seminar, talk, current_user),
        "may_like": state == "open" and can(current_user, "question.like", process),
        "like_form": LikeForm(formdata=None),
    }


@bp.route(QUESTIONS, methods=["GET", "POST"], endpoint="questions")
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def questions_page(slug: str, phase_id: int):
    """Ask the speaker: the talk on now, a question form, the room's questions."""
    process, seminar = load_seminar(slug, phase_id, "seminar.view")
    now = datetime.now(UTC)
    talk = _talk(process, seminar, now)
    order = _order()
    state = services_questions.questions_state(seminar, now)
    tag = questions_etag(
        seminar, talk, f"u{current_user.id}", order, state, int(_shows_all())
    )
    if request.method == "GET" and request.args.get("part") == "live":
        return conditional(
            tag,
            lambda: render_template(
                "seminars/questions_list.html",
                **_list_context(process, seminar, talk, order, state),
            ),
        )
    groups = groups_of(current_user, process.id)
    form = AskForm(
        groups=groups, **({} if request.method == "POST" else {"formdata": None})
    )
    if request.method == "POST":
        require(current_user, "question.ask", process)
        if form.validate_on_submit():
            saved = save_or_field_error(
                lambda: services_questions.ask(
                    seminar,
                    talk=talk,
                    author=current_user,
                    group=next(g for g in groups if g.id == form.group_id.data),
                    body=form.body.data,
                    now=now,
                    submission_key=form.submission_key.data,
                ),
                form.body,
                _("Your question has been sent. It is shown with your group's name."),
                questions_url(seminar, talk and talk.id, "mine", sort=_sort_arg(order)),
            )
            if saved is not None:
                return saved
    talks = talks_of(seminar)
    page = render_template(
        "seminars/questions.html",
        form=form,
        groups=groups,
        talks=talks,
        on_now={t.id for t in talks if is_on(t, seminar, now)},
        may_ask=bool(groups) and can(current_user, "question.ask", process),
        etag=f'W/"{tag}"',
        poll_interval=POLL_INTERVAL_MS,
        **_list_context(process, seminar, talk, order, state),
    )
    return page, 422 if form.errors else 200


@bp.route(f"{QUESTION}/like", methods=["POST"])
@login_required
@limiter.limit(per_user_writes, key_func=user_key)
def like_question(slug: str, phase_id: int, speaker_question_id: int):
    """Like a question, or take the like back; back to the question (PRG)."""
    _process, seminar, question = load_question(
        slug, phase_id, speaker_question_id, "question.like"
    )
    form = LikeForm()
    if not form.validate_on_submit():
        abort(400)
    liking = form.liked.data == "1"
    act = services_questions.like if liking else services_questions.unlike
    done = _("You like this question.") if liking else _("Your like was taken back.")
    if request.accept_mimetypes.best == "application/json":
        # static/js/questions.js: the button and the count change in place.
        return _liked_json(question, liking, act, done)
    # The address first: after the commit it would read the question again.
    back = questions_url(
        seminar,
        question.agenda_item_id,
        f"question-{question.id}",
        sort=request.args.get("sort"),
        all=request.args.get("all") if _shows_all() else None,
    )
    apply_or_flash(
        lambda: act(question, user=current_user, now=datetime.now(UTC)), done
    )
    return redirect(back)


def _liked_json(question, liking: bool, act, done: str):
    """The like as JSON: the reader's state, the count in words and what to announce
    (a refusal: 422 with its reason)."""
    try:
        act(question, user=current_user, now=datetime.now(UTC))
    except DomainError as error:
        db.session.rollback()
        return {"message": str(error)}, 422
    db.session.commit()
    likes = like_count(question)
    return {
        "liked": liking,
        "likes": likes,
        "likes_text": ngettext("%(num)d like", "%(num)d likes", likes),
        "message": done,
    }


# The presenter view -----------------------------------------------------------------


def _presenter(slug: str, phase_id: int, template: str, **context):
    process, seminar = load_seminar(slug, phase_id, "seminar.view")
    talk = _talk(process, seminar, datetime.now(UTC))
    return polled_page(
        questions_etag(seminar, talk),
        template,
        POLL_INTERVAL_MS,
        lambda: (
            page_context(process, seminar)
            | {"talk": talk, "rows": shortlist(seminar, talk)}
            | context
        ),
    )


@bp.route(f"{QUESTIONS}/presenter")
@login_required
def question_presenter(slug: str, phase_id: int):
    """The shortlist for the stage's screen, most liked first; refreshes itself."""
    return _presenter(slug, phase_id, "seminars/questions_presenter.html")


@bp.route(f"{QUESTIONS}/presenter/live")
@login_required
def question_presenter_fragment(slug: str, phase_id: int):
    """The presenter view's list only, for its polling script."""
    return _presenter(slug, phase_id, "seminars/questions_presenter_live.html")
