"""Ballot results made ready for the templates: bar lengths and the numbers as text.

The bar chart is drawn with HTML and one small inline SVG per bar (its width is an
SVG attribute, allowed by the CSP, unlike a style attribute). Everything a bar shows
is also written out in text, so the bars themselves are hidden from screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import format_percent, ngettext
from flask_babel import gettext as _

from ..models import Ballot, VoterUnit, VotingMethod
from .scoring import BallotResults, ThemeResult

#: A score above zero still gets a visible sliver, so "some" never looks like "none".
MIN_WIDTH = 1.0


@dataclass
class Bar:
    row: ThemeResult
    #: Length relative to the top score, for the SVG ``width`` ("42.5%").
    width: str
    rank_text: str
    score_text: str
    share_text: str
    organisations_text: str


@dataclass
class Chart:
    results: BallotResults
    bars: list[Bar]
    score_heading: str
    #: How many themes the ballot has; more than ``len(bars)`` when cut to a top list.
    theme_count: int

    @property
    def cut(self) -> bool:
        return len(self.bars) < self.theme_count


def bar_width(score: int, top_score: int) -> str:
    """The bar's length in percent of the longest bar (the top score)."""
    if score <= 0 or top_score <= 0:
        return "0%"
    percent = max(MIN_WIDTH, round(score * 100 / top_score, 1))
    return f"{percent:g}%"


def rank_text(row: ThemeResult) -> str:
    """ "2" or "2 (tied)": a tie is said in words, not only shown by colour."""
    if row.tied:
        return _("%(rank)s (tied)", rank=row.rank)
    return str(row.rank)


def score_heading(method: VotingMethod) -> str:
    if method is VotingMethod.PICK:
        return _("Votes")
    if method is VotingMethod.POINTS:
        return _("Points")
    return _("Borda points")


def score_text(method: VotingMethod, score: int) -> str:
    if method is VotingMethod.PICK:
        return ngettext("%(num)d vote", "%(num)d votes", score)
    return ngettext("%(num)d point", "%(num)d points", score)


def share_text(share: float) -> str:
    """The share of voters as a percentage in the reader's locale ("40 %" in fi)."""
    return format_percent(share)


def organisations_text(count: int) -> str:
    return ngettext("%(num)d organisation", "%(num)d organisations", count)


def voters_text(ballot: Ballot, count: int) -> str:
    """ "12 work groups have voted" or "30 participants have voted"."""
    if ballot.voter_unit is VoterUnit.GROUP:
        return ngettext(
            "%(num)d work group has voted", "%(num)d work groups have voted", count
        )
    return ngettext(
        "%(num)d participant has voted", "%(num)d participants have voted", count
    )


def scoring_explanation(ballot: Ballot) -> str:
    """How a score came about, in plain words (shown above the chart)."""
    if ballot.method is VotingMethod.PICK:
        if ballot.voter_unit is VoterUnit.GROUP:
            return _("A theme's score is the number of work groups that chose it.")
        return _("A theme's score is the number of participants who chose it.")
    if ballot.method is VotingMethod.POINTS:
        return _("A theme's score is the sum of the points it was given.")
    places = ballot.max_choices
    return _(
        "Themes were ranked in order and scored by Borda count: with %(num)d "
        "places, a first place gives %(num)d points, the next one point less, "
        "and the last place 1 point.",
        num=places,
    )


def place_headings(ballot: Ballot) -> list[str]:
    """Column headings of the ranking table: "Place 1", "Place 2", ..."""
    return [_("Place %(num)d", num=place) for place in range(1, ballot.max_choices + 1)]


def build_chart(results: BallotResults, top: int | None = None) -> Chart:
    """The bars in rank order; ``top`` keeps the themes ranked at most ``top``
    (a tie at the edge is kept whole rather than cut in half)."""
    method = results.ballot.method
    rows = results.rows
    if top is not None:
        rows = [row for row in rows if row.rank <= top]
    top_score = results.top_score
    bars = [
        Bar(
            row=row,
            width=bar_width(row.score, top_score),
            rank_text=rank_text(row),
            score_text=score_text(method, row.score),
            share_text=share_text(row.share),
            organisations_text=organisations_text(row.organisations),
        )
        for row in rows
    ]
    return Chart(
        results=results,
        bars=bars,
        score_heading=score_heading(method),
        theme_count=len(results.rows),
    )
