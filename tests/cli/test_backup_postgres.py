"""``flask backup`` / ``flask restore`` on PostgreSQL (pg_dump / pg_restore).

Runs when TEST_DATABASE_URL names PostgreSQL (CI does). Each test works in scratch
databases it creates on that server and drops afterwards; the test run's own
database is not touched.
"""

from __future__ import annotations

import os
import shutil
import uuid

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import sql
from sqlalchemy.engine import make_url

from app import backup
from app.backup import files, postgres
from app.extensions import db as _db
from app.models import Process
from tests.cli.test_backup import (
    HEAD,
    MIGRATIONS,
    Writer,
    add_process,
    check_restored,
    make_app,
    migrate,
)

TEST_URL = os.environ.get("TEST_DATABASE_URL", "")
PASSWORD = "ei-saa-nakya-9f3"  # trust auth ignores it; it must never be printed

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        not TEST_URL.startswith("postgresql"),
        reason="TEST_DATABASE_URL does not name PostgreSQL",
    ),
    pytest.mark.skipif(
        shutil.which("pg_dump") is None, reason="pg_dump is not installed"
    ),
]


def _admin_conninfo() -> tuple[str, str | None]:
    url = make_url(TEST_URL)
    conninfo, _env = postgres.pg_connection(url)
    return conninfo, url.password


@pytest.fixture()
def scratch_db():
    """A factory of empty databases on the test server, all dropped at the end."""
    created: list[str] = []
    conninfo, password = _admin_conninfo()

    def _create() -> str:
        name = f"osallistamo_bk_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(conninfo, password=password, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        url = make_url(TEST_URL).set(database=name)
        if url.password is None:
            url = url.set(password=PASSWORD)
        return url.render_as_string(hide_password=False)

    yield _create
    with psycopg.connect(conninfo, password=password, autocommit=True) as conn:
        for name in created:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )


def _dispose(app) -> None:
    with app.app_context():
        _db.session.remove()
        _db.engine.dispose()


def _slugs(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.scalars(sa.text("SELECT slug FROM processes")))
    finally:
        engine.dispose()


def test_pg_round_trip_keeps_everything_committed_during_writes(scratch_db, tmp_path):
    """pg_dump taken while a writer commits keeps every earlier commit, has no half
    transactions, restores into a fresh database at the head revision that the app
    reads; the password is never printed."""
    live = scratch_db()
    migrate(live)
    live_app = make_app(live)
    writer = Writer(live)
    writer.start()
    try:
        writer.wait_for(20)
        before = writer.snapshot()
        dump = tmp_path / "copy.dump"
        result = live_app.test_cli_runner().invoke(args=["backup", str(dump)])
        assert result.exit_code == 0, result.output
        writer.wait_for(len(before) + 20)
    finally:
        writer.finish()
        _dispose(live_app)
    assert f"Schema revision: {HEAD}" in result.output
    assert PASSWORD not in result.output
    assert dump.read_bytes().startswith(files.PGDUMP_MAGIC)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]

    fresh = scratch_db()
    fresh_app = make_app(fresh)
    result = fresh_app.test_cli_runner().invoke(args=["restore", "--yes", str(dump)])
    _dispose(fresh_app)
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    restored = _slugs(fresh)
    assert set(before) <= restored
    assert len(restored) < len(writer.snapshot())  # a snapshot, not the end state
    check_restored(fresh, before)


def test_pg_restore_replaces_the_data_and_newer_tables(scratch_db, tmp_path):
    """Restoring over a database with other data leaves exactly the backup: later
    rows and tables the backup does not have are gone."""
    live = scratch_db()
    migrate(live)
    add_process(live, "ennen")
    dump = tmp_path / "b.dump"
    info = backup.backup_database(live, dump)
    assert info.revision == HEAD and info.kind == "postgresql"
    add_process(live, "jalkeen")
    engine = sa.create_engine(live)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM processes WHERE slug = 'ennen'"))
        conn.execute(sa.text("CREATE TABLE extra_from_newer (id serial primary key)"))
    engine.dispose()

    result = backup.restore_database(live, dump, migrations_dir=MIGRATIONS)
    assert result.status is backup.RevisionStatus.CURRENT
    assert _slugs(live) == {"ennen"}
    engine = sa.create_engine(live)
    assert "extra_from_newer" not in sa.inspect(engine).get_table_names()
    engine.dispose()
    app = make_app(live)
    with app.app_context():
        assert _db.session.scalars(sa.select(Process.slug)).all() == ["ennen"]
    _dispose(app)


def test_pg_refusals(scratch_db, tmp_path):
    """Backup refuses to overwrite; restore refuses a SQLite file, a non-archive, an
    archive of another database, and asks for confirmation."""
    live = scratch_db()
    migrate(live)
    add_process(live, "pysyy")
    app = make_app(live)
    runner = app.test_cli_runner()
    try:
        dump = tmp_path / "b.dump"
        dump.write_text("old")
        result = runner.invoke(args=["backup", str(dump)])
        assert result.exit_code == 1 and "already exists" in result.output
        assert dump.read_text() == "old"
        result = runner.invoke(args=["backup", "--force", str(dump)])
        assert result.exit_code == 0, result.output

        text = tmp_path / "notes.txt"
        text.write_text("hello")
        sqlite_file = tmp_path / "s.db"
        migrate(f"sqlite:///{sqlite_file}")
        other = scratch_db()  # an empty database: an archive without alembic_version
        engine = sa.create_engine(other)
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE t (x int)"))
        engine.dispose()
        foreign = tmp_path / "foreign.dump"
        postgres.run_pg(
            [
                postgres.pg_tool("pg_dump"),
                "--format=custom",
                f"--file={foreign}",
                f"--dbname={postgres.pg_connection(other)[0]}",
            ],
            make_url(other),
            postgres.pg_connection(other)[1],
        )
        expected = {
            text: "is not a pg_dump archive",
            sqlite_file: "is a SQLite backup",
            foreign: "not a backup of Osallistamo",
        }
        for path, message in expected.items():
            result = runner.invoke(args=["restore", "--yes", str(path)])
            assert result.exit_code == 1, result.output
            assert message in result.output

        add_process(live, "myohemmin")
        result = runner.invoke(args=["restore", str(dump)], input="n\n")
        assert result.exit_code == 1 and "Aborted" in result.output
        assert _slugs(live) == {"pysyy", "myohemmin"}
        result = runner.invoke(args=["restore", str(dump)], input="y\n")
        assert result.exit_code == 0, result.output
        assert _slugs(live) == {"pysyy"}
    finally:
        _dispose(app)


def test_pg_restore_of_an_older_revision_says_to_upgrade(scratch_db, tmp_path):
    """An archive of an older schema restores over the head schema; the command
    says to upgrade, and the upgrade then succeeds."""
    old = scratch_db()
    migrate(old, revision="0007_live_capture")
    dump = tmp_path / "old.dump"
    assert backup.backup_database(old, dump).revision == "0007_live_capture"

    live = scratch_db()
    migrate(live)
    app = make_app(live)
    try:
        result = app.test_cli_runner().invoke(args=["restore", "--yes", str(dump)])
        assert result.exit_code == 0, result.output
        assert "flask --app app db upgrade" in result.output
    finally:
        _dispose(app)
    migrate(live)
    engine = sa.create_engine(live)
    with engine.connect() as conn:
        version = conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
    engine.dispose()
    assert version == HEAD
