"""CSV files in and out: written so that Excel with Finnish settings opens them and no
cell can run as a formula, read back from what people upload, and sent as downloads.

Every CSV the app writes goes through ``write_csv`` and every CSV it reads through
``decode`` and ``read_rows``; the domains keep only their columns (``exports/csv.py``,
``monitoring/report_csv.py``, ``monitoring/csv_table.py`` and ``csv_import.py``,
``surveys/results.py``, ``voting/audit.py``).

Writing. Excel in Finland expects a semicolon between cells (the comma is the decimal
mark, hence ``decimal_comma``) and only reads UTF-8 when the file starts with a byte
order mark. Every cell is quoted. A cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return would be taken as a formula ("CSV injection"), so such
text gets a leading apostrophe, which Excel shows as text. A spreadsheet in another
locale, or a person choosing the separator on import, may split the file at commas,
tabs or line breaks instead of semicolons, so the same apostrophe goes before a
formula character wherever such a separator (and any spaces or quotes after it) could
start a new cell inside the text: ``a,=cmd`` is written ``a,'=cmd``. Numbers, and
text that is only a number (``-3,50``), stay as they are.

Reading. An uploaded file is UTF-8 with or without the byte order mark; its cells are
separated by semicolons, commas or tabs, whichever its first line uses most. Each
cell is cleaned of control characters the way a submitted form value is
(``app.text.clean_control_characters``). What the
rows must hold, and the messages for a file that is refused, are the domain's.

The name: not ``csv.py``, which would shadow the standard library's ``csv`` wherever
``app/`` itself is on ``sys.path`` (a script run from inside it, some tools) and would
be a second ``csv`` beside ``app/exports/csv.py``; not ``csv_export.py`` (its old
name), because it reads files too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from flask import Response

from .text import clean_control_characters

#: What makes a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DELIMITER = ";"
#: The separators an uploaded file may use, the first one winning a tie.
DELIMITERS = (";", ",", "\t")
#: A formula character where some reader of the file could see a new cell begin:
#: at the start, or after a separator any spreadsheet may use, spaces and quotes
#: (which a reader may trim) in between.
_FORMULA_AFTER_SEPARATOR = re.compile(r'((?:^|[;,\t\r\n])[ "]*)([=+\-@])')
#: Any character that could make (part of) a cell a formula: text without one is
#: written as it is.
_FORMULA_CHARACTER = re.compile(r"[=+\-@\t\r]")
#: Text that is a plain number, as ``decimal_comma`` writes them.
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
BOM = "\ufeff"
MIMETYPE = "text/csv"


# -- Writing -------------------------------------------------------------------------


def safe_cell(value) -> str | int | float:
    """A cell's value, with text that a spreadsheet would run as a formula defused.

    Numbers stay numbers (``-3`` is a number, not a formula); ``None`` is empty.
    """
    if type(value) is str and _FORMULA_CHARACTER.search(value) is None:
        return value  # most cells of a large export: nothing to look at twice
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    if not any(character in text for character in "=+-@"):
        return text  # nothing to defuse: spare the search (a large export's cells)
    return _FORMULA_AFTER_SEPARATOR.sub(r"\1'\2", text)


def decimal_comma(value: float | None, places: int, *, trim: bool = False) -> str:
    """``value`` with ``places`` decimals and a decimal comma, a number to Excel with
    Finnish settings: ``decimal_comma(3.5, 2) == "3,50"``. No grouping; ``None`` is
    empty; ``trim`` drops trailing zeros (``30.5`` with 4 places is ``"30,5"``)."""
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    if trim:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def write_csv(rows: Iterable[Iterable], header: Iterable) -> bytes:
    """The header and rows as UTF-8 with BOM, semicolons, every cell quoted, and
    CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(
        buffer, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_ALL
    )
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


# -- Reading -------------------------------------------------------------------------


class UnreadableLine(ValueError):
    """The csv module could not read a line (e.g. a cell over its size limit)."""

    def __init__(self, line: int, error: csv.Error):
        super().__init__(f"line {line}: {error}")
        #: The line the reader had reached, counted from 1.
        self.line = line
        self.error = error


def decode(data: bytes) -> str:
    """The text of an uploaded file: UTF-8, with or without a byte order mark.

    :raises UnicodeDecodeError: when it is not UTF-8.
    """
    return data.decode("utf-8-sig")


def sniff_delimiter(header_line: str) -> str:
    """The separator the header row uses: semicolon, comma or tab (most frequent)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else DELIMITER


def read_rows(text: str) -> list[tuple[int, list[str]]]:
    """The rows that are not blank, each with the line it starts on (a quoted cell
    may span lines), the header first; the separator is sniffed from the first line.
    Cells are cleaned of control characters other than newline and tab.

    :raises UnreadableLine: for text the csv module cannot read.
    """
    header_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=sniff_delimiter(header_line)
    )
    rows: list[tuple[int, list[str]]] = []
    previous_end = 0
    try:
        for cells in reader:
            start, previous_end = previous_end + 1, reader.line_num
            cells = [clean_control_characters(cell) for cell in cells]
            if any(cell.strip() for cell in cells):
                rows.append((start, cells))
    except csv.Error as error:
        raise UnreadableLine(reader.line_num, error) from None
    return rows


# -- Downloads -----------------------------------------------------------------------


def download_response(body: bytes, *, mimetype: str, filename: str) -> Response:
    """A download of ``body`` named ``filename`` (ASCII; keep names to slugs and ids).

    Exports hold people's names, so browsers and proxies must not keep a copy. Text
    types get ``; charset=utf-8`` from Werkzeug. Also serves the exports that sit
    beside the CSV files (Word, Markdown, HTML, JSON), so every download of a
    summary or report carries the same headers.
    """
    response = Response(body, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def csv_response(body: bytes, filename: str) -> Response:
    """A CSV download (``text/csv; charset=utf-8``) that no cache keeps."""
    return download_response(body, mimetype=MIMETYPE, filename=filename)
