"""Survey scores: each statement's distribution and average, and the indicator feed.

"Cannot say" is an answer without a score: it counts as an answer to the question
but not in the average. The average of the statements linked to an indicator becomes
the indicator's value for the survey's period, for the whole region and for each
organisation whose work groups answered.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import force_locale, ngettext

from ..extensions import db
from ..models import (
    Indicator,
    IndicatorValue,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    ValueOrigin,
    WorkGroup,
    scope_key_for,
)
from .services import period_kind

log = logging.getLogger("osallistamo.surveys")

REGION_KEY = scope_key_for(None, "")


@dataclass
class LikertResult:
    """How the work groups rated one statement."""

    question: SurveyQuestion
    #: Groups per scale point, 1..scale_max (every point present, zeros included).
    counts: dict[int, int]
    #: Groups that answered "cannot say".
    skipped: int = 0

    @property
    def scored(self) -> int:
        return sum(self.counts.values())

    @property
    def answers(self) -> int:
        return self.scored + self.skipped

    @property
    def average(self) -> float | None:
        if not self.scored:
            return None
        return sum(point * n for point, n in self.counts.items()) / self.scored

    def share(self, point: int) -> float:
        """The point's share of the scored answers (0..1)."""
        return self.counts.get(point, 0) / self.scored if self.scored else 0.0


def average(scores: list[int]) -> float | None:
    """The mean of the given scores, or None without any."""
    return sum(scores) / len(scores) if scores else None


def likert_result(question: SurveyQuestion) -> LikertResult:
    """Count one statement's answers per scale point and the "cannot say" answers."""
    result = LikertResult(
        question=question,
        counts={point: 0 for point in range(1, question.scale_max + 1)},
    )
    rows = db.session.execute(
        sa.select(SurveyAnswer.score, sa.func.count(SurveyAnswer.id))
        .where(SurveyAnswer.question_id == question.id)
        .group_by(SurveyAnswer.score)
    )
    for score, n in rows:
        if score is None:
            result.skipped += n
        elif score in result.counts:
            result.counts[score] += n
    return result


# The indicator feed ------------------------------------------------------------


@dataclass
class FeedReport:
    """What ``feed_indicators`` did: values written, and values it left alone."""

    written: list[IndicatorValue] = field(default_factory=list)
    #: Values entered by hand or imported for the same period and place: kept.
    kept: list[IndicatorValue] = field(default_factory=list)
    #: Linked indicators skipped because they count other periods than the survey.
    mismatched: list[Indicator] = field(default_factory=list)


def _linked(survey: Survey) -> dict[int, list[SurveyQuestion]]:
    linked: dict[int, list[SurveyQuestion]] = defaultdict(list)
    for question in survey.questions:
        if question.kind is QuestionKind.LIKERT and question.indicator_id:
            linked[question.indicator_id].append(question)
    return linked


def _scores_by_scope(question_ids: list[int]) -> dict[str, tuple[int | None, list]]:
    """Every score of these statements, for the region and per organisation."""
    rows = db.session.execute(
        sa.select(SurveyAnswer.score, WorkGroup.organisation_id)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(WorkGroup, WorkGroup.id == SurveyResponse.group_id)
        .where(
            SurveyAnswer.question_id.in_(question_ids),
            SurveyAnswer.score.is_not(None),
        )
    )
    scopes: dict[str, tuple[int | None, list]] = {}
    for score, organisation_id in rows:
        scopes.setdefault(REGION_KEY, (None, []))[1].append(score)
        key = scope_key_for(organisation_id, "")
        scopes.setdefault(key, (organisation_id, []))[1].append(score)
    return scopes


def _note(survey: Survey, count: int) -> str:
    with force_locale(survey.process.language):
        return ngettext(
            "Feedback survey: %(num)d answer", "Feedback survey: %(num)d answers", count
        )


def _feed_one(survey: Survey, indicator_id: int, questions, report: FeedReport):
    scopes = _scores_by_scope([q.id for q in questions])
    existing = {
        value.scope_key: value
        for value in db.session.scalars(
            sa.select(IndicatorValue).where(
                IndicatorValue.indicator_id == indicator_id,
                IndicatorValue.period == survey.period,
                IndicatorValue.subgroup == "",
                IndicatorValue.area == "",
            )
        )
    }
    for key, (organisation_id, scores) in scopes.items():
        value = existing.get(key)
        if value is not None and value.origin is not ValueOrigin.SURVEY:
            report.kept.append(value)
            continue
        if value is None:
            value = IndicatorValue(
                indicator_id=indicator_id,
                period=survey.period,
                organisation_id=organisation_id,
                area="",
                scope_key=key,
                subgroup="",
            )
            db.session.add(value)
        value.value = round(average(scores), 2)
        value.note = _note(survey, len(scores))
        value.origin = ValueOrigin.SURVEY
        report.written.append(value)
    for key, value in existing.items():
        # A place whose every answer is now "cannot say" has no survey value left.
        if key not in scopes and value.origin is ValueOrigin.SURVEY:
            db.session.delete(value)


def feed_indicators(survey: Survey) -> FeedReport:
    """Write the averages of the survey's linked statements to their indicators.

    For each linked indicator whose period kind matches the survey's period: one
    value for the whole region and one per organisation of the answering groups,
    the average of every score given to the statements linked to it (skips left
    out), with origin ``survey`` and a note of how many scores it rests on. Values
    entered by hand or imported for the same place and period are left as they are.
    Called whenever a response is saved or a link or the period changes.
    """
    report = FeedReport()
    kind = period_kind(survey.period)
    if kind is None:
        return report
    for indicator_id, questions in _linked(survey).items():
        indicator = db.session.get(Indicator, indicator_id)
        if indicator is None:
            continue
        if indicator.period_kind is not kind:
            report.mismatched.append(indicator)
            continue
        _feed_one(survey, indicator_id, questions, report)
    db.session.flush()
    log.info("survey %s fed %d indicator values", survey.id, len(report.written))
    return report


def remove_fed_values(survey: Survey, indicator_ids: set[int], period: str) -> None:
    """Remove the survey values of these indicators for a period no longer fed.

    Values another survey of the process still feeds for that period stay.
    """
    if not period or not indicator_ids:
        return
    still_fed = set(
        db.session.scalars(
            sa.select(SurveyQuestion.indicator_id)
            .join(Survey, Survey.id == SurveyQuestion.survey_id)
            .where(
                Survey.period == period,
                SurveyQuestion.indicator_id.in_(indicator_ids),
                SurveyQuestion.kind == QuestionKind.LIKERT,
            )
        )
    )
    gone = indicator_ids - still_fed
    if not gone:
        return
    db.session.execute(
        sa.delete(IndicatorValue).where(
            IndicatorValue.indicator_id.in_(gone),
            IndicatorValue.period == period,
            IndicatorValue.origin == ValueOrigin.SURVEY,
        )
    )
    db.session.flush()


def feed_problems(survey: Survey) -> FeedReport:
    """What keeps linked indicators from getting the survey's values (no writes).

    Lists the linked indicators whose period kind differs from the survey's period,
    and the hand-entered values the feed would not overwrite.
    """
    report = FeedReport()
    kind = period_kind(survey.period)
    for indicator_id in _linked(survey):
        indicator = db.session.get(Indicator, indicator_id)
        if indicator is None:
            continue
        if kind is not None and indicator.period_kind is not kind:
            report.mismatched.append(indicator)
        elif kind is not None:
            report.kept.extend(
                db.session.scalars(
                    sa.select(IndicatorValue).where(
                        IndicatorValue.indicator_id == indicator_id,
                        IndicatorValue.period == survey.period,
                        IndicatorValue.subgroup == "",
                        IndicatorValue.area == "",
                        IndicatorValue.origin != ValueOrigin.SURVEY,
                    )
                )
            )
    return report
