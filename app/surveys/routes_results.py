"""The survey's results for the team, and their CSV downloads."""

from __future__ import annotations

from flask import render_template
from flask_login import login_required

from ..csvfiles import csv_response
from . import bp
from .forms import scale_labels
from .queries import load_survey
from .results import answers_csv, summary_csv, survey_results


@bp.route("/<slug>/surveys/<int:phase_id>/results")
@login_required
def results(slug: str, phase_id: int):
    """Per statement the answers, average and distribution; the free-text answers."""
    process, survey = load_survey(slug, "survey.results", phase_id)
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
    return _csv(slug, phase_id, summary_csv, "results")


@bp.route("/<slug>/surveys/<int:phase_id>/answers.csv")
@login_required
def answers_csv_download(slug: str, phase_id: int):
    """Every group's answers as CSV (names of people only if the process shows them)."""
    return _csv(slug, phase_id, answers_csv, "answers")


def _csv(slug: str, phase_id: int, write, name: str):
    """The survey's results written as one of the CSV files."""
    process, survey = load_survey(slug, "survey.results", phase_id)
    body = write(survey_results(survey))
    return csv_response(body, f"{process.slug}-survey-{phase_id}-{name}.csv")
