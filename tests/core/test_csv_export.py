"""CSV for Excel with Finnish settings: BOM, semicolons, CRLF, formulas defused."""

import csv
import io

import pytest

from app.csv_export import csv_response, safe_cell, write_csv


def _parse(body: bytes) -> list[list[str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


@pytest.mark.parametrize(
    "value", ["=1+1", "+358401234567", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_formula_starts_get_an_apostrophe(value):
    """Text a spreadsheet would run as a formula is shown as text instead."""
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Teema 1", "Teema 1"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("", ""),
        (None, ""),
        (3, 3),
        (-3, -3),
        (2.5, 2.5),
        (True, "True"),
    ],
)
def test_other_values_are_left_alone(value, expected):
    """Plain text, numbers (also negative ones) and None pass through unchanged."""
    assert safe_cell(value) == expected


def test_file_has_bom_semicolons_and_crlf():
    """The bytes start with the UTF-8 BOM; cells are separated by ';', lines by CRLF."""
    body = write_csv([["Äänestys", 1]], ["Otsikko", "Arvo"])
    assert body.startswith(b"\xef\xbb\xbf")
    assert body == "\ufeffOtsikko;Arvo\r\nÄänestys;1\r\n".encode()


def test_special_characters_round_trip():
    """Semicolons, quotes and line breaks are quoted so the cells read back intact."""
    rows = [["a;b", 'sanoi "hei"', "rivi 1\nrivi 2", "åäö €"]]
    assert _parse(write_csv(rows, ["1", "2", "3", "4"]))[1] == rows[0]


def test_header_and_rows_are_neutralised():
    """Both the header and the rows go through safe_cell."""
    parsed = _parse(write_csv([['=HYPERLINK("http://x","y")', -1]], ["=h", "ok"]))
    assert parsed == [["'=h", "ok"], ['\'=HYPERLINK("http://x","y")', "-1"]]


def test_response_is_an_uncached_attachment(app):
    """The download is named, typed as UTF-8 CSV and not kept by caches."""
    with app.test_request_context():
        response = csv_response(b"x", "prosessi-ballot-1-votes.csv")
    assert response.mimetype == "text/csv"
    assert response.charset == "utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename=prosessi-ballot-1-votes.csv" in disposition.replace('"', "")
    assert response.headers["Cache-Control"] == "no-store"
