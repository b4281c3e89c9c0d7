"""Consistent online backups of the database and their restore.

Plain functions, usable without the CLI (``flask backup`` / ``flask restore`` in
app/backup_cli.py call them). Each takes the database URL the app uses:

- SQLite: the backup API of the ``sqlite3`` module copies the database in one step,
  inside one read transaction, so the copy is a snapshot even while the app writes
  (WAL mode lets the writers go on meanwhile). Restore copies a backup back through
  the same API into the configured file.
- PostgreSQL: ``pg_dump --format=custom`` (one repeatable-read snapshot) and
  ``pg_restore --clean --if-exists --no-owner --single-transaction``.

A backup is written under a temporary name beside the target and renamed when it is
complete, so a crash never leaves a half-written file under the real name. Restore
refuses files that are not a backup of this app and backups of a newer schema than
the code. The database password is handed to pg_dump/pg_restore in PGPASSWORD only:
it never appears on a command line, in a message or in the output.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import URL, make_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
#: Milliseconds our own SQLite connections wait for the app's write lock.
SQLITE_BUSY_TIMEOUT_MS = 30_000
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


class BackupError(Exception):
    """The backup or restore cannot be done; the message is safe to show."""


class RevisionStatus(StrEnum):
    CURRENT = "current"  # the code's migration head
    OLDER = "older"  # an ancestor of the head: run ``flask db upgrade`` after restoring
    NEWER = "newer"  # unknown to the code: made by a newer version of the app


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds."""

    path: Path
    kind: str  # "sqlite" or "postgresql"
    revision: str
    size: int


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    status: RevisionStatus
    heads: tuple[str, ...]


# -- URLs and descriptions ---------------------------------------------------------


def _url(url: str | URL) -> URL:
    return url if isinstance(url, URL) else make_url(url)


def backend(url: str | URL) -> str:
    """``sqlite`` or ``postgresql``; anything else is refused."""
    name = _url(url).get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise BackupError(
            f"Backups support SQLite and PostgreSQL, not {name!r} databases."
        )
    return name


def describe_database(url: str | URL) -> str:
    """A human description of the database, never containing the password."""
    u = _url(url)
    if backend(u) == "sqlite":
        return f"the SQLite database {sqlite_path(u)}"
    host = u.host or u.query.get("host") or "the local socket"
    port = f":{u.port}" if u.port else ""
    user = f" as {u.username}" if u.username else ""
    return f"the PostgreSQL database {u.database!r} on {host}{port}{user}"


def sqlite_path(url: str | URL) -> Path:
    """The file of a SQLite URL; an in-memory database cannot be backed up."""
    database = _url(url).database
    if database in (None, "", ":memory:") or str(database).startswith("file::memory:"):
        raise BackupError("The database is in memory: there is nothing to back up.")
    return Path(database).resolve()


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            if unit == "bytes":
                return f"{size} bytes"
            return f"{value:.1f} {unit} ({size} bytes)"
        value /= 1024
    raise AssertionError("unreachable")


# -- Alembic revisions -------------------------------------------------------------


def _script_directory(migrations_dir: str | Path) -> ScriptDirectory:
    config = AlembicConfig()
    config.set_main_option("script_location", str(migrations_dir))
    return ScriptDirectory.from_config(config)


def migration_heads(migrations_dir: str | Path) -> tuple[str, ...]:
    """The head revision(s) of the code's migrations."""
    return tuple(_script_directory(migrations_dir).get_heads())


def revision_status(revision: str, migrations_dir: str | Path) -> RevisionStatus:
    """Compare a backup's revision(s) (space-separated) with the code's head."""
    script = _script_directory(migrations_dir)
    heads = set(script.get_heads())
    revisions = set(revision.split())
    if revisions == heads:
        return RevisionStatus.CURRENT
    for rev in revisions:
        try:
            if script.get_revision(rev) is None:
                return RevisionStatus.NEWER
        except CommandError:  # "Can't locate revision": a migration the code lacks
            return RevisionStatus.NEWER
    return RevisionStatus.OLDER


# -- Writing the target file safely ------------------------------------------------


def _check_target(dest: Path, force: bool) -> None:
    if dest.is_dir():
        raise BackupError(f"{dest} is a directory; give a file name for the backup.")
    if dest.exists() and not force:
        raise BackupError(
            f"{dest} already exists. Choose another name or use --force to replace it."
        )
    if not dest.parent.is_dir():
        raise BackupError(f"The directory {dest.parent} does not exist.")


@contextlib.contextmanager
def _temporary_beside(dest: Path) -> Iterator[Path]:
    """A private (0600) temporary file beside ``dest``, removed unless renamed."""
    fd, name = tempfile.mkstemp(
        dir=dest.parent, prefix=f".{dest.name}.", suffix=".partial"
    )
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _publish(tmp: Path, dest: Path) -> None:
    """fsync the finished temporary file, rename it to ``dest``, fsync the folder."""
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, dest)
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        dir_fd = os.open(dest.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _read_magic(path: Path, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} is a directory, not a backup file.") from None
    except PermissionError:
        raise BackupError(f"{path} cannot be read (permission denied).") from None


# -- SQLite ------------------------------------------------------------------------


def _sqlite_connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    return conn


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return " ".join(sorted(row[0] for row in rows)) or None


def _sqlite_backup(source: Path, dest: Path, force: bool) -> BackupInfo:
    if not source.is_file():
        raise BackupError(f"There is no database at {source}.")
    _check_target(dest, force)
    if dest.resolve() == source:
        raise BackupError("The backup cannot overwrite the database itself.")
    with _temporary_beside(dest) as tmp:
        src = _sqlite_connect(source)
        try:
            out = sqlite3.connect(tmp)
            try:
                # pages=-1: everything in one step, in one read transaction, so the
                # copy is a snapshot; writers in WAL mode are not blocked meanwhile.
                src.backup(out, pages=-1)
                # A self-contained file: no -wal/-shm companions to forget.
                out.execute("PRAGMA journal_mode = DELETE")
                problem = out.execute("PRAGMA quick_check").fetchone()[0]
                if problem != "ok":
                    raise BackupError(f"The copy failed its check: {problem}")
                revision = _sqlite_revision(out)
            finally:
                out.close()
        except sqlite3.Error as error:
            raise BackupError(f"SQLite could not make the backup: {error}") from None
        finally:
            src.close()
        if revision is None:
            raise BackupError(
                "The database has no alembic_version table: run "
                "`flask --app app db upgrade` first; nothing was written."
            )
        _publish(tmp, dest)
    return BackupInfo(dest, "sqlite", revision, dest.stat().st_size)


def _sqlite_inspect(path: Path) -> BackupInfo:
    if _read_magic(path, len(SQLITE_MAGIC)) != SQLITE_MAGIC:
        raise BackupError(f"{path} is not a SQLite database.")
    try:
        conn = _sqlite_connect(path, read_only=True)
        try:
            problem = conn.execute("PRAGMA quick_check").fetchone()[0]
            if problem != "ok":
                raise BackupError(f"{path} is damaged: {problem}")
            revision = _sqlite_revision(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database: {error}") from None
    if revision is None:
        raise BackupError(
            f"{path} is a SQLite database but not a backup of Osallistamo "
            "(it has no alembic_version)."
        )
    return BackupInfo(path, "sqlite", revision, path.stat().st_size)


def _sqlite_restore(path: Path, target: Path) -> None:
    if path.resolve() == target:
        raise BackupError("The backup is the configured database itself.")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        src = _sqlite_connect(path, read_only=True)
        try:
            dst = _sqlite_connect(target)
            try:
                dst.execute("PRAGMA journal_mode = WAL")
                # One step: the destination is replaced inside one write transaction.
                src.backup(dst, pages=-1)
                dst.execute("PRAGMA journal_mode = WAL")
                problem = dst.execute("PRAGMA quick_check").fetchone()[0]
                if problem != "ok":
                    raise BackupError(
                        f"The restored database failed its check: {problem}"
                    )
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not restore the backup: {error}") from None


# -- PostgreSQL --------------------------------------------------------------------


def _conninfo_value(value: str) -> str:
    escaped = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def pg_connection(url: str | URL) -> tuple[str, dict[str, str]]:
    """A libpq conninfo string without the password, and the environment to use.

    The password travels only in PGPASSWORD, so ``ps`` and error messages never
    show it.
    """
    u = _url(url)
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
    u = _url(url)
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


def _run_pg(
    args: list[str], url: URL, env: dict[str, str]
) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, env=env, check=False)
    if result.returncode != 0:
        message = _scrub(result.stderr.decode("utf-8", "replace"), url)
        raise BackupError(f"{Path(args[0]).name} failed:\n{message}")
    return result


def _pg_archive_revision(path: Path) -> str | None:
    """Read the rows of alembic_version out of a custom-format archive."""
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
    if not re.search(r"TABLE DATA \S+ alembic_version ", listing.stdout):
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


def _pg_archive_tables(path: Path) -> set[str]:
    listing = subprocess.run(
        [pg_tool("pg_restore"), "--list", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", listing.stdout, re.M))


def _pg_backup(url: URL, dest: Path, force: bool) -> BackupInfo:
    _check_target(dest, force)
    check_pg_client("pg_dump", url)
    conninfo, env = pg_connection(url)
    with _temporary_beside(dest) as tmp:
        _run_pg(
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
        if revision is None:
            raise BackupError(
                "The database has no alembic_version table: run "
                "`flask --app app db upgrade` first; nothing was written."
            )
        _publish(tmp, dest)
    return BackupInfo(dest, "postgresql", revision, dest.stat().st_size)


def _pg_inspect(path: Path) -> BackupInfo:
    if _read_magic(path, len(PGDUMP_MAGIC)) != PGDUMP_MAGIC:
        raise BackupError(
            f"{path} is not a pg_dump archive (made with --format=custom)."
        )
    revision = _pg_archive_revision(path)
    if revision is None:
        raise BackupError(
            f"{path} is a pg_dump archive but not a backup of Osallistamo "
            "(it has no alembic_version)."
        )
    return BackupInfo(path, "postgresql", revision, path.stat().st_size)


def _pg_drop_extra_tables(url: URL, keep: set[str]) -> None:
    """Drop tables of the live schema that the archive lacks (a newer schema's
    tables), so that the restored database is exactly the backup."""
    import psycopg
    from psycopg import sql

    conninfo, _env = pg_connection(url)
    with psycopg.connect(conninfo, password=url.password or None) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
        extra = sorted(name for (name,) in rows if name not in keep)
        for name in extra:
            conn.execute(
                sql.SQL("DROP TABLE IF EXISTS {} CASCADE").format(sql.Identifier(name))
            )


def _pg_restore(path: Path, url: URL) -> None:
    check_pg_client("pg_restore", url)
    conninfo, env = pg_connection(url)
    _pg_drop_extra_tables(url, _pg_archive_tables(path))
    _run_pg(
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


# -- The public functions ----------------------------------------------------------


def backup_database(
    url: str | URL, dest: str | Path, *, force: bool = False
) -> BackupInfo:
    """Write a consistent backup of the running database to ``dest``."""
    u = _url(url)
    dest = Path(dest).expanduser().absolute()
    if backend(u) == "sqlite":
        return _sqlite_backup(sqlite_path(u), dest, force)
    return _pg_backup(u, dest, force)


def inspect_backup(url: str | URL, path: str | Path) -> BackupInfo:
    """Check that ``path`` is a backup of this app for the configured kind of
    database; return its revision. Raises BackupError otherwise."""
    path = Path(path).expanduser().absolute()
    if backend(url) == "sqlite":
        if _read_magic(path, len(PGDUMP_MAGIC)) == PGDUMP_MAGIC:
            raise BackupError(
                f"{path} is a PostgreSQL backup; the app is configured for SQLite."
            )
        return _sqlite_inspect(path)
    if _read_magic(path, len(SQLITE_MAGIC)) == SQLITE_MAGIC:
        raise BackupError(
            f"{path} is a SQLite backup; the app is configured for PostgreSQL."
        )
    return _pg_inspect(path)


def restore_database(
    url: str | URL, path: str | Path, *, migrations_dir: str | Path
) -> RestoreResult:
    """Replace the configured database with the backup at ``path``.

    Refuses anything but a backup of this app and backups of a newer schema than
    the code. The caller asks for confirmation and tells to run ``flask db upgrade``
    when the result's status is OLDER.
    """
    u = _url(url)
    info = inspect_backup(u, path)
    status = revision_status(info.revision, migrations_dir)
    heads = migration_heads(migrations_dir)
    if status is RevisionStatus.NEWER:
        raise BackupError(
            f"The backup is at revision {info.revision}, newer than this code "
            f"({', '.join(heads)}). Restore it with the version of Osallistamo "
            "that made it."
        )
    if backend(u) == "sqlite":
        _sqlite_restore(info.path, sqlite_path(u))
    else:
        _pg_restore(info.path, u)
    return RestoreResult(info, status, heads)
