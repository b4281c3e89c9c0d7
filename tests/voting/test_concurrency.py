"""Many simultaneous votes for one work group against a real server count once.

gunicorn (several worker processes) serves a freshly migrated database seeded by
``tests/voting/seed_concurrency.py``. Two members join the group through its invite
link, each with their own cookies; then twenty POSTs with different choices leave
at the same moment over separate connections. Afterwards the database holds
exactly one vote for the group, with the entries of one of the submitted choices,
and every accepted request replaced the vote before it (revision = requests).

Runs on a temporary SQLite file, and on PostgreSQL too when TEST_DATABASE_URL
names one (the same database the other tests use; its tables are emptied after).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import csrf_token_from
from tests.e2e.conftest import free_port, run_step, wait_until_up

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
REQUESTS = 20
WORKERS = 4


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep the 302 of a saved vote visible instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


class Member:
    """One person's HTTP client: their own cookie jar, a new connection per request."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base_url + path, body, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def join(self, invite_code: str, name: str) -> None:
        """Sign in as a new participant through the group's join link."""
        status, html = self.request(f"/join/{invite_code}")
        assert status == 200, html
        status, html = self.request(
            f"/join/{invite_code}",
            {"display_name": name, "csrf_token": csrf_token_from(html)},
        )
        assert status == 302, f"joining failed ({status}):\n{html[:2000]}"


@contextmanager
def served(database_url: str, tmp_path: Path):
    """Migrate and seed the database, then serve it with gunicorn on loopback."""
    env = {
        **os.environ,
        "OSALLISTAMO_ENV": "development",
        "OSALLISTAMO_INSTANCE": str(tmp_path),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "concurrency-only-secret-key-" + "x" * 24,
        "RATELIMIT_STORAGE_URI": "memory://",
        "MAIL_SERVER": "",
        "PYTHONUNBUFFERED": "1",
    }
    run_step([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], env)
    seeded = json.loads(
        run_step([sys.executable, "-m", "tests.voting.seed_concurrency"], env)
    )
    port = free_port()
    log_path = tmp_path / "server.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS),
             "--bind", f"127.0.0.1:{port}", "--graceful-timeout", "2",
             "app:create_app()"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/healthz", server, log_path)
        yield url, seeded, log_path
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def database_urls() -> list:
    pg_url = os.environ.get("TEST_DATABASE_URL", "")
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            pg_url,
            id="postgresql",
            marks=pytest.mark.skipif(
                not pg_url.startswith("postgresql"),
                reason="TEST_DATABASE_URL does not name a PostgreSQL database",
            ),
        ),
    ]


@pytest.mark.parametrize("database", database_urls())
def test_simultaneous_votes_for_one_group_count_once(database, tmp_path, app):
    """Twenty simultaneous votes from two members of one group leave one vote."""
    if database == "sqlite":
        database = f"sqlite:///{tmp_path / 'concurrency.db'}"
    with served(database, tmp_path) as (url, seeded, log_path):
        members = [Member(url), Member(url)]
        members[0].join(seeded["invite_code"], "Aino Äänestäjä")
        members[1].join(seeded["invite_code"], "Bertta Äänestäjä")
        ballot_path = f"/p/{seeded['slug']}/ballots/{seeded['ballot_id']}/"
        tokens = []
        for member in members:
            status, html = member.request(ballot_path)
            assert status == 200, html[:2000]
            tokens.append(csrf_token_from(html))

        t1, t2, t3 = seeded["theme_ids"]
        choices = [{t1}, {t2}, {t3}, {t1, t2}, {t1, t3}, {t2, t3}]
        start = threading.Barrier(REQUESTS, timeout=30)

        def vote(index: int) -> tuple[int, str]:
            member = index % 2
            data = {"csrf_token": tokens[member], "group_id": seeded["group_id"]}
            data.update({f"theme-{t}": "y" for t in choices[index % len(choices)]})
            start.wait()  # every request leaves at the same moment
            return members[member].request(ballot_path, data)

        with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
            answers = list(pool.map(vote, range(REQUESTS)))

    statuses = [status for status, _html in answers]
    assert statuses == [302] * REQUESTS, (
        f"statuses {statuses}; server log:\n{log_path.read_text()[-4000:]}"
    )
    engine = sa.create_engine(database)
    try:
        with engine.connect() as conn:
            votes = conn.execute(
                sa.text(
                    "SELECT id, unit_key, group_id, revision FROM votes "
                    "WHERE ballot_id = :ballot"
                ),
                {"ballot": seeded["ballot_id"]},
            ).all()
            assert len(votes) == 1, votes
            vote = votes[0]
            themes = set(
                conn.scalars(
                    sa.text("SELECT theme_id FROM vote_entries WHERE vote_id = :vote"),
                    {"vote": vote.id},
                )
            )
            version = conn.scalar(
                sa.text("SELECT results_version FROM ballots WHERE id = :ballot"),
                {"ballot": seeded["ballot_id"]},
            )
            voters = set(
                conn.scalars(
                    sa.text(
                        "SELECT users.name FROM votes "
                        "JOIN users ON users.id = votes.cast_by_id"
                    )
                )
            )
    finally:
        engine.dispose()
    assert vote.unit_key == f"group:{seeded['group_id']}"
    assert vote.group_id == seeded["group_id"]
    assert themes in choices  # one submitted choice whole, never a mixture
    # Every request replaced the vote before it: none was lost or counted twice.
    assert vote.revision == REQUESTS
    assert version == seeded["results_version"] + REQUESTS
    assert voters <= {"Aino Äänestäjä", "Bertta Äänestäjä"} and len(voters) == 1
