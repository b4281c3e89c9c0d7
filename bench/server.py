"""A real Osallistamo server for a benchmark: a throwaway database, gunicorn on loopback.

Runs in the load driver's environment (bench/.venv) and never imports the app: every
step that needs the app (``flask db upgrade``, ``python -m bench.seed``, gunicorn,
creating and dropping a PostgreSQL database, counting the notes) runs as a
subprocess of the app's own Python, so the app's pinned packages are the ones served.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_APP_PYTHON = ROOT / ".venv" / "bin" / "python"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
#: Joins from one address: a benchmark's 150 clients all come from 127.0.0.1.
BENCH_JOIN_LIMIT = "10000 per 15 minutes"
#: The embedding worker's queue (``--embeddings worker``), under a run's own prefix.
JOBS_REDIS_URL = "redis://127.0.0.1:6379/0"

_PG_ADMIN = """
import sys, psycopg
from psycopg import sql
action, name = sys.argv[1], sys.argv[2]
with psycopg.connect(sys.argv[3], autocommit=True, connect_timeout=5) as conn:
    if action == "create":
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    else:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
"""

_SCALAR = """
import json, sys, sqlalchemy as sa
engine = sa.create_engine(sys.argv[1])
with engine.connect() as conn:
    print(conn.scalar(sa.text(sys.argv[2]), json.loads(sys.argv[3])))
engine.dispose()
"""


@dataclass
class Server:
    url: str
    database_url: str
    seed: dict
    process: subprocess.Popen
    log_path: Path
    app_python: Path
    app_root: Path
    #: The embedding worker (``flask embeddings work``), when one runs beside.
    embedder: subprocess.Popen | None = None

    def scalar(self, query: str, **params) -> int:
        """One number read from the database (SQL, read after or between runs)."""
        done = _run(
            [str(self.app_python), "-c", _SCALAR, self.database_url, query,
             json.dumps(params)],
            os.environ.copy(),
            self.app_root,
        )  # fmt: skip
        return int(done.strip().splitlines()[-1])

    def count_notes(self) -> int:
        """Notes of the seeded workshop in the database, read after the run."""
        return self.scalar(
            "SELECT count(*) FROM comments JOIN prompts"
            " ON prompts.id = comments.prompt_id WHERE prompts.workshop_id = :w",
            w=self.seed["workshop_id"],
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(command: list[str], env: dict, cwd: Path = ROOT) -> str:
    """Run a set-up step with the app's Python from the app's root; its stdout."""
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:3])} failed ({done.returncode}):\n"
            f"{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    return done.stdout


def _wait_until_up(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"gunicorn exited early:\n{log_path.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} in 60 s; see {log_path}")


@contextmanager
def database(kind: str, workdir: Path, app_python: Path):
    """A fresh, empty database: a SQLite file in ``workdir``, or a PostgreSQL
    database on 127.0.0.1:5432 (user postgres, trust auth) dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    name = f"osallistamo_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = [str(app_python), "-c", _PG_ADMIN]
    _run([*admin, "create", name, POSTGRES_ADMIN_URL], os.environ.copy())
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        _run([*admin, "drop", name, POSTGRES_ADMIN_URL], os.environ.copy())


def server_environment(
    workdir: Path, database_url: str, ratelimit_storage: str, app_root: Path
):
    """Production settings, except plain-http cookies and the join limit."""
    # The app from app_root; bench.seed from there too, else from this checkout.
    path = [str(app_root), str(ROOT), os.environ.get("PYTHONPATH", "")]
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in path if p),
        "OSALLISTAMO_ENV": "production",
        "OSALLISTAMO_INSTANCE": str(workdir),
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_hex(32),
        # The benchmark speaks plain http on loopback: cookies without Secure.
        "SESSION_COOKIE_SECURE": "false",
        "RATELIMIT_STORAGE_URI": ratelimit_storage,
        # 150 people join from one address here; COMMENT_LIMIT_PER_USER stays as set.
        "JOIN_LIMIT_PER_ADDRESS": BENCH_JOIN_LIMIT,
        "MAIL_SERVER": "",
        # Production requires it; no letter of the benchmark is read.
        "BASE_URL": "http://127.0.0.1",
        "PYTHONUNBUFFERED": "1",
    }


@contextmanager
def gunicorn(
    factory: str, *, env: dict, workdir: Path, workers: int, app_python: Path,
    app_root: Path, name: str = "server",
):  # fmt: skip
    """gunicorn serving ``factory`` with sync workers on a free loopback port; yields
    the base URL and the process, stops it afterwards."""
    port = free_port()
    log_path = workdir / f"{name}.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [str(app_python), "-m", "gunicorn", "--workers", str(workers),
             "--bind", f"127.0.0.1:{port}", "--graceful-timeout", "5",
             "--access-logfile", str(workdir / f"{name}-access.log"), factory],
            cwd=app_root, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/healthz", process, log_path)
        yield url, process, log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def embedding_worker(*, env: dict, workdir: Path, app_python: Path, app_root: Path):
    """``flask embeddings work`` beside gunicorn, as in production
    (docs/deployment.md): it takes the new comments' ids from the Redis list the web
    workers fill (``JOBS_REDIS_URL``); yields the process, stops it afterwards."""
    with open(workdir / "embedder.log", "w") as log:
        process = subprocess.Popen(
            [str(app_python), "-m", "flask", "--app", "app", "embeddings", "work"],
            cwd=app_root, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        yield process
    finally:
        process.terminate()  # it may be waiting on Redis: then a kill
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def served(
    *,
    database_url: str,
    workdir: Path,
    workers: int,
    ratelimit_storage: str,
    app_python: Path = DEFAULT_APP_PYTHON,
    app_root: Path = ROOT,
    seed: tuple[str, ...] = ("bench.seed",),
    extra_env: dict | None = None,
    embeddings: str = "web",
):
    """Migrate and seed the database, then serve it with gunicorn on a free port.

    ``app_root`` is the checkout whose app is served (this one by default; another
    one to compare two versions with the same benchmark). ``seed`` is the seeding
    module and its arguments; ``extra_env`` settings on top of the benchmark's.
    ``embeddings``: ``web`` (the app's default without ``JOBS_REDIS_URL``: each web
    worker embeds its new comments after answering), ``worker`` (production: an
    embedding worker beside gunicorn, fed through Redis on 127.0.0.1:6379), ``off``.
    """
    # A key prefix of its own, so counters in a shared Redis never meet another run's.
    prefix = f"bench-{os.getpid()}-{secrets.token_hex(3)}"
    env = server_environment(workdir, database_url, ratelimit_storage, app_root)
    if embeddings == "off":
        env["EMBEDDINGS"] = "off"
    elif embeddings == "worker":
        env["JOBS_REDIS_URL"] = JOBS_REDIS_URL
        env["JOBS_KEY_PREFIX"] = prefix
    env.update(extra_env or {})
    python = str(app_python)
    _run([python, "-m", "flask", "--app", "app", "db", "upgrade"], env, app_root)
    data = json.loads(
        _run([python, "-m", *seed], env, app_root).strip().splitlines()[-1]
    )
    factory = f"app:create_app(None, {{'RATELIMIT_KEY_PREFIX': '{prefix}'}})"
    with ExitStack() as stack:
        embedder = None
        if embeddings == "worker":
            embedder = stack.enter_context(
                embedding_worker(
                    env=env, workdir=workdir, app_python=app_python, app_root=app_root
                )
            )
        url, process, log_path = stack.enter_context(
            gunicorn(
                factory, env=env, workdir=workdir, workers=workers,
                app_python=app_python, app_root=app_root,
            )
        )  # fmt: skip
        yield Server(
            url, database_url, data, process, log_path, app_python, app_root, embedder
        )
