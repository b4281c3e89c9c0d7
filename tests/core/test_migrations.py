"""Migrations: upgrade from empty, downgrade to nothing and up again, models match."""

import os

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db
from config import TestingConfig

MIGRATIONS = os.path.join(os.path.dirname(__file__), "..", "..", "migrations")


@pytest.fixture()
def scratch_app(tmp_path, database_uri):
    """An app on its own empty database (a fresh SQLite file, or a PostgreSQL schema)."""
    if database_uri.startswith("postgresql"):
        uri = database_uri
        schema = "migration_test"
        engine = sa.create_engine(uri)
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
        engine.dispose()
        options = {
            "connect_args": {"options": f"-csearch_path={schema}"},
            "pool_pre_ping": True,
        }
        app = create_app(
            TestingConfig,
            {"SQLALCHEMY_DATABASE_URI": uri, "SQLALCHEMY_ENGINE_OPTIONS": options},
        )
        yield app
        with app.app_context():
            db.engine.dispose()
        engine = sa.create_engine(uri)
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        engine.dispose()
    else:
        app = create_app(
            TestingConfig, {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.db'}"}
        )
        yield app


def table_names(app) -> set[str]:
    with app.app_context():
        return set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}


def schema_diff(app) -> list:
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_upgrade_downgrade_upgrade(scratch_app):
    """The migrations build every table, remove them all, and build them again."""
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS)
    assert table_names(scratch_app) == set(db.metadata.tables)
    with scratch_app.app_context():
        downgrade(directory=MIGRATIONS, revision="base")
    assert table_names(scratch_app) == set()
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS)
    assert table_names(scratch_app) == set(db.metadata.tables)


def test_models_match_the_migrations(scratch_app):
    """Autogenerate finds nothing to add: every model change has its migration."""
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS)
    assert schema_diff(scratch_app) == []


def test_existing_seminar_phases_get_their_seminar(scratch_app):
    """Upgrading to 0006 gives seminar phases made before it their seminar settings."""
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS, revision="0005_coding")
        with db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO processes (slug, title, description, "
                    "description_html, region, language, show_names, created_at, "
                    "updated_at) VALUES ('p', '{}', '{}', '{}', '', 'fi', false, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
            for kind in ("seminar", "discussion"):
                conn.execute(
                    sa.text(
                        "INSERT INTO phases (process_id, kind, position, title, "
                        "description, description_html, created_at, updated_at) "
                        "SELECT id, :kind, 1, '{}', '{}', '{}', CURRENT_TIMESTAMP, "
                        "CURRENT_TIMESTAMP FROM processes"
                    ),
                    {"kind": kind},
                )
        upgrade(directory=MIGRATIONS)
        with db.engine.connect() as conn:
            kinds = conn.execute(
                sa.text(
                    "SELECT phases.kind FROM seminars "
                    "JOIN phases ON phases.id = seminars.phase_id"
                )
            ).scalars()
            assert list(kinds) == ["seminar"]
        db.engine.dispose()
