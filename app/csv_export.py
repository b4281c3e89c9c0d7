"""CSV files that open correctly in Excel with Finnish settings, and cannot run code.

Excel in Finland expects a semicolon between cells (the comma is the decimal mark)
and only reads UTF-8 when the file starts with a byte order mark. A cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be taken as a formula
("CSV injection"), so such text gets a leading apostrophe, which Excel shows as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from flask import Response

#: What makes a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DELIMITER = ";"
BOM = "\ufeff"


def safe_cell(value) -> str | int | float:
    """A cell's value, with text that a spreadsheet would run as a formula defused.

    Numbers stay numbers (``-3`` is a number, not a formula); ``None`` is empty.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(rows: Iterable[Iterable], header: Iterable) -> bytes:
    """The header and rows as UTF-8 with BOM, semicolons and CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def csv_response(body: bytes, filename: str) -> Response:
    """A download of ``body`` named ``filename`` (ASCII; keep names to slugs and ids).

    Exports hold people's names, so browsers and proxies must not keep a copy.
    """
    response = Response(body, mimetype="text/csv")
    response.charset = "utf-8"
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
