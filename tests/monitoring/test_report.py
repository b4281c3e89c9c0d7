"""The annual report: Word and CSV files of a period, the download and the CLI."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from docx import Document

from app.monitoring.report import build_report
from app.monitoring.report_files import export_report

from . import dashboard_fixtures
from .dashboard_fixtures import NURSE, PSY

# The shared fixtures (tests/monitoring/conftest.py belongs to another module).
dashboard_world = dashboard_fixtures.dashboard_world
english_pages = dashboard_fixtures.english_pages

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _csv_rows(body: bytes) -> list[dict]:
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_report_data_is_the_dashboard_of_the_period(dashboard_world):
    """The report carries the period, the language and the process title."""
    report = build_report(
        dashboard_world.process, period="2025-2026", language="sv", now=NOW
    )
    assert (report.period, report.previous_period) == ("2025-2026", "2024-2025")
    assert report.process_title == dashboard_world.process.title["sv"]
    assert (
        report.dashboard.goals[0].title == "Yhteisöllinen työ"
    )  # no sv: main language


def test_word_report(dashboard_world):
    """Title, a heading per goal, the indicator table, a chart with alt text, notes."""
    result = export_report(
        dashboard_world.process, fmt="docx", period="2025-2026", language="en", now=NOW
    )
    assert result.filename.endswith("-annual-report-2025-2026-en.docx")
    document = Document(io.BytesIO(result.body))
    texts = [p.text for p in document.paragraphs]
    title = f"Annual report: {dashboard_world.process.title['fi']}"
    assert title in texts and "Period 2025-2026" in texts
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert "Communal work" in headings and "Services" in headings
    assert "What changed since the last period" in headings
    # What got worse says by how much, in percentage points for a percentage.
    assert (
        "Share of communal work (The whole region, terveydenhoitajat): "
        "16 % → 14 % (−2 percentage points)"
    ) in texts
    assert (
        "Targets newly met" in headings and "Actions whose status changed" in headings
    )
    cells = [
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]
    assert "Value 2025-2026" in cells and "Previous 2024-2025" in cells
    assert "31.5 %" in cells and "27.5 %" in cells and "+4 percentage points" in cells
    assert any(c.startswith("Not met by 1 percentage point") for c in cells)
    assert "In progress · Overdue" in cells
    # Three indicators have values: three charts, each with its description.
    shapes = document.inline_shapes
    assert len(shapes) == 3
    descr = shapes[0]._inline.docPr.get("descr")
    assert descr.startswith("Line chart of Share of communal work.")
    assert f"{PSY}: 2024-2025 27.5 %, 2025-2026 31.5 %" in descr
    # The period's notes of the actions.
    assert any("Tulokset käsitelty." in t for t in texts)
    assert not any("Luovuttu." in t for t in texts)  # a note of 2024-2025


def test_word_report_in_finnish_has_decimal_commas(dashboard_world):
    """In Finnish the figures use a decimal comma."""
    result = export_report(
        dashboard_world.process, fmt="docx", period="2025-2026", language="fi", now=NOW
    )
    document = Document(io.BytesIO(result.body))
    cells = [
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]
    assert "31,5 %" in cells


def test_csv_report(dashboard_world):
    """One line per indicator, place, subgroup and period, with the verdict."""
    result = export_report(
        dashboard_world.process, fmt="csv", period="2025-2026", language="en", now=NOW
    )
    assert result.filename.endswith("-annual-report-2025-2026-en.csv")
    rows = _csv_rows(result.body)
    by_key = {(r["Indicator"], r["Place"], r["Group"], r["Period"]): r for r in rows}
    psy = by_key[("Share of communal work", "The whole region", PSY, "2025-2026")]
    assert psy["Value"] == "31,5" and psy["Target"] == "30"
    assert psy["Verdict code"] == "met" and psy["Trend code"] == "better"
    assert psy["Value of the previous period"] == "27,5"
    nurse = by_key[("Share of communal work", "The whole region", NURSE, "2025-2026")]
    assert (
        nurse["Verdict code"] == "not_met" and nurse["Distance from the target"] == "1"
    )
    before = by_key[("Share of communal work", "The whole region", NURSE, "2024-2025")]
    assert before["Value"] == "16" and before["Verdict code"] == "met"
    org = by_key[("Share of communal work", "Oppilaitos A", PSY, "2025-2026")]
    assert org["Verdict"] == "Not met by 5 percentage points"
    assert (
        by_key[("Feedback average", "The whole region", "All", "2025-2026")][
            "Verdict code"
        ]
        == "no_target"
    )
    assert len(rows) == 8  # 5 values this period + 3 (region) the period before


def test_csv_neutralises_formulas(db, dashboard_world):
    """A title that starts like a formula is written as text."""
    dashboard_world.communal_goal.title = {"fi": "=HYPERLINK(1)"}
    db.session.commit()
    result = export_report(dashboard_world.process, fmt="csv", language="fi", now=NOW)
    first = _csv_rows(result.body)[0]
    goal_column = next(iter(first))  # the header is in Finnish here
    assert first[goal_column] == "'=HYPERLINK(1)"


@pytest.mark.usefixtures("english_pages")
@pytest.mark.parametrize("fmt", ["docx", "csv"])
def test_downloads(client, auth, dashboard_world, fmt):
    """A participant downloads the report; the file is named by process and period."""
    auth.login_as(dashboard_world.member)
    url = f"/p/{dashboard_world.process.slug}/monitoring/report.{fmt}?period=2024-2025"
    response = client.get(url)
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    slug = dashboard_world.process.slug
    assert f"filename={slug}-annual-report-2024-2025-en.{fmt}" in disposition
    assert response.headers["Cache-Control"] == "no-store"


def test_download_language_and_access(client, auth, dashboard_world):
    """?lang chooses the file's language; outsiders get 403, visitors sign in."""
    url = f"/p/{dashboard_world.process.slug}/monitoring/report.csv"
    assert client.get(url).status_code == 302
    auth.login_as(dashboard_world.outsider)
    assert client.get(url).status_code == 403
    auth.login_as(dashboard_world.observer)
    response = client.get(url + "?lang=fi")
    assert "-2025-2026-fi.csv" in response.headers["Content-Disposition"]
    assert client.get(url + "?period=next").status_code == 404
    assert client.get(url.replace(".csv", ".pdf")).status_code == 404


def test_cli_writes_the_annual_report(runner, dashboard_world, tmp_path):
    """flask export SLUG --kind annual writes the Word or CSV report."""
    slug = dashboard_world.process.slug
    out = tmp_path / "raportti.docx"
    result = runner.invoke(
        args=[
            "export",
            slug,
            "--kind",
            "annual",
            "--period",
            "2025-2026",
            "--format",
            "docx",
            "--out",
            str(out),
            "--lang",
            "en",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Communal work" in [p.text for p in Document(str(out)).paragraphs]
    out_csv = tmp_path / "luvut.csv"
    result = runner.invoke(
        args=[
            "export",
            slug,
            "--kind",
            "annual",
            "--format",
            "csv",
            "--out",
            str(out_csv),
        ]
    )
    assert result.exit_code == 0, result.output
    assert len(_csv_rows(out_csv.read_bytes())) == 8


def test_cli_refuses_other_formats_and_bad_periods(runner, dashboard_world, tmp_path):
    """Annual reports are docx or csv; a period must be a school or calendar year."""
    slug = dashboard_world.process.slug
    out = tmp_path / "x"
    bad_format = runner.invoke(
        args=["export", slug, "--kind", "annual", "--format", "md", "--out", str(out)]
    )
    assert bad_format.exit_code == 2 and "docx or csv" in bad_format.output
    bad_period = runner.invoke(
        args=[
            "export",
            slug,
            "--kind",
            "annual",
            "--format",
            "csv",
            "--period",
            "syksy",
            "--out",
            str(out),
        ]
    )
    assert bad_period.exit_code == 2 and "school year" in bad_period.output
    assert not out.exists()
