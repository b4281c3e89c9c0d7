"""Turn the demo's feedback survey (``content/survey.toml``) into rows: a closed survey
phase for the last completed school year, the groups' answers and the codes on them.

The answers go in through ``answering.submit_response`` at the time each group
answered (inside the survey's time, so the open-time rule holds), so the free-text
answers are comments under the questions' prompts, a revised answer keeps its first
wording as a version, and the indicator's values for the survey's school year
(region-wide and per organisation) are written by ``feed_indicators``, not entered by
hand. The facilitator has coded some of the free-text answers to themes.

Loading again creates nothing new: the survey is found by its period, a question by
its position, a response by its group, a code by its comment. Texts and times are
set back to the data; answers and codes changed while trying the demo stay. Loaded
in a later school year, the demo gets that year's survey beside the earlier one.
"""

from __future__ import annotations

from ..auth.services import find_user_by_email
from ..coding.services import add_code
from ..coding.suggest import decided_themes
from ..extensions import db
from ..models import (
    Comment,
    Indicator,
    Process,
    QuestionKind,
    Survey,
    SurveyQuestion,
    WorkGroup,
)
from ..processes.services_phases import add_phase
from ..surveys.scoring import FeedReport
from ..surveys.services import ensure_survey, survey_for_period, update_survey
from ..surveys.services_answers import response_of, submit_response
from ..surveys.services_questions import add_question, sync_prompt
from ..text import render_translated
from .base import LoadReport, assign, at_position, participant


def feedback_indicator(process: Process, spec: dict) -> Indicator | None:
    """The indicator the survey's statements feed (``indicator``: goal and position)."""
    goal_position, position = spec["indicator"]
    goal = at_position(process.goals, goal_position)
    return at_position(goal.indicators, position) if goal is not None else None


def load_survey(
    process: Process, spec: dict, groups: dict[str, WorkGroup], report: LoadReport
) -> Survey:
    """Create or refresh the demo's feedback survey and its answers; flush.

    Call after the monitoring data: the statements feed one of its indicators.
    ``groups`` maps the demo's group names to rows.
    """
    db.session.flush()
    survey = _survey(process, spec, report)
    questions = _questions(survey, spec, feedback_indicator(process, spec), report)
    likert = [q for q in questions if q.kind is QuestionKind.LIKERT]
    texts = [q for q in questions if q.kind is QuestionKind.TEXT]
    feed: FeedReport | None = None
    for data in spec["responses"]:
        group = groups[data["group"]]
        if response_of(survey, group) is not None:
            continue  # answered on an earlier load: its answers stay
        author = participant(group, data["author"], report)
        scores = {q.id: s for q, s in zip(likert, data["scores"], strict=True)}
        saves = [(data["texts"], data["at"])]
        if data.get("revised"):
            saves.append((data["revised"]["texts"], data["revised"]["at"]))
        for answers, at in saves:
            _response, feed = submit_response(
                survey,
                group=group,
                author=author,
                scores=scores,
                texts={q.id: t for q, t in zip(texts, answers, strict=True)},
                now=at,
            )
        report.created["survey response"] += 1
        report.created["free-text answer"] += sum(1 for t in data["texts"] if t)
    if feed is not None:
        report.created["survey-fed indicator value"] += len(feed.written)
    _code_answers(process, spec, survey, texts, groups, report)
    db.session.flush()
    return survey


def _survey(process: Process, spec: dict, report: LoadReport) -> Survey:
    """The process's survey for the period, its phase's texts and times as the data."""
    data = spec["phase"]
    survey = survey_for_period(process, spec["period"])
    values = {
        key: data[key] for key in ("title", "description", "starts_at", "ends_at")
    }
    if survey is None:
        phase = add_phase(process, kind=data["kind"], **values)
        survey = ensure_survey(phase)
        update_survey(survey, intro=spec["intro"], period=spec["period"])
        report.created["survey phase"] += 1
        return survey
    html = render_translated(data["description"])
    assign(survey.phase, report, "survey phase", description_html=html, **values)
    intro, intro_html = spec["intro"], render_translated(spec["intro"])
    assign(survey, report, "survey", intro=intro, intro_html=intro_html)
    return survey


def _questions(
    survey: Survey, spec: dict, indicator: Indicator | None, report: LoadReport
) -> list[SurveyQuestion]:
    """The survey's questions by position: added when missing, texts set back."""
    result = []
    for position, data in enumerate(spec["questions"], start=1):
        question = at_position(survey.questions, position)
        if question is None:
            linked = data.get("linked") and indicator is not None
            question = add_question(
                survey,
                kind=data["kind"],
                text=data["text"],
                indicator_id=indicator.id if linked else None,
            )
            report.created["survey question"] += 1
        elif assign(question, report, "survey question", text=data["text"]):
            sync_prompt(question)  # a free-text question's prompt has the same text
        result.append(question)
    db.session.flush()
    return result


def _code_answers(
    process: Process,
    spec: dict,
    survey: Survey,
    texts: list[SurveyQuestion],
    groups: dict[str, WorkGroup],
    report: LoadReport,
) -> None:
    """The facilitator's codes, on answers nobody has decided on yet."""
    actor = find_user_by_email(spec["by"])
    themes = {theme.position: theme for theme in process.themes}
    if actor is None:
        return
    targets: list[tuple[Comment, int]] = []
    for group_name, number, position in spec["codes"]:
        comment = _answer_comment(survey, groups[group_name], texts[number - 1])
        if comment is not None and position in themes:
            targets.append((comment, position))
    decided = decided_themes([comment.id for comment, _position in targets])
    for comment, position in targets:
        if decided[comment.id]:
            continue  # coded (or a code removed) before, perhaps in the app: stays
        add_code(comment, themes[position], actor=actor, now=spec["coded_at"])
        report.created["theme code"] += 1


def _answer_comment(
    survey: Survey, group: WorkGroup, question: SurveyQuestion
) -> Comment | None:
    """The group's visible free-text answer to the question, if it has one."""
    response = response_of(survey, group)
    if response is None:
        return None
    answer = next((a for a in response.answers if a.question_id == question.id), None)
    comment = answer.comment if answer is not None else None
    if comment is None or comment.is_deleted or comment.is_hidden:
        return None
    return comment
