"""Importing indicator values from a CSV file, all or nothing; and the template.

csv_table.py reads the file into columns and rows. Here every row is checked first
(numbers may use a decimal comma) and every problem reported by its line number;
only a file without problems is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import force_locale
from flask_babel import gettext as _

from ..csvfiles import write_csv
from ..i18n import localized
from ..models import Indicator, Organisation, Process, User, ValueOrigin, scope_key_for
from ..requests import parse_id
from . import queries, services_indicators
from .csv_table import ImportRejected, Problem, decode, read_table, row_cells
from .labels import PERIOD_EXAMPLES, target_text
from .targets import SUBGROUP_MAX, clean_subgroup, parse_number, valid_period

NOTE_MAX = 2000

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


def _indicator_of(text: str, indicators: dict[int, Indicator]):
    """The row's indicator, or the message saying what is wrong."""
    code = text.strip().lstrip("#")
    if not code:
        return None, _("The indicator is missing.")
    if parse_id(code) is None:
        return None, _(
            "The indicator “%(code)s” is not a code: give the number shown on the "
            "indicator's page.",
            code=text.strip(),
        )
    indicator = indicators.get(parse_id(code))
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
        cell = row_cells(columns, cells).__getitem__
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
        if len(area) > services_indicators.AREA_MAX:
            row_problems.append(
                _(
                    "The area is too long (at most %(max)d characters).",
                    max=services_indicators.AREA_MAX,
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
            subgroup = services_indicators.canonical_subgroup(indicator, subgroup)
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
        _value, added = services_indicators.upsert_value(
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
