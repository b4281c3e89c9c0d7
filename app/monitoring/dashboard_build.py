"""Building a process's dashboard for one period: the goals with their indicators and
actions, and what changed since the period before."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from ..extensions import db
from ..i18n import current_language, localized
from ..models import Action, ActionStatus, Goal, Process, ValueOrigin
from .dashboard import (
    ActionRow,
    Changes,
    Dashboard,
    GoalStatus,
    IndicatorStatus,
    Note,
    StatusChange,
    SurveyValue,
    ValueChange,
)
from .dashboard_indicators import indicator_status, values_by_indicator
from .periods import available_periods, period_bounds, period_kind_of
from .queries import team_only
from .targets import Trend, Verdict, previous_period

#: Statuses in which an action past its due date is overdue.
OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


def build_dashboard(
    process: Process,
    *,
    period: str | None = None,
    language: str | None = None,
    today: date | None = None,
    team: bool = True,
) -> Dashboard:
    """The dashboard of ``process`` for ``period`` (default: the latest with values).

    :param language: of the goals' and indicators' titles (default: the reader's).
    :param today: the day actions are overdue against (default: today).
    :param team: with the values only the process's team sees (the per-organisation
        survey averages); False for everyone else.
    """
    language = language or current_language()
    today = today or date.today()
    periods = available_periods(process, hidden=None if team else team_only())
    if period is None and periods:
        period = periods[-1]
    goals = list(
        db.session.scalars(
            sa.select(Goal)
            .where(Goal.process_id == process.id)
            .order_by(Goal.position, Goal.id)
        )
    )
    values = values_by_indicator(goals, team=team)
    changes = Changes()
    statuses = []
    for goal in goals:
        goal_title = localized(goal.title, process.language, language)
        indicators = [
            indicator_status(indicator, values[indicator.id], period, process, language)
            for indicator in goal.indicators
        ]
        actions = [_action_row(action, period, today) for action in goal.actions]
        statuses.append(
            GoalStatus(
                goal_id=goal.id,
                position=goal.position,
                title=goal_title,
                description_html=localized(
                    goal.description_html, process.language, language
                ),
                indicators=indicators,
                actions=actions,
            )
        )
        for status in indicators:
            _collect_value_changes(changes, goal_title, status)
        if period is not None:
            for action in goal.actions:
                changes.status_changes.extend(
                    _status_changes(action, goal_title, period)
                )
    changes.status_changes.sort(key=lambda change: change.noted_on)
    kind = period_kind_of(period) if period else None
    return Dashboard(
        process_id=process.id,
        slug=process.slug,
        language=language,
        period=period,
        previous_period=previous_period(kind, period) if kind else None,
        periods=periods,
        today=today,
        goals=statuses,
        changes=changes,
    )


def _collect_value_changes(
    changes: Changes,
    goal_title: str,
    status: IndicatorStatus,
) -> None:
    for row in status.rows:
        if row.current is None:
            continue
        change = ValueChange(goal_title, status.title, status.unit, row)
        if row.trend is Trend.BETTER:
            changes.improved.append(change)
        elif row.trend is Trend.WORSE:
            changes.worsened.append(change)
        if row.previous is not None:
            if row.verdict is Verdict.MET and row.previous_verdict is Verdict.NOT_MET:
                changes.newly_met.append(change)
            elif row.verdict is Verdict.NOT_MET and row.previous_verdict is Verdict.MET:
                changes.newly_missed.append(change)
        if row.origin is ValueOrigin.SURVEY:
            changes.survey_values.append(
                SurveyValue(
                    goal_title=goal_title,
                    indicator_title=status.title,
                    unit=status.unit,
                    scope_label=row.scope_label,
                    subgroup=row.subgroup,
                    value=row.current,
                )
            )


def _note(note) -> Note:
    return Note(noted_on=note.noted_on, status=note.status, body=note.body)


def _action_row(action: Action, period: str | None, today: date) -> ActionRow:
    notes = list(action.notes)  # newest first
    in_period = []
    if period is not None:
        first, last = period_bounds(period)
        in_period = [_note(n) for n in notes if first <= n.noted_on <= last]
    return ActionRow(
        action_id=action.id,
        title=action.title,
        owner=action.owner.name if action.owner is not None else "",
        due_on=action.due_on,
        status=action.status,
        overdue=action.due_on is not None
        and action.due_on < today
        and action.status in OPEN_STATUSES,
        description=action.description,
        notes=in_period,
        latest_note=_note(notes[0]) if notes else None,
    )


def _status_changes(action: Action, goal_title: str, period: str) -> list[StatusChange]:
    """Status notes dated in the period that changed the action's status."""
    first, last = period_bounds(period)
    status = ActionStatus.PLANNED
    found = []
    for note in sorted(action.notes, key=lambda n: (n.noted_on, n.id)):
        if first <= note.noted_on <= last and note.status is not status:
            found.append(
                StatusChange(
                    goal_title=goal_title,
                    action_title=action.title,
                    owner=action.owner.name if action.owner is not None else "",
                    noted_on=note.noted_on,
                    old_status=status,
                    new_status=note.status,
                )
            )
        status = note.status
    return found
