"""The addresses of the follow-up plan's pages that views and services link to."""

from __future__ import annotations

from flask import url_for

from ..models import Action, Indicator, Process


def plan_url(process: Process, anchor: str | None = None) -> str:
    return url_for("monitoring.plan", slug=process.slug, _anchor=anchor)


def goal_anchor(goal) -> str:
    """The goal's place on the plan page."""
    return f"goal-{goal.id}"


def action_url(action: Action, anchor: str | None = None) -> str:
    return url_for(
        "monitoring.action",
        slug=action.goal.process.slug,
        action_id=action.id,
        _anchor=anchor,
    )


def indicator_url(indicator: Indicator, **kwargs) -> str:
    return url_for(
        "monitoring.indicator",
        slug=indicator.goal.process.slug,
        indicator_id=indicator.id,
        **kwargs,
    )
