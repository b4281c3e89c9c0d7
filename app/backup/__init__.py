"""Consistent online backups of the database and their restore.

Plain functions, usable without the CLI (``flask backup`` / ``flask restore`` in
``commands.py`` call them). Each takes the database URL the app uses:

- SQLite (``sqlite.py``): the backup API of the ``sqlite3`` module copies the database
  in one step, inside one read transaction, so the copy is a snapshot even while the
  app writes (WAL mode lets the writers go on meanwhile). Restore copies a backup back
  through the same API into the configured file.
- PostgreSQL (``postgres.py``): ``pg_dump --format=custom`` (one repeatable-read
  snapshot) and ``pg_restore --clean --if-exists --no-owner --single-transaction``.

A backup is written under a temporary name beside the target and renamed when it is
complete (``files.py``), so a crash never leaves a half-written file under the real
name. Restore refuses files that are not a backup of this app and backups of a newer
schema than the code (``revisions.py``). The database password is handed to
pg_dump/pg_restore in PGPASSWORD only: it never appears on a command line, in a
message or in the output.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from .common import (
    BackupError,
    BackupInfo,
    RestoreResult,
    RevisionStatus,
    as_url,
    backend,
    describe_database,
    sqlite_path,
)
from .files import PGDUMP_MAGIC, SQLITE_MAGIC, read_magic
from .postgres import pg_backup, pg_inspect, pg_restore
from .revisions import migration_heads, revision_status
from .sqlite import sqlite_backup, sqlite_inspect, sqlite_restore

__all__ = [
    "BackupError",
    "BackupInfo",
    "RestoreResult",
    "RevisionStatus",
    "backup_database",
    "describe_database",
    "inspect_backup",
    "migration_heads",
    "restore_database",
    "revision_status",
]


def backup_database(
    url: str | URL, dest: str | Path, *, force: bool = False
) -> BackupInfo:
    """Write a consistent backup of the running database to ``dest``."""
    u = as_url(url)
    dest = Path(dest).expanduser().absolute()
    if backend(u) == "sqlite":
        return sqlite_backup(sqlite_path(u), dest, force)
    return pg_backup(u, dest, force)


def inspect_backup(url: str | URL, path: str | Path) -> BackupInfo:
    """Check that ``path`` is a backup of this app for the configured kind of
    database; return its revision. Raises BackupError otherwise."""
    path = Path(path).expanduser().absolute()
    if backend(url) == "sqlite":
        if read_magic(path, len(PGDUMP_MAGIC)) == PGDUMP_MAGIC:
            raise BackupError(
                f"{path} is a PostgreSQL backup; the app is configured for SQLite."
            )
        return sqlite_inspect(path)
    if read_magic(path, len(SQLITE_MAGIC)) == SQLITE_MAGIC:
        raise BackupError(
            f"{path} is a SQLite backup; the app is configured for PostgreSQL."
        )
    return pg_inspect(path)


def restore_database(
    url: str | URL, path: str | Path, *, migrations_dir: str | Path
) -> RestoreResult:
    """Replace the configured database with the backup at ``path``.

    Refuses anything but a backup of this app and backups of a newer schema than
    the code. The caller asks for confirmation and tells to run ``flask db upgrade``
    when the result's status is OLDER.
    """
    u = as_url(url)
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
        sqlite_restore(info.path, sqlite_path(u))
    else:
        pg_restore(info.path, u)
    return RestoreResult(info, status, heads)
