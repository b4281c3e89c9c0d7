"""The demo's clock: every demo time is counted from the moment the demo is loaded.

The content (``content/*.toml``) names no date. It says when things happen in
Helsinki wall-clock time, relative to the day the demo is loaded:

- ``{ days = -44, time = "09:00" }``: 44 days before the load day, at 9.00. A phase's
  start may add ``hours_before_load = 2`` (start at the latest two hours before the
  load) and its end ``hours_after_load = 3`` (end at the earliest three hours after
  it): a seminar held on the load day is then open for notes whenever it is loaded;
- inside a phase (comments, votes, notes, the agenda) ``day`` and ``time`` count from
  the phase's first day: the day its start names, even when the start is moved to
  keep the load inside (a load at 0.30 moves today's seminar to open at 22.00 the
  evening before, and its agenda and notes stay on the load day);
- ``"Y-1-09-10"``: a date of the school-year calendar, 10 September of the year the
  current school year began, minus one. A school year runs 1.8.–31.7.; the current
  one is the one the load day is in, so ``-1`` is the last completed school year;
- in texts, ``{date+17}`` (the load day plus 17 days, as 7.12.2026), ``{year+2}``,
  ``{school_year-1}`` (as 2025–2026) and ``{spring}`` (the year of the coming or
  current spring).

``DemoClock.current()`` reads ``datetime.now(UTC)`` once, so a load under freezegun
is a load on the frozen day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from ..i18n import HELSINKI

#: The month a school year begins (1.8.).
SCHOOL_YEAR_STARTS = 8
_SCHOOL_DATE = re.compile(r"Y([+-]\d+)-(\d\d)-(\d\d)")
_PLACEHOLDER = re.compile(r"\{(date|year|school_year|spring)([+-]\d+)?\}")


@dataclass(frozen=True)
class DemoClock:
    """The moment of loading, and the demo's calendar counted from it."""

    #: Aware, in UTC.
    now: datetime

    @classmethod
    def current(cls) -> DemoClock:
        return cls(datetime.now(UTC))

    @property
    def today(self) -> date:
        """The load day in Helsinki."""
        return self.now.astimezone(HELSINKI).date()

    def wall(self, day: date, clock: str) -> datetime:
        """A Helsinki wall-clock time ("13:00") on ``day``, as an aware UTC datetime."""
        hour, minute = (int(part) for part in clock.split(":"))
        local = datetime.combine(day, time(hour, minute), tzinfo=HELSINKI)
        return local.astimezone(UTC)

    def moment(self, spec: dict) -> datetime:
        """``{days, time}`` from the load day, moved to keep the load inside if asked."""
        at = self.wall(self.day_of(spec), spec["time"])
        hour = self.now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
        if "hours_before_load" in spec:
            at = min(at, hour - timedelta(hours=spec["hours_before_load"]))
        if "hours_after_load" in spec:
            at = max(at, hour + timedelta(hours=spec["hours_after_load"] + 1))
        return at

    def day_of(self, spec: dict) -> date:
        """The Helsinki day ``{days, time}`` names, before any move around the load."""
        return self.today + timedelta(days=spec["days"])

    def within(self, first: date, spec: dict) -> datetime:
        """``{day, time}``: ``day`` days after the phase's first day ``first``."""
        return self.wall(first + timedelta(days=spec.get("day", 0)), spec["time"])

    # The school-year calendar --------------------------------------------------------

    @property
    def school_year(self) -> int:
        """The year the current school year (the one the load day is in) began."""
        today = self.today
        return today.year if today.month >= SCHOOL_YEAR_STARTS else today.year - 1

    def period(self, offset: int, dash: str = "-") -> str:
        """The school year ``offset`` from the current one, written "2025-2026"."""
        first = self.school_year + offset
        return f"{first}{dash}{first + 1}"

    def school_date(self, text: str) -> date:
        """``"Y-1-09-10"``: the month and day in the year ``school_year - 1``."""
        match = _SCHOOL_DATE.fullmatch(text)
        if match is None:
            raise ValueError(f"not a school-year date: {text!r}")
        offset, month, day = (int(part) for part in match.groups())
        return date(self.school_year + offset, month, day)

    def school_moment(self, spec: dict) -> datetime:
        """``{date = "Y+0-04-06", time = "09:00"}`` as an aware UTC datetime."""
        return self.wall(self.school_date(spec["date"]), spec["time"])

    # Texts ---------------------------------------------------------------------------

    def fill(self, text: str) -> str:
        """Put the dates the text's placeholders name into it."""
        return _PLACEHOLDER.sub(self._placeholder, text)

    def _placeholder(self, match: re.Match) -> str:
        name, offset = match.group(1), int(match.group(2) or 0)
        today = self.today
        if name == "date":
            day = today + timedelta(days=offset)
            return f"{day.day}.{day.month}.{day.year}"
        if name == "year":
            return str(today.year + offset)
        if name == "school_year":
            return self.period(offset, dash="–")
        # The spring now under way (January to May) or the next one.
        return str(today.year if today.month < 6 else today.year + 1)
