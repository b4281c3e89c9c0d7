"""PostgreSQL backups and restores with the client tools.

``pg_dump --format=custom`` (one repeatable-read snapshot) and ``pg_restore --clean
--if-exists --no-owner --single-transaction``. The database password is handed to
them in PGPASSWORD only: it never appears on a command line, in a message or in the
output.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from .common import BackupError, BackupInfo, as_url, describe_database
from .files import (
    PGDUMP_MAGIC,
    check_target,
    finish_backup,
    inspected,
    read_magic,
    temporary_beside,
)

#: libpq connection parameters that may come from the URL's query string.
LIBPQ_QUERY_KEYS = frozenset(
    {
        "host",
        "hostaddr",
        "port",
        "sslmode",
        "sslcert",
        "sslkey",
        "sslrootcert",
        "sslcrl",
        "sslcompression",
        "requiressl",
        "gssencmode",
        "krbsrvname",
        "connect_timeout",
        "application_name",
        "options",
        "service",
        "passfile",
        "target_session_attrs",
        "channel_binding",
        "keepalives",
        "keepalives_idle",
        "keepalives_interval",
        "keepalives_count",
        "tcp_user_timeout",
    }
)
INSTALL_HINT = (
    "Install the PostgreSQL client tools (Debian/Ubuntu: apt-get install "
    "postgresql-client; for a newer server than the distribution's, "
    "postgresql-client-%(major)s from apt.postgresql.org)."
)


def _conninfo_value(value: str) -> str:
    escaped = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def pg_connection(url: str | URL) -> tuple[str, dict[str, str]]:
    """A libpq conninfo string without the password, and the environment to use.

    The password travels only in PGPASSWORD, so ``ps`` and error messages never
    show it.
    """
    u = as_url(url)
    params: dict[str, str] = {}
    if u.host:
        params["host"] = u.host
    if u.port:
        params["port"] = str(u.port)
    if u.username:
        params["user"] = u.username
    if u.database:
        params["dbname"] = u.database
    for key, value in u.query.items():
        if key not in LIBPQ_QUERY_KEYS:
            continue  # driver-only options of SQLAlchemy/psycopg
        params[key] = value if isinstance(value, str) else value[-1]
    conninfo = " ".join(f"{key}={_conninfo_value(v)}" for key, v in params.items())
    env = dict(os.environ)  # PGSSLMODE etc. apply as they do to the app
    if u.password is not None:
        env["PGPASSWORD"] = str(u.password)
    return conninfo, env


def _scrub(text: str, url: URL) -> str:
    if url.password:
        text = text.replace(str(url.password), "***")
    return text.strip()


def pg_tool(name: str) -> str:
    """The path of pg_dump/pg_restore, or a BackupError saying what to install."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client tools "
            "(Debian/Ubuntu: apt-get install postgresql-client) of the server's "
            "major version or newer."
        )
    return path


def pg_tool_version(name: str) -> tuple[int, int]:
    """(major, minor) of ``pg_dump --version`` / ``pg_restore --version``."""
    result = subprocess.run(
        [pg_tool(name), "--version"], capture_output=True, text=True, check=False
    )
    match = re.search(r"(\d+)(?:\.(\d+))?", result.stdout)
    if result.returncode != 0 or not match:
        raise BackupError(f"Could not read the version of {name}: {result.stderr}")
    return int(match.group(1)), int(match.group(2) or 0)


def pg_server_version(url: str | URL) -> tuple[int, int]:
    """(major, minor) of the server, asked through psycopg."""
    import psycopg

    conninfo, env = pg_connection(url)
    u = as_url(url)
    try:
        with psycopg.connect(
            conninfo, password=u.password or None, connect_timeout=10
        ) as conn:
            number = conn.info.server_version  # e.g. 150020
    except psycopg.Error as error:
        raise BackupError(
            f"Cannot connect to {describe_database(u)}: {_scrub(str(error), u)}"
        ) from None
    return number // 10000, number % 10000


def check_pg_client(
    name: str, url: str | URL
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Refuse a client older than the server (pg_dump would abort on it)."""
    client = pg_tool_version(name)
    server = pg_server_version(url)
    if client[0] < server[0]:
        raise BackupError(
            f"{name} {client[0]}.{client[1]} is older than the server "
            f"({server[0]}.{server[1]}). " + INSTALL_HINT % {"major": server[0]}
        )
    return client, server


def run_pg(
    args: list[str], url: URL, env: dict[str, str]
) -> subprocess.CompletedProcess:
    """Run a client tool; a failure is a BackupError with the password scrubbed."""
    result = subprocess.run(args, capture_output=True, env=env, check=False)
    if result.returncode != 0:
        message = _scrub(result.stderr.decode("utf-8", "replace"), url)
        raise BackupError(f"{Path(args[0]).name} failed:\n{message}")
    return result


def _archive_listing(path: Path) -> str:
    """The table of contents of a custom-format archive (``pg_restore --list``)."""
    listing = subprocess.run(
        [pg_tool("pg_restore"), "--list", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if listing.returncode != 0:
        raise BackupError(
            f"{path} is not a readable pg_dump archive: {listing.stderr.strip()}\n"
            "(An archive of a newer pg_dump needs a pg_restore at least as new: "
            "compare `pg_restore --version`.)"
        )
    return listing.stdout


def _pg_archive_revision(path: Path) -> str | None:
    """Read the rows of alembic_version out of a custom-format archive."""
    if not re.search(r"TABLE DATA \S+ alembic_version ", _archive_listing(path)):
        return None
    data = subprocess.run(
        [
            pg_tool("pg_restore"),
            "--data-only",
            "--table=alembic_version",
            "--file=-",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if data.returncode != 0:
        raise BackupError(f"Could not read {path}: {data.stderr.strip()}")
    match = re.search(
        r"^COPY \S*alembic_version .*?FROM stdin;\n(.*?)^\\\.$",
        data.stdout,
        re.M | re.S,
    )
    if not match:
        return None
    rows = [line.strip() for line in match.group(1).splitlines() if line.strip()]
    return " ".join(sorted(rows)) or None


def _pg_archive_objects(path: Path) -> tuple[set[str], set[str]]:
    """The names of the tables and of the foreign keys the archive creates."""
    listing = _archive_listing(path)
    tables = set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", listing, re.M))
    foreign_keys = set(
        re.findall(r"^\d+; \d+ \d+ FK CONSTRAINT \S+ \S+ (\S+) ", listing, re.M)
    )
    return tables, foreign_keys


def pg_backup(url: URL, dest: Path, force: bool) -> BackupInfo:
    """Write a pg_dump archive of the database at ``url`` to ``dest``."""
    check_target(dest, force)
    check_pg_client("pg_dump", url)
    conninfo, env = pg_connection(url)
    with temporary_beside(dest) as tmp:
        run_pg(
            [
                pg_tool("pg_dump"),
                "--format=custom",
                "--no-password",
                f"--file={tmp}",
                f"--dbname={conninfo}",
            ],
            url,
            env,
        )
        revision = _pg_archive_revision(tmp)
        return finish_backup(tmp, dest, "postgresql", revision)


def pg_inspect(path: Path) -> BackupInfo:
    """What the archive at ``path`` holds, if it is a backup of this app."""
    if read_magic(path, len(PGDUMP_MAGIC)) != PGDUMP_MAGIC:
        raise BackupError(
            f"{path} is not a pg_dump archive (made with --format=custom)."
        )
    revision = _pg_archive_revision(path)
    return inspected(path, "postgresql", "a pg_dump archive", revision)


def _pg_drop_extra_objects(url: URL, tables: set[str], foreign_keys: set[str]) -> None:
    """Drop what the live schema has and the archive lacks (a newer schema's tables,
    and its foreign keys between older tables, which would keep pg_restore --clean
    from dropping the primary keys they point at), so that the restored database is
    exactly the backup."""
    import psycopg
    from psycopg import sql

    conninfo, _env = pg_connection(url)
    with psycopg.connect(conninfo, password=url.password or None) as conn:
        live_keys = conn.execute(
            "SELECT c.conname, t.relname FROM pg_constraint c"
            " JOIN pg_class t ON t.oid = c.conrelid"
            " WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace"
        ).fetchall()
        for name, table in live_keys:
            if name not in foreign_keys and table in tables:
                conn.execute(
                    sql.SQL("ALTER TABLE {} DROP CONSTRAINT IF EXISTS {}").format(
                        sql.Identifier(table), sql.Identifier(name)
                    )
                )
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
        for name in sorted(name for (name,) in rows if name not in tables):
            conn.execute(
                sql.SQL("DROP TABLE IF EXISTS {} CASCADE").format(sql.Identifier(name))
            )


def pg_restore(path: Path, url: URL) -> None:
    """Replace the database at ``url`` with the archive at ``path``, all or nothing."""
    check_pg_client("pg_restore", url)
    conninfo, env = pg_connection(url)
    _pg_drop_extra_objects(url, *_pg_archive_objects(path))
    run_pg(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            f"--dbname={conninfo}",
            str(path),
        ],
        url,
        env,
    )
