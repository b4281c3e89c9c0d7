"""Reading an import file as a table: its text, its separator and its columns.

The file has a header row; columns are found by name (Finnish, Swedish or English,
any case, in any order; unknown columns such as the template's "indicator name" are
ignored). Cells are separated by semicolons, commas or tabs (read from the header),
and the text is UTF-8 with or without a byte order mark: ``app/csvfiles.py`` reads
it, this module says what is wrong in the importer's words. Checking the rows
themselves is csv_import.py's work.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import csvfiles
from ..errors import DomainError

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000

#: The names a column may have, already in the form ``_normalise`` gives.
COLUMN_NAMES = {
    "indicator": {
        "indicator",
        "indicator id",
        "indicator code",
        "code",
        "mittari",
        "mittarin tunnus",
        "mittarin koodi",
        "tunnus",
        "koodi",
        "indikator",
        "indikatorns kod",
        "kod",
    },
    "period": {
        "period",
        "year",
        "school year",
        "kausi",
        "ajanjakso",
        "vuosi",
        "lukuvuosi",
        "år",
        "läsår",
    },
    "organisation": {"organisation", "organization", "organisaatio"},
    "area": {"area", "alue", "område"},
    "subgroup": {"subgroup", "group", "alaryhmä", "ryhmä", "undergrupp", "grupp"},
    "value": {"value", "arvo", "värde"},
    "note": {
        "note",
        "comment",
        "huomautus",
        "lisätieto",
        "lisätiedot",
        "kommentti",
        "anteckning",
    },
}
REQUIRED = ("indicator", "period", "value")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file; ``line`` is None for the file as a whole."""

    line: int | None
    message: str


class ImportRejected(DomainError):
    """The file has problems; nothing was imported."""

    message = _l("The file was not imported: correct the problems below and try again.")

    def __init__(self, problems: list[Problem]):
        super().__init__()
        self.problems = problems


def _refusal(message: str, line: int | None = None) -> ImportRejected:
    """The file refused for one problem."""
    return ImportRejected([Problem(line, message)])


def _normalise(name: str) -> str:
    name = (name or "").replace(csvfiles.BOM, "").replace("_", " ").replace("-", " ")
    return " ".join(name.split()).casefold()


def decode(data: bytes) -> str:
    """The file's text.

    :raises ImportRejected: when it is empty, too big or not UTF-8.
    """
    if len(data) > MAX_BYTES:
        raise _refusal(
            _(
                "The file is too big: at most %(size)s MB can be imported at "
                "once. Split it into several files.",
                size=MAX_BYTES // (1024 * 1024),
            )
        )
    try:
        text = csvfiles.decode(data)
    except UnicodeDecodeError:
        raise _refusal(
            _(
                "The file is not UTF-8 text. In Excel, save it as "
                "“CSV UTF-8 (comma delimited)”."
            )
        ) from None
    if not text.strip():
        raise _refusal(_("The file is empty."))
    return text


def read_table(text: str) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The columns found (field -> index) and the data rows with their line numbers.

    :raises ImportRejected: for a missing or repeated column, or too many rows.
    """
    try:
        table = csvfiles.read_rows(text)
    except csvfiles.UnreadableLine as unreadable:
        raise _refusal(
            _(
                "The line could not be read as CSV (%(error)s).",
                error=unreadable.error,
            ),
            unreadable.line,
        ) from None
    header = table[0][1] if table else None
    rows = table[1:]
    columns: dict[str, int] = {}
    problems = []
    for index, name in enumerate(header or []):
        key = _normalise(name)
        for field_name, names in COLUMN_NAMES.items():
            if key in names:
                if field_name in columns:
                    problems.append(
                        Problem(
                            1,
                            _(
                                "The column “%(name)s” is given twice.",
                                name=name.strip(),
                            ),
                        )
                    )
                columns.setdefault(field_name, index)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        problems.append(
            Problem(
                1,
                _(
                    "The header row lacks the columns: %(columns)s. The first row must "
                    "name the columns, e.g. indicator; period; organisation; area; "
                    "subgroup; value; note.",
                    columns=", ".join(missing),
                ),
            )
        )
    if len(rows) > MAX_ROWS:
        problems.append(
            Problem(
                None,
                _(
                    "The file has %(count)d rows; at most %(max)d can be imported at "
                    "once. Split it into several files.",
                    count=len(rows),
                    max=MAX_ROWS,
                ),
            )
        )
    if problems:
        raise ImportRejected(problems)
    return columns, rows


def row_cells(columns: dict[str, int], cells: list[str]) -> dict[str, str]:
    """Every field's cell of a row ("" for a column the file lacks or a short row)."""
    return {
        name: cells[columns[name]].strip()
        if name in columns and columns[name] < len(cells)
        else ""
        for name in COLUMN_NAMES
    }
