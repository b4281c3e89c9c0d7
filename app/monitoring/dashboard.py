"""Progress at a glance: what the dashboard of a process shows for one period.

Plain dataclasses: ``dashboard_build.build_dashboard`` fills them from the database
(the indicators' rows with ``dashboard_indicators``); the page, the annual report and
its files only format them (with the words of ``dashboard_words``). Verdicts, trends
and gaps come from ``targets``, so every view reads the same ones. Periods are
explained in ``periods``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..models import (
    ActionStatus,
    Direction,
    IndicatorSource,
    PeriodKind,
    ValueOrigin,
)
from .targets import Trend, Verdict

REGION = "region"


@dataclass
class Row:
    """One place and subgroup of an indicator in the period, beside the one before."""

    scope_key: str
    #: "The whole region", an organisation's name or an area.
    scope_label: str
    subgroup: str
    current: float | None
    previous: float | None
    target: float | None
    verdict: Verdict
    #: None without a value this period.
    trend: Trend | None
    #: How far from the target in the indicator's unit (0 when met); None without
    #: a value or a target.
    shortfall: float | None
    #: Verdict of the previous value against the same target.
    previous_verdict: Verdict
    origin: ValueOrigin | None = None

    @property
    def change(self) -> float | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def is_region(self) -> bool:
        return self.scope_key == REGION


@dataclass
class Series:
    """The region-wide values of one subgroup over the periods (None: no value)."""

    subgroup: str
    values: list[float | None]
    target: float | None


@dataclass
class IndicatorStatus:
    indicator_id: int
    title: str
    description_html: str
    unit: str
    direction: Direction
    source: IndicatorSource
    source_detail: str
    period_kind: PeriodKind
    #: The indicator's own period for the dashboard's, and the one before.
    period: str | None
    previous_period: str | None
    subgroups: list[str]
    #: Subgroup -> target value ("" is the general target).
    targets: dict[str, float]
    region: list[Row]
    places: list[Row]
    #: Periods of the chart and table (up to the shown period), oldest first.
    periods: list[str]
    series: list[Series]

    @property
    def has_values(self) -> bool:
        return any(v is not None for s in self.series for v in s.values) or any(
            r.current is not None or r.previous is not None for r in self.places
        )

    @property
    def rows(self) -> list[Row]:
        return self.region + self.places

    @property
    def targets_met(self) -> int:
        return sum(1 for row in self.region if row.verdict is Verdict.MET)

    @property
    def targets_judged(self) -> int:
        return sum(
            1 for row in self.region if row.verdict in (Verdict.MET, Verdict.NOT_MET)
        )


@dataclass
class Note:
    noted_on: date
    status: ActionStatus
    body: str


@dataclass
class ActionRow:
    action_id: int
    title: str
    owner: str
    due_on: date | None
    status: ActionStatus
    overdue: bool
    description: str
    #: The notes dated in the period, newest first.
    notes: list[Note] = field(default_factory=list)
    latest_note: Note | None = None


class ActionFigures:
    """How many of ``self.actions`` stand in each status, and which are overdue."""

    @property
    def status_counts(self) -> dict[ActionStatus, int]:
        return count_statuses(self.actions)

    @property
    def overdue(self) -> list[ActionRow]:
        return [action for action in self.actions if action.overdue]


@dataclass
class GoalStatus(ActionFigures):
    goal_id: int
    position: int
    title: str
    description_html: str
    indicators: list[IndicatorStatus]
    actions: list[ActionRow]


@dataclass
class ValueChange:
    goal_title: str
    indicator_title: str
    unit: str
    row: Row


@dataclass
class StatusChange:
    goal_title: str
    action_title: str
    owner: str
    noted_on: date
    old_status: ActionStatus
    new_status: ActionStatus


@dataclass
class SurveyValue:
    goal_title: str
    indicator_title: str
    unit: str
    scope_label: str
    subgroup: str
    value: float


@dataclass
class Changes:
    """What changed since the last period."""

    improved: list[ValueChange] = field(default_factory=list)
    worsened: list[ValueChange] = field(default_factory=list)
    newly_met: list[ValueChange] = field(default_factory=list)
    newly_missed: list[ValueChange] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    survey_values: list[SurveyValue] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.improved,
                self.worsened,
                self.newly_met,
                self.newly_missed,
                self.status_changes,
                self.survey_values,
            )
        )


@dataclass
class Dashboard(ActionFigures):
    process_id: int
    slug: str
    language: str
    #: The period shown; None when the process has no values and no period was asked.
    period: str | None
    previous_period: str | None
    #: Periods that have values, oldest first (the choices of the period selector).
    periods: list[str]
    today: date
    goals: list[GoalStatus]
    changes: Changes

    @property
    def has_values(self) -> bool:
        return bool(self.periods)

    @property
    def actions(self) -> list[ActionRow]:
        return [action for goal in self.goals for action in goal.actions]


def count_statuses(actions: list[ActionRow]) -> dict[ActionStatus, int]:
    """How many actions are in each status, in the statuses' own order."""
    counts = Counter(action.status for action in actions)
    return {status: counts.get(status, 0) for status in ActionStatus}
