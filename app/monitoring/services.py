"""Follow-up monitoring rules: goals, actions with status notes, indicators, values.

Plain functions over models and plain values: they flush, the route commits. Ordered
items (goals, a goal's actions and indicators) keep dense positions 1..n.
"""

from __future__ import annotations

import logging
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..i18n import localized
from ..models import (
    Action,
    ActionNote,
    ActionStatus,
    Direction,
    FollowUpProposal,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    IndicatorValue,
    Organisation,
    PeriodKind,
    Process,
    ProposalStatus,
    Theme,
    User,
    ValueOrigin,
    scope_key_for,
)
from ..processes.ordering import Direction as MoveDirection
from ..processes.ordering import in_order, move_within, remove_from, renumber
from ..processes.services import clean_texts, require_title
from ..text import render_markdown, render_translated
from .targets import clean_subgroup, valid_period

log = logging.getLogger("osallistamo.monitoring")

AREA_MAX = 120


class NoPublishedProposal(DomainError):
    message = _l(
        "The process has no published follow-up proposal. Publish the proposal "
        "first, or add the goals by hand."
    )


class NoteInFuture(DomainError):
    message = _l("A status note cannot be dated in the future.")


class PeriodKindLocked(DomainError):
    message = _l(
        "The indicator already has values, so its kind of period cannot change. "
        "Remove the values first, or make a new indicator."
    )


class InvalidPeriod(DomainError):
    message = _l("The period is not valid for this indicator.")


class BothOrganisationAndArea(DomainError):
    message = _l("Give either an organisation or an area, not both.")


class DuplicateValue(DomainError):
    """A value exists already for the same period, place and subgroup."""

    message = _l(
        "There is already a value for this period, place and subgroup. "
        "Edit that value instead."
    )

    def __init__(self, existing: IndicatorValue | None = None):
        super().__init__()
        self.existing = existing


# Goals ---------------------------------------------------------------------------


def _apply_goal(goal: Goal, process: Process, title: dict, description) -> None:
    goal.title = require_title(process, title)
    goal.description = clean_texts(description)
    goal.description_html = render_translated(goal.description)


def add_goal(
    process: Process,
    *,
    title: dict,
    description: dict | None = None,
    proposal: FollowUpProposal | None = None,
    theme: Theme | None = None,
) -> Goal:
    """Add a goal after the process's last one.

    :param proposal: and ``theme``: where a goal drawn from the proposal came from.
    :raises MissingTitle: without a title in the process's main language.
    """
    goal = Goal(
        proposal_id=proposal.id if proposal is not None else None,
        theme_id=theme.id if theme is not None else None,
    )
    _apply_goal(goal, process, title, description)
    goals = in_order(process.goals)
    process.goals.append(goal)
    renumber(goals + [goal])
    db.session.flush()
    log.info("goal %s added to process %s", goal.id, process.slug)
    return goal


def update_goal(goal: Goal, *, title: dict, description: dict | None = None) -> Goal:
    """Change a goal's title and description; its place stays."""
    _apply_goal(goal, goal.process, title, description)
    db.session.flush()
    return goal


def move_goal(goal: Goal, direction: MoveDirection) -> bool:
    """Move a goal one step; False (and no change) at either end."""
    return move_within(goal.process, "goals", goal, direction)


def delete_goal(goal: Goal) -> None:
    """Remove a goal with its actions, indicators and their values."""
    process = goal.process
    remove_from(process, "goals", goal)
    log.info("goal %s removed from process %s", goal.id, process.slug)


def _title_key(texts: dict | None, language: str) -> str:
    return " ".join(localized(texts, language, lang=language).split()).casefold()


def published_proposal(process: Process) -> FollowUpProposal:
    """The process's published proposal.

    :raises NoPublishedProposal: when there is none (or it is a draft).
    """
    proposal = process.proposal
    if (
        proposal is None
        or proposal.status is not ProposalStatus.PUBLISHED
        or proposal.current is None
    ):
        raise NoPublishedProposal()
    return proposal


def proposal_themes(process: Process) -> tuple[list[tuple[Theme, str]], list[Theme]]:
    """The themes the published proposal takes up: ``(theme, why)`` pairs still
    without a goal, and the themes that have one already (drawn from them before, or
    written by hand with the same title).

    :raises NoPublishedProposal: when the proposal is not published.
    """
    proposal = published_proposal(process)
    themes = {theme.id: theme for theme in process.themes}
    drawn = {goal.theme_id for goal in process.goals if goal.theme_id is not None}
    taken = {_title_key(goal.title, process.language) for goal in process.goals}
    new, existing = [], []
    for item in proposal.current.themes or []:
        theme = themes.get(item.get("theme_id"))
        if theme is None:  # removed from the process after the proposal
            continue
        if theme.id in drawn or _title_key(theme.title, process.language) in taken:
            existing.append(theme)
        else:
            new.append((theme, item.get("why") or ""))
    return new, existing


def goals_from_proposal(process: Process) -> list[Goal]:
    """Add one goal per theme the published proposal takes up: the theme's title,
    the reason as the description. Themes that already have a goal are skipped.

    :raises NoPublishedProposal: when the proposal is not published.
    """
    proposal = published_proposal(process)
    new, _existing = proposal_themes(process)
    goals = []
    for theme, why in new:
        description = {process.language: why} if why.strip() else {}
        title = clean_texts(theme.title)
        if not title.get(process.language):
            title[process.language] = localized(theme.title, process.language)
        goals.append(
            add_goal(
                process,
                title=title,
                description=description,
                proposal=proposal,
                theme=theme,
            )
        )
    return goals


# Actions -------------------------------------------------------------------------


def _apply_action(
    action: Action,
    *,
    title: str,
    description: str,
    owner: Organisation | None,
    due_on: date | None,
    status: ActionStatus,
) -> None:
    action.title = " ".join((title or "").split())
    action.description = (description or "").replace("\r\n", "\n").strip()
    action.description_html = str(render_markdown(action.description))
    action.owner = owner
    action.due_on = due_on
    action.status = ActionStatus(status)


def add_action(
    goal: Goal,
    *,
    title: str,
    description: str = "",
    owner: Organisation | None = None,
    due_on: date | None = None,
    status: ActionStatus = ActionStatus.PLANNED,
) -> Action:
    """Add an action after the goal's last one."""
    action = Action()
    _apply_action(
        action,
        title=title,
        description=description,
        owner=owner,
        due_on=due_on,
        status=status,
    )
    actions = in_order(goal.actions)
    goal.actions.append(action)
    renumber(actions + [action])
    db.session.flush()
    return action


def update_action(
    action: Action,
    *,
    title: str,
    description: str = "",
    owner: Organisation | None = None,
    due_on: date | None = None,
    status: ActionStatus = ActionStatus.PLANNED,
) -> Action:
    """Change an action's texts, owner, due date and status."""
    _apply_action(
        action,
        title=title,
        description=description,
        owner=owner,
        due_on=due_on,
        status=status,
    )
    db.session.flush()
    return action


def move_action(action: Action, direction: MoveDirection) -> bool:
    return move_within(action.goal, "actions", action, direction)


def delete_action(action: Action) -> None:
    """Remove an action with its status notes."""
    remove_from(action.goal, "actions", action)


def is_overdue(action: Action, today: date) -> bool:
    """Late: the due date has passed and the action is neither done nor dropped."""
    return (
        action.due_on is not None
        and action.due_on < today
        and action.status not in (ActionStatus.DONE, ActionStatus.DROPPED)
    )


def _newest_note(action: Action) -> ActionNote | None:
    notes = sorted(action.notes, key=lambda n: (n.noted_on, n.id or 0), reverse=True)
    return notes[0] if notes else None


def add_note(
    action: Action,
    *,
    noted_on: date,
    status: ActionStatus,
    body: str,
    actor: User | None,
    today: date,
) -> ActionNote:
    """Add a dated status note; the action takes the status of its newest note.

    A note dated before the newest one is history: it does not change the status.

    :raises NoteInFuture: when ``noted_on`` is after ``today``.
    """
    if noted_on > today:
        raise NoteInFuture()
    body = (body or "").replace("\r\n", "\n").strip()
    note = ActionNote(
        noted_on=noted_on,
        status=ActionStatus(status),
        body=body,
        body_html=str(render_markdown(body)),
        created_by=actor,
    )
    action.notes.append(note)
    db.session.flush()
    action.status = _newest_note(action).status
    db.session.flush()
    db.session.expire(action, ["notes"])
    return note


def delete_note(note: ActionNote) -> None:
    """Remove a status note; the action takes the status of the newest one left."""
    action = note.action
    action.notes.remove(note)
    db.session.flush()
    newest = _newest_note(action)
    if newest is not None:
        action.status = newest.status
    db.session.flush()


# Indicators ----------------------------------------------------------------------


def set_targets(indicator: Indicator, targets: list[tuple[str, float]]) -> None:
    """Replace the indicator's targets: ``[(subgroup, value)]``, "" for the whole."""
    wanted = {}
    for subgroup, value in targets:
        wanted.setdefault(clean_subgroup(subgroup), float(value))
    for target in list(indicator.targets):
        if target.subgroup in wanted:
            target.value = wanted.pop(target.subgroup)
        else:
            indicator.targets.remove(target)
    db.session.flush()  # deletions first: a renamed subgroup may reuse a name
    for subgroup, value in wanted.items():
        indicator.targets.append(IndicatorTarget(subgroup=subgroup, value=value))
    db.session.flush()
    db.session.expire(indicator, ["targets"])


def _apply_indicator(indicator: Indicator, process: Process, **fields) -> None:
    indicator.title = require_title(process, fields["title"])
    indicator.description = clean_texts(fields.get("description"))
    indicator.description_html = render_translated(indicator.description)
    indicator.unit = " ".join((fields.get("unit") or "").split())
    indicator.direction = Direction(fields.get("direction") or Direction.HIGHER)
    indicator.source = IndicatorSource(fields.get("source") or IndicatorSource.MANUAL)
    indicator.source_detail = " ".join((fields.get("source_detail") or "").split())


def add_indicator(
    goal: Goal,
    *,
    title: dict,
    description: dict | None = None,
    unit: str = "",
    direction: Direction = Direction.HIGHER,
    source: IndicatorSource = IndicatorSource.MANUAL,
    source_detail: str = "",
    period_kind: PeriodKind = PeriodKind.SCHOOL_YEAR,
    targets: list[tuple[str, float]] = (),
) -> Indicator:
    """Add an indicator after the goal's last one, with its targets.

    :raises MissingTitle: without a title in the process's main language.
    """
    indicator = Indicator(period_kind=PeriodKind(period_kind))
    _apply_indicator(
        indicator,
        goal.process,
        title=title,
        description=description,
        unit=unit,
        direction=direction,
        source=source,
        source_detail=source_detail,
    )
    indicators = in_order(goal.indicators)
    goal.indicators.append(indicator)
    renumber(indicators + [indicator])
    db.session.flush()
    set_targets(indicator, list(targets))
    return indicator


def value_count(indicator: Indicator) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(IndicatorValue.id)).where(
            IndicatorValue.indicator_id == indicator.id
        )
    )


def update_indicator(
    indicator: Indicator,
    *,
    title: dict,
    description: dict | None = None,
    unit: str = "",
    direction: Direction = Direction.HIGHER,
    source: IndicatorSource = IndicatorSource.MANUAL,
    source_detail: str = "",
    period_kind: PeriodKind = PeriodKind.SCHOOL_YEAR,
    targets: list[tuple[str, float]] = (),
) -> Indicator:
    """Change an indicator and replace its targets.

    :raises PeriodKindLocked: when the period kind would change under existing values.
    """
    period_kind = PeriodKind(period_kind)
    if period_kind is not indicator.period_kind and value_count(indicator):
        raise PeriodKindLocked()
    indicator.period_kind = period_kind
    _apply_indicator(
        indicator,
        indicator.goal.process,
        title=title,
        description=description,
        unit=unit,
        direction=direction,
        source=source,
        source_detail=source_detail,
    )
    set_targets(indicator, list(targets))
    return indicator


def move_indicator(indicator: Indicator, direction: MoveDirection) -> bool:
    return move_within(indicator.goal, "indicators", indicator, direction)


def delete_indicator(indicator: Indicator) -> None:
    """Remove an indicator with its targets and values."""
    remove_from(indicator.goal, "indicators", indicator)


# Values --------------------------------------------------------------------------


def canonical_subgroup(indicator: Indicator, subgroup: str | None) -> str:
    """The subgroup as the indicator's targets spell it (any case matches), so a
    value finds its target; otherwise the tidied text."""
    subgroup = clean_subgroup(subgroup)
    for target in indicator.targets:
        if target.subgroup.casefold() == subgroup.casefold():
            return target.subgroup
    return subgroup


def find_value(
    indicator: Indicator, period: str, scope_key: str, subgroup: str
) -> IndicatorValue | None:
    return db.session.scalar(
        sa.select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator.id,
            IndicatorValue.period == period,
            IndicatorValue.scope_key == scope_key,
            IndicatorValue.subgroup == subgroup,
        )
    )


def _value_fields(
    indicator: Indicator,
    period: str,
    organisation: Organisation | None,
    area: str,
    subgroup: str,
) -> tuple[str, str, str, str]:
    """Check and tidy the identifying fields: ``(period, area, scope_key, subgroup)``.

    :raises InvalidPeriod, BothOrganisationAndArea:
    """
    period = (period or "").strip()
    if not valid_period(indicator.period_kind, period):
        raise InvalidPeriod()
    area = " ".join((area or "").split())[:AREA_MAX]
    if organisation is not None and area:
        raise BothOrganisationAndArea()
    scope_key = scope_key_for(organisation.id if organisation else None, area)
    return period, area, scope_key, canonical_subgroup(indicator, subgroup)


def save_value(
    indicator: Indicator,
    *,
    period: str,
    value: float,
    organisation: Organisation | None = None,
    area: str = "",
    subgroup: str = "",
    note: str = "",
    actor: User | None = None,
    origin: ValueOrigin = ValueOrigin.MANUAL,
    existing: IndicatorValue | None = None,
) -> IndicatorValue:
    """Add a value, or change ``existing``; one value per period, place and subgroup.

    :raises InvalidPeriod: for a period not of the indicator's kind.
    :raises BothOrganisationAndArea: when both are given.
    :raises DuplicateValue: when another value has the same period, place, subgroup.
    """
    period, area, scope_key, subgroup = _value_fields(
        indicator, period, organisation, area, subgroup
    )
    other = find_value(indicator, period, scope_key, subgroup)
    if other is not None and other is not existing:
        raise DuplicateValue(other)
    row = existing or IndicatorValue(indicator=indicator)
    row.period = period
    row.organisation = organisation
    row.area = area
    row.scope_key = scope_key
    row.subgroup = subgroup
    row.value = float(value)
    row.note = (note or "").replace("\r\n", "\n").strip()
    row.origin = ValueOrigin(origin)
    row.entered_by = actor
    if existing is None:
        db.session.add(row)
    db.session.flush()
    return row


def upsert_value(
    indicator: Indicator,
    *,
    period: str,
    value: float,
    organisation: Organisation | None = None,
    area: str = "",
    subgroup: str = "",
    note: str = "",
    actor: User | None = None,
    origin: ValueOrigin = ValueOrigin.IMPORT,
) -> tuple[IndicatorValue, bool]:
    """Add the value, or replace the one with the same period, place and subgroup.

    Returns the value and whether it was added (False: an existing one updated).
    """
    period, area, scope_key, subgroup = _value_fields(
        indicator, period, organisation, area, subgroup
    )
    existing = find_value(indicator, period, scope_key, subgroup)
    row = save_value(
        indicator,
        period=period,
        value=value,
        organisation=organisation,
        area=area,
        subgroup=subgroup,
        note=note,
        actor=actor,
        origin=origin,
        existing=existing,
    )
    return row, existing is None


def delete_value(row: IndicatorValue) -> None:
    db.session.delete(row)
    db.session.flush()
