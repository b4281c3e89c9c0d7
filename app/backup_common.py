"""What the backup modules share: errors, what a backup holds, the database URL, and
writing a backup file safely.

A backup is written under a temporary name beside the target and renamed when it is
complete, so a crash never leaves a half-written file under the real name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.engine import URL, make_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


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


def as_url(url: str | URL) -> URL:
    return url if isinstance(url, URL) else make_url(url)


def backend(url: str | URL) -> str:
    """``sqlite`` or ``postgresql``; anything else is refused."""
    name = as_url(url).get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise BackupError(
            f"Backups support SQLite and PostgreSQL, not {name!r} databases."
        )
    return name


def describe_database(url: str | URL) -> str:
    """A human description of the database, never containing the password."""
    u = as_url(url)
    if backend(u) == "sqlite":
        return f"the SQLite database {sqlite_path(u)}"
    host = u.host or u.query.get("host") or "the local socket"
    port = f":{u.port}" if u.port else ""
    user = f" as {u.username}" if u.username else ""
    return f"the PostgreSQL database {u.database!r} on {host}{port}{user}"


def sqlite_path(url: str | URL) -> Path:
    """The file of a SQLite URL; an in-memory database cannot be backed up."""
    database = as_url(url).database
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


# -- Writing the target file safely ------------------------------------------------


def check_target(dest: Path, force: bool) -> None:
    if dest.is_dir():
        raise BackupError(f"{dest} is a directory; give a file name for the backup.")
    if dest.exists() and not force:
        raise BackupError(
            f"{dest} already exists. Choose another name or use --force to replace it."
        )
    if not dest.parent.is_dir():
        raise BackupError(f"The directory {dest.parent} does not exist.")


@contextlib.contextmanager
def temporary_beside(dest: Path) -> Iterator[Path]:
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


def publish(tmp: Path, dest: Path) -> None:
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


def read_magic(path: Path, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} is a directory, not a backup file.") from None
    except PermissionError:
        raise BackupError(f"{path} cannot be read (permission denied).") from None


def finish_backup(tmp: Path, dest: Path, kind: str, revision: str | None) -> BackupInfo:
    """Rename the written temporary file to ``dest``, if it is a backup of this app."""
    if revision is None:
        raise BackupError(
            "The database has no alembic_version table: run "
            "`flask --app app db upgrade` first; nothing was written."
        )
    publish(tmp, dest)
    return BackupInfo(dest, kind, revision, dest.stat().st_size)


def inspected(path: Path, kind: str, what: str, revision: str | None) -> BackupInfo:
    """What the backup file holds; ``what`` names the kind of file in the refusal."""
    if revision is None:
        raise BackupError(
            f"{path} is {what} but not a backup of Osallistamo "
            "(it has no alembic_version)."
        )
    return BackupInfo(path, kind, revision, path.stat().st_size)
