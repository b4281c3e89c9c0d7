"""Values of an indicator: add, edit and remove one figure."""

from __future__ import annotations

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..extensions import db
from ..forms import form_status
from ..models import Indicator, IndicatorValue, Process
from ..web import confirm_then, get_in_process_or_404, load_in_process
from . import bp, queries, services_indicators
from .forms import ValueForm
from .urls import indicator_url


def _row(process: Process, indicator: Indicator, value_id: int) -> IndicatorValue:
    """A value of this indicator; another indicator's is not found here."""
    return get_in_process_or_404(
        process, IndicatorValue, value_id, lambda row: row.indicator_id == indicator.id
    )


def _value_form(
    process: Process, indicator: Indicator, row: IndicatorValue | None
) -> ValueForm:
    if request.method == "GET" and row is not None:
        form = ValueForm(
            period_kind=indicator.period_kind,
            data={
                "period": row.period,
                "organisation": str(row.organisation_id or ""),
                "area": row.area,
                "subgroup": row.subgroup,
                "value": format(row.value, ".12g"),
                "note": row.note,
            },
        )
    else:
        form = ValueForm(period_kind=indicator.period_kind)
    form.set_organisations(*queries.organisations_for(process))
    form.subgroup.render_kw = {"list": "subgroups", "autocomplete": "off"}
    form.note.render_kw = {"lang": process.language, "rows": 3}
    return form


@bp.route(
    "/<slug>/monitoring/indicators/<int:indicator_id>/values/new",
    methods=["GET", "POST"],
)
@bp.route(
    "/<slug>/monitoring/indicators/<int:indicator_id>/values/<int:value_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def value_form(slug: str, indicator_id: int, value_id: int | None = None):
    """Add one value of an indicator, or correct one; a second value for the same
    period, place and subgroup is refused with a link to the existing one."""
    process, indicator = load_in_process(
        slug, "monitoring.manage", Indicator, indicator_id
    )
    row = _row(process, indicator, value_id) if value_id is not None else None
    form = _value_form(process, indicator, row)
    duplicate = None
    if form.validate_on_submit():
        try:
            saved = services_indicators.save_value(
                indicator,
                period=form.period.data,
                value=form.number,
                organisation=queries.chosen_organisation(form.organisation.data),
                area=form.area.data or "",
                subgroup=form.subgroup.data or "",
                note=form.note.data or "",
                actor=current_user,
                existing=row,
            )
        except services_indicators.DuplicateValue as error:
            db.session.rollback()
            duplicate = error.existing
            form.period.errors.append(str(error))
        except (
            services_indicators.InvalidPeriod,
            services_indicators.BothOrganisationAndArea,
        ) as error:
            db.session.rollback()
            form.period.errors.append(str(error))
        else:
            db.session.commit()
            flash(
                _("The value has been saved.")
                if row is not None
                else _("The value has been added."),
                "success",
            )
            return redirect(indicator_url(indicator, period=saved.period))
    page = render_template(
        "monitoring/value_form.html",
        form=form,
        process=process,
        indicator=indicator,
        row=row,
        duplicate=duplicate,
    )
    return page, (409 if duplicate is not None else form_status(form))


@bp.route(
    "/<slug>/monitoring/indicators/<int:indicator_id>/values/<int:value_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_value(slug: str, indicator_id: int, value_id: int):
    """Ask for confirmation, then remove one value."""
    process, indicator = load_in_process(
        slug, "monitoring.manage", Indicator, indicator_id
    )
    row = _row(process, indicator, value_id)
    return confirm_then(
        "monitoring/value_delete.html",
        lambda: services_indicators.delete_value(row),
        _("The value has been removed."),
        indicator_url(indicator),
        process=process,
        indicator=indicator,
        row=row,
    )
