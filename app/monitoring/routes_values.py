"""Values of an indicator: add, edit and remove one figure."""

from __future__ import annotations

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..models import Indicator, IndicatorValue, Organisation, Process
from . import bp, queries, services_indicators
from .forms import ValueForm
from .routes import get_indicator_or_404, get_value_or_404, load_process
from .routes_indicators import indicator_url


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
    process = load_process(slug, manage=True)
    indicator = get_indicator_or_404(process, indicator_id)
    row = get_value_or_404(indicator, value_id) if value_id is not None else None
    form = _value_form(process, indicator, row)
    duplicate = None
    if form.validate_on_submit():
        organisation = (
            db.session.get(Organisation, int(form.organisation.data))
            if form.organisation.data
            else None
        )
        try:
            saved = services_indicators.save_value(
                indicator,
                period=form.period.data,
                value=form.number,
                organisation=organisation,
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
    process = load_process(slug, manage=True)
    indicator = get_indicator_or_404(process, indicator_id)
    row = get_value_or_404(indicator, value_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services_indicators.delete_value(row)
        db.session.commit()
        flash(_("The value has been removed."), "success")
        return redirect(indicator_url(indicator))
    return render_template(
        "monitoring/value_delete.html",
        form=form,
        process=process,
        indicator=indicator,
        row=row,
    )
