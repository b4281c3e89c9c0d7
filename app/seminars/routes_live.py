"""The participants' phone page of a workshop: follow the prompt, add notes and marks.

The page has several small forms (a note, an open-space topic, a mark per feeling-line
statement); the pressed button's name says which one was sent. Like the comment
thread, CSRF is checked by the form itself, so a form whose session expired comes
back with its text (422) instead of an error page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import csrf, db, limiter
from ..limits import per_user_writes, user_key
from ..models import Prompt, WorkshopMethod
from ..permissions import can, require
from ..requests import query_id
from ..web import conditional, save_or_field_error
from . import bp, queries_live, queries_votes, services_live, services_methods
from .forms_live import MarkForm, NoteForm, TopicForm
from .forms_votes import cast_form
from .queries import load_workshop_by_id
from .queries_wall import (
    POLL_INTERVAL_MS,
    etag_of,
    latest_cards,
    phone_context,
    stations,
)
from .urls import live_url


def _post_note(workshop, form: NoteForm, groups, now):
    if not form.validate_on_submit():
        return None
    group = next((g for g in groups if g.id == form.group_id.data), None)
    prompt = db.session.get(Prompt, form.prompt_id.data)
    if group is None or prompt is None or prompt.workshop_id != workshop.id:
        abort(400)
    try:
        note, created = services_live.add_note(
            prompt,
            author=current_user,
            group=group,
            body=form.body.data,
            now=now,
            submission_key=form.submission_key.data,
        )
    except DomainError as error:
        db.session.rollback()
        form.body.errors.append(str(error))
        return None
    # The address before the commit: after it, reading the note and the workshop
    # again would begin a second transaction (on SQLite, the write lock again).
    url = live_url(workshop, note.prompt_id, "notes")
    db.session.commit()
    if created:
        flash(_("Your note has been added."), "success")
    return redirect(url)


def _propose(workshop, form: TopicForm, now):
    if not form.validate_on_submit():
        return None
    try:
        topic = services_methods.propose_topic(
            workshop, author=current_user, question=form.question.data, now=now
        )
    except DomainError as error:
        db.session.rollback()
        form.question.errors.append(str(error))
        return None
    db.session.commit()
    flash(_("Your topic has been added."), "success")
    return redirect(live_url(workshop, topic.id))


def _mark(workshop, prompt: Prompt, form: MarkForm, now):
    if not form.validate_on_submit():
        return None
    return save_or_field_error(
        lambda: services_methods.set_mark(
            prompt, user=current_user, value=form.value.data, now=now
        ),
        form.value,
        _("Your mark has been saved."),
        live_url(workshop, anchor=f"statement-{prompt.id}"),
    )


def _new_vote(workshop, shown_vote: int | None):
    """The open vote, unless the page already shows it at its top."""
    vote = queries_votes.open_vote(workshop)
    return vote if vote is not None and vote.id != shown_vote else None


@bp.route(
    "/<slug>/workshops/<int:workshop_id>/live", methods=["GET", "POST"], endpoint="live"
)
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def live_page(slug: str, workshop_id: int):
    """The workshop on a phone: the prompt, a note form and the latest notes."""
    process, workshop = load_workshop_by_id(slug, "seminar.view", workshop_id)
    asked = query_id("prompt")
    now = datetime.now(UTC)
    state = services_live.capture_state(workshop, now)
    # The wall's version, plus what makes this viewer's page theirs, and whether the
    # room is before, in or after its hours (the page says which).
    # The vote the page showed when loaded: its fragment points to a newer one.
    shown_vote = query_id("vote")
    tag = etag_of(
        workshop, f"p{asked or ''}", f"u{current_user.id}", state, f"q{shown_vote}"
    )
    if request.method == "GET" and request.args.get("part") == "live":
        return conditional(
            tag,
            lambda: render_template(
                "seminars/live_notes.html",
                state=state,
                new_vote=_new_vote(workshop, shown_vote),
                **phone_context(process, workshop, current_user, asked),
            ),
        )
    context = phone_context(process, workshop, current_user, asked, with_cards=False)
    groups, prompts, focus = context["groups"], context["prompts"], context["focus"]
    posted = request.form if request.method == "POST" else {}
    feeling = workshop.method is WorkshopMethod.FEELING_LINE

    def bound(name: str) -> dict:
        # Only the form whose button was pressed reads the request; the others stay
        # as they were, so one form's errors never show up in another.
        return {} if f"{name}-submit" in posted else {"formdata": None}

    note_form = NoteForm(groups=groups, prompts=prompts, focus=focus, **bound("note"))
    topic_form = TopicForm(prefix="topic", **bound("topic"))
    mark_forms = {
        p.id: MarkForm(prefix=f"mark{p.id}", **bound(f"mark{p.id}"))
        for p in (prompts if feeling else [])
    }
    # A feeling line's phones place marks; every other method's post notes (topics).
    action = "note.mark" if feeling else "note.post"
    if request.method == "POST":
        require(current_user, action, process)
        response = None
        if "note-submit" in posted and not feeling:
            response = _post_note(workshop, note_form, groups, now)
        elif "topic-submit" in posted:
            response = _propose(workshop, topic_form, now)
        else:
            chosen = [p for p in prompts if f"mark{p.id}-submit" in posted]
            if not chosen or not feeling:
                abort(400)
            response = _mark(workshop, chosen[0], mark_forms[chosen[0].id], now)
        if response is not None:
            return response
    for prompt_id, form in mark_forms.items():
        if form.value.data is None and not form.errors:
            form.value.data = services_methods.mark_of(
                db.session.get(Prompt, prompt_id), current_user
            )
    may_post = bool(groups) and can(current_user, action, process)
    opens, closes = services_live.capture_window(workshop)
    vote = queries_votes.open_vote(workshop)
    vote_form = None
    if vote is not None and can(current_user, "live_vote.cast", process):
        vote_form = cast_form(vote, formdata=None)
        vote_form.fill(queries_votes.dots_of(vote, current_user))
    page = render_template(
        "seminars/live.html",
        phase=workshop.block.seminar.phase,
        may_post=may_post,
        state=state,
        opens=opens,
        closes=closes,
        note_form=note_form,
        topic_form=topic_form,
        mark_forms=mark_forms,
        counts=queries_live.note_counts(workshop),
        stations=stations(workshop, groups),
        vote=vote,
        vote_form=vote_form,
        etag=f'W/"{tag}"',
        poll_interval=POLL_INTERVAL_MS,
        cards=latest_cards(focus),
        **context,
    )
    has_errors = (
        note_form.errors
        or topic_form.errors
        or any(f.errors for f in mark_forms.values())
    )
    return page, 422 if has_errors else 200
