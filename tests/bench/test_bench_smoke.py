"""The product benchmark's smoke run: every scenario for seconds, with tiny sizes.

Runs ``bench.suite --smoke`` (200 comments, 1 worker, 3 s a scenario) from the load
driver's own environment, ``bench/.venv`` (``make bench-venv``: pip only), and checks
that each scenario ran with no error and no lost write. It measures, so it is marked
``timing`` (run alone, after the parallel run). Skipped when bench/.venv or locust is
missing. About a minute.
"""

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "bench" / ".venv" / "bin" / "python"

pytestmark = pytest.mark.timing


def test_every_scenario_runs_without_errors_or_lost_writes(tmp_path):
    if not DRIVER.exists():
        pytest.skip("bench/.venv is missing: make bench-venv installs locust")
    has_locust = subprocess.run([DRIVER, "-c", "import locust"], capture_output=True)
    if has_locust.returncode != 0:
        pytest.skip("locust is not installed in bench/.venv: make bench-venv")
    output = tmp_path / "smoke.json"
    done = subprocess.run(
        [DRIVER, "-m", "bench.suite", "--smoke", "--ratelimit-storage", "memory://",
         "--output", output],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    result = json.loads(output.read_text())
    scenarios = result["scenarios"]
    assert set(scenarios) == {
        "ceiling", "read thread", "post comment", "vote", "live view", "API read",
        "post comment, one every 10 s", "vote, 500 groups in a minute",
    }  # fmt: skip
    for name, row in scenarios.items():
        assert row["signin_failures"] == 0, name
        assert row["key_count"] > 0, name
        assert row["errors"] == 0, (name, row["failures"])
        if "rows_written" in row:
            assert row["rows_written"] == row["responses"] > 0, name
    for fmt in ("docx", "csv", "json"):
        assert result["exports"][fmt]["errors"] == 0, fmt
    assert result["exports"]["csv"]["csv_lines"] > 200  # the comments and a header
