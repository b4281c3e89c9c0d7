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

from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import URL

from .backup_common import (
    PGDUMP_MAGIC,
    SQLITE_MAGIC,
    BackupError,
    BackupInfo,
    RestoreResult,
    RevisionStatus,
    as_url,
    backend,
    read_magic,
    sqlite_path,
)
from .backup_postgres import pg_backup, pg_inspect, pg_restore
from .backup_sqlite import sqlite_backup, sqlite_inspect, sqlite_restore

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


# -- The public functions ----------------------------------------------------------


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
