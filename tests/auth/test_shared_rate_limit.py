"""With several gunicorn workers the rate limits are counted once, in Redis.

Each worker process would otherwise count on its own (``memory://``), multiplying a
limit by the number of workers. gunicorn with three workers serves a fresh SQLite
database with ``RATELIMIT_STORAGE_URI`` pointing at the Redis on loopback, under a key
prefix of its own; sign-in attempts from one address over separate connections stop
at the limit, whichever worker answers, and the counters are in Redis. Skipped when
Redis does not answer (a developer's machine without it; CI has it).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from tests.conftest import TEST_REDIS_URL, csrf_token_from
from tests.e2e.conftest import free_port, run_step, wait_until_up

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = TEST_REDIS_URL
LIMIT = 4
ATTEMPTS = 10


class Browser:
    """One visitor's cookies; urllib opens a new connection for every request."""

    def __init__(self, url: str):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )

    def open(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.url + path, body, headers={"Accept-Language": "fi"}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def failed_sign_in(self) -> tuple[int, str]:
        """A sign-in with a valid form token and a wrong password."""
        _status, html = self.open("/login")
        return self.open(
            "/login",
            {
                "email": "ei@example.fi",
                "password": "väärä",
                "csrf_token": csrf_token_from(html),
            },
        )


def test_workers_share_the_sign_in_limit_through_redis(redis_client, tmp_path):
    """Three workers let exactly LIMIT attempts through, then answer a Finnish 429."""
    prefix = f"osallistamo-test-{secrets.token_hex(4)}"
    env = {
        **os.environ,
        "OSALLISTAMO_ENV": "development",
        "OSALLISTAMO_INSTANCE": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'limits.db'}",
        "SECRET_KEY": "limits-only-secret-key-" + "x" * 24,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": prefix,
        "LOGIN_LIMIT_PER_ADDRESS": f"{LIMIT} per 10 minutes",
        "LOGIN_LIMIT_PER_EMAIL": "100 per 10 minutes",
        "MAIL_SERVER": "",
    }
    run_step([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], env)
    port = free_port()
    log_path = tmp_path / "server.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "3",
             "--bind", f"127.0.0.1:{port}", "--graceful-timeout", "2",
             "app:create_app()"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/healthz", server, log_path)
        browser = Browser(url)
        answers = [browser.failed_sign_in() for _ in range(ATTEMPTS)]
        counters = list(redis_client.scan_iter(f"*{prefix}*"))
    finally:
        server.terminate()
        server.wait(timeout=10)
        for key in redis_client.scan_iter(f"*{prefix}*"):
            redis_client.delete(key)

    statuses = [status for status, _html in answers]
    assert statuses[:LIMIT].count(429) == 0, statuses
    assert statuses[LIMIT:] == [429] * (ATTEMPTS - LIMIT), statuses
    assert "Liian monta yritystä" in answers[-1][1]
    assert counters, "no rate-limit counters were written to Redis"
