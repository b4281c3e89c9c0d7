"""The backup file: checking the target, writing it safely, and telling what a file
is from its first bytes.

A backup is written under a temporary name beside the target and renamed when it is
complete, so a crash never leaves a half-written file under the real name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .common import BackupError, BackupInfo

#: The first bytes of a SQLite database and of a pg_dump custom-format archive.
SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


def check_target(dest: Path, force: bool) -> None:
    """Refuse a directory, an existing file (unless ``force``) or a missing folder."""
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
    """The first ``size`` bytes of ``path``; a missing or unreadable file is refused."""
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
