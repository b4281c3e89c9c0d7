"""A ballot's page for voters: the themes, the rules in plain words and the vote form.

Members of the process's work groups vote (a group's vote, or their own, by the
ballot's voter unit); facilitators, observers and administrators without a group
read the same page without the form. The view validates CSRF in the form instead of
before the request, so a vote whose session expired comes back with its choice.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..comments import groups_of
from ..extensions import csrf, limiter
from ..forms import form_status
from ..limits import per_user_writes, user_key
from ..models import Ballot, Vote, VoterUnit, WorkGroup
from ..permissions import can, require
from ..requests import query_id
from ..web import load_in_process, save_or_field_error
from . import bp, queries, services
from .forms_vote import vote_form


def _group_and_vote(
    ballot: Ballot, groups: list[WorkGroup], wanted_id: int | None, *, vote=True
) -> tuple[WorkGroup | None, Vote | None]:
    """The group the voter acts for (the one asked for, else the first) and the
    unit's vote, found once (``vote=False``: a group's vote is not read, the group
    does not depend on it; the vote returned is then None).

    A participant's own vote stays with the group it was cast for, so the
    organisation behind it does not change when they change the vote.
    """
    if not groups:
        return None, None
    by_id = {group.id: group for group in groups}
    if ballot.voter_unit is VoterUnit.PARTICIPANT:
        found = services.vote_of(ballot, current_user, None)
        if found is not None and found.group_id in by_id:
            return by_id[found.group_id], found
        return by_id.get(wanted_id, groups[0]), found
    group = by_id.get(wanted_id, groups[0])
    return group, services.vote_of(ballot, current_user, group) if vote else None


def _ballot_url(ballot: Ballot, group: WorkGroup | None, groups: list) -> str:
    """The ballot page; with several groups, for the group just chosen."""
    several = len(groups) > 1 and ballot.voter_unit is VoterUnit.GROUP
    return url_for(
        "voting.ballot",
        slug=ballot.process.slug,
        ballot_id=ballot.id,
        group=group.id if several and group else None,
    )


def _page(process, ballot: Ballot, form, groups, group, vote, now: datetime):
    """Render the ballot page (422 when the form has errors)."""
    current = services.state(ballot, now)
    may_vote = (
        bool(groups)
        and can(current_user, "ballot.vote", process)
        and current is services.BallotState.OPEN
    )
    results_visible = services.results_visible(ballot, now)
    html = render_template(
        "voting/ballot.html",
        process=process,
        phase=ballot.phase,
        ballot=ballot,
        form=form,
        state=current.value,
        groups=groups,
        group=group,
        vote=vote,
        stored={entry.theme_id: entry.value for entry in vote.entries} if vote else {},
        may_vote=may_vote,
        # A refused vote keeps its form (and choice) even when voting has ended.
        show_form=may_vote or bool(groups and form.errors),
        choose_group=len(groups) > 1 and ballot.voter_unit is VoterUnit.GROUP,
        results_link=results_visible
        or can(current_user, "ballot.results_any_time", process),
        results_visible=results_visible,
    )
    return html, form_status(form)


@bp.route("/<slug>/ballots/<int:ballot_id>/", methods=["GET", "POST"])
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def ballot(slug: str, ballot_id: int):
    """The ballot: its rules in plain words, the themes and the unit's vote."""
    process, ballot = load_in_process(
        slug, "ballot.view", Ballot, ballot_id, options=queries.BALLOT_WITH_THEMES
    )
    now = datetime.now(UTC)
    groups = groups_of(current_user, process.id)
    if request.method == "POST":
        require(current_user, "ballot.vote", process)
        group, _vote = _group_and_vote(
            ballot, groups, request.form.get("group_id", type=int), vote=False
        )
        form = vote_form(ballot, groups=groups, group=group)
        if form.validate_on_submit():
            group = form.group
            saved = save_or_field_error(
                lambda: services.cast_vote(
                    ballot,
                    voter=current_user,
                    group=group,
                    choice=form.choice(),
                    now=now,
                ),
                form,
                lambda cast: (
                    _("Your vote has been saved.")
                    if cast[1]  # created
                    else _("Your vote has been changed.")
                ),
                _ballot_url(ballot, group, groups),
            )
            if saved is not None:
                return saved
        vote = services.vote_of(ballot, current_user, group) if group else None
        return _page(process, ballot, form, groups, group, vote, now)
    group, vote = _group_and_vote(ballot, groups, query_id("group"))
    form = vote_form(ballot, groups=groups, group=group, vote=vote)
    return _page(process, ballot, form, groups, group, vote, now)
