"""What every part of the backup package shares: the error, what a backup holds, and
the database URL (which kind of database, where, described without the password)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.engine import URL, make_url


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
