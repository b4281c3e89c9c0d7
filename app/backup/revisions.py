"""Which schema a backup holds, compared with the code's Alembic migrations."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from .common import RevisionStatus


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
