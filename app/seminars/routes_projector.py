"""The workshop's projector view, its polled fragment, and the facilitator's control page.

The projector and its fragment carry an ETag made of the workshop id, its
``live_version`` (grows with every note, move, merge, hide and prompt change) and
the language: an unchanged wall answers 304 after reading one row, without touching
the notes. The control page moves the session on and tidies the notes; each of its
buttons posts to ``control_action`` and comes back (PRG).

Process walk rounds: the round is where the current prompt stands in the order, so
"Next station" moves every group on at once and the rotation table follows it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..coding.discovery import MIN_COMMENTS
from ..errors import DomainError
from ..models import Comment, Prompt, Workshop, WorkshopMethod
from ..ordering import in_order
from ..web import apply_or_flash, conditional, get_in_process_or_404, polled_page
from . import bp, queries_live, queries_piles, services_live, services_methods
from .forms_live import ControlForm
from .joining import join_context
from .labels import SCALE_LABELS
from .methods import spec
from .queries import in_workshop, load_workshop_by_id
from .queries_votes import tally, votes_of
from .queries_wall import POLL_INTERVAL_MS, current_of, etag_of, walk, wall_context
from .urls import control_url


@bp.route("/<slug>/workshops/<int:workshop_id>/projector")
@login_required
def projector(slug: str, workshop_id: int):
    """A full-screen page for the room's screen that refreshes itself."""
    process, workshop = load_workshop_by_id(slug, "seminar.view", workshop_id)
    return polled_page(
        etag_of(workshop),
        "seminars/projector.html",
        POLL_INTERVAL_MS,
        lambda: join_context(workshop) | wall_context(process, workshop),
    )


@bp.route("/<slug>/workshops/<int:workshop_id>/projector/live")
@login_required
def projector_fragment(slug: str, workshop_id: int):
    """The projector's changing part only, for its polling script."""
    process, workshop = load_workshop_by_id(slug, "seminar.view", workshop_id)
    return conditional(
        etag_of(workshop),
        lambda: render_template(
            "seminars/projector_live.html", **wall_context(process, workshop)
        ),
    )


# Control page ------------------------------------------------------------------


@bp.route("/<slug>/workshops/<int:workshop_id>/control")
@login_required
def control(slug: str, workshop_id: int):
    """The facilitator's desk: move the session on, tidy and moderate the notes.

    ``?part=live`` is the notes alone, for the page's polling script (304 while the
    wall has not changed)."""
    process, workshop = load_workshop_by_id(slug, "seminar.manage", workshop_id)
    tag = etag_of(workshop, "control")
    if request.args.get("part") == "live":
        return conditional(
            tag,
            lambda: render_template(
                "seminars/_control_notes.html", **_control_notes(process, workshop)
            ),
        )
    notes = _control_notes(process, workshop)
    prompts = notes["prompts"]
    return render_template(
        "seminars/control.html",
        phase=workshop.block.seminar.phase,
        current=current_of(workshop, prompts),
        walk=walk(workshop) if workshop.method is WorkshopMethod.PROCESS_WALK else None,
        votes=[tally(vote) for vote in votes_of(workshop)],
        etag=f'W/"{tag}"',
        poll_interval=POLL_INTERVAL_MS,
        **notes,
    )


def _control_notes(process, workshop: Workshop) -> dict:
    """What the control page's notes show: every note of every prompt, with the
    notes another may be merged into."""
    prompts = in_order(workshop.prompts)
    notes = queries_live.all_notes(workshop)
    return {
        "process": process,
        "workshop": workshop,
        "method": spec(workshop.method),
        "prompts": prompts,
        "notes": notes,
        "targets": [
            note
            for prompt in prompts
            for note in notes.get(prompt.id, [])
            if note.merged_into_id is None and not note.is_hidden
        ],
        "distribution": queries_live.distribution,
        "scale_labels": SCALE_LABELS,
    }


@bp.route("/<slug>/workshops/<int:workshop_id>/piles")
@login_required
def piles(slug: str, workshop_id: int):
    """The wall's notes gathered into piles by what they mean (only proposed)."""
    process, workshop = load_workshop_by_id(slug, "seminar.manage", workshop_id)
    return render_template(
        "seminars/piles.html",
        process=process,
        workshop=workshop,
        phase=workshop.block.seminar.phase,
        wall=queries_piles.wall_piles(process, workshop),
        shown_per_pile=queries_piles.SHOWN_PER_PILE,
        min_notes=MIN_COMMENTS,
    )


def _of_workshop(workshop: Workshop, model: type, obj_id: int | None):
    """The note or prompt of this workshop a button names, or 404."""
    if not obj_id:
        abort(404)
    return get_in_process_or_404(workshop.process, model, obj_id, in_workshop(workshop))


def _note(workshop: Workshop, note_id: int | None) -> Comment:
    return _of_workshop(workshop, Comment, note_id)


def _prompt(workshop: Workshop, prompt_id: int | None) -> Prompt:
    return _of_workshop(workshop, Prompt, prompt_id)


def _set_current(workshop, form, now):
    prompt = _prompt(workshop, form.prompt_id.data) if form.prompt_id.data else None
    services_live.set_current_prompt(workshop, prompt, actor=current_user)
    return (
        _("The room now follows the chosen prompt.")
        if prompt
        else _("No prompt is shown now.")
    )


def _next(workshop, form, now):
    if services_live.next_prompt(workshop, actor=current_user) is None:
        raise DomainError(_("This is already the last prompt."))
    return _("Moved on to the next prompt.")


def _previous(workshop, form, now):
    if services_live.previous_prompt(workshop, actor=current_user) is None:
        raise DomainError(_("This is already the first prompt."))
    return _("Moved back to the previous prompt.")


def _move(workshop, form, now):
    note = _note(workshop, form.note_id.data)
    services_live.move_note(
        note, _prompt(workshop, form.prompt_id.data), actor=current_user, now=now
    )
    return _("The note has been moved.")


def _merge(workshop, form, now):
    note = _note(workshop, form.note_id.data)
    services_live.merge_notes(
        note, _note(workshop, form.into_id.data), actor=current_user, now=now
    )
    return _("The note has been merged.")


def _unmerge(workshop, form, now):
    services_live.unmerge_note(
        _note(workshop, form.note_id.data), actor=current_user, now=now
    )
    return _("The note is shown on its own again.")


def _hide(workshop, form, now):
    note = _note(workshop, form.note_id.data)
    services_live.hide_note(note, actor=current_user, reason=form.reason.data, now=now)
    return _("The note has been hidden.")


def _restore(workshop, form, now):
    note = _note(workshop, form.note_id.data)
    services_live.restore_note(
        note, actor=current_user, reason=form.reason.data or "", now=now
    )
    return _("The note is shown again.")


def _delete_topic(workshop, form, now):
    services_methods.delete_topic(
        _prompt(workshop, form.prompt_id.data), actor=current_user
    )
    return _("The topic has been removed.")


ACTIONS = {
    "current": _set_current,
    "next": _next,
    "previous": _previous,
    "move": _move,
    "merge": _merge,
    "unmerge": _unmerge,
    "hide": _hide,
    "restore": _restore,
    "delete-topic": _delete_topic,
}


@bp.route("/<slug>/workshops/<int:workshop_id>/control/<action>", methods=["POST"])
@login_required
def control_action(slug: str, workshop_id: int, action: str):
    """One of the control page's buttons; back to the page with a message."""
    _process, workshop = load_workshop_by_id(slug, "seminar.manage", workshop_id)
    handler = ACTIONS.get(action)
    if handler is None:
        abort(404)
    form = ControlForm()
    if not form.validate_on_submit():
        abort(400)
    apply_or_flash(
        lambda: handler(workshop, form, datetime.now(UTC)), lambda message: message
    )
    anchor = f"note-{form.note_id.data}" if form.note_id.data else None
    return redirect(control_url(workshop, anchor))
