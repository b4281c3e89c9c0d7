"""The pure target logic: verdicts, periods, trends and reading typed numbers."""

from types import SimpleNamespace

import pytest

from app.models import Direction, PeriodKind
from app.monitoring import targets
from app.monitoring.targets import Trend, Verdict


def indicator(direction=Direction.HIGHER, **target_values):
    """A stand-in indicator with targets given as subgroup=value ("" via general=)."""
    items = [
        SimpleNamespace(subgroup="" if name == "general" else name, value=value)
        for name, value in target_values.items()
    ]
    return SimpleNamespace(direction=direction, targets=items)


def test_higher_is_better_meets_at_or_above_the_target():
    """Higher is better: the target is a minimum, reaching it exactly counts as met."""
    ind = indicator(general=30)
    assert targets.verdict(ind, "", 30) is Verdict.MET
    assert targets.verdict(ind, "", 31.5) is Verdict.MET
    assert targets.verdict(ind, "", 29.9) is Verdict.NOT_MET


def test_lower_is_better_meets_at_or_below_the_target():
    """Lower is better: the target is a maximum."""
    ind = indicator(Direction.LOWER, general=10)
    assert targets.verdict(ind, "", 10) is Verdict.MET
    assert targets.verdict(ind, "", 4) is Verdict.MET
    assert targets.verdict(ind, "", 10.5) is Verdict.NOT_MET


def test_subgroup_target_wins_and_falls_back_to_the_general_one():
    """A subgroup's own target is used; other subgroups fall back to the general one."""
    ind = indicator(general=20, nurses=15, curators=30)
    assert targets.verdict(ind, "nurses", 16) is Verdict.MET
    assert targets.verdict(ind, "curators", 16) is Verdict.NOT_MET
    assert targets.verdict(ind, "teachers", 21) is Verdict.MET
    assert targets.target_for(ind, "teachers").value == 20


def test_no_target_and_no_value():
    """Without any target the verdict is NO_TARGET; with a target but no value NO_VALUE."""
    assert targets.verdict(indicator(nurses=15), "curators", 50) is Verdict.NO_TARGET
    assert targets.verdict(indicator(), "", 50) is Verdict.NO_TARGET
    assert targets.verdict(indicator(general=15), "", None) is Verdict.NO_VALUE


@pytest.mark.parametrize(
    ("kind", "period", "valid"),
    [
        (PeriodKind.SCHOOL_YEAR, "2025-2026", True),
        (PeriodKind.SCHOOL_YEAR, " 2025-2026 ", True),
        (PeriodKind.SCHOOL_YEAR, "2025-2027", False),
        (PeriodKind.SCHOOL_YEAR, "2026", False),
        (PeriodKind.SCHOOL_YEAR, "2025/2026", False),
        (PeriodKind.CALENDAR_YEAR, "2026", True),
        (PeriodKind.CALENDAR_YEAR, "2025-2026", False),
        (PeriodKind.CALENDAR_YEAR, "26", False),
        (PeriodKind.CALENDAR_YEAR, "", False),
    ],
)
def test_valid_period(kind, period, valid):
    """School years are consecutive "YYYY-YYYY"; calendar years four digits."""
    assert targets.valid_period(kind, period) is valid


def test_previous_period():
    """The period before: the previous school year or calendar year; None if invalid."""
    assert targets.previous_period(PeriodKind.SCHOOL_YEAR, "2025-2026") == "2024-2025"
    assert targets.previous_period(PeriodKind.CALENDAR_YEAR, "2026") == "2025"
    assert targets.previous_period(PeriodKind.CALENDAR_YEAR, "2025-2026") is None


def test_trend_reads_the_direction():
    """Up is better when higher is better, worse when lower is better; no previous: new."""
    assert targets.trend(Direction.HIGHER, 20, 25) is Trend.BETTER
    assert targets.trend(Direction.HIGHER, 25, 20) is Trend.WORSE
    assert targets.trend(Direction.LOWER, 25, 20) is Trend.BETTER
    assert targets.trend(Direction.LOWER, 20, 25) is Trend.WORSE
    assert targets.trend(Direction.LOWER, 20, 20) is Trend.UNCHANGED
    assert targets.trend(Direction.HIGHER, None, 20) is Trend.NEW


def test_gap_is_the_shortfall_in_the_unit():
    """The gap is how far from the target, zero when met."""
    assert targets.gap(Direction.HIGHER, 25, 30).shortfall == 5
    assert targets.gap(Direction.LOWER, 12, 10).shortfall == 2
    assert targets.gap(Direction.HIGHER, 35, 30).shortfall == 0


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("31,5", 31.5),
        ("31.5", 31.5),
        (" -2 ", -2.0),
        ("1 234,5", 1234.5),
        ("1\u00a0234", 1234.0),
        (",5", 0.5),
        ("abc", None),
        ("1,2,3", None),
        ("", None),
        ("30 %", None),
    ],
)
def test_parse_number_accepts_decimal_comma(text, number):
    """Numbers may use a decimal comma or point and spaces between thousands."""
    assert targets.parse_number(text) == number


def test_parse_target_lines():
    """Targets are "subgroup = value" lines; a number alone is the general target."""
    found, errors = targets.parse_target_lines(
        "30\n\npsykologit ja kuraattorit = 30\nterveydenhoitajat = 15,5"
    )
    assert errors == []
    assert found == [
        ("", 30.0),
        ("psykologit ja kuraattorit", 30.0),
        ("terveydenhoitajat", 15.5),
    ]


def test_parse_target_lines_reports_lines():
    """Bad numbers and repeated subgroups are reported by their line."""
    _found, errors = targets.parse_target_lines("a = 3\nb = kolme\nA = 4\n= 1\n2")
    assert [(e.line, e.problem) for e in errors] == [
        (2, "number"),
        (3, "repeat"),
        (5, "repeat"),
    ]
