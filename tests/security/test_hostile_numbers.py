"""Numbers are numbers: every page of the URL map asked with hostile values in every
numeric query parameter (non-ASCII digits, superscripts, signs, exponents, inf/nan,
huge values, impossible years) answers a clear page or a 4xx, never a 500; ``next=``
with CR/LF is refused without a 500; numbers typed into forms and CSV files that are
not plain numbers are a validation message and nothing infinite or NaN is stored."""

from __future__ import annotations

import math

import pytest

from app.models import PeriodKind
from app.monitoring.targets import parse_number, valid_period
from app.requests import parse_id

#: Every numeric query parameter the views read (grep request.args, int_arg,
#: query_id, db.paginate's page), and the period of the monitoring pages.
NUMERIC_PARAMETERS = (
    "page",
    "phase",
    "period",
    "group",
    "organisation",
    "prompt",
    "theme",
    "subgroup",
    "ballot",
    "survey",
    "per_page",
)
HOSTILE_NUMBERS = [
    "٣",  # Arabic-Indic three
    "３",  # fullwidth three
    "²",  # superscript two: isdigit() is True, int() fails
    "+1",
    "-1",
    " 1",
    "1_0",
    "1e3",
    "inf",
    "nan",
    "0",
    "9" * 30,
    "9" * 5000,  # beyond int()'s digit limit
    "0000",
    "0000-0001",
    "٢٠٢٥-٢٠٢٦",
    "9999-10000",
    "%00",
]
#: The ones sent to every page (each page costs a request per value).
EVERY_PAGE = ["٣", "²", "+1", "1e3", "inf", "9" * 30, "0000", "0000-0001"]


@pytest.mark.parametrize("value", HOSTILE_NUMBERS + ["1", "2147483647"])
def test_parse_id_takes_only_plain_numbers(value):
    """Ids and page numbers are ASCII digits from 1 to 2**31 - 1."""
    expected = int(value) if value in ("1", "2147483647") else None
    assert parse_id(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "٣١,٥",
        "３１",
        "1e3",
        "1E400",
        "inf",
        "-inf",
        "nan",
        "Infinity",
        "9" * 400,
        "9" * 13,
        "1_000",
        "0x10",
        "²",
    ],
)
def test_parse_number_refuses_what_is_not_a_plain_number(text):
    """Typed and imported values are refused unless plain and finite."""
    assert parse_number(text) is None


def test_parse_number_still_reads_numbers():
    """The usual ways people write numbers still read."""
    assert parse_number("31,5") == 31.5
    assert parse_number("-2") == -2
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("\u22123") == -3
    assert math.isfinite(parse_number("9" * 12))


@pytest.mark.parametrize("period", ["٢٠٢٦", "0000", "0000-0001", "２０２６"])
def test_periods_are_ascii_years(period):
    """A period in other digits or year 0 is not a period (it would not be a date)."""
    assert not valid_period(PeriodKind.CALENDAR_YEAR, period)
    assert not valid_period(PeriodKind.SCHOOL_YEAR, period)
