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

from dataclasses import dataclass
from datetime import UTC, datetime

from flask import render_template
from flask_login import current_user, login_required

from ..i18n import current_language
from ..models import Ballot, VotingMethod
from ..permissions import can
from ..web import conditional
from . import bp, charts, scoring, services
from .routes import load

#: The projector shows the themes ranked this high (ties at the edge stay whole).
PROJECTOR_TOP = 12
#: How often the projector script asks for changes, in milliseconds.
POLL_INTERVAL_MS = 5000


@dataclass(frozen=True)
class Visibility:
    """What this viewer sees of the ballot right now."""

    state: services.BallotState
    #: Voters may see the results (after the close, or live).
    public: bool
    #: This viewer sees them: public, or staff who may see them at any time.
    shown: bool


def visibility_of(ballot: Ballot, now: datetime) -> Visibility:
    public = services.results_visible(ballot, now)
    staff = can(current_user, "ballot.results_any_time", ballot.process)
    return Visibility(
        state=services.state(ballot, now), public=public, shown=public or staff
    )


def etag_of(ballot: Ballot, seen: Visibility) -> str:
    """Everything the projector's content depends on, read without any counting."""
    return "-".join(
        (
            f"b{ballot.id}",
            f"v{ballot.results_version}",
            seen.state.value,
            "public" if seen.public else "staff" if seen.shown else "hidden",
            current_language(),
        )
    )


def _context(process, ballot: Ballot, seen: Visibility, top: int | None = None):
    results = scoring.compute_results(ballot) if seen.shown else None
    return {
        "process": process,
        "ballot": ballot,
        "phase": ballot.phase,
        "seen": seen,
        "results": results,
        "chart": charts.build_chart(results, top=top) if results else None,
        "voters_text": charts.voters_text(ballot, results.voters) if results else "",
        "is_ranking": ballot.method is VotingMethod.RANKING,
    }


@bp.route("/<slug>/ballots/<int:ballot_id>/results")
@login_required
def results(slug: str, ballot_id: int):
    """The ranking with a bar chart and the same numbers in a table."""
    process, ballot = load(slug, ballot_id, "ballot.view")
    seen = visibility_of(ballot, datetime.now(UTC))
    context = _context(process, ballot, seen)
    if context["results"] is not None:
        context["scoring_explanation"] = charts.scoring_explanation(ballot)
        context["place_headings"] = charts.place_headings(ballot)
    return render_template("voting/results.html", **context)


@bp.route("/<slug>/ballots/<int:ballot_id>/projector")
@login_required
def projector(slug: str, ballot_id: int):
    """A full-screen page for the seminar screen that refreshes itself."""
    process, ballot = load(slug, ballot_id, "ballot.view")
    seen = visibility_of(ballot, datetime.now(UTC))
    tag = etag_of(ballot, seen)
    return conditional(
        tag,
        lambda: render_template(
            "voting/projector.html",
            etag=f'W/"{tag}"',
            poll_interval=POLL_INTERVAL_MS,
            **_context(process, ballot, seen, top=PROJECTOR_TOP),
        ),
    )


@bp.route("/<slug>/ballots/<int:ballot_id>/projector/live")
@login_required
def projector_fragment(slug: str, ballot_id: int):
    """The projector's changing part only, for its polling script."""
    process, ballot = load(slug, ballot_id, "ballot.view")
    seen = visibility_of(ballot, datetime.now(UTC))
    return conditional(
        etag_of(ballot, seen),
        lambda: render_template(
            "voting/_projector_live.html",
            **_context(process, ballot, seen, top=PROJECTOR_TOP),
        ),
    )
