"""``flask export``: every format written to a file that parses, and clear errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from docx import Document

from .conftest import HIDDEN_WORD


def run(runner, *args):
    return runner.invoke(args=["export", *map(str, args)])


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "csv", "json"])
def test_every_format_round_trips(summary_world, runner, tmp_path, fmt):
    """The file is written, parses in its own format and holds the theme titles
    (Finnish: the process's language is the default)."""
    out = tmp_path / f"summary.{fmt}"
    result = run(runner, "kuntakokeilu", "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.output
    body = out.read_bytes()
    if fmt == "docx":
        document = Document(io.BytesIO(body))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "Ohjaus" in text and "Ehdotus jatkotyöstä" in text
    elif fmt == "csv":
        assert body.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        assert len(rows) == 1 + len(summary_world.comments)
        text = body.decode("utf-8-sig")
    elif fmt == "json":
        data = json.loads(body)
        assert data["language"] == "fi"
        assert [t["title"] for t in data["themes"]][0] == "Ohjaus"
        assert data["proposal"]["title"] == "Ehdotus jatkotyöstä"  # the CLI is staff
        text = body.decode()
    else:
        text = body.decode("utf-8")
        assert "Ohjaus" in text
        assert "Teemat" in text  # labels in Finnish, not the English source
    if fmt != "docx":
        assert HIDDEN_WORD not in text


def test_votes_csv_in_swedish_for_a_phase(summary_world, runner, tmp_path):
    """--kind votes --lang sv --phase: the ballot's rows with Swedish titles."""
    out = tmp_path / "votes.csv"
    result = run(
        runner,
        "kuntakokeilu",
        "--format",
        "csv",
        "--kind",
        "votes",
        "--lang",
        "sv",
        "--phase",
        summary_world.phase.id,
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert [row[6] for row in rows[1:3]] == ["Resurser", "Delaktighet"]


def test_unknown_process_is_a_usage_error(summary_world, runner, tmp_path):
    """Exit status 2 and a message naming the address; no file written."""
    out = tmp_path / "x.md"
    result = run(runner, "ei-ole", "--format", "md", "--out", out)
    assert result.exit_code == 2
    assert "No process with the address 'ei-ole'" in result.output
    assert not out.exists()


def test_phase_of_another_process_is_a_usage_error(summary_world, runner, tmp_path):
    """A phase id from another process: exit 2, listing this process's phases."""
    w = summary_world
    out = tmp_path / "x.md"
    result = run(
        runner,
        "kuntakokeilu",
        "--format",
        "md",
        "--phase",
        w.other_phase.id,
        "--out",
        out,
    )
    assert result.exit_code == 2
    assert f"has no phase {w.other_phase.id}" in result.output
    assert str(w.phase.id) in result.output


def test_unknown_format_is_refused(summary_world, runner, tmp_path):
    """Click's own choice check: exit 2."""
    result = run(runner, "kuntakokeilu", "--format", "pdf", "--out", tmp_path / "x")
    assert result.exit_code == 2
