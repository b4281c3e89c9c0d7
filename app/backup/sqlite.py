"""SQLite backups and restores through the backup API of the ``sqlite3`` module.

The database is copied in one step, inside one read transaction, so the copy is a
snapshot even while the app writes (WAL mode lets the writers go on meanwhile).
Restore copies a backup back through the same API into the configured file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .common import BackupError, BackupInfo
from .files import (
    SQLITE_MAGIC,
    check_target,
    finish_backup,
    inspected,
    read_magic,
    temporary_beside,
)

#: Milliseconds our own SQLite connections wait for the app's write lock.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    return conn


def _check(conn: sqlite3.Connection, failure: str) -> None:
    """Run SQLite's quick check; ``failure`` begins the message when it fails."""
    problem = conn.execute("PRAGMA quick_check").fetchone()[0]
    if problem != "ok":
        raise BackupError(f"{failure}: {problem}")


def _revision(conn: sqlite3.Connection) -> str | None:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return " ".join(sorted(row[0] for row in rows)) or None


def sqlite_backup(source: Path, dest: Path, force: bool) -> BackupInfo:
    """Copy the database at ``source`` to ``dest`` as one snapshot."""
    if not source.is_file():
        raise BackupError(f"There is no database at {source}.")
    check_target(dest, force)
    if dest.resolve() == source:
        raise BackupError("The backup cannot overwrite the database itself.")
    with temporary_beside(dest) as tmp:
        src = _connect(source)
        try:
            out = sqlite3.connect(tmp)
            try:
                # pages=-1: everything in one step, in one read transaction, so the
                # copy is a snapshot; writers in WAL mode are not blocked meanwhile.
                src.backup(out, pages=-1)
                # A self-contained file: no -wal/-shm companions to forget.
                out.execute("PRAGMA journal_mode = DELETE")
                _check(out, "The copy failed its check")
                revision = _revision(out)
            finally:
                out.close()
        except sqlite3.Error as error:
            raise BackupError(f"SQLite could not make the backup: {error}") from None
        finally:
            src.close()
        return finish_backup(tmp, dest, "sqlite", revision)


def sqlite_inspect(path: Path) -> BackupInfo:
    """What the SQLite file at ``path`` holds, if it is a sound backup of this app."""
    if read_magic(path, len(SQLITE_MAGIC)) != SQLITE_MAGIC:
        raise BackupError(f"{path} is not a SQLite database.")
    try:
        conn = _connect(path, read_only=True)
        try:
            _check(conn, f"{path} is damaged")
            revision = _revision(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database: {error}") from None
    return inspected(path, "sqlite", "a SQLite database", revision)


def sqlite_restore(path: Path, target: Path) -> None:
    """Replace the database file ``target`` with the backup at ``path``."""
    if path.resolve() == target:
        raise BackupError("The backup is the configured database itself.")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        src = _connect(path, read_only=True)
        try:
            dst = _connect(target)
            try:
                dst.execute("PRAGMA journal_mode = WAL")
                # One step: the destination is replaced inside one write transaction.
                src.backup(dst, pages=-1)
                dst.execute("PRAGMA journal_mode = WAL")
                _check(dst, "The restored database failed its check")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not restore the backup: {error}") from None
