"""Importing indicator values from CSV: every problem by line, all or nothing."""

import pytest

from app.models import IndicatorValue, PeriodKind, ValueOrigin
from app.monitoring import csv_import, csv_table, services, services_indicators
from app.monitoring.csv_table import ImportRejected


def rows(db):
    return db.session.query(IndicatorValue).order_by(IndicatorValue.id).all()


def run(plan, text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return csv_import.import_values(plan.process, data, actor=plan.facilitator)


def problems_of(plan, text) -> list[tuple]:
    with pytest.raises(ImportRejected) as raised:
        run(plan, text)
    return [(p.line, p.message) for p in raised.value.problems]


def test_every_bad_row_is_reported_and_nothing_imported(
    app, db, plan, create_process, create_user
):
    """Each problem of each row is listed with its line; no value is written."""
    other_process = create_process(facilitator=create_user())
    other_goal = services.add_goal(other_process, title={"fi": "Muu"})
    foreign = services_indicators.add_indicator(other_goal, title={"fi": "Vieras"})
    ind = plan.indicator.id
    text = "\n".join(
        [
            "indicator;period;organisation;area;subgroup;value;note",
            f"{ind};2025-2026;;;;22;ok",  # 2: fine
            "999;2025-2026;;;;1;",  # 3: unknown indicator
            f"{foreign.id};2025-2026;;;;1;",  # 4: another process's indicator
            f"{ind};2026;;;;1;",  # 5: calendar year for a school-year indicator
            f"{ind};2025-2026;Tuntematon Oy;;;1;",  # 6: unknown organisation
            f"{ind};2025-2026;Keuda;Pohjoinen;;1;",  # 7: both organisation and area
            f"{ind};2025-2026;;;;paljon;",  # 8: not a number
            f"{ind};2025-2026;;;;22;",  # 9: repeats line 2
            "abc;2025-2026;;;;1;",  # 10: not a code
            f"{ind};;;;;5;",  # 11: no period
        ]
    )
    problems = problems_of(plan, text)
    lines = [line for line, _message in problems]
    assert lines == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    messages = dict(problems)
    assert "no indicator 999" in messages[3]
    assert f"no indicator {foreign.id}" in messages[4]
    assert "2026" in messages[5] and "2025-2026" in messages[5]
    assert "Tuntematon Oy" in messages[6]
    assert "not both" in messages[7]
    assert "“paljon” is not a number" in messages[8]
    assert "line 2" in messages[9]
    assert "not a code" in messages[10]
    assert "period is missing" in messages[11]
    db.session.rollback()
    assert rows(db) == []


def test_good_file_imports_with_semicolons_bom_and_decimal_comma(db, plan):
    """Excel's Finnish CSV: BOM, semicolons, decimal comma, Finnish headers; values
    are added with origin IMPORT, matched to organisations in any case."""
    ind = plan.indicator.id
    text = (
        "\ufeffMittari;Kausi;Organisaatio;Alue;Alaryhmä;Arvo;Huomautus\r\n"
        f"{ind};2025-2026;järvenpään KAUPUNKI;;Terveydenhoitajat;16,5;syksy\r\n"
        f"{ind};2025-2026;;Pohjoinen alue;;21;\r\n"
        f"{ind};2024-2025;;;;19,25;\r\n"
    )
    report = run(plan, text.encode("utf-8"))
    db.session.commit()
    assert (report.added, report.updated) == (3, 0)
    saved = rows(db)
    assert [r.value for r in saved] == [16.5, 21, 19.25]
    assert saved[0].organisation_id == plan.school.id
    assert saved[0].subgroup == "terveydenhoitajat"
    assert saved[0].note == "syksy"
    assert saved[1].scope_key == "area:pohjoinen alue"
    assert {r.origin for r in saved} == {ValueOrigin.IMPORT}
    assert saved[0].entered_by_id == plan.facilitator.id


def test_comma_file_updates_existing_values(db, plan):
    """A comma-separated file with English headers in another order; an existing value
    for the same period, place and subgroup is updated, not duplicated."""
    services_indicators.save_value(plan.indicator, period="2025-2026", value=10)
    db.session.commit()
    ind = plan.indicator.id
    text = (
        "value,period,indicator,subgroup\n"
        f'"22,5",2025-2026,{ind},\n'
        f"14,2025-2026,{ind},terveydenhoitajat\n"
    )
    report = run(plan, text)
    db.session.commit()
    assert (report.added, report.updated) == (1, 1)
    assert sorted(r.value for r in rows(db)) == [14, 22.5]


def test_unfilled_template_rows_are_skipped(db, plan):
    """The template's rows left without a period and a value are skipped."""
    template = csv_import.template_csv(plan.process, "fi").decode("utf-8-sig")
    lines = template.splitlines()
    assert lines[0].startswith('"mittari";"mittarin nimi"')
    assert len(lines) == 4  # header + general target + two subgroups
    filled = lines[1].split(";")
    filled[5], filled[9] = '"2025-2026"', '"23,5"'
    text = "\n".join([lines[0], ";".join(filled), *lines[2:]])
    report = run(plan, text)
    assert (report.added, report.skipped) == (1, 2)


def test_file_level_problems(plan):
    """Empty, not UTF-8, too big, missing columns and too many rows are refused."""
    assert problems_of(plan, b"") == [(None, "The file is empty.")]
    assert (
        "not UTF-8"
        in problems_of(plan, "mittari;kausi;arvo\n1;2025-2026;ä".encode("latin-1"))[0][
            1
        ]
    )
    too_big = b"x" * (csv_table.MAX_BYTES + 1)
    assert "too big" in problems_of(plan, too_big)[0][1]
    missing = problems_of(plan, "indicator;value\n1;2\n")
    assert missing[0][0] == 1 and "period" in missing[0][1]
    ind = plan.indicator.id
    many = "indicator;period;value\n" + "".join(
        f"{ind};2025-2026;{n}\n" for n in range(csv_table.MAX_ROWS + 1)
    )
    assert "at most 5000" in problems_of(plan, many)[0][1]


def test_unreadable_line_is_reported_by_its_number(plan):
    """A line the CSV reader refuses (a cell over its size limit) is a problem of that
    line, in the importer's words; nothing is imported."""
    huge = "x" * 200_000
    text = f"indicator;period;value\n{plan.indicator.id};2025-2026;1\n1;{huge};2\n"
    [(line, message)] = problems_of(plan, text)
    assert line == 3
    assert message.startswith("The line could not be read as CSV (field larger")


def test_calendar_year_indicator_takes_years(db, plan):
    """A calendar-year indicator takes "2026" and refuses a school year."""
    yearly = services_indicators.add_indicator(
        plan.goal, title={"fi": "Vuosittain"}, period_kind=PeriodKind.CALENDAR_YEAR
    )
    db.session.commit()
    assert run(plan, f"indicator;period;value\n{yearly.id};2026;5\n").added == 1
    problems = problems_of(plan, f"indicator;period;value\n{yearly.id};2025-2026;5\n")
    assert problems[0][0] == 2 and "like 2026" in problems[0][1]
