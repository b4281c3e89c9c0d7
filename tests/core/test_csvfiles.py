"""app/csvfiles.py: CSV for Excel with Finnish settings (BOM, semicolons, CRLF,
formulas defused, decimal commas), reading uploaded files, and the download."""

import csv
import io
import random
import re

import pytest

from app.csvfiles import (
    UnreadableLine,
    csv_response,
    decimal_comma,
    decode,
    download_response,
    read_rows,
    safe_cell,
    sniff_delimiter,
    write_csv,
)


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
        (" =1", " '=1"),
        ("a,=b", "a,'=b"),
        ("-3,50", "-3,50"),
        ("", ""),
        (None, ""),
        (3, 3),
        (-3, -3),
        (2.5, 2.5),
        (True, "True"),
    ],
)
def test_other_values_are_left_alone(value, expected):
    """Plain text, numbers (also negative ones) and None pass through unchanged; a
    formula behind spaces or a separator gets its apostrophe there."""
    assert safe_cell(value) == expected


def test_file_has_bom_semicolons_and_crlf():
    """The bytes start with the UTF-8 BOM; cells are separated by ';', lines by CRLF."""
    body = write_csv([["Äänestys", 1]], ["Otsikko", "Arvo"])
    assert body.startswith(b"\xef\xbb\xbf")
    assert body == '\ufeff"Otsikko";"Arvo"\r\n"Äänestys";"1"\r\n'.encode()


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
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename=prosessi-ballot-1-votes.csv" in disposition.replace('"', "")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_other_downloads_get_the_same_headers(app):
    """A Word export is an uncached, named attachment like the CSV files."""
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    with app.test_request_context():
        response = download_response(b"PK", mimetype=docx, filename="a-summary-fi.docx")
    assert response.headers["Content-Type"] == docx
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=a-summary-fi.docx"
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("value", "places", "trim", "expected"),
    [
        (3.5, 2, False, "3,50"),
        (41.666, 1, False, "41,7"),
        (30.5, 4, True, "30,5"),
        (30.0, 4, True, "30"),
        (1234567.25, 2, False, "1234567,25"),
        (-2.5, 1, False, "-2,5"),
        (None, 2, False, ""),
    ],
)
def test_decimal_comma(value, places, trim, expected):
    """Numbers get a decimal comma and no grouping; None is an empty cell."""
    assert decimal_comma(value, places, trim=trim) == expected


def test_decode_accepts_utf8_with_or_without_bom():
    """The byte order mark Excel writes is dropped; other encodings are refused."""
    assert decode("\ufeffmittari;arvo".encode()) == "mittari;arvo"
    assert decode(b"mittari;arvo") == "mittari;arvo"
    with pytest.raises(UnicodeDecodeError):
        decode("värde".encode("latin-1"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a;b;c", ";"),
        ("a,b,c", ","),
        ("a\tb\tc", "\t"),
        ("a;b,c", ";"),  # a tie goes to the semicolon
        ("a,b;c,d", ","),
        ("alone", ";"),
    ],
)
def test_sniff_delimiter(line, expected):
    """The separator the header row uses most; a semicolon when it has none."""
    assert sniff_delimiter(line) == expected


def test_read_rows_skips_blank_rows_and_numbers_lines():
    """Blank rows are left out; a quoted cell spanning lines keeps the row's first
    line number; the separator comes from the first line."""
    text = 'a,b\r\n\r\n1,"two\nlines"\r\n , \r\n3,4\r\n'
    assert read_rows(text) == [
        (1, ["a", "b"]),
        (3, ["1", "two\nlines"]),
        (6, ["3", "4"]),
    ]


def test_read_rows_reports_the_unreadable_line():
    """Text the csv module refuses (here a cell over its size limit) names the line
    it reached and keeps the csv module's own error."""
    huge = "x" * (csv.field_size_limit() + 1)
    with pytest.raises(UnreadableLine) as caught:
        read_rows(f"a;b\n1;2\n3;{huge}\n4;5\n")
    assert caught.value.line == 3
    assert isinstance(caught.value.error, csv.Error)
    assert "field larger than field limit" in str(caught.value.error)


def _defused_the_long_way(text: str) -> str:
    """safe_cell's rule for text, without its shortcut for text with no formula
    character (the shortcut must give the same cell)."""
    if re.fullmatch(r"-?[0-9]+(?:[.,][0-9]+)?", text):
        return text
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        text = "'" + text
    return re.sub(r'((?:^|[;,\t\r\n])[ "]*)([=+\-@])', r"\1'\2", text)


def test_every_text_cell_is_defused_as_the_rule_says():
    """Random texts of separators, quotes, spaces, digits, letters and formula
    characters: the shortcut for plain text changes nothing."""
    rng = random.Random(19)
    alphabet = list('=+-@\t\r\n;," 0123456789.aä')
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert safe_cell(text) == _defused_the_long_way(text), repr(text)
    for text in ("plain words", "3,50", "Ääkköset ja numerot 12", ""):
        assert safe_cell(text) == text
