"""Survey set-up rules: the survey of a phase, its state, settings and period, and
running it again for the next period.

A survey belongs to a survey phase and opens and closes with it. Its questions are
in services_questions.py.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..models import PeriodKind, Phase, PhaseKind, Process, Survey
from ..monitoring.targets import valid_period
from ..processes.services_phases import kind_settings
from ..text import render_translated
from .services_questions import copy_questions

log = logging.getLogger("osallistamo.surveys")


class InvalidPeriod(DomainError):
    message = _l(
        "Write the period as a school year (2025-2026) or a calendar year (2026)."
    )


class NoPeriod(DomainError):
    message = _l("Set the survey's period first, so the next period can be counted.")


class NextPeriodExists(DomainError):
    def __init__(self, period: str):
        super().__init__(
            _l(
                "The process already has a survey for the period %(period)s.",
                period=period,
            )
        )


class SurveyState(enum.StrEnum):
    NOT_OPEN = "not_open"
    OPEN = "open"
    CLOSED = "closed"


def ensure_survey(phase: Phase) -> Survey | None:
    """Give a survey phase its survey settings (kept if the kind changes back)."""
    return kind_settings(phase, PhaseKind.SURVEY, "survey", Survey)


def state(survey: Survey, now: datetime) -> SurveyState:
    """Open between the phase's start and end; without a start it is not open yet."""
    phase = survey.phase
    if phase.starts_at is None or now < phase.starts_at:
        return SurveyState.NOT_OPEN
    if phase.ends_at is not None and now >= phase.ends_at:
        return SurveyState.CLOSED
    return SurveyState.OPEN


# Periods ---------------------------------------------------------------------


def period_kind(period: str) -> PeriodKind | None:
    """Which kind of period a text is ("2025-2026": school year), or None if neither."""
    period = (period or "").strip()
    for kind in (PeriodKind.SCHOOL_YEAR, PeriodKind.CALENDAR_YEAR):
        if valid_period(kind, period):
            return kind
    return None


def clean_period(period: str) -> str:
    """Accept a school year or a calendar year ("" leaves it unset).

    :raises InvalidPeriod: for anything else.
    """
    period = (period or "").strip().replace("–", "-").replace(" ", "")
    if period and period_kind(period) is None:
        raise InvalidPeriod()
    return period


def next_period(period: str) -> str | None:
    """The period after this one ("2026-2027" after "2025-2026"), or None."""
    kind = period_kind(period)
    if kind is None:
        return None
    first = int(period[:4])
    if kind is PeriodKind.SCHOOL_YEAR:
        return f"{first + 1}-{first + 2}"
    return str(first + 1)


# Settings --------------------------------------------------------------------


def update_survey(survey: Survey, *, intro: dict, period: str) -> bool:
    """Save the introduction and the period; True when the period changed.

    A changed period moves the indicator values the answers gave to the new period.

    :raises InvalidPeriod: for a period that is neither form.
    """
    period = clean_period(period)
    survey.intro = intro
    survey.intro_html = render_translated(intro)
    changed = period != survey.period
    old_period = survey.period
    survey.period = period
    db.session.flush()
    if changed:
        # Imported here: scoring imports this module's period helpers.
        from .scoring import feed_indicators, remove_fed_values

        indicator_ids = {q.indicator_id for q in survey.questions if q.indicator_id}
        remove_fed_values(survey, indicator_ids, old_period)
        feed_indicators(survey)
    return changed


# Running again -----------------------------------------------------------------


def survey_for_period(process: Process, period: str) -> Survey | None:
    """The process's survey for a period, if it has one."""
    return db.session.scalar(
        sa.select(Survey)
        .join(Phase, Phase.id == Survey.phase_id)
        .where(Phase.process_id == process.id, Survey.period == period)
        .limit(1)
    )


def _next_title(title: dict, period: str, following: str) -> dict:
    """The phase title with the period in it moved on ("Kysely 2025-2026" → 2026-2027),
    whether the title writes it with a hyphen or an en dash."""
    if not period:
        return dict(title)
    dash = "\u2013"
    return {
        lang: text.replace(period, following).replace(
            period.replace("-", dash), following.replace("-", dash)
        )
        for lang, text in title.items()
    }


def copy_to_next_period(
    survey: Survey,
    *,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
) -> Survey:
    """Run the survey again: a new survey phase for the next period, same questions.

    The introduction, the questions and their indicator links are copied; the new
    phase comes last in the process, with the times given (or none yet).

    :raises NoPeriod: when the survey has no period to count on from.
    :raises NextPeriodExists: when the process already has the next period's survey.
    :raises InvalidSchedule: when the end does not come after the start.
    """
    # Imported here: the phase services give new survey phases their survey.
    from ..processes.services_phases import add_phase

    following = next_period(survey.period)
    if following is None:
        raise NoPeriod()
    process = survey.process
    if survey_for_period(process, following) is not None:
        raise NextPeriodExists(following)
    old_phase = survey.phase
    phase = add_phase(
        process,
        kind=PhaseKind.SURVEY,
        title=_next_title(old_phase.title, survey.period, following),
        description=dict(old_phase.description or {}),
        starts_at=starts_at,
        ends_at=ends_at,
    )
    copy = ensure_survey(phase)
    copy.intro = dict(survey.intro or {})
    copy.intro_html = dict(survey.intro_html or {})
    copy.period = following
    copy_questions(survey, copy)
    db.session.flush()
    log.info("survey %s copied to %s for %s", survey.id, copy.id, following)
    return copy
