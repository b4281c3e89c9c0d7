"""The participants' phone page of a workshop: follow the prompt, add notes and marks.

The page has several small forms (a note, an open-space topic, a mark per feeling-line
statement); the pressed button's name says which one was sent. Like the comment
thread, CSRF is checked by the form itself, so a form whose session expired comes
back with its text (422) instead of an error page.
"""

from __future__ import annotations

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
from flask_login import current_user, login_required

from ..comments import groups_of
from ..errors import DomainError
from ..extensions import csrf, db, limiter
from ..i18n import current_language
from ..limits import per_user_writes, user_key
from ..models import Process, Prompt, WorkGroup, Workshop, WorkshopMethod
from ..ordering import in_order
from ..permissions import can, require
from ..web import conditional, get_process_or_404
from . import bp, live, live_methods, live_queries
from .forms_live import MarkForm, NoteForm, TopicForm
from .methods import spec

#: Notes shown under the form: the newest, enough for a room's burst.
LATEST_NOTES = 50

#: How often the projector and phones ask for changes, in milliseconds.
POLL_INTERVAL_MS = 3000


def etag_of(workshop: Workshop, *parts: object) -> str:
    """What a live view depends on, read from the workshop row alone (and the viewer)."""
    return "-".join(
        [f"w{workshop.id}", f"v{workshop.live_version}", current_language()]
        + [str(part) for part in parts]
    )


def load_workshop(slug: str, workshop_id: int, action: str) -> tuple[Process, Workshop]:
    """The process and one of its workshops, after checking the action on the process."""
    process = get_process_or_404(slug)
    require(current_user, action, process)
    workshop = db.session.get(Workshop, workshop_id)
    if workshop is None or workshop.process.id != process.id:
        abort(404)
    return process, workshop


def _focus(
    workshop: Workshop, prompts: list[Prompt], groups: list[WorkGroup]
) -> Prompt | None:
    """The prompt the page is about: asked for, the group's station, current, first."""
    by_id = {prompt.id: prompt for prompt in prompts}
    asked = request.args.get("prompt", type=int)
    if asked in by_id:
        return by_id[asked]
    if workshop.method is WorkshopMethod.PROCESS_WALK and groups:
        placed = live_queries.rotation(workshop, live_queries.current_round(workshop))
        for group in groups:
            if group in placed:
                return placed[group]
    if workshop.current_prompt_id in by_id:
        return by_id[workshop.current_prompt_id]
    return prompts[0] if prompts else None


def live_url(
    workshop: Workshop, prompt_id: int | None = None, anchor: str | None = None
) -> str:
    return url_for(
        "seminars.live",
        slug=workshop.process.slug,
        workshop_id=workshop.id,
        prompt=prompt_id,
        _anchor=anchor,
    )


def _post_note(workshop, form: NoteForm, groups, now):
    if not form.validate_on_submit():
        return None
    group = next((g for g in groups if g.id == form.group_id.data), None)
    prompt = db.session.get(Prompt, form.prompt_id.data)
    if group is None or prompt is None or prompt.workshop_id != workshop.id:
        abort(400)
    try:
        note, created = live.add_note(
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
    db.session.commit()
    if created:
        flash(_("Your note has been added."), "success")
    return redirect(live_url(workshop, note.prompt_id, "notes"))


def _propose(workshop, form: TopicForm, now):
    if not form.validate_on_submit():
        return None
    try:
        topic = live_methods.propose_topic(
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
    try:
        live_methods.set_mark(prompt, user=current_user, value=form.value.data, now=now)
    except DomainError as error:
        db.session.rollback()
        form.value.errors.append(str(error))
        return None
    db.session.commit()
    flash(_("Your mark has been saved."), "success")
    return redirect(live_url(workshop, anchor=f"statement-{prompt.id}"))


@bp.route(
    "/<slug>/workshops/<int:workshop_id>/live", methods=["GET", "POST"], endpoint="live"
)
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def live_page(slug: str, workshop_id: int):
    """The workshop on a phone: the prompt, a note form and the latest notes."""
    process, workshop = load_workshop(slug, workshop_id, "seminar.view")
    tag = _phone_etag(workshop)
    if request.method == "GET" and request.args.get("part") == "live":
        return conditional(
            tag,
            lambda: render_template(
                "seminars/live_notes.html", **_notes_context(process, workshop)
            ),
        )
    now = datetime.now(UTC)
    context = _notes_context(process, workshop)
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
    if request.method == "POST":
        require(current_user, "workshop.choose", process)
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
            form.value.data = live_methods.mark_of(
                db.session.get(Prompt, prompt_id), current_user
            )
    may_post = bool(groups) and can(current_user, "workshop.choose", process)
    page = render_template(
        "seminars/live.html",
        phase=workshop.block.seminar.phase,
        may_post=may_post,
        capture_open=live.capture_open(workshop, now),
        note_form=note_form,
        topic_form=topic_form,
        mark_forms=mark_forms,
        counts=live_queries.note_counts(workshop),
        stations=_stations(workshop, groups),
        etag=f'W/"{tag}"',
        poll_interval=POLL_INTERVAL_MS,
        **context,
    )
    has_errors = (
        note_form.errors
        or topic_form.errors
        or any(f.errors for f in mark_forms.values())
    )
    return page, 422 if has_errors else 200


def _phone_etag(workshop: Workshop) -> str:
    """The wall's version, plus what makes this viewer's page theirs."""
    asked = request.args.get("prompt", type=int) or ""
    return etag_of(workshop, f"p{asked}", f"u{current_user.id}")


def _notes_context(process: Process, workshop: Workshop) -> dict:
    """The phone page's changing part: the current prompt, the chosen prompt's notes."""
    groups = groups_of(current_user, process.id)
    prompts = in_order(workshop.prompts)
    focus = _focus(workshop, prompts, groups)
    return {
        "process": process,
        "workshop": workshop,
        "method": spec(workshop.method),
        "groups": groups,
        "prompts": prompts,
        "focus": focus,
        "cards": live_queries.note_cards([focus.id], limit=LATEST_NOTES)
        if focus
        else [],
    }


def _stations(workshop: Workshop, groups: list[WorkGroup]) -> dict[int, Prompt]:
    """Process walk: the station of each of the viewer's groups this round."""
    if workshop.method is not WorkshopMethod.PROCESS_WALK:
        return {}
    placed = live_queries.rotation(workshop, live_queries.current_round(workshop))
    return {group.id: placed[group] for group in groups if group in placed}
