"""What the dashboard's pages share: the team's (``routes_dashboard``) and the public
one (``public``): the period the query asks for, and the page's data with its trend
charts and the periods to choose from."""

from __future__ import annotations

from flask import abort, request

from ..models import Process
from .charts import build_trend_chart
from .dashboard_build import build_dashboard
from .periods import period_kind_of, period_sort_key


def period_arg() -> str | None:
    """The ``period`` of the query; a malformed one is a 404 (no such page)."""
    period = request.args.get("period", "").strip()
    if not period:
        return None
    if period_kind_of(period) is None:
        abort(404)
    return period


def dashboard_context(process: Process, *, team: bool) -> dict:
    """The dashboard of the query's period (``data``), an SVG trend chart of each
    indicator with values (``charts``) and the periods to choose from, newest first
    (``periods``: those with values, and the one shown)."""
    data = build_dashboard(process, period=period_arg(), team=team)
    charts = {
        status.indicator_id: build_trend_chart(status, f"chart-{status.indicator_id}")
        for goal in data.goals
        for status in goal.indicators
        if status.has_values
    }
    periods = list(data.periods)
    if data.period and data.period not in periods:
        periods.append(data.period)
    return {
        "data": data,
        "charts": charts,
        "periods": sorted(periods, key=period_sort_key, reverse=True),
    }
