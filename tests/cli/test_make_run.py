"""`make run` prints and links the address it actually serves (issue 15)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _dry_run(*args: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "BASE_URL"}
    out = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.splitlines()


def _shell(line: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "BASE_URL"} | env
    return subprocess.run(
        ["bash", "-c", line], env=clean, capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("port", ["5000", "5123"])
def test_the_printed_address_is_the_served_port(port):
    """The accounts' sign-in link, the address line and the server share HOST:PORT."""
    lines = _dry_run(f"PORT={port}")
    accounts = next(line for line in lines if "demo accounts" in line)
    serve = next(line for line in lines if " run --debug" in line)
    address = next(line for line in lines if line.startswith("echo"))
    assert f"--port {port}" in serve
    assert f"http://127.0.0.1:{port}" in accounts
    assert f"http://127.0.0.1:{port}" in serve
    assert _shell(address).strip() == f"Osallistamo: http://127.0.0.1:{port}"
    # A BASE_URL of the environment (a proxy in front) is kept as it is.
    assert "https://osallistamo.example" in _shell(
        address, BASE_URL="https://osallistamo.example"
    )
