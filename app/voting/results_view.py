"""What a viewer sees of a ballot's results, and the projector's version tag."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from ..i18n import current_language
from ..models import Ballot, VotingMethod
from ..permissions import can
from . import charts, scoring, services


@dataclass(frozen=True)
class Visibility:
    """What this viewer sees of the ballot right now."""

    state: services.BallotState
    #: Voters may see the results (after the close, or live).
    public: bool
    #: This viewer sees them: public, or staff who may see them at any time.
    shown: bool


def visibility_of(ballot: Ballot, user, now: datetime) -> Visibility:
    """What the user sees now: staff may see the results at any time."""
    public = services.results_visible(ballot, now)
    staff = can(user, "ballot.results_any_time", ballot.process)
    return Visibility(
        state=services.state(ballot, now), public=public, shown=public or staff
    )


def _setup_digest(ballot: Ballot) -> str:
    """What a viewer without the results sees of the ballot: its title and times."""
    shown = [
        ballot.title,
        ballot.process.language,
        ballot.opens_at.isoformat() if ballot.opens_at else None,
        ballot.closes_at.isoformat() if ballot.closes_at else None,
    ]
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def etag_of(ballot: Ballot, seen: Visibility) -> str:
    """Everything the projector's content depends on, read without any counting.

    While this viewer may not see the results, the tag is built from what the page
    shows them (title, times, state, language) and never from ``results_version``,
    which grows with every vote: a participant watching the projector or polling it
    must not learn that votes are arriving (issue 16).
    """
    version = (
        f"v{ballot.results_version}" if seen.shown else f"s{_setup_digest(ballot)}"
    )
    return "-".join(
        (
            f"b{ballot.id}",
            version,
            seen.state.value,
            "public" if seen.public else "staff" if seen.shown else "hidden",
            current_language(),
        )
    )


def results_context(
    process, ballot: Ballot, seen: Visibility, top: int | None = None
) -> dict:
    """What the results page and the projector show of the ballot."""
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
