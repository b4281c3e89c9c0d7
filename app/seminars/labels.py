"""Translated names (agenda kinds, workshop methods, the feeling line's scale) and the
seminar's date line."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date as babel_format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..i18n import current_language, format_time, localized, to_helsinki
from ..models import AgendaItem, AgendaKind, Phase, QuestionState, WorkshopMethod
from . import bp
from .methods import spec

AGENDA_KIND_LABELS = {
    AgendaKind.INTRO_TALK: _l("Intro talk"),
    AgendaKind.COMMENT_TALK: _l("Comment talk"),
    AgendaKind.WORKSHOPS: _l("Workshop block"),
    AgendaKind.WRAP_UP: _l("Joint wrap-up"),
    AgendaKind.BREAK: _l("Break"),
    AgendaKind.OTHER: _l("Other"),
}

#: A feeling line's scale, from 1 to 5.
SCALE_LABELS = {
    1: _l("Strongly disagree"),
    2: _l("Disagree"),
    3: _l("Neither agree nor disagree"),
    4: _l("Agree"),
    5: _l("Strongly agree"),
}

#: A question to a speaker as its asker and the facilitator see it.
QUESTION_STATE_LABELS = {
    QuestionState.NEW: _l("Waiting"),
    QuestionState.SHORTLISTED: _l("On the shortlist"),
    QuestionState.ANSWERED: _l("Answered"),
}

#: The weekday (stand-alone: "keskiviikko", not "keskiviikkona") and the date.
DAY_PATTERN = "cccc d.M.yyyy"


@bp.app_template_filter("agenda_kind")
def agenda_kind_label(kind: AgendaKind | str) -> str:
    """{{ item.kind | agenda_kind }}: the kind in the reader's language."""
    return str(AGENDA_KIND_LABELS[AgendaKind(kind)])


def item_title(item: AgendaItem, language: str) -> str:
    """An item's title, or its kind when it has none (a break)."""
    return localized(item.title, language) or agenda_kind_label(item.kind)


@bp.app_template_filter("question_state")
def question_state_label(question) -> str:
    """{{ question | question_state }}: hidden, or its state, in the reader's language."""
    if question.is_hidden:
        return _("Hidden by the facilitator")
    return str(QUESTION_STATE_LABELS[question.state])


@bp.app_template_filter("method_name")
def method_name(method: WorkshopMethod | str) -> str:
    """{{ workshop.method | method_name }}: the method in the reader's language."""
    return str(spec(method).name)


def format_day(value: datetime) -> str:
    """The weekday and date in Helsinki, capitalised as the start of a line."""
    text = babel_format_date(to_helsinki(value), DAY_PATTERN, locale=current_language())
    return text[:1].upper() + text[1:]


def same_day(first: datetime, second: datetime) -> bool:
    return to_helsinki(first).date() == to_helsinki(second).date()


@bp.app_template_filter("seminar_when")
def seminar_when(phase: Phase) -> str:
    """When the seminar is: "Wednesday 7.10.2026, 13.00–15.00" (Helsinki time)."""
    start, end = phase.starts_at, phase.ends_at
    if start is None:
        return _("The date has not been decided yet.")
    if end is None:
        return f"{format_day(start)}, {format_time(start)}"
    if same_day(start, end):
        return f"{format_day(start)}, {format_time(start)}–{format_time(end)}"
    return f"{format_day(start)} {format_time(start)} – {format_day(end)} {format_time(end)}"


@bp.app_template_filter("agenda_time")
def agenda_time(item, phase: Phase | None = None) -> str:
    """An agenda item's time: "13.00–13.20"; with its date when not the seminar's day."""
    start, end = item.starts_at, item.ends_at
    text = format_time(start)
    if end is not None:
        text = f"{text}–{format_time(end)}"
    if phase is not None and phase.starts_at and not same_day(start, phase.starts_at):
        text = f"{format_day(start)} {text}"
    return text
