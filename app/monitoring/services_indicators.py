"""Follow-up monitoring rules: a goal's indicators, their targets and values.

Plain functions over models and plain values: they flush, the route commits. A goal's
indicators keep dense positions 1..n; a value is unique per period, place (an
organisation or a free-text area) and subgroup.
"""

from __future__ import annotations

import math

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..i18n import clean_texts, require_title
from ..models import (
    Direction,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    IndicatorValue,
    Organisation,
    PeriodKind,
    Process,
    User,
    ValueOrigin,
    scope_key_for,
)
from ..ordering import Direction as MoveDirection
from ..ordering import append_to, move_within, remove_from
from ..text import render_translated
from .targets import clean_subgroup, valid_period

AREA_MAX = 120


class PeriodKindLocked(
    DomainError,
    message=_l(
        "The indicator already has values, so its kind of period cannot change. "
        "Remove the values first, or make a new indicator."
    ),
): ...


class InvalidPeriod(
    DomainError, message=_l("The period is not valid for this indicator.")
): ...


class BothOrganisationAndArea(
    DomainError, message=_l("Give either an organisation or an area, not both.")
): ...


class DuplicateValue(DomainError):
    """A value exists already for the same period, place and subgroup."""

    message = _l(
        "There is already a value for this period, place and subgroup. "
        "Edit that value instead."
    )

    def __init__(self, existing: IndicatorValue | None = None):
        super().__init__()
        self.existing = existing


def finite(value) -> float:
    """``value`` as a float; infinity and NaN are refused (the forms and the import
    never give them: ``targets.parse_number``), so none is ever stored."""
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {value!r}")
    return number


# Indicators ----------------------------------------------------------------------


def set_targets(indicator: Indicator, targets: list[tuple[str, float]]) -> None:
    """Replace the indicator's targets: ``[(subgroup, value)]``, "" for the whole."""
    wanted = {}
    for subgroup, value in targets:
        wanted.setdefault(clean_subgroup(subgroup), finite(value))
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


def _apply_indicator(
    indicator: Indicator,
    process: Process,
    *,
    title: dict,
    description: dict | None = None,
    unit: str = "",
    direction: Direction = Direction.HIGHER,
    source: IndicatorSource = IndicatorSource.MANUAL,
    source_detail: str = "",
) -> None:
    indicator.title = require_title(process, title)
    indicator.description = clean_texts(description)
    indicator.description_html = render_translated(indicator.description)
    indicator.unit = " ".join((unit or "").split())
    indicator.direction = Direction(direction or Direction.HIGHER)
    indicator.source = IndicatorSource(source or IndicatorSource.MANUAL)
    indicator.source_detail = " ".join((source_detail or "").split())


def add_indicator(
    goal: Goal,
    *,
    period_kind: PeriodKind = PeriodKind.SCHOOL_YEAR,
    targets: list[tuple[str, float]] = (),
    **fields,
) -> Indicator:
    """Add an indicator after the goal's last one, with its targets; the other
    ``fields`` as ``_apply_indicator``.

    :raises MissingTitle: without a title in the process's main language.
    """
    indicator = Indicator(period_kind=PeriodKind(period_kind))
    _apply_indicator(indicator, goal.process, **fields)
    append_to(goal, "indicators", indicator)
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
    period_kind: PeriodKind = PeriodKind.SCHOOL_YEAR,
    targets: list[tuple[str, float]] = (),
    **fields,
) -> Indicator:
    """Change an indicator (``fields`` as ``_apply_indicator``) and replace its targets.

    :raises PeriodKindLocked: when the period kind would change under existing values.
    """
    period_kind = PeriodKind(period_kind)
    if period_kind is not indicator.period_kind and value_count(indicator):
        raise PeriodKindLocked()
    indicator.period_kind = period_kind
    _apply_indicator(indicator, indicator.goal.process, **fields)
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
    row.value = finite(value)
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
    organisation: Organisation | None = None,
    area: str = "",
    subgroup: str = "",
    origin: ValueOrigin = ValueOrigin.IMPORT,
    **fields,
) -> tuple[IndicatorValue, bool]:
    """Add the value, or replace the one with the same period, place and subgroup;
    ``fields`` (the value, a note, the actor) as ``save_value``.

    Returns the value and whether it was added (False: an existing one updated).
    """
    period, area, scope_key, subgroup = _value_fields(
        indicator, period, organisation, area, subgroup
    )
    existing = find_value(indicator, period, scope_key, subgroup)
    row = save_value(
        indicator,
        period=period,
        organisation=organisation,
        area=area,
        subgroup=subgroup,
        origin=origin,
        existing=existing,
        **fields,
    )
    return row, existing is None


def delete_value(row: IndicatorValue) -> None:
    db.session.delete(row)
    db.session.flush()
