"""Quick votes of a workshop: opening, closing and deleting one (the facilitator),
and voting from a phone.

The phone's vote works without JavaScript: its form posts here and comes back to
the workshop's phone page (PRG); a refused vote is shown again with the choices
as they were sent (422).
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..extensions import limiter
from ..forms import ConfirmForm
from ..limits import per_user_writes, user_key
from ..models import LiveVote, Workshop
from ..permissions import can, require
from ..web import (
    apply_or_flash,
    confirm_then,
    get_in_process_or_404,
    save_or_field_error,
    save_or_show,
)
from . import bp, queries_live, queries_piles, services_votes
from .forms_votes import OpenVoteForm, cast_form
from .queries import load_workshop_by_id
from .queries_votes import dots_of, tally
from .urls import control_url, live_url

VOTES = "/<slug>/workshops/<int:workshop_id>/votes"
VOTE = f"{VOTES}/<int:vote_id>"


def _vote(slug: str, action: str, workshop_id: int, vote_id: int):
    """The process, workshop and one of its votes, once the action is allowed."""
    process, workshop = load_workshop_by_id(slug, action, workshop_id)
    vote = get_in_process_or_404(
        process, LiveVote, vote_id, lambda v: v.workshop_id == workshop.id
    )
    return process, workshop, vote


@bp.route(f"{VOTES}/new", methods=["GET", "POST"])
@login_required
def open_live_vote(slug: str, workshop_id: int):
    """Open a quick vote: a question with typed options, or notes of the wall."""
    process, workshop = load_workshop_by_id(slug, "live_vote.manage", workshop_id)
    notes = queries_live.wall_notes(workshop)
    chosen = [n.id for n in notes if n.prompt_id == workshop.current_prompt_id]
    form = OpenVoteForm(notes=notes, chosen=chosen)
    if request.method == "GET" and request.args.get("from") == "piles":
        # "Vote on the piles" of the piles page: their names as typed options.
        form.use_piles(queries_piles.wall_piles(process, workshop).piles)

    def save():
        common = {
            "question": form.question.data,
            "dots_per_person": form.dots_per_person.data,
            "actor": current_user,
            "now": datetime.now(UTC),
        }
        if form.from_notes:
            picked = [note for note in notes if note.id in set(form.note_ids.data)]
            return services_votes.open_vote_from_notes(workshop, notes=picked, **common)
        return services_votes.open_vote(
            workshop, options=form.typed_options(), **common
        )

    return save_or_show(
        form,
        save,
        form.field_of,
        _("The vote is open: phones can vote now."),
        control_url(workshop, "quick-vote"),
        lambda: render_template(
            "seminars/vote_open.html",
            process=process,
            workshop=workshop,
            phase=workshop.block.seminar.phase,
            form=form,
            has_notes=bool(notes),
        ),
    )


@bp.route(VOTE, methods=["GET", "POST"])
@login_required
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def live_vote(slug: str, workshop_id: int, vote_id: int):
    """The vote on a phone: its form while open, its result once closed."""
    process, workshop, vote = _vote(slug, "seminar.view", workshop_id, vote_id)
    form = cast_form(vote)
    if form.is_submitted():
        require(current_user, "live_vote.cast", process)
    if form.validate_on_submit():
        saved = save_or_field_error(
            lambda: services_votes.cast(
                vote, voter=current_user, dots=form.given(), now=datetime.now(UTC)
            ),
            form.field_of,
            _("Your vote has been saved. You can change it while the vote is open."),
            live_url(workshop, anchor="vote"),
        )
        if saved is not None:
            return saved
    elif not form.is_submitted():
        form.fill(dots_of(vote, current_user))
    page = render_template(
        "seminars/vote_phone.html",
        process=process,
        workshop=workshop,
        phase=workshop.block.seminar.phase,
        vote=vote,
        form=form,
        may_vote=can(current_user, "live_vote.cast", process),
        tally=None if vote.is_open else tally(vote),
    )
    return page, 422 if form.errors else 200


def _confirm(workshop: Workshop, vote: LiveVote, act, done: str, **context):
    """The confirmation page of closing or deleting, then the change (PRG)."""
    return confirm_then(
        "seminars/vote_confirm.html",
        act,
        done,
        control_url(workshop, "quick-vote"),
        workshop=workshop,
        phase=workshop.block.seminar.phase,
        vote=vote,
        tally=tally(vote),
        **context,
    )


@bp.route(f"{VOTE}/close", methods=["GET", "POST"])
@login_required
def close_live_vote(slug: str, workshop_id: int, vote_id: int):
    """Close the vote (after a confirmation): the result is kept for the memo."""
    process, workshop, vote = _vote(slug, "live_vote.manage", workshop_id, vote_id)
    if not vote.is_open:
        abort(404)
    return _confirm(
        workshop,
        vote,
        lambda: services_votes.close_vote(
            vote, actor=current_user, now=datetime.now(UTC)
        ),
        _(
            "The vote is closed. Its result stays on the projector and is included"
            " when the workshop memo is drafted."
        ),
        process=process,
        closing=True,
    )


@bp.route(f"{VOTE}/delete", methods=["GET", "POST"])
@login_required
def delete_live_vote(slug: str, workshop_id: int, vote_id: int):
    """Delete a vote and its ballots for good (after a confirmation)."""
    process, workshop, vote = _vote(slug, "live_vote.manage", workshop_id, vote_id)
    return _confirm(
        workshop,
        vote,
        lambda: services_votes.delete_vote(vote, actor=current_user),
        _("The vote has been deleted."),
        process=process,
        closing=False,
    )


@bp.route(f"{VOTE}/off-wall", methods=["POST"])
@login_required
def live_vote_off_wall(slug: str, workshop_id: int, vote_id: int):
    """Take a closed vote's result off the projector: the notes come back."""
    _process, workshop, vote = _vote(slug, "live_vote.manage", workshop_id, vote_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    apply_or_flash(
        lambda: services_votes.take_off_wall(vote, actor=current_user),
        _("The projector shows the notes again."),
    )
    return redirect(control_url(workshop, "quick-vote"))
