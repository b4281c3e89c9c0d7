"""The survey page: the introduction and, for a work group's members, the answer form.

The form validates CSRF itself (the view is exempt from the global check), so an
expired session brings the form back with everything typed instead of an error page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..comments import groups_of
from ..extensions import csrf, limiter
from ..limits import per_user_writes, user_key
from ..permissions import can, require
from ..web import save_or_field_error
from . import bp, services
from .forms import (
    answer_field_name,
    answer_form_class,
    answer_values,
    saved_answers,
    scale_labels,
)
from .queries import load_survey
from .services_answers import response_of, submit_response


def _chosen_group(groups, value):
    """The group the member answers for: the one asked for, else their first."""
    for group in groups:
        if str(group.id) == str(value or ""):
            return group
    return groups[0] if groups else None


@bp.route("/<slug>/surveys/<int:phase_id>/", methods=["GET", "POST"])
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def detail(slug: str, phase_id: int):
    """The survey: its introduction, whether it is open, and the group's answers."""
    process, survey = load_survey(slug, "survey.view", phase_id)
    now = datetime.now(UTC)
    current = services.state(survey, now)
    questions = list(survey.questions)
    groups = groups_of(current_user, process.id)
    may_answer = bool(groups) and can(current_user, "survey.answer", process)
    group = _chosen_group(groups, request.values.get("group"))
    response = response_of(survey, group) if group is not None else None
    form_class = answer_form_class(questions)
    if request.method == "POST":
        require(current_user, "survey.answer", process)
        form = form_class()
    else:
        form = form_class(data=saved_answers(survey, response))
    if group is not None:
        form.group.data = str(group.id)

    if request.method == "POST" and may_answer and form.validate():
        scores, texts = answer_values(form, questions)
        saved = save_or_field_error(
            lambda: submit_response(
                survey,
                group=group,
                author=current_user._get_current_object(),
                scores=scores,
                texts=texts,
                now=now,
            ),
            form,
            _("The answers of %(group)s have been saved.", group=group.name),
            url_for(
                "surveys.detail",
                slug=slug,
                phase_id=phase_id,
                group=group.id if len(groups) > 1 else None,
                _anchor="answers",
            ),
        )
        if saved is not None:
            return saved
    elif request.method == "POST" and not form.errors:
        form.form_errors.append(_("The answers could not be saved."))

    session_expired = bool(getattr(form, "csrf_token", None) and form.csrf_token.errors)
    page = render_template(
        "surveys/detail.html",
        process=process,
        survey=survey,
        phase=survey.phase,
        state=current.value,
        questions=questions,
        form=form,
        groups=groups,
        group=group,
        response=response,
        may_answer=may_answer,
        # A refused save keeps its form (and answers) even when the survey closed.
        show_form=may_answer
        and bool(questions)
        and (current is services.SurveyState.OPEN or bool(form.errors)),
        session_expired=session_expired,
        scale_labels=scale_labels,
        field_name=answer_field_name,
        group_count=len(process.work_groups),
    )
    return page, (422 if request.method == "POST" else 200)
