"""The dashboard's words, shared by the page, the annual report and its files.

Numbers in the reader's (or the report's) locale: "31,5 %" in Finnish. Verdicts and
trends are always said in words, so nothing depends on colour.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from babel.dates import format_date as babel_format_date
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from ..i18n import DATE_PATTERN, current_language
from ..models import ActionStatus, Direction, IndicatorSource
from .targets import Trend, Verdict


def region_text() -> str:
    return _("The whole region")


def subgroup_text(subgroup: str) -> str:
    return subgroup or _("All")


def place_text(scope_label: str, subgroup: str) -> str:
    """ "Keuda, school nurses", or just the place when the figure is not split."""
    return f"{scope_label}, {subgroup}" if subgroup else scope_label


#: Units written as a percentage: a difference of two of them is in percentage points.
PERCENT_UNITS = frozenset({"%", "prosenttia", "percent", "procent"})


def _meetings(n: int, value: str) -> str:
    return ngettext("%(value)s meeting", "%(value)s meetings", n, value=value)


def _students(n: int, value: str) -> str:
    return ngettext("%(value)s student", "%(value)s students", n, value=value)


def _pupils(n: int, value: str) -> str:
    return ngettext("%(value)s pupil", "%(value)s pupils", n, value=value)


def _characters(n: int, value: str) -> str:
    return ngettext("%(value)s character", "%(value)s characters", n, value=value)


def _days(n: int, value: str) -> str:
    return ngettext("%(value)s day", "%(value)s days", n, value=value)


def _people(n: int, value: str) -> str:
    return ngettext("%(value)s person", "%(value)s people", n, value=value)


#: Count units the dashboard knows, as a facilitator may write them in any of the
#: three languages (singular or plural): they are said in the reader's language with
#: the singular for one ("1 kokous", "+1 kokous") and the plural otherwise.
COUNT_UNITS = {
    word: say
    for words, say in (
        ({"kokous", "kokousta", "meeting", "meetings", "möte", "möten"}, _meetings),
        (
            {"opiskelija", "opiskelijaa", "student", "students", "studerande"},
            _students,
        ),
        ({"oppilas", "oppilasta", "pupil", "pupils", "elev", "elever"}, _pupils),
        ({"merkki", "merkkiä", "character", "characters", "tecken"}, _characters),
        ({"päivä", "päivää", "day", "days", "dag", "dagar"}, _days),
        ({"henkilö", "henkilöä", "person", "persons", "people", "personer"}, _people),
    )
    for word in words
}


def _plural_n(value: float) -> int:
    """1 for exactly one (the singular), 2 otherwise: "1,5 kokousta", "0 meetings"."""
    return 1 if abs(value) == 1 else 2


def is_percent(unit: str) -> bool:
    return unit.strip().lower() in PERCENT_UNITS


def number_text(value: float | None, unit: str = "") -> str:
    """30.5 -> "30,5 %" in Finnish; 1 meeting -> "1 kokous"; "–" for no value."""
    if value is None:
        return "–"
    text = format_decimal(value, format="#,##0.##")
    say = COUNT_UNITS.get(unit.strip().lower())
    if say is not None:
        return say(_plural_n(value), text)
    # A scale such as "1–5" is said once in the indicator's facts, not after each value.
    return f"{text} {unit}" if unit and not unit[0].isdigit() else text


def difference_text(value: float | None, unit: str = "") -> str:
    """The size of a difference: of percentages in percentage points ("1,5
    prosenttiyksikköä"), of other figures in their unit."""
    if value is None:
        return "–"
    if is_percent(unit):
        return ngettext(
            "%(value)s percentage point",
            "%(value)s percentage points",
            _plural_n(value),
            value=format_decimal(value, format="#,##0.##"),
        )
    return number_text(value, unit)


def change_text(change: float | None, unit: str = "") -> str:
    """A signed difference: "+2,5 prosenttiyksikköä", "+1 kokous", "±0"."""
    if change is None:
        return "–"
    if change == 0:
        return "±0"
    text = difference_text(abs(change), unit)
    return ("+" if change > 0 else "−") + text


def target_text(direction: Direction, target: float | None, unit: str = "") -> str:
    if target is None:
        return _("No target")
    value = number_text(target, unit)
    if direction is Direction.HIGHER:
        return _("at least %(value)s", value=value)
    return _("at most %(value)s", value=value)


def verdict_text(row, unit: str = "") -> str:
    """The verdict in words: met, not met by how much, no value yet, no target."""
    return verdict_words(row.verdict, row.shortfall, unit)


def verdict_words(value: Verdict, shortfall: float | None, unit: str = "") -> str:
    if value is Verdict.MET:
        return _("Target met")
    if value is Verdict.NOT_MET:
        return _(
            "Not met by %(gap)s",
            gap=difference_text(shortfall, unit),
        )
    if value is Verdict.NO_VALUE:
        return _("No value yet")
    return _("No target")


def trend_text(value: Trend | None) -> str:
    if value is Trend.BETTER:
        return _("Better than the previous period")
    if value is Trend.WORSE:
        return _("Worse than the previous period")
    if value is Trend.UNCHANGED:
        return _("Unchanged")
    if value is Trend.NEW:
        return _("No earlier value")
    return _("No value yet")


def status_text(status: ActionStatus) -> str:
    return {
        ActionStatus.PLANNED: _("Planned"),
        ActionStatus.IN_PROGRESS: _("In progress"),
        ActionStatus.DONE: _("Done"),
        ActionStatus.DROPPED: _("Dropped"),
    }[status]


def direction_text(direction: Direction) -> str:
    if direction is Direction.HIGHER:
        return _("Higher is better")
    return _("Lower is better")


def source_text(status) -> str:
    kind = {
        IndicatorSource.REPORT: _("Published report or register"),
        IndicatorSource.SURVEY: _("Feedback survey"),
        IndicatorSource.MANUAL: _("Entered by the facilitators"),
    }[status.source]
    return f"{kind}: {status.source_detail}" if status.source_detail else kind


def indicator_summary_text(status) -> str:
    """ "1 of 2 targets met" region-wide, or why there is no verdict."""
    if not status.targets:
        return _("No target")
    if not status.targets_judged:
        return _("No value yet")
    if status.targets_judged == 1:
        return _("Target met") if status.targets_met else _("Target not met")
    return _(
        "%(met)s of %(total)s targets met",
        met=status.targets_met,
        total=status.targets_judged,
    )


def day_text(day: date | None) -> str:
    """A date Finnish style (1.8.2025), as the rest of the app writes them."""
    if day is None:
        return "–"
    return babel_format_date(day, DATE_PATTERN, locale=current_language())


#: The dashboard's words and number formats, for the templates.
WORDS = SimpleNamespace(
    number=number_text,
    change=change_text,
    difference=difference_text,
    target=target_text,
    verdict=verdict_text,
    trend=trend_text,
    status=status_text,
    direction=direction_text,
    source=source_text,
    subgroup=subgroup_text,
    place=place_text,
    day=day_text,
    indicator_summary=indicator_summary_text,
)
