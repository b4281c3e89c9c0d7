"""Spreadsheet-safe in every locale: every CSV the app writes quotes every cell, and no
cell becomes a formula whether the file is read with ';', ',' or a tab, by the csv
module or by a plain split (a spreadsheet that ignores quotes, or trims them)."""

from __future__ import annotations

import csv
import io
import re

import pytest

from app.csvfiles import write_csv

FORMULA = ("=", "+", "-", "@")

#: Text cells a hostile participant could store: formulas at the start, after each
#: separator a reader might use, behind spaces and quotes, in the header too.
HOSTILE = [
    "=1+1",
    "+358401234567",
    "-2+3",
    "@SUM(A1)",
    "\t=cmd",
    "\r=cmd",
    "a,=cmd|' /C calc'!A0",
    "a;=cmd",
    "a\t=cmd",
    "a\r\n=cmd",
    "a\n@cmd",
    "a\r+cmd",
    "a, =cmd",
    'a,"=cmd',
    'a," =cmd',
    '",=cmd',
    '"=cmd"',
    " =cmd",
    "x;+1,-2\t@3\n=4",
    '=HYPERLINK("http://x","y")',
    "a,,=b;;@c",
    "'=already",
]
#: Numbers we write as numbers, which may begin with a minus sign.
NUMBERS = [-3, -2.5, 0, 7, "-3,50", "-1"]


def _is_number(text: str) -> bool:
    """The cell is a number we wrote, or, where the csv module ran a quoted number
    into the cells after it (``-3;"7"`` read with ','), begins with one."""
    text = re.split(r'[;\t"]', text.strip().lstrip('"'))[0]
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _cells_by_csv(text: str, delimiter: str) -> list[str]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [cell for row in reader for cell in row]


def _cells_by_split(text: str, delimiter: str) -> list[str]:
    cells = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cells.extend(line.split(delimiter))
    return cells


def _body() -> str:
    rows = [[cell, number] for cell, number in zip(HOSTILE, NUMBERS * 4, strict=False)]
    rows.append(NUMBERS)
    body = write_csv(rows, ["=header", "a,+b"])
    return body.decode("utf-8-sig")


def test_every_cell_is_quoted():
    """Each cell, numbers and the header included, is written between quotes."""
    body = write_csv([["x", 1, -2.5, None]], ["a", "b", "c", "d"])
    assert body == '\ufeff"a";"b";"c";"d"\r\n"x";"1";"-2.5";""\r\n'.encode()


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
@pytest.mark.parametrize("reader", [_cells_by_csv, _cells_by_split])
def test_no_cell_starts_a_formula(delimiter, reader):
    """Read with any separator, no cell (spaces and quotes trimmed as a spreadsheet
    may) starts with =, +, - or @ unless it is a number we wrote as a number."""
    text = _body()
    bad = []
    for cell in reader(text, delimiter):
        trimmed = cell.lstrip(' "')
        if trimmed.startswith(FORMULA) and not _is_number(cell):
            bad.append(cell)
    assert not bad, bad


def test_text_reads_back_with_an_apostrophe_only_where_needed():
    """Read with semicolons, a hostile text is the original with apostrophes before
    the formula characters; plain text and numbers are unchanged."""
    body = write_csv([["a,=cmd", "Teema 1 - osa", -3, "-3,50"]], ["h"] * 4)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ["a,'=cmd", "Teema 1 - osa", "-3", "-3,50"]
