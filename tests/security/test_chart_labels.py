"""Chart labels are people's text: a theme title, a unit or a subgroup with dollar
signs (matplotlib's mathtext) must neither break a chart nor make it slow. Each chart
is drawn with adversarial labels of the field's maximum length and must take under
100 ms more than with plain labels of the same length."""

from __future__ import annotations

import copy
import time

import pytest

from app.exports.chart import vote_chart_png
from app.exports.summary import BallotRow, BallotSummary
from app.monitoring.charts import trend_png
from app.monitoring.report import build_report
from app.monitoring.targets import SUBGROUP_MAX
from tests.monitoring import dashboard_fixtures
from tests.monitoring.test_report import NOW

dashboard_world = dashboard_fixtures.dashboard_world

#: A theme's title (processes/forms_themes.py), an indicator's unit (monitoring).
TITLE_MAX = 200
UNIT_MAX = 40
#: The seed has 13 themes; a ballot may list them all.
THEMES = 13
EXTRA_SECONDS = 0.1

#: Mathtext that is an error (odd dollars, unknown commands, unbalanced braces) or
#: costly to lay out (deep nesting, fractions, roots, long formulas).
SEEDS = [
    "$5 $ budjetti $x$",
    "$",
    "$$",
    "$\\frac{1}{2}$",
    "$\\sqrt{\\sqrt{\\sqrt{\\sqrt{x}}}}$",
    "${{{{{{{{{{",
    "$x^{y^{z^{w^{v^{u}}}}}}$",
    "$\\undefinedcommand$",
    "$\\left(\\left(\\left(\\right.$",
    "$a_{b_{c_{d_{e}}}}$",
    "\\$\\\\$",
    "$\\mathrm{" + "x" * 20 + "}$",
]


#: One label of every kind at once, and the issue's example, for the timings.
TIMED = ["".join(SEEDS), "$5 $ budjetti $x$ "]


def _fill(seed: str, length: int) -> str:
    return (seed * (length // len(seed) + 1))[:length]


def _ballot(titles: list[str]) -> BallotSummary:
    rows = [
        BallotRow(
            theme_id=n,
            title=title,
            rank=n + 1,
            tied=n % 3 == 0,
            score=THEMES - n,
            share=(THEMES - n) / THEMES,
            organisations=3,
        )
        for n, title in enumerate(titles)
    ]
    return BallotSummary(
        ballot_id=1, title=titles[0], method="pick", voters=9, rows=rows
    )


def _vote_chart(titles: list[str]) -> bytes:
    return vote_chart_png(_ballot(titles), tied_text="$tied$", score_label="$Votes")


def _extra(draw, plain, hostile) -> float:
    """How much more CPU time ``draw(hostile)`` takes than ``draw(plain)``: the
    fastest of interleaved rounds, in this process's CPU time, so that other work on a
    shared machine (parallel test workers included) counts least."""
    draw(plain)  # warm the font cache
    plain_times, hostile_times = [], []
    for _ in range(4):
        for argument, times in ((plain, plain_times), (hostile, hostile_times)):
            started = time.process_time()
            draw(argument)
            times.append(time.process_time() - started)
    return min(hostile_times) - min(plain_times)


@pytest.mark.parametrize("seed", SEEDS)
def test_vote_chart_draws_dollar_titles(seed):
    """A title with dollar signs is drawn as text: the chart is a PNG."""
    png = _vote_chart([_fill(seed, TITLE_MAX)] + [seed] * (THEMES - 1))
    assert png.startswith(b"\x89PNG")


@pytest.mark.timing
def test_vote_chart_cost_of_adversarial_titles():
    """Thirteen adversarial titles of the maximum length cost under 100 ms extra."""
    plain = [_fill("Hyvinvointi ja osallisuus ", TITLE_MAX)] * THEMES
    for seed in TIMED:
        hostile = [_fill(seed, TITLE_MAX)] * THEMES
        extra = _extra(_vote_chart, plain, hostile)
        assert extra < EXTRA_SECONDS, (seed, extra)


def _statuses(report):
    return [
        status
        for goal in report.dashboard.goals
        for status in goal.indicators
        if status.has_values
    ]


def _hostile_status(status, seed: str):
    status = copy.deepcopy(status)
    status.unit = _fill(seed, UNIT_MAX)
    for series in status.series:
        series.subgroup = _fill(seed, SUBGROUP_MAX)
    return status


def test_trend_chart_draws_dollar_units_and_subgroups(dashboard_world):
    """Units and subgroups with dollar signs are drawn as text, without much cost."""
    report = build_report(
        dashboard_world.process, period="2025-2026", language="en", now=NOW
    )
    statuses = _statuses(report)
    assert statuses
    for seed in SEEDS:
        for status in statuses:
            assert trend_png(_hostile_status(status, seed)).startswith(b"\x89PNG")
    plain = _hostile_status(statuses[0], "kuraattorit ja psykologit ")
    for seed in TIMED:
        extra = _extra(trend_png, plain, _hostile_status(statuses[0], seed))
        assert extra < EXTRA_SECONDS, (seed, extra)
