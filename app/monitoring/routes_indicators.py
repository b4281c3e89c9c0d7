"""Indicators of a goal: their page (targets and values), add, edit, reorder, remove."""

from __future__ import annotations

from types import SimpleNamespace

from flask import current_app, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import MissingTitle
from ..extensions import db
from ..forms import form_status
from ..i18n import localized
from ..models import Goal, Indicator, Process
from ..permissions import can
from ..web import apply_move, confirm_then, get_in_process_or_404, load_process
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
    indicator = (
        get_in_process_or_404(process, Indicator, indicator_id)
        if indicator_id is not None
        else None
    )
    goal = (
        indicator.goal
        if indicator is not None
        else get_in_process_or_404(process, Goal, goal_id)
    )
    form = _indicator_form(process, indicator)
    if form.validate_on_submit():
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
        try:
            if indicator is None:
                indicator = services_indicators.add_indicator(goal, **fields)
                message = _("The indicator has been added.")
            else:
                services_indicators.update_indicator(indicator, **fields)
                message = _("The changes have been saved.")
        except MissingTitle as error:
            db.session.rollback()
            form.title.form[process.language].errors.append(str(error))
        except services_indicators.PeriodKindLocked as error:
            db.session.rollback()
            form.period_kind.errors.append(str(error))
        else:
            db.session.commit()
            flash(message, "success")
            return redirect(indicator_url(indicator))
    page = render_template(
        "monitoring/indicator_form.html",
        form=form,
        process=process,
        goal=goal,
        indicator=indicator,
    )
    return page, form_status(form)


@bp.route("/<slug>/monitoring/indicators/<int:indicator_id>")
@login_required
def indicator(slug: str, indicator_id: int):
    """An indicator: its targets and its values, filtered and a page at a time."""
    process = load_process(slug, "monitoring.view")
    indicator = get_in_process_or_404(process, Indicator, indicator_id)
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
    page = db.paginate(
        queries.values_statement(
            indicator, period=period, subgroup=subgroup, team=team
        ),
        per_page=current_app.config["ITEMS_PER_PAGE"],
        error_out=False,
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
    process = load_process(slug, "monitoring.manage")
    indicator = get_in_process_or_404(process, Indicator, indicator_id)
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
    process = load_process(slug, "monitoring.manage")
    indicator = get_in_process_or_404(process, Indicator, indicator_id)
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
