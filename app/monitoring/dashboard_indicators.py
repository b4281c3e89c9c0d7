"""The dashboard's rows of one indicator: the region and each place, per subgroup,
in the period beside the one before, and the series for the chart."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from ..i18n import localized
from ..models import Goal, Indicator, IndicatorValue, Process
from .dashboard import REGION, IndicatorStatus, Row, Series
from .dashboard_words import region_text
from .periods import matching_period, period_sort_key
from .queries import shown
from .targets import gap, previous_period, target_for, trend, verdict


def values_by_indicator(
    goals: list[Goal], *, team: bool = True
) -> dict[int, list[IndicatorValue]]:
    """The goals' indicator values; ``team=False``: without the team's own values
    (the per-organisation survey averages, ``queries.team_only``)."""
    ids = [indicator.id for goal in goals for indicator in goal.indicators]
    by_indicator: dict[int, list[IndicatorValue]] = defaultdict(list)
    if not ids:
        return by_indicator
    rows = db.session.scalars(
        shown(
            sa.select(IndicatorValue).where(IndicatorValue.indicator_id.in_(ids)), team
        ).options(so.joinedload(IndicatorValue.organisation))
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


def indicator_status(
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
