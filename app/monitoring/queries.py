"""Read-side helpers of the monitoring pages: latest figures, counts, value lists."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Action,
    ActionNote,
    Goal,
    Indicator,
    IndicatorValue,
    Organisation,
    Process,
    ValueOrigin,
    WorkGroup,
)
from ..web import get_in_process_or_404
from . import targets
from .targets import Verdict


def team_only():
    """The values only the process's team may see: the per-organisation averages a
    feedback survey fed (a survey's results are for the team; issue 16). The whole
    region's average and values entered by hand or imported are for everyone."""
    return sa.and_(
        IndicatorValue.origin == ValueOrigin.SURVEY,
        IndicatorValue.organisation_id.is_not(None),
    )


def shown(stmt, team: bool):
    """``stmt`` over indicator values, without the team's values unless ``team``."""
    return stmt if team else stmt.where(sa.not_(team_only()))


def _per_indicator(ids: list[int], aggregate, team: bool) -> dict:
    """Indicator id -> ``aggregate`` over its shown values (indicators without values
    are left out)."""
    return dict(
        db.session.execute(
            shown(
                sa.select(IndicatorValue.indicator_id, aggregate).where(
                    IndicatorValue.indicator_id.in_(ids)
                ),
                team,
            ).group_by(IndicatorValue.indicator_id)
        ).all()
    )


@dataclass
class LatestFigures:
    """An indicator's newest period: the whole region's values per subgroup, and how
    many values there are for organisations and areas in that period."""

    period: str | None = None
    region: list[tuple[IndicatorValue, Verdict]] = field(default_factory=list)
    local_count: int = 0


def latest_figures(
    indicators: list[Indicator], *, team: bool = True
) -> dict[int, LatestFigures]:
    """The newest period's figures of each indicator (periods sort as text: "2025-2026"
    after "2024-2025", "2026" after "2025"); ``team=False`` leaves out the team's
    values (``team_only``)."""
    ids = [indicator.id for indicator in indicators]
    result = {indicator_id: LatestFigures() for indicator_id in ids}
    if not ids:
        return result
    newest = _per_indicator(ids, sa.func.max(IndicatorValue.period), team)
    by_id = {indicator.id: indicator for indicator in indicators}
    rows = db.session.scalars(
        shown(
            sa.select(IndicatorValue).where(IndicatorValue.indicator_id.in_(ids)), team
        ).order_by(IndicatorValue.subgroup)
    )
    for row in rows:
        if newest.get(row.indicator_id) != row.period:
            continue
        figures = result[row.indicator_id]
        figures.period = row.period
        if row.scope_key == "region":
            indicator = by_id[row.indicator_id]
            figures.region.append(
                (row, targets.verdict(indicator, row.subgroup, row.value))
            )
        else:
            figures.local_count += 1
    return result


def goal_counts(goal: Goal) -> dict[str, int]:
    """What goes with a goal when it is removed."""
    action_ids = sa.select(Action.id).where(Action.goal_id == goal.id)
    indicator_ids = sa.select(Indicator.id).where(Indicator.goal_id == goal.id)
    count = sa.func.count
    return {
        "actions": db.session.scalar(
            sa.select(count(Action.id)).where(Action.goal_id == goal.id)
        ),
        "notes": db.session.scalar(
            sa.select(count(ActionNote.id)).where(ActionNote.action_id.in_(action_ids))
        ),
        "indicators": db.session.scalar(
            sa.select(count(Indicator.id)).where(Indicator.goal_id == goal.id)
        ),
        "values": db.session.scalar(
            sa.select(count(IndicatorValue.id)).where(
                IndicatorValue.indicator_id.in_(indicator_ids)
            )
        ),
    }


def organisations_for(
    process: Process,
) -> tuple[list[Organisation], list[Organisation]]:
    """Organisations with a work group in the process, then all the others; by name."""
    all_organisations = list(
        db.session.scalars(sa.select(Organisation).order_by(Organisation.name))
    )
    in_process = set(
        db.session.scalars(
            sa.select(WorkGroup.organisation_id).where(
                WorkGroup.process_id == process.id
            )
        )
    )
    first = [o for o in all_organisations if o.id in in_process]
    others = [o for o in all_organisations if o.id not in in_process]
    return first, others


def organisation_by_name() -> dict[str, Organisation]:
    """Every organisation by its name in any case (names are unique)."""
    return {
        " ".join(o.name.split()).casefold(): o
        for o in db.session.scalars(sa.select(Organisation))
    }


def value_filters(
    indicator: Indicator, *, team: bool = True
) -> tuple[list[str], list[str]]:
    """The periods (newest first) and subgroups an indicator's values have."""
    of_indicator = IndicatorValue.indicator_id == indicator.id
    periods = db.session.scalars(
        shown(sa.select(IndicatorValue.period).where(of_indicator), team)
        .distinct()
        .order_by(IndicatorValue.period.desc())
    )
    subgroups = db.session.scalars(
        shown(sa.select(IndicatorValue.subgroup).where(of_indicator), team)
        .distinct()
        .order_by(IndicatorValue.subgroup)
    )
    return list(periods), list(subgroups)


def values_statement(
    indicator: Indicator,
    *,
    period: str | None = None,
    subgroup: str | None = None,
    team: bool = True,
):
    """The indicator's values, newest period first, the whole region before places."""
    stmt = shown(
        sa.select(IndicatorValue).where(IndicatorValue.indicator_id == indicator.id),
        team,
    )
    if period:
        stmt = stmt.where(IndicatorValue.period == period)
    if subgroup is not None:
        stmt = stmt.where(IndicatorValue.subgroup == subgroup)
    region_first = sa.case((IndicatorValue.scope_key == "region", 0), else_=1)
    return stmt.order_by(
        IndicatorValue.period.desc(),
        region_first,
        IndicatorValue.scope_key,
        IndicatorValue.subgroup,
    )


def value_counts_by_indicator(
    indicators: list[Indicator], *, team: bool = True
) -> dict[int, int]:
    ids = [indicator.id for indicator in indicators]
    counts: dict[int, int] = defaultdict(int)
    if ids:
        counts.update(_per_indicator(ids, sa.func.count(IndicatorValue.id), team))
    return counts


def process_indicators(process: Process) -> list[Indicator]:
    """The process's indicators in the plan's order (goal, then indicator)."""
    return list(
        db.session.scalars(
            sa.select(Indicator)
            .join(Goal, Indicator.goal_id == Goal.id)
            .where(Goal.process_id == process.id)
            .order_by(Goal.position, Goal.id, Indicator.position, Indicator.id)
        )
    )


def goal_and_item(
    process: Process, model: type, item_id: int | None, goal_id: int | None
) -> tuple[Goal, Action | Indicator | None]:
    """What a view that adds to a goal (``goal_id``) or edits one of its actions or
    indicators (``item_id``) works on: the goal and the item (None when adding), or 404."""
    if item_id is not None:
        item = get_in_process_or_404(process, model, item_id)
        return item.goal, item
    return get_in_process_or_404(process, Goal, goal_id), None


def chosen_organisation(value: str | None) -> Organisation | None:
    """The organisation a form's select chose by id ("" for none)."""
    return db.session.get(Organisation, int(value)) if value else None
