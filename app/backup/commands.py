"""``flask backup FILE`` and ``flask restore FILE`` (the logic is in this package)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from . import (
    BackupError,
    RevisionStatus,
    backup_database,
    describe_database,
    inspect_backup,
    migration_heads,
    restore_database,
    revision_status,
)


def human_size(size: int) -> str:
    """``3.0 MiB (3145728 bytes)``; small files in bytes only."""
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            if unit == "bytes":
                return f"{size} bytes"
            return f"{value:.1f} {unit} ({size} bytes)"
        value /= 1024
    raise AssertionError("unreachable")


def _database_url():
    from ..extensions import db

    return db.engine.url  # as Flask-SQLAlchemy resolved it (relative SQLite paths)


def _migrations_dir() -> str:
    return current_app.extensions["migrate"].directory


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@with_appcontext
def backup_command(file: Path, force: bool) -> None:
    """Write a consistent backup of the database to FILE while the app runs.

    SQLite: a copy made with SQLite's backup API. PostgreSQL: a pg_dump archive
    (--format=custom). FILE appears only when the backup is complete.
    """
    url = _database_url()
    try:
        click.echo(f"Backing up {describe_database(url)} ...")
        info = backup_database(url, file, force=force)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {info.path}: {human_size(info.size)}.")
    click.echo(f"Schema revision: {info.revision}")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(file: Path, yes: bool) -> None:
    """Replace the whole database with the backup in FILE.

    Everything written since the backup is lost. Refuses files that are not a
    backup of this app and backups of a newer schema than the code.
    """
    from ..extensions import db

    url = _database_url()
    migrations = _migrations_dir()
    try:
        target = describe_database(url)
        info = inspect_backup(url, file)
        status = revision_status(info.revision, migrations)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    heads = ", ".join(migration_heads(migrations))
    if status is RevisionStatus.NEWER:
        raise click.ClickException(
            f"The backup is at schema revision {info.revision}, newer than this "
            f"code ({heads}). Restore it with the version of Osallistamo that made it."
        )
    click.echo(
        f"Backup: {info.path}, {human_size(info.size)}, revision {info.revision}"
    )
    click.echo(f"Target: {target}")
    if not yes:
        click.confirm(
            "This replaces EVERYTHING in the target database with the backup; what "
            "was written since the backup is lost. Continue?",
            abort=True,
        )
    db.session.remove()
    db.engine.dispose()  # our own pooled connections must not hold locks
    try:
        result = restore_database(url, file, migrations_dir=migrations)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored {target} from {result.info.path}.")
    if result.status is RevisionStatus.OLDER:
        click.echo(
            f"The backup's schema ({result.info.revision}) is older than the code "
            f"({heads}). Run now: flask --app app db upgrade"
        )
    else:
        click.echo(f"Schema revision {result.info.revision} is current.")
    click.echo("If the app is running, restart it (gunicorn) before it is used again.")
