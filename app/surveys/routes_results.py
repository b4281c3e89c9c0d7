"""The survey's results for the team, and their CSV downloads."""

from __future__ import annotations

from flask import render_template
from flask_babel import format_decimal
from flask_login import login_required

from ..csvfiles import csv_response
from . import bp
from .forms import scale_labels
from .loading import load
from .results import answers_csv, summary_csv, survey_results


@bp.app_template_filter("survey_average")
def survey_average(value: float | None) -> str:
    """An average with two decimals in the reader's style (3,50 in Finnish)."""
    if value is None:
        return "–"
    return format_decimal(value, format="0.00")


@bp.app_template_filter("survey_percent")
def survey_percent(share: float) -> str:
    """A share as a whole percentage in the reader's style."""
    return format_decimal(share * 100, format="0")


@bp.route("/<slug>/surveys/<int:phase_id>/results")
@login_required
def results(slug: str, phase_id: int):
    """Per statement the answers, average and distribution; the free-text answers."""
    process, survey = load(slug, phase_id, "survey.results")
    return render_template(
        "surveys/results.html",
        process=process,
        survey=survey,
        phase=survey.phase,
        results=survey_results(survey),
        scale_labels=scale_labels,
    )


@bp.route("/<slug>/surveys/<int:phase_id>/results.csv")
@login_required
def results_csv(slug: str, phase_id: int):
    """The results per question as CSV (answers, "cannot say", average, points)."""
    process, survey = load(slug, phase_id, "survey.results")
    body = summary_csv(survey_results(survey))
    return csv_response(body, f"{process.slug}-survey-{phase_id}-results.csv")


@bp.route("/<slug>/surveys/<int:phase_id>/answers.csv")
@login_required
def answers_csv_download(slug: str, phase_id: int):
    """Every group's answers as CSV (names of people only if the process shows them)."""
    process, survey = load(slug, phase_id, "survey.results")
    body = answers_csv(survey_results(survey))
    return csv_response(body, f"{process.slug}-survey-{phase_id}-answers.csv")
