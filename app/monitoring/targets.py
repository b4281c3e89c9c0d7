"""Whether an indicator's values meet its targets, and which way they moved.

Pure functions over model objects (no queries): the dashboard, the annual report and
the tests all read the same verdicts.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass

from ..models import Direction, Indicator, IndicatorTarget, PeriodKind

#: Years in ASCII digits from 1000 to 2999: "٢٠٢٦" is not a period (it would be
#: stored beside "2026" as another), and year 0 is not a date.
SCHOOL_YEAR = re.compile(r"^([12][0-9]{3})-([12][0-9]{3})$")
CALENDAR_YEAR = re.compile(r"^([12][0-9]{3})$")


class Verdict(enum.StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NO_TARGET = "no_target"
    NO_VALUE = "no_value"


class Trend(enum.StrEnum):
    BETTER = "better"
    WORSE = "worse"
    UNCHANGED = "unchanged"
    NEW = "new"  #: no value for the previous period to compare with


def valid_period(kind: PeriodKind, period: str) -> bool:
    """A school year is "2025-2026" (consecutive years); a calendar year "2026"."""
    period = (period or "").strip()
    if kind is PeriodKind.SCHOOL_YEAR:
        match = SCHOOL_YEAR.match(period)
        return bool(match) and int(match[2]) == int(match[1]) + 1
    return bool(CALENDAR_YEAR.match(period))


def previous_period(kind: PeriodKind, period: str) -> str | None:
    """The period before this one ("2024-2025" before "2025-2026"), or None."""
    if not valid_period(kind, period):
        return None
    first = int(period[:4])
    if kind is PeriodKind.SCHOOL_YEAR:
        return f"{first - 1}-{first}"
    return str(first - 1)


def target_for(indicator: Indicator, subgroup: str) -> IndicatorTarget | None:
    """The subgroup's own target, else the indicator's general one (subgroup "")."""
    by_subgroup = {target.subgroup: target for target in indicator.targets}
    return by_subgroup.get(subgroup) or by_subgroup.get("")


def meets(direction: Direction, value: float, target: float) -> bool:
    """Higher is better: at least the target; lower is better: at most the target."""
    if direction is Direction.HIGHER:
        return value >= target
    return value <= target


def verdict(indicator: Indicator, subgroup: str, value: float | None) -> Verdict:
    target = target_for(indicator, subgroup)
    if target is None:
        return Verdict.NO_TARGET
    if value is None:
        return Verdict.NO_VALUE
    if meets(indicator.direction, value, target.value):
        return Verdict.MET
    return Verdict.NOT_MET


def trend(direction: Direction, previous: float | None, current: float) -> Trend:
    """Which way the value moved, read through the indicator's direction."""
    if previous is None:
        return Trend.NEW
    if current == previous:
        return Trend.UNCHANGED
    went_up = current > previous
    better = went_up if direction is Direction.HIGHER else not went_up
    return Trend.BETTER if better else Trend.WORSE


@dataclass(frozen=True)
class Gap:
    """How far a value is from its target, in the indicator's unit (0 when met)."""

    value: float
    target: float
    shortfall: float


def gap(direction: Direction, value: float, target: float) -> Gap:
    if direction is Direction.HIGHER:
        shortfall = max(0.0, target - value)
    else:
        shortfall = max(0.0, value - target)
    return Gap(value=value, target=target, shortfall=shortfall)


# Reading numbers and targets typed by people -------------------------------------

#: Spaces people and spreadsheets put between thousands (space, no-break, thin).
_THOUSANDS = str.maketrans("", "", " \u00a0\u202f\u2009")
#: ASCII digits only: ``\d`` and ``float`` also take "٣" and "３"; no exponent, no
#: "inf" or "nan".
_NUMBER = re.compile(r"^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$")
#: The largest size of a value or target: far beyond any indicator, and far below
#: where a float loses whole numbers or becomes infinite.
NUMBER_MAX = 10**12


def parse_number(text: str | None) -> float | None:
    """A number written "31,5", "31.5", "-2" or "1 234,5"; None when it is not one
    (or is beyond ``NUMBER_MAX`` either way), so nothing infinite or NaN is stored."""
    cleaned = (text or "").strip().translate(_THOUSANDS).replace("\u2212", "-")
    if len(cleaned) > 40 or not _NUMBER.match(cleaned):
        return None
    value = float(cleaned.replace(",", "."))
    if not math.isfinite(value) or abs(value) > NUMBER_MAX:
        return None
    return value


def clean_subgroup(text: str | None) -> str:
    """A subgroup's name with its inner and outer blank space tidied."""
    return " ".join((text or "").split())


@dataclass(frozen=True)
class TargetLineError:
    """A line of the targets text that could not be read (1-based line number)."""

    line: int
    problem: str  #: "number", "repeat" or "long"


SUBGROUP_MAX = 120


def parse_target_lines(
    text: str | None,
) -> tuple[list[tuple[str, float]], list[TargetLineError]]:
    """Read targets written one per line as "subgroup = value" ("= 30" or "30" alone
    is the general target of the whole). Blank lines are skipped.

    Returns the targets in the written order and the lines that could not be read.
    """
    targets: list[tuple[str, float]] = []
    errors: list[TargetLineError] = []
    seen: set[str] = set()
    for number, raw in enumerate((text or "").splitlines(), start=1):
        if not raw.strip():
            continue
        subgroup, _sep, value_text = raw.rpartition("=")
        subgroup = clean_subgroup(subgroup)
        value = parse_number(value_text)
        if value is None:
            errors.append(TargetLineError(number, "number"))
            continue
        if len(subgroup) > SUBGROUP_MAX:
            errors.append(TargetLineError(number, "long"))
            continue
        if subgroup.casefold() in seen:
            errors.append(TargetLineError(number, "repeat"))
            continue
        seen.add(subgroup.casefold())
        targets.append((subgroup, value))
    return targets, errors


def format_target_lines(targets) -> str:
    """The targets as the form's text: the general one first, then "subgroup = value"."""
    ordered = sorted(
        targets, key=lambda target: (target.subgroup != "", target.subgroup)
    )
    lines = []
    for target in ordered:
        value = format(target.value, ".12g")
        lines.append(
            f"{target.subgroup} = {value}" if target.subgroup else f"= {value}"
        )
    return "\n".join(lines)
