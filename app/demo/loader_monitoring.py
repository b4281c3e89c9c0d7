"""Turn the demo's follow-up monitoring (``content/monitoring.toml``) into rows: the
regional student-welfare plan's four goals, their actions with dated notes, and their
indicators with targets and two school years of values.

Every row is found by its natural key (goal and indicator by position, action by
position, note by day and text, target by subgroup, value by period, place and
subgroup), so loading twice creates nothing. Texts of goals, indicators and actions
are set back to the data; a value or an action's status changed while trying the
demo stays. The school years follow the load day: loaded in a later school year, the
demo gets that year's values beside the earlier ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import sqlalchemy as sa

from ..auth.services import find_user_by_email
from ..extensions import db
from ..models import (
    Action,
    ActionNote,
    ActionStatus,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Organisation,
    PeriodKind,
    Process,
    User,
    ValueOrigin,
    scope_key_for,
)
from ..text import render_markdown, render_translated
from .base import LoadReport, assign, at_position


@dataclass
class _Keeping:
    """What every goal's rows are made with: places by name, the keeper, the report."""

    organisations: dict[str, Organisation]
    keeper: User | None
    report: LoadReport


def load_monitoring(process: Process, spec: dict, report: LoadReport) -> None:
    """Create or refresh the demo's goals, actions, indicators and values; flush."""
    db.session.flush()  # the organisations' ids make the values' scope keys
    keeper = find_user_by_email(spec["keeper"])
    goals = spec["goals"]
    names = {a["owner"] for g in goals for a in g["actions"] if a["owner"]}
    names |= {
        row["organisation"]
        for g in goals
        for i in g["indicators"]
        for row in i["values"]
        if row["organisation"]
    }
    rows = db.session.scalars(
        sa.select(Organisation).where(Organisation.name.in_(names))
    )
    keeping = _Keeping({o.name: o for o in rows}, keeper, report)
    for position, data in enumerate(goals, start=1):
        make = partial(Goal, process=process)
        goal, counts = _found(process.goals, position, make, report, "goal")
        description = data["description"]
        html = render_translated(description)
        assign(
            goal,
            counts,
            "goal",
            title=data["title"],
            description=description,
            description_html=html,
        )
        for number, action in enumerate(data["actions"], start=1):
            _action(goal, number, action, keeping)
        for number, indicator in enumerate(data["indicators"], start=1):
            _indicator(goal, number, indicator, keeping)
    db.session.flush()


def _found(items, position: int, make, report: LoadReport, label: str):
    """The row at ``position``, or a new one from ``make``; the report to count
    set-backs in (None for a new row: it is created, not set back)."""
    row = at_position(items, position)
    if row is not None:
        return row, report
    row = make(position=position)
    db.session.add(row)
    report.created[label] += 1
    return row, None


def _action(goal: Goal, position: int, data: dict, keeping: _Keeping) -> None:
    report = keeping.report
    make = partial(Action, goal=goal, title=data["title"])
    action, counts = _found(goal.actions, position, make, report, "action")
    owner = keeping.organisations.get(data["owner"])
    assign(
        action,
        counts,
        "action",
        title=data["title"],
        owner=owner,
        due_on=data["due_on"],
    )
    existing = {(n.noted_on, n.body) for n in action.notes}
    for noted_on, status, body in data["notes"]:
        if (noted_on, body) in existing:
            continue
        action.notes.append(
            ActionNote(
                noted_on=noted_on,
                status=status,
                body=body,
                body_html=str(render_markdown(body)),
                created_by=keeping.keeper,
            )
        )
        report.created["action note"] += 1
    if counts is None:
        # The status of the newest note, as the services keep it.
        newest = max(data["notes"], key=lambda note: note[0], default=None)
        action.status = newest[1] if newest else ActionStatus.PLANNED


def _indicator(goal: Goal, position: int, data: dict, keeping: _Keeping) -> None:
    report, organisations = keeping.report, keeping.organisations
    make = partial(Indicator, goal=goal)
    indicator, counts = _found(goal.indicators, position, make, report, "indicator")
    values = {
        key: data[key]
        for key in ("title", "unit", "direction", "source", "source_detail")
    }
    assign(indicator, counts, "indicator", period_kind=PeriodKind.SCHOOL_YEAR, **values)
    targets = {t.subgroup: t for t in indicator.targets}
    for subgroup, value in data["targets"].items():
        if subgroup in targets:
            assign(targets[subgroup], report, "indicator target", value=value)
        else:
            indicator.targets.append(IndicatorTarget(subgroup=subgroup, value=value))
            report.created["indicator target"] += 1
    have = {(v.period, v.scope_key, v.subgroup) for v in indicator.values}
    for row in data["values"]:
        organisation = (
            organisations[row["organisation"]] if row["organisation"] else None
        )
        scope_key = scope_key_for(organisation.id if organisation else None, "")
        if (row["period"], scope_key, row["subgroup"]) in have:
            continue  # a value changed while trying the demo stays
        indicator.values.append(
            IndicatorValue(
                period=row["period"],
                organisation=organisation,
                area="",
                scope_key=scope_key,
                subgroup=row["subgroup"],
                value=row["value"],
                note=data["note"].get(row["period"], ""),
                origin=data["origin"].get(row["period"], ValueOrigin.IMPORT),
                entered_by=keeping.keeper,
            )
        )
        report.created["indicator value"] += 1
