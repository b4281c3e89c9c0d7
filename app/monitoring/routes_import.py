"""Importing indicator values from a CSV file, and the template to fill in."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..csvfiles import csv_response
from ..extensions import db
from ..i18n import current_language
from ..web import load_process
from . import bp, csv_import, csv_table, queries
from .csv_table import ImportRejected
from .forms import ImportForm


@bp.route("/<slug>/monitoring/import", methods=["GET", "POST"])
@login_required
def import_values(slug: str):
    """Upload a CSV of values: every row is checked, and only a faultless file is
    imported (in one transaction). "Only check" rolls the changes back."""
    process = load_process(slug, "monitoring.manage")
    form = ImportForm()
    problems, filename, checked = [], None, None
    if form.validate_on_submit():
        upload = form.file.data
        filename = upload.filename
        data = upload.stream.read(csv_table.MAX_BYTES + 1)
        try:
            report = csv_import.import_values(process, data, actor=current_user)
        except ImportRejected as error:
            db.session.rollback()
            problems = error.problems
        else:
            if form.check_only.data:
                db.session.rollback()
                checked = report
            else:
                db.session.commit()
                flash(
                    _(
                        "%(added)d values added, %(updated)d updated.",
                        added=report.added,
                        updated=report.updated,
                    ),
                    "success",
                )
                if report.skipped:
                    flash(
                        _(
                            "%(count)d rows without a period and a value were skipped.",
                            count=report.skipped,
                        ),
                        "info",
                    )
                return redirect(url_for("monitoring.import_values", slug=slug))
    page = render_template(
        "monitoring/import.html",
        form=form,
        process=process,
        problems=problems,
        filename=filename,
        checked=checked,
        indicators=queries.process_indicators(process),
    )
    return page, (422 if problems or form.errors else 200)


@bp.route("/<slug>/monitoring/import/template.csv")
@login_required
def import_template(slug: str):
    """A CSV listing the process's indicators and target subgroups, to fill in."""
    process = load_process(slug, "monitoring.manage")
    body = csv_import.template_csv(process, current_language())
    return csv_response(body, f"{process.slug}-indicator-values.csv")
