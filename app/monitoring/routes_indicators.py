"""Indicators of a goal: their page (targets and values), add, edit, reorder, remove."""

from __future__ import annotations

from types import SimpleNamespace

from flask import redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..i18n import localized
from ..models import Indicator, Process
from ..permissions import can
from ..web import (
    apply_move,
    confirm_then,
    load_in_process,
    load_process,
    paginated,
    save_or_show,
)
from . import bp, queries, services_indicators, targets
from .forms import IndicatorForm
from .urls import goal_anchor, indicator_url, plan_url

#: The subgroup filter's value for the values that concern everyone (subgroup "").
EVERYONE = "-"


def _indicator_form(process: Process, indicator: Indicator | None) -> IndicatorForm:
    if request.method == "GET" and indicator is not None:
        # The form's own view of the indicator: enum values and the targets' text.
        saved = SimpleNamespace(
            title=indicator.title,
            description=indicator.description,
            unit=indicator.unit,
            direction=indicator.direction.value,
            source=indicator.source.value,
            source_detail=indicator.source_detail,
            period_kind=indicator.period_kind.value,
            targets=targets.format_target_lines(indicator.targets),
        )
        form = IndicatorForm(main_language=process.language, obj=saved)
    else:
        form = IndicatorForm(main_language=process.language)
    form.source_detail.render_kw = {"lang": process.language}
    return form


@bp.route(
    "/<slug>/monitoring/goals/<int:goal_id>/indicators/new", methods=["GET", "POST"]
)
@bp.route(
    "/<slug>/monitoring/indicators/<int:indicator_id>/edit", methods=["GET", "POST"]
)
@login_required
def indicator_form(
    slug: str, goal_id: int | None = None, indicator_id: int | None = None
):
    """Add an indicator at the end of a goal's indicators, or edit one."""
    process = load_process(slug, "monitoring.manage")
    goal, indicator = queries.goal_and_item(process, Indicator, indicator_id, goal_id)
    form = _indicator_form(process, indicator)

    def save() -> Indicator:
        fields = dict(
            title=form.title.data,
            description=form.description.data,
            unit=form.unit.data or "",
            direction=form.direction.data,
            source=form.source.data,
            source_detail=form.source_detail.data or "",
            period_kind=form.period_kind.data,
            targets=form.parsed_targets,
        )
        if indicator is None:
            return services_indicators.add_indicator(goal, **fields)
        return services_indicators.update_indicator(indicator, **fields)

    def refused_field(error):
        if isinstance(error, services_indicators.PeriodKindLocked):
            return form.period_kind
        return form.title.form[process.language]  # MissingTitle

    return save_or_show(
        form,
        save,
        refused_field,
        _("The indicator has been added.")
        if indicator is None
        else _("The changes have been saved."),
        indicator_url,
        lambda: render_template(
            "monitoring/indicator_form.html",
            form=form,
            process=process,
            goal=goal,
            indicator=indicator,
        ),
    )


@bp.route("/<slug>/monitoring/indicators/<int:indicator_id>")
@login_required
def indicator(slug: str, indicator_id: int):
    """An indicator: its targets and its values, filtered and a page at a time."""
    process, indicator = load_in_process(
        slug, "monitoring.view", Indicator, indicator_id
    )
    team = can(current_user, "monitoring.survey_organisations", process)
    periods, subgroups = queries.value_filters(indicator, team=team)
    period = request.args.get("period") or None
    if period is not None and period not in periods:
        period = None
    # "" in the query means every subgroup; "-" the values for everyone (subgroup "").
    raw_subgroup = request.args.get("subgroup") or None
    subgroup = "" if raw_subgroup == EVERYONE else raw_subgroup
    if subgroup is not None and subgroup not in subgroups:
        subgroup, raw_subgroup = None, None
    page = paginated(
        queries.values_statement(indicator, period=period, subgroup=subgroup, team=team)
    )
    filters = {"period": period, "subgroup": subgroup}
    return render_template(
        "monitoring/indicator.html",
        process=process,
        indicator=indicator,
        goal=indicator.goal,
        page=page,
        rows=[
            (row, targets.verdict(indicator, row.subgroup, row.value))
            for row in page.items
        ],
        periods=periods,
        subgroups=subgroups,
        filters=filters,
        page_args={
            key: value
            for key, value in (("period", period), ("subgroup", raw_subgroup))
            if value
        },
        everyone=EVERYONE,
        total=queries.value_counts_by_indicator([indicator], team=team)[indicator.id],
        manage=can(current_user, "monitoring.manage", process),
        target_for=targets.target_for,
    )


@bp.route("/<slug>/monitoring/indicators/<int:indicator_id>/move", methods=["POST"])
@login_required
def move_indicator(slug: str, indicator_id: int):
    """Move an indicator one step within its goal."""
    process, indicator = load_in_process(
        slug, "monitoring.manage", Indicator, indicator_id
    )
    apply_move(
        services_indicators.move_indicator,
        indicator,
        _("The order of the indicators has been changed."),
    )
    return redirect(plan_url(process, goal_anchor(indicator.goal)))


@bp.route(
    "/<slug>/monitoring/indicators/<int:indicator_id>/delete", methods=["GET", "POST"]
)
@login_required
def delete_indicator(slug: str, indicator_id: int):
    """Ask for confirmation (saying how many values go), then remove an indicator."""
    process, indicator = load_in_process(
        slug, "monitoring.manage", Indicator, indicator_id
    )
    title = localized(indicator.title, process.language)
    return confirm_then(
        "monitoring/indicator_delete.html",
        lambda: services_indicators.delete_indicator(indicator),
        _("The indicator “%(title)s” has been removed.", title=title),
        plan_url(process, goal_anchor(indicator.goal)),
        process=process,
        indicator=indicator,
        value_count=services_indicators.value_count(indicator),
    )
