"""Setting a survey up (facilitators): introduction, period, questions, next period."""

from __future__ import annotations

from functools import partial

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..errors import InvalidSchedule
from ..extensions import db
from ..forms import ConfirmForm, edit_form, form_status
from ..i18n import from_helsinki_input, localized
from ..models import QuestionKind, SurveyQuestion
from ..web import apply_move, apply_or_refusal, get_in_process_or_404, save_or_show
from . import bp, services, services_questions
from .forms import (
    NextPeriodForm,
    QuestionForm,
    SurveySettingsForm,
    indicator_choices,
    refused_field,
)
from .queries import load_survey
from .scoring import feed_problems


def _settings_url(slug: str, phase_id: int, anchor: str | None = "questions") -> str:
    return url_for("surveys.settings", slug=slug, phase_id=phase_id, _anchor=anchor)


def _page(template: str, form, process, survey, **context) -> str:
    """A set-up page of the survey: its form, process, survey and phase."""
    return render_template(
        template,
        form=form,
        process=process,
        survey=survey,
        phase=survey.phase,
        **context,
    )


def _load_question(slug: str, phase_id: int, question_id: int):
    """The process, its survey and one of the survey's questions, for the survey's
    team; another survey's question is not found."""
    process, survey = load_survey(slug, "survey.manage", phase_id)
    question = get_in_process_or_404(
        process, SurveyQuestion, question_id, lambda q: q.survey_id == survey.id
    )
    return process, survey, question


@bp.route("/<slug>/surveys/<int:phase_id>/settings", methods=["GET", "POST"])
@login_required
def settings(slug: str, phase_id: int):
    """Edit the introduction and the period; list the questions and their locks."""
    process, survey = load_survey(slug, "survey.manage", phase_id)
    form = edit_form(SurveySettingsForm, survey, main_language=process.language)

    def show():
        questions = list(survey.questions)
        return _page(
            "surveys/settings.html",
            form,
            process,
            survey,
            questions=questions,
            locked={q.id for q in questions if services_questions.is_locked(q)},
            problems=feed_problems(survey),
            period_kind=services.period_kind(survey.period),
            following=services.next_period(survey.period),
            max_questions=services_questions.MAX_QUESTIONS,
        )

    return save_or_show(
        form,
        lambda: services.update_survey(
            survey, intro=form.intro.data, period=form.period.data or ""
        ),
        form.period,
        _("The changes have been saved."),
        _settings_url(slug, phase_id, None),
        show,
    )


def _save_or_show(form, process, survey, question, save, saved_message, locked):
    """Save the question (add or edit) with the form's values, or show its form; a
    refusal shows at the field it concerns."""
    return save_or_show(
        form,
        lambda: save(**form.values()),
        partial(refused_field, form, process),
        saved_message,
        _settings_url(process.slug, survey.phase_id),
        lambda: _page(
            "surveys/question_form.html",
            form,
            process,
            survey,
            question=question,
            locked=locked,
            has_indicators=len(form.indicator.choices) > 1,
        ),
    )


@bp.route("/<slug>/surveys/<int:phase_id>/questions/new", methods=["GET", "POST"])
@login_required
def add_question(slug: str, phase_id: int):
    """Add a statement or a free-text question at the end."""
    process, survey = load_survey(slug, "survey.manage", phase_id)
    form = QuestionForm(
        main_language=process.language, indicators=indicator_choices(process)
    )
    if request.method == "GET" and request.args.get("kind") in ("likert", "text"):
        form.kind.data = request.args["kind"]
    return _save_or_show(
        form,
        process,
        survey,
        None,
        partial(services_questions.add_question, survey),
        _("The question has been added."),
        False,
    )


@bp.route(
    "/<slug>/surveys/<int:phase_id>/questions/<int:question_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_question(slug: str, phase_id: int, question_id: int):
    """Edit a question; an answered one keeps its kind and scale."""
    process, survey, question = _load_question(slug, phase_id, question_id)
    locked = services_questions.is_locked(question)
    form = edit_form(
        QuestionForm,
        question,
        {"kind": question.kind.value, "indicator": question.indicator_id or 0},
        main_language=process.language,
        indicators=indicator_choices(process),
    )
    if request.method != "GET" and locked:
        # Disabled fields are not sent: an answered question keeps its shape.
        form.kind.data = question.kind.value
        if question.kind is QuestionKind.LIKERT:
            form.scale_max.data = question.scale_max
    return _save_or_show(
        form,
        process,
        survey,
        question,
        partial(services_questions.update_question, question),
        _("The changes have been saved."),
        locked,
    )


@bp.route(
    "/<slug>/surveys/<int:phase_id>/questions/<int:question_id>/move",
    methods=["POST"],
)
@login_required
def move_question(slug: str, phase_id: int, question_id: int):
    """Move a question one step up or down."""
    process, survey, question = _load_question(slug, phase_id, question_id)
    apply_move(
        services_questions.move_question,
        question,
        _("The order of the questions has been changed."),
    )
    return redirect(_settings_url(slug, phase_id))


@bp.route(
    "/<slug>/surveys/<int:phase_id>/questions/<int:question_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_question(slug: str, phase_id: int, question_id: int):
    """Ask for confirmation, then remove an unanswered question (POST only)."""
    process, survey, question = _load_question(slug, phase_id, question_id)
    form = ConfirmForm()
    locked = services_questions.is_locked(question)
    if not locked and form.validate_on_submit():
        text = localized(question.text, process.language)
        services_questions.delete_question(question)
        db.session.commit()
        flash(
            _("The question “%(question)s” has been removed.", question=text), "success"
        )
        return redirect(_settings_url(slug, phase_id))
    return _page(
        "surveys/question_delete.html",
        form,
        process,
        survey,
        question=question,
        refusal=str(services_questions.QuestionLocked()) if locked else None,
    ), (409 if locked and request.method == "POST" else 200)


@bp.route("/<slug>/surveys/<int:phase_id>/next-period", methods=["GET", "POST"])
@login_required
def next_period(slug: str, phase_id: int):
    """Run the survey again: a copy in a new survey phase for the next period."""
    process, survey = load_survey(slug, "survey.manage", phase_id)
    following = services.next_period(survey.period)
    form = NextPeriodForm()
    refusal = None
    if following is None:
        refusal = str(services.NoPeriod())
    elif services.survey_for_period(process, following) is not None:
        refusal = str(services.NextPeriodExists(following))
    if refusal is None and form.validate_on_submit():
        copy, error = apply_or_refusal(
            lambda: services.copy_to_next_period(
                survey,
                starts_at=from_helsinki_input(form.starts_at.data),
                ends_at=from_helsinki_input(form.ends_at.data),
            )
        )
        if isinstance(error, InvalidSchedule):
            form.ends_at.errors.append(str(error))
        elif error is not None:
            refusal = str(error)
        else:
            flash(
                _(
                    "The survey for %(period)s has been created with the same "
                    "questions. Check its texts and set its times.",
                    period=following,
                ),
                "success",
            )
            return redirect(_settings_url(slug, copy.phase_id, None))
    page = _page(
        "surveys/next_period.html",
        form,
        process,
        survey,
        following=following,
        refusal=refusal,
    )
    return page, form_status(form)
