"""``flask backup`` / ``flask restore`` and app/backup/ on SQLite (any test run).

These tests build their own SQLite databases (a migrated template copied per test),
so they run the same whether TEST_DATABASE_URL names SQLite or PostgreSQL. The
PostgreSQL side is in test_backup_postgres.py.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy import orm

from app import backup, create_app
from app.backup import commands, files, postgres
from app.database import configure_sqlite
from app.extensions import db as _db
from app.models import Process, Theme
from config import TestingConfig

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = ROOT / "migrations"
HEAD = backup.migration_heads(MIGRATIONS)[0]
THEMES_PER_PROCESS = 3


def make_app(url: str):
    return create_app(
        TestingConfig, {"SQLALCHEMY_DATABASE_URI": url, "SERVER_NAME": "localhost"}
    )


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def migrate(url: str, revision: str = "head") -> None:
    app = make_app(url)
    with app.app_context():
        upgrade(directory=str(MIGRATIONS), revision=revision)
        _db.engine.dispose()


class Writer(threading.Thread):
    """Commits a process with its themes in one transaction, again and again, on its
    own engine; ``committed`` lists the slugs whose commit has returned."""

    def __init__(self, url: str, prefix: str = "w"):
        super().__init__(daemon=True)
        self.engine = sa.create_engine(url)
        if self.engine.dialect.name == "sqlite":
            configure_sqlite(self.engine, 30_000)
        self.prefix = prefix
        self.committed: list[str] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self):
        n = 0
        try:
            while not self.stop.is_set():
                n += 1
                slug = f"{self.prefix}-{n}"
                with orm.Session(self.engine) as session:
                    process = Process(slug=slug, title={"fi": f"Kirjoittaja {n}"})
                    session.add(process)
                    for position in range(1, THEMES_PER_PROCESS + 1):
                        session.add(
                            Theme(
                                process=process,
                                position=position,
                                title={"fi": f"Teema {n}.{position}"},
                            )
                        )
                    session.commit()
                with self.lock:
                    self.committed.append(slug)
        except BaseException as error:  # reported by the test
            self.error = error
        finally:
            self.engine.dispose()

    def snapshot(self) -> list[str]:
        with self.lock:
            return list(self.committed)

    def wait_for(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while len(self.snapshot()) < count:
            assert self.error is None, self.error
            assert time.monotonic() < deadline, "the writer is too slow"
            time.sleep(0.01)

    def finish(self) -> None:
        self.stop.set()
        self.join(30)
        assert self.error is None, self.error


def check_restored(url: str, before: list[str]) -> None:
    """Every slug in ``before`` is there, each process has all its themes, no theme
    is orphaned, the revision is the head and the app can read the database."""
    app = make_app(url)
    with app.app_context():
        session = _db.session
        slugs = set(
            session.scalars(sa.select(Process.slug).where(Process.slug.like("w-%")))
        )
        assert set(before) <= slugs, sorted(set(before) - slugs)[:5]
        per_process = session.execute(
            sa.select(Process.slug, sa.func.count(Theme.id))
            .outerjoin(Theme, Theme.process_id == Process.id)
            .group_by(Process.slug)
        ).all()
        assert per_process, "nothing restored"
        assert {count for _slug, count in per_process} == {THEMES_PER_PROCESS}
        orphans = session.scalar(
            sa.select(sa.func.count(Theme.id)).where(
                ~sa.exists().where(Process.id == Theme.process_id)
            )
        )
        assert orphans == 0
        revision = session.execute(sa.text("SELECT version_num FROM alembic_version"))
        assert [row[0] for row in revision] == [HEAD]
        assert session.scalar(sa.select(sa.func.count(Process.id))) == len(slugs)
        session.remove()
        _db.engine.dispose()


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("backup-template") / "template.db"
    migrate(sqlite_url(path))
    return path


@pytest.fixture()
def live_db(template_db, tmp_path) -> Path:
    """A migrated, empty SQLite database of the app (a copy of the template)."""
    path = tmp_path / "live.db"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture()
def live_app(live_db):
    app = make_app(sqlite_url(live_db))
    yield app
    with app.app_context():
        _db.engine.dispose()


def add_process(url: str, slug: str) -> None:
    engine = sa.create_engine(url)
    with orm.Session(engine) as session:
        session.add(Process(slug=slug, title={"fi": slug}))
        session.commit()
    engine.dispose()


def slugs_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT slug FROM processes")}
    finally:
        conn.close()


def no_partial_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".partial")]


# -- The round trip under load -------------------------------------------------


def test_round_trip_keeps_everything_committed_during_writes(
    live_db, live_app, tmp_path
):
    """A backup taken while a writer commits keeps every earlier commit, is
    internally consistent (no half transactions, foreign keys hold), and restores
    into a fresh database the app can read at the head revision."""
    writer = Writer(sqlite_url(live_db))
    writer.start()
    try:
        writer.wait_for(20)
        before = writer.snapshot()
        dump = tmp_path / "copy.db"
        result = live_app.test_cli_runner().invoke(args=["backup", str(dump)])
        assert result.exit_code == 0, result.output
        writer.wait_for(len(before) + 20)  # the app kept writing meanwhile
    finally:
        writer.finish()
    assert f"Schema revision: {HEAD}" in result.output
    assert f"({dump.stat().st_size} bytes)" in result.output
    assert no_partial_files(tmp_path)

    conn = sqlite3.connect(dump)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        in_backup = conn.execute("SELECT count(*) FROM processes").fetchone()[0]
    finally:
        conn.close()
    assert len(before) <= in_backup < len(writer.snapshot())

    fresh = tmp_path / "restored" / "fresh.db"
    fresh_app = make_app(sqlite_url(fresh))
    result = fresh_app.test_cli_runner().invoke(args=["restore", "--yes", str(dump)])
    assert result.exit_code == 0, result.output
    assert f"Schema revision {HEAD} is current." in result.output
    with fresh_app.app_context():
        _db.engine.dispose()
    conn = sqlite3.connect(fresh)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    check_restored(sqlite_url(fresh), before)


def test_restore_replaces_the_data(live_db, live_app, tmp_path):
    """Restore puts back exactly the backup: rows added after it disappear, rows
    deleted after it come back."""
    url = sqlite_url(live_db)
    add_process(url, "ennen")
    dump = tmp_path / "b.db"
    backup.backup_database(url, dump)
    add_process(url, "jalkeen")
    conn = sqlite3.connect(live_db)
    conn.execute("DELETE FROM processes WHERE slug = 'ennen'")
    conn.commit()
    conn.close()
    assert slugs_in(live_db) == {"jalkeen"}

    result = live_app.test_cli_runner().invoke(args=["restore", "--yes", str(dump)])
    assert result.exit_code == 0, result.output
    assert slugs_in(live_db) == {"ennen"}
    with live_app.app_context():
        assert _db.session.scalars(sa.select(Process.slug)).all() == ["ennen"]


def test_restore_into_a_running_app_is_seen_by_its_connections(
    live_db, live_app, tmp_path
):
    """An open connection of the app sees the restored data at its next query."""
    url = sqlite_url(live_db)
    dump = tmp_path / "b.db"
    backup.backup_database(url, dump)
    add_process(url, "myohemmin")
    with live_app.app_context():
        assert _db.session.scalar(sa.select(sa.func.count(Process.id))) == 1
        _db.session.commit()
        backup.restore_database(url, dump, migrations_dir=MIGRATIONS)
        assert _db.session.scalar(sa.select(sa.func.count(Process.id))) == 0


# -- Backup refusals -----------------------------------------------------------


def test_backup_refuses_to_overwrite_without_force(live_db, live_app, tmp_path):
    """An existing file is kept unless --force; with --force it is replaced."""
    dump = tmp_path / "b.db"
    dump.write_text("an older file")
    runner = live_app.test_cli_runner()
    result = runner.invoke(args=["backup", str(dump)])
    assert result.exit_code == 1
    assert "already exists" in result.output and "--force" in result.output
    assert dump.read_text() == "an older file"

    result = runner.invoke(args=["backup", "--force", str(dump)])
    assert result.exit_code == 0, result.output
    assert dump.read_bytes().startswith(files.SQLITE_MAGIC)
    assert no_partial_files(tmp_path)


def test_backup_is_private_to_its_owner(live_db, tmp_path):
    """The backup holds personal data: it is readable by its owner only."""
    dump = tmp_path / "b.db"
    backup.backup_database(sqlite_url(live_db), dump)
    assert dump.stat().st_mode & 0o077 == 0


def test_failed_backup_leaves_no_file(tmp_path):
    """A database that was never migrated is refused and nothing is left behind."""
    bare = tmp_path / "bare.db"
    conn = sqlite3.connect(bare)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(backup.BackupError, match="no alembic_version"):
        backup.backup_database(sqlite_url(bare), out / "b.db")
    assert list(out.iterdir()) == []


def test_backup_refuses_missing_database_and_missing_folder(tmp_path, live_db):
    """A database file that does not exist and a target folder that does not exist
    give clear messages."""
    with pytest.raises(backup.BackupError, match="There is no database"):
        backup.backup_database(sqlite_url(tmp_path / "none.db"), tmp_path / "b.db")
    with pytest.raises(backup.BackupError, match="does not exist"):
        backup.backup_database(sqlite_url(live_db), tmp_path / "nope" / "b.db")
    with pytest.raises(backup.BackupError, match="in memory"):
        backup.backup_database("sqlite://", tmp_path / "b.db")
    result = (
        make_app("sqlite://")
        .test_cli_runner()
        .invoke(args=["backup", str(tmp_path / "b.db")])
    )
    assert result.exit_code == 1 and "in memory" in result.output
    assert not (tmp_path / "b.db").exists()


# -- Restore refusals ----------------------------------------------------------


def test_restore_refuses_files_that_are_not_backups(live_db, live_app, tmp_path):
    """A text file, a SQLite database of something else and a PostgreSQL archive
    are refused, and the database is untouched."""
    url = sqlite_url(live_db)
    add_process(url, "koskematon")
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    pg_archive = tmp_path / "pg.dump"
    pg_archive.write_bytes(files.PGDUMP_MAGIC + b"\x01\x0e\x00" + b"\x00" * 100)

    runner = live_app.test_cli_runner()
    expected = {
        text: "is not a SQLite database",
        other: "not a backup of Osallistamo",
        pg_archive: "is a PostgreSQL backup",
    }
    for path, message in expected.items():
        result = runner.invoke(args=["restore", "--yes", str(path)])
        assert result.exit_code == 1, result.output
        assert message in result.output
    assert slugs_in(live_db) == {"koskematon"}


def test_restore_refuses_a_newer_revision(live_db, live_app, tmp_path):
    """A backup whose schema revision the code does not know (made by a newer
    version) is refused before anything is replaced."""
    url = sqlite_url(live_db)
    add_process(url, "nykyinen")
    dump = tmp_path / "future.db"
    backup.backup_database(url, dump)
    conn = sqlite3.connect(dump)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.execute("DELETE FROM processes")
    conn.commit()
    conn.close()

    result = live_app.test_cli_runner().invoke(args=["restore", "--yes", str(dump)])
    assert result.exit_code == 1
    assert "0099_from_the_future" in result.output and "newer" in result.output
    assert slugs_in(live_db) == {"nykyinen"}
    with pytest.raises(backup.BackupError, match="newer"):
        backup.restore_database(url, dump, migrations_dir=MIGRATIONS)
    assert slugs_in(live_db) == {"nykyinen"}


def test_restore_of_an_older_revision_says_to_upgrade(tmp_path, live_app, live_db):
    """A backup from an older schema is restored and the command says to run
    ``flask db upgrade``; doing so brings the database to the head."""
    old = tmp_path / "old.db"
    migrate(sqlite_url(old), revision="0007_live_capture")
    dump = tmp_path / "old-backup.db"
    info = backup.backup_database(sqlite_url(old), dump)
    assert info.revision == "0007_live_capture"

    runner = live_app.test_cli_runner()
    result = runner.invoke(args=["restore", "--yes", str(dump)])
    assert result.exit_code == 0, result.output
    assert "older than the code" in result.output
    assert "flask --app app db upgrade" in result.output
    with live_app.app_context():
        _db.engine.dispose()
        upgrade(directory=str(MIGRATIONS))
        version = _db.session.scalar(sa.text("SELECT version_num FROM alembic_version"))
        assert version == HEAD
        _db.session.remove()


def test_restore_asks_for_confirmation(live_db, live_app, tmp_path):
    """Without --yes, restore asks; answering no changes nothing, yes restores."""
    url = sqlite_url(live_db)
    dump = tmp_path / "b.db"
    backup.backup_database(url, dump)
    add_process(url, "uusi")
    runner = live_app.test_cli_runner()

    result = runner.invoke(args=["restore", str(dump)], input="n\n")
    assert result.exit_code == 1
    assert "replaces EVERYTHING" in result.output and "Aborted" in result.output
    assert slugs_in(live_db) == {"uusi"}

    result = runner.invoke(args=["restore", str(dump)], input="y\n")
    assert result.exit_code == 0, result.output
    assert slugs_in(live_db) == set()


# -- Revisions and PostgreSQL client checks (no server needed) -----------------


def test_revision_status():
    """The head is current, its ancestors older, unknown revisions newer."""
    assert backup.revision_status(HEAD, MIGRATIONS) is backup.RevisionStatus.CURRENT
    assert (
        backup.revision_status("0001_initial", MIGRATIONS)
        is backup.RevisionStatus.OLDER
    )
    assert (
        backup.revision_status("0099_unknown", MIGRATIONS)
        is backup.RevisionStatus.NEWER
    )


def test_postgres_password_stays_out_of_commands_and_messages():
    """The password goes to PGPASSWORD only; the conninfo and the description
    shown to the user do not contain it."""
    url = "postgresql+psycopg://osallistamo:S3cret%27pw@db.example.fi:5433/prod?sslmode=require"
    conninfo, env = postgres.pg_connection(url)
    assert "S3cret" not in conninfo
    assert "sslmode='require'" in conninfo and "dbname='prod'" in conninfo
    assert env["PGPASSWORD"] == "S3cret'pw"
    description = backup.describe_database(url)
    assert "S3cret" not in description
    assert "prod" in description and "db.example.fi:5433" in description


def test_missing_pg_client_says_what_to_install(monkeypatch, tmp_path):
    """Without pg_dump on PATH the error names the package to install."""
    monkeypatch.setattr(postgres.shutil, "which", lambda name: None)
    with pytest.raises(backup.BackupError, match="postgresql-client"):
        backup.backup_database(
            "postgresql+psycopg://u:pw@127.0.0.1:1/x", tmp_path / "b.dump"
        )
    assert list(tmp_path.iterdir()) == []


def test_older_pg_client_than_server_is_refused(monkeypatch):
    """pg_dump older than the server would abort; the message says which to install."""
    monkeypatch.setattr(postgres, "pg_tool_version", lambda name: (14, 5))
    monkeypatch.setattr(postgres, "pg_server_version", lambda url: (16, 2))
    with pytest.raises(backup.BackupError, match="postgresql-client-16"):
        postgres.check_pg_client("pg_dump", "postgresql+psycopg://u@h/x")


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="no pg_dump here")
def test_pg_tool_version_reads_the_installed_client():
    """The installed pg_dump reports a plausible major version."""
    major, _minor = postgres.pg_tool_version("pg_dump")
    assert major >= 10


def test_human_size():
    """Sizes are printed with a unit and the exact byte count."""
    assert commands.human_size(512) == "512 bytes"
    assert commands.human_size(3 * 1024 * 1024) == "3.0 MiB (3145728 bytes)"
