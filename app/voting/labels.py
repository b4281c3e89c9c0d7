"""A ballot's rules and state in plain words, for templates."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import ngettext

from ..models import Ballot, VotingMethod
from . import bp, services


def method_summary(ballot: Ballot) -> str:
    """The method and its limits in a few plain words: "Pick up to 3 themes"."""
    if ballot.method is VotingMethod.POINTS:
        return ngettext(
            "Points: %(num)d point in all, at most %(per)d per theme",
            "Points: %(num)d points in all, at most %(per)d per theme",
            ballot.total_points,
            per=ballot.max_points_per_theme,
        )
    if ballot.method is VotingMethod.RANKING:
        return ngettext(
            "Ranking: put up to %(num)d theme in order",
            "Ranking: put up to %(num)d themes in order",
            ballot.max_choices,
        )
    return ngettext(
        "Pick up to %(num)d theme", "Pick up to %(num)d themes", ballot.max_choices
    )


@bp.app_template_filter("ballot_method")
def ballot_method_filter(ballot: Ballot) -> str:
    """The method and its limits in plain words: {{ ballot | ballot_method }}."""
    return method_summary(ballot)


@bp.app_template_global("ballot_status")
def ballot_status(ballot: Ballot) -> str:
    """ "not_open", "open" or "closed" right now: {{ ballot_status(ballot) }}."""
    return services.state(ballot, datetime.now(UTC)).value
