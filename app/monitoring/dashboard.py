"""Progress at a glance: a process's goals, indicators and actions for one period.

``build_dashboard`` reads the database once and returns plain dataclasses; the page,
the annual report and its files only format them (with the words of
``dashboard_words``). Verdicts, trends and gaps come from ``targets``, so every view
reads the same ones.

Periods: an indicator counts in school years ("2025-2026") or calendar years
("2026"). The dashboard shows one period; an indicator of the other kind shows the
matching one (the school year 2025-2026 ends in the calendar year 2026, as the
spring surveys such as the School Health Promotion study do).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from ..i18n import current_language, localized
from ..models import (
    Action,
    ActionStatus,
    Direction,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorValue,
    PeriodKind,
    Process,
    ValueOrigin,
)
from .dashboard_words import region_text
from .targets import (
    CALENDAR_YEAR,
    SCHOOL_YEAR,
    Trend,
    Verdict,
    gap,
    previous_period,
    target_for,
    trend,
    valid_period,
    verdict,
)

REGION = "region"
#: Statuses in which an action past its due date is overdue.
OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
#: A school year runs from August to July.
SCHOOL_YEAR_START_MONTH = 8


# Periods ---------------------------------------------------------------------


def period_kind_of(period: str) -> PeriodKind | None:
    if valid_period(PeriodKind.SCHOOL_YEAR, period):
        return PeriodKind.SCHOOL_YEAR
    if valid_period(PeriodKind.CALENDAR_YEAR, period):
        return PeriodKind.CALENDAR_YEAR
    return None


def period_sort_key(period: str) -> tuple[int, int]:
    """Order by the year a period ends in; a school year before the calendar year."""
    if SCHOOL_YEAR.match(period):
        return int(period[5:]), 0
    if CALENDAR_YEAR.match(period):
        return int(period), 1
    return 0, 2


def matching_period(kind: PeriodKind, period: str | None) -> str | None:
    """The period of ``kind`` that stands for ``period`` (2025-2026 <-> 2026)."""
    if not period:
        return None
    own = period_kind_of(period)
    if own is None:
        return None
    if own is kind:
        return period
    if kind is PeriodKind.CALENDAR_YEAR:
        return period[5:]
    return f"{int(period) - 1}-{period}"


def period_bounds(period: str) -> tuple[date, date]:
    """The first and last day of a period (a school year from 1 August)."""
    if period_kind_of(period) is PeriodKind.SCHOOL_YEAR:
        first = int(period[:4])
        return date(first, SCHOOL_YEAR_START_MONTH, 1), date(
            first + 1, SCHOOL_YEAR_START_MONTH - 1, 31
        )
    year = int(period)
    return date(year, 1, 1), date(year, 12, 31)


def school_year_of(day: date) -> str:
    first = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return f"{first}-{first + 1}"


def available_periods(process: Process) -> list[str]:
    """The periods that have at least one value in the process, oldest first."""
    periods = db.session.scalars(
        sa.select(IndicatorValue.period)
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .join(Goal, Goal.id == Indicator.goal_id)
        .where(Goal.process_id == process.id)
        .distinct()
    )
    return sorted(set(periods), key=period_sort_key)


# The data ----------------------------------------------------------------------


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


@dataclass
class GoalStatus:
    goal_id: int
    position: int
    title: str
    description_html: str
    indicators: list[IndicatorStatus]
    actions: list[ActionRow]

    @property
    def status_counts(self) -> dict[ActionStatus, int]:
        return count_statuses(self.actions)

    @property
    def overdue(self) -> list[ActionRow]:
        return [action for action in self.actions if action.overdue]


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
class Dashboard:
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

    @property
    def status_counts(self) -> dict[ActionStatus, int]:
        return count_statuses(self.actions)

    @property
    def overdue(self) -> list[ActionRow]:
        return [action for action in self.actions if action.overdue]


def count_statuses(actions: list[ActionRow]) -> dict[ActionStatus, int]:
    """How many actions are in each status, in the statuses' own order."""
    counts = Counter(action.status for action in actions)
    return {status: counts.get(status, 0) for status in ActionStatus}


# Building ------------------------------------------------------------------------


def build_dashboard(
    process: Process,
    *,
    period: str | None = None,
    language: str | None = None,
    today: date | None = None,
) -> Dashboard:
    """The dashboard of ``process`` for ``period`` (default: the latest with values).

    :param language: of the goals' and indicators' titles (default: the reader's).
    :param today: the day actions are overdue against (default: today).
    """
    language = language or current_language()
    today = today or date.today()
    periods = available_periods(process)
    if period is None and periods:
        period = periods[-1]
    goals = list(
        db.session.scalars(
            sa.select(Goal)
            .where(Goal.process_id == process.id)
            .order_by(Goal.position, Goal.id)
        )
    )
    values = _values_by_indicator(goals)
    changes = Changes()
    statuses = []
    for goal in goals:
        goal_title = localized(goal.title, process.language, language)
        indicators = [
            _indicator_status(
                indicator, values[indicator.id], period, process, language
            )
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


def _values_by_indicator(goals: list[Goal]) -> dict[int, list[IndicatorValue]]:
    ids = [indicator.id for goal in goals for indicator in goal.indicators]
    by_indicator: dict[int, list[IndicatorValue]] = defaultdict(list)
    if not ids:
        return by_indicator
    rows = db.session.scalars(
        sa.select(IndicatorValue)
        .where(IndicatorValue.indicator_id.in_(ids))
        .options(so.joinedload(IndicatorValue.organisation))
    )
    for value in rows:
        by_indicator[value.indicator_id].append(value)
    return by_indicator


def _scope_label(value: IndicatorValue) -> str:
    if value.organisation is not None:
        return value.organisation.name
    if value.area.strip():
        return value.area.strip()
    return region_text()


def _subgroups(indicator: Indicator, values: list[IndicatorValue]) -> list[str]:
    """The whole ("") first, then the targets' subgroups, then the rest A–Z."""
    seen = {target.subgroup for target in indicator.targets} | {
        value.subgroup for value in values
    }
    if not seen:
        return [""]
    targeted = [t.subgroup for t in indicator.targets if t.subgroup]
    rest = sorted(seen - set(targeted) - {""}, key=str.casefold)
    return ([""] if "" in seen else []) + targeted + rest


def _row(
    indicator: Indicator,
    scope_key: str,
    scope_label: str,
    subgroup: str,
    current: IndicatorValue | None,
    previous: IndicatorValue | None,
) -> Row:
    target = target_for(indicator, subgroup)
    now = current.value if current is not None else None
    before = previous.value if previous is not None else None
    shortfall = None
    if target is not None and now is not None:
        shortfall = gap(indicator.direction, now, target.value).shortfall
    return Row(
        scope_key=scope_key,
        scope_label=scope_label,
        subgroup=subgroup,
        current=now,
        previous=before,
        target=target.value if target is not None else None,
        verdict=verdict(indicator, subgroup, now),
        trend=trend(indicator.direction, before, now) if now is not None else None,
        shortfall=shortfall,
        previous_verdict=verdict(indicator, subgroup, before),
        origin=current.origin if current is not None else None,
    )


def _indicator_status(
    indicator: Indicator,
    values: list[IndicatorValue],
    period: str | None,
    process: Process,
    language: str,
) -> IndicatorStatus:
    own = matching_period(indicator.period_kind, period)
    before = previous_period(indicator.period_kind, own) if own else None
    subgroups = _subgroups(indicator, values)
    index = {(v.period, v.scope_key, v.subgroup): v for v in values}
    region = [
        _row(
            indicator,
            REGION,
            region_text(),
            subgroup,
            index.get((own, REGION, subgroup)),
            index.get((before, REGION, subgroup)),
        )
        for subgroup in subgroups
    ]
    places: dict[
        tuple[str, str], tuple[str, IndicatorValue | None, IndicatorValue | None]
    ] = {}
    for value in values:
        if value.scope_key == REGION or value.period not in (own, before):
            continue
        key = (value.scope_key, value.subgroup)
        label, current, previous = places.get(key, (_scope_label(value), None, None))
        if value.period == own:
            current = value
        else:
            previous = value
        places[key] = (label, current, previous)
    order = {subgroup: n for n, subgroup in enumerate(subgroups)}
    place_rows = sorted(
        (
            _row(indicator, key[0], label, key[1], current, previous)
            for key, (label, current, previous) in places.items()
        ),
        key=lambda r: (r.scope_label.casefold(), order.get(r.subgroup, 0)),
    )
    shown = sorted(
        {v.period for v in values if v.scope_key == REGION},
        key=period_sort_key,
    )
    if own:
        shown = [p for p in shown if period_sort_key(p) <= period_sort_key(own)]
        if own not in shown:
            shown.append(own)
    targets = {target.subgroup: target.value for target in indicator.targets}
    series = [
        Series(
            subgroup=subgroup,
            values=[
                index[(p, REGION, subgroup)].value
                if (p, REGION, subgroup) in index
                else None
                for p in shown
            ],
            target=target.value
            if (target := target_for(indicator, subgroup)) is not None
            else None,
        )
        for subgroup in subgroups
    ]
    return IndicatorStatus(
        indicator_id=indicator.id,
        title=localized(indicator.title, process.language, language),
        description_html=localized(
            indicator.description_html, process.language, language
        ),
        unit=indicator.unit,
        direction=indicator.direction,
        source=indicator.source,
        source_detail=indicator.source_detail,
        period_kind=indicator.period_kind,
        period=own,
        previous_period=before,
        subgroups=subgroups,
        targets=targets,
        region=region,
        places=place_rows,
        periods=shown,
        series=series,
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
