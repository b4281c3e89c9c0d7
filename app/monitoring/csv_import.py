"""Importing indicator values from a CSV file, all or nothing.

The file has a header row; columns are found by name (Finnish, Swedish or English,
any case, in any order; unknown columns such as the template's "indicator name" are
ignored). Cells are separated by semicolons, commas or tabs (read from the header),
the text is UTF-8 with or without a byte order mark, and numbers may use a decimal
comma. Every row is checked first and every problem reported by its line number;
only a file without problems is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..csv_export import write_csv
from ..errors import DomainError
from ..i18n import localized
from ..models import Indicator, Organisation, Process, User, ValueOrigin, scope_key_for
from . import queries, services
from .labels import PERIOD_EXAMPLES, target_text
from .targets import SUBGROUP_MAX, clean_subgroup, parse_number, valid_period

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
NOTE_MAX = 2000

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

#: The template's columns in each language: the fields, then columns for reading only.
TEMPLATE_COLUMNS = {
    "fi": {
        "indicator": "mittari",
        "name": "mittarin nimi",
        "unit": "yksikkö",
        "target": "tavoite",
        "format": "kauden muoto",
        "period": "kausi",
        "organisation": "organisaatio",
        "area": "alue",
        "subgroup": "alaryhmä",
        "value": "arvo",
        "note": "huomautus",
    },
    "sv": {
        "indicator": "indikator",
        "name": "indikatorns namn",
        "unit": "enhet",
        "target": "mål",
        "format": "periodens form",
        "period": "period",
        "organisation": "organisation",
        "area": "område",
        "subgroup": "undergrupp",
        "value": "värde",
        "note": "anteckning",
    },
    "en": {
        "indicator": "indicator",
        "name": "indicator name",
        "unit": "unit",
        "target": "target",
        "format": "period format",
        "period": "period",
        "organisation": "organisation",
        "area": "area",
        "subgroup": "subgroup",
        "value": "value",
        "note": "note",
    },
}
TEMPLATE_ORDER = (
    "indicator",
    "name",
    "unit",
    "target",
    "format",
    "period",
    "organisation",
    "area",
    "subgroup",
    "value",
    "note",
)


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


@dataclass
class ParsedRow:
    line: int
    indicator: Indicator
    period: str
    organisation: Organisation | None
    area: str
    subgroup: str
    value: float
    note: str


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0  #: rows without a period and a value (unfilled template rows)
    rows: list[ParsedRow] = field(default_factory=list)


def _normalise(name: str) -> str:
    name = (name or "").replace("\ufeff", "").replace("_", " ").replace("-", " ")
    return " ".join(name.split()).casefold()


def decode(data: bytes) -> str:
    """The file's text.

    :raises ImportRejected: when it is empty, too big or not UTF-8.
    """
    if len(data) > MAX_BYTES:
        raise ImportRejected(
            [
                Problem(
                    None,
                    _(
                        "The file is too big: at most %(size)s MB can be imported at "
                        "once. Split it into several files.",
                        size=MAX_BYTES // (1024 * 1024),
                    ),
                )
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(
            [
                Problem(
                    None,
                    _(
                        "The file is not UTF-8 text. In Excel, save it as "
                        "“CSV UTF-8 (comma delimited)”."
                    ),
                )
            ]
        ) from None
    if not text.strip():
        raise ImportRejected([Problem(None, _("The file is empty."))])
    return text


def sniff_delimiter(header_line: str) -> str:
    """The separator the header row uses: semicolon, comma or tab (most frequent)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in ";,\t"}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


def read_table(text: str) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The columns found (field -> index) and the data rows with their line numbers.

    :raises ImportRejected: for a missing or repeated column, or too many rows.
    """
    header_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=sniff_delimiter(header_line)
    )
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    previous_end = 0
    try:
        for cells in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = cells
            else:
                rows.append((start, cells))
    except csv.Error as error:
        raise ImportRejected(
            [
                Problem(
                    reader.line_num,
                    _("The line could not be read as CSV (%(error)s).", error=error),
                )
            ]
        ) from None
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


def _row_cells(columns: dict[str, int], cells: list[str]) -> dict[str, str]:
    """Every field's cell of a row ("" for a column the file lacks or a short row)."""
    return {
        name: cells[columns[name]].strip()
        if name in columns and columns[name] < len(cells)
        else ""
        for name in COLUMN_NAMES
    }


def _indicator_of(text: str, indicators: dict[int, Indicator]):
    """The row's indicator, or the message saying what is wrong."""
    code = text.strip().lstrip("#")
    if not code:
        return None, _("The indicator is missing.")
    if not code.isdigit():
        return None, _(
            "The indicator “%(code)s” is not a code: give the number shown on the "
            "indicator's page.",
            code=text.strip(),
        )
    indicator = indicators.get(int(code))
    if indicator is None:
        return None, _("This process has no indicator %(code)s.", code=code)
    return indicator, None


def parse_rows(process: Process, text: str) -> tuple[list[ParsedRow], int]:
    """Check every row; return the rows and how many unfilled rows were skipped.

    :raises ImportRejected: with every problem of every row.
    """
    columns, rows = read_table(text)
    indicators = {i.id: i for i in queries.process_indicators(process)}
    organisations = queries.organisation_by_name()
    parsed: list[ParsedRow] = []
    problems: list[Problem] = []
    seen: dict[tuple, int] = {}
    skipped = 0

    for line, cells in rows:
        cell = _row_cells(columns, cells).__getitem__
        if not cell("period") and not cell("value"):
            skipped += 1
            continue
        row_problems: list[str] = []
        indicator, problem = _indicator_of(cell("indicator"), indicators)
        if problem:
            row_problems.append(problem)
        period = cell("period")
        if not period:
            row_problems.append(_("The period is missing."))
        elif indicator is not None and not valid_period(indicator.period_kind, period):
            row_problems.append(
                _(
                    "The period “%(period)s” is not valid for this indicator: write "
                    "it like %(example)s.",
                    period=period,
                    example=PERIOD_EXAMPLES[indicator.period_kind],
                )
            )
        organisation = None
        organisation_name = cell("organisation")
        if organisation_name:
            organisation = organisations.get(
                " ".join(organisation_name.split()).casefold()
            )
            if organisation is None:
                row_problems.append(
                    _(
                        "There is no organisation called “%(name)s”. Check the "
                        "spelling, or leave it empty and give an area instead.",
                        name=organisation_name,
                    )
                )
        area = " ".join(cell("area").split())
        if organisation_name and area:
            row_problems.append(_("Give either an organisation or an area, not both."))
        if len(area) > services.AREA_MAX:
            row_problems.append(
                _(
                    "The area is too long (at most %(max)d characters).",
                    max=services.AREA_MAX,
                )
            )
        subgroup = clean_subgroup(cell("subgroup"))
        if len(subgroup) > SUBGROUP_MAX:
            row_problems.append(
                _(
                    "The subgroup is too long (at most %(max)d characters).",
                    max=SUBGROUP_MAX,
                )
            )
        value_text = cell("value")
        value = parse_number(value_text)
        if not value_text:
            row_problems.append(_("The value is missing."))
        elif value is None:
            row_problems.append(
                _("The value “%(value)s” is not a number.", value=value_text)
            )
        note = cell("note")
        if len(note) > NOTE_MAX:
            row_problems.append(
                _("The note is too long (at most %(max)d characters).", max=NOTE_MAX)
            )
        if indicator is not None and not row_problems:
            subgroup = services.canonical_subgroup(indicator, subgroup)
            key = (
                indicator.id,
                period,
                scope_key_for(organisation.id if organisation else None, area),
                subgroup.casefold(),
            )
            if key in seen:
                row_problems.append(
                    _(
                        "The same indicator, period, place and subgroup are already on "
                        "line %(line)d.",
                        line=seen[key],
                    )
                )
            else:
                seen[key] = line
        if row_problems:
            problems.extend(Problem(line, message) for message in row_problems)
            continue
        parsed.append(
            ParsedRow(
                line=line,
                indicator=indicator,
                period=period,
                organisation=organisation,
                area=area,
                subgroup=subgroup,
                value=value,
                note=note,
            )
        )
    if not parsed and not problems:
        problems.append(Problem(None, _("The file has no rows with values.")))
    if problems:
        raise ImportRejected(problems)
    return parsed, skipped


def import_values(process: Process, data: bytes, *, actor: User | None) -> ImportReport:
    """Check the whole file, then add or replace its values (origin: import).

    Nothing is written unless every row is valid. Flushes; the caller commits (or
    rolls back, e.g. for a check without importing).

    :raises ImportRejected: with every problem found.
    """
    parsed, skipped = parse_rows(process, decode(data))
    report = ImportReport(skipped=skipped, rows=parsed)
    for row in parsed:
        _value, added = services.upsert_value(
            row.indicator,
            period=row.period,
            value=row.value,
            organisation=row.organisation,
            area=row.area,
            subgroup=row.subgroup,
            note=row.note,
            actor=actor,
            origin=ValueOrigin.IMPORT,
        )
        if added:
            report.added += 1
        else:
            report.updated += 1
    return report


def template_csv(process: Process, language: str) -> bytes:
    """A CSV to fill in: a row per indicator and target subgroup, with the columns to
    fill empty, headed in ``language``."""
    names = TEMPLATE_COLUMNS.get(language, TEMPLATE_COLUMNS["en"])
    rows = []
    with force_locale(language):
        for indicator in queries.process_indicators(process):
            targets = sorted(
                indicator.targets, key=lambda t: (t.subgroup != "", t.subgroup)
            )
            for target in targets or [None]:
                rows.append(
                    {
                        "indicator": indicator.id,
                        "name": localized(indicator.title, process.language, language),
                        "unit": indicator.unit,
                        "target": target_text(
                            indicator.direction, target.value, indicator.unit
                        )
                        if target
                        else "",
                        "format": PERIOD_EXAMPLES[indicator.period_kind],
                        "subgroup": target.subgroup if target else "",
                    }
                )
    header = [names[key] for key in TEMPLATE_ORDER]
    return write_csv(
        ([row.get(key, "") for key in TEMPLATE_ORDER] for row in rows), header
    )
