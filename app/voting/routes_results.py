"""Ballot results for everyone in the process, and a projector view for the seminar.

Voters see the results when ``services.results_visible`` says so (after the close,
or live if the facilitator chose that); facilitators, observers and admins see them
at any time, marked as interim while voting is open.

The projector polls a small fragment. Both carry an ETag built from what the page
depends on — the ballot's ``results_version`` (grows with every vote and set-up
change), its state, what this viewer may see and the language — so an unchanged
ballot answers 304 after one row read, without computing the results.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import render_template
from flask_login import current_user, login_required

from ..models import Ballot, VoterUnit
from ..permissions import can
from ..web import conditional, load_in_process, polled_page
from . import audit, bp, charts, queries
from .results_view import etag_of, results_context, visibility_of

#: The projector shows the themes ranked this high (ties at the edge stay whole).
PROJECTOR_TOP = 12
#: How often the projector script asks for changes, in milliseconds.
POLL_INTERVAL_MS = 5000


def _ballot_as_seen(slug: str, ballot_id: int, options: tuple):
    """The process, its ballot (with ``options`` loaded) and what the signed-in user
    may see of its results now."""
    process, ballot = load_in_process(
        slug, "ballot.view", Ballot, ballot_id, options=options
    )
    return process, ballot, visibility_of(ballot, current_user, datetime.now(UTC))


@bp.route("/<slug>/ballots/<int:ballot_id>/results")
@login_required
def results(slug: str, ballot_id: int):
    """The ranking with a bar chart and the same numbers in a table."""
    process, ballot, seen = _ballot_as_seen(slug, ballot_id, queries.BALLOT_WITH_THEMES)
    context = results_context(process, ballot, seen)
    if context["results"] is not None:
        context["scoring_explanation"] = charts.scoring_explanation(ballot)
        context["place_headings"] = charts.place_headings(ballot)
    # Issue 16: the team sees how many votes each group cast, so stuffing shows.
    if can(current_user, "ballot.turnout", process):
        context["group_voters"] = audit.voters_per_group(ballot)
        context["per_person"] = ballot.voter_unit is VoterUnit.PARTICIPANT
    return render_template("voting/results.html", **context)


@bp.route("/<slug>/ballots/<int:ballot_id>/projector")
@login_required
def projector(slug: str, ballot_id: int):
    """A full-screen page for the seminar screen that refreshes itself."""
    process, ballot, seen = _ballot_as_seen(slug, ballot_id, queries.BALLOT_WITH_PHASE)
    return polled_page(
        etag_of(ballot, seen),
        "voting/projector.html",
        POLL_INTERVAL_MS,
        lambda: results_context(process, ballot, seen, top=PROJECTOR_TOP),
    )


@bp.route("/<slug>/ballots/<int:ballot_id>/projector/live")
@login_required
def projector_fragment(slug: str, ballot_id: int):
    """The projector's changing part only, for its polling script."""
    process, ballot, seen = _ballot_as_seen(slug, ballot_id, queries.BALLOT_WITH_PHASE)
    return conditional(
        etag_of(ballot, seen),
        lambda: render_template(
            "voting/_projector_live.html",
            **results_context(process, ballot, seen, top=PROJECTOR_TOP),
        ),
    )
