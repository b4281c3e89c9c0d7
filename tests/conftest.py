"""Test fixtures: an app on a migrated database, clients, factories and sign-in helpers.

The database is built once per run by the Alembic migrations (so a model/migration
mismatch fails), on SQLite by default or on PostgreSQL when TEST_DATABASE_URL names
one. After each test every table is emptied: tests commit for real, as the app does.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_migrate import upgrade

from app import create_app
from app.extensions import db as _db
from app.extensions import limiter
from app.models import (
    GroupMembership,
    Organisation,
    OrganisationKind,
    Phase,
    PhaseKind,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Role,
    Theme,
    User,
    VoterUnit,
    WorkGroup,
)
from app.voting.services import save_ballot
from config import TestingConfig

#: A password that passes the policy; hashing it costs, so factories skip it by default.
GOOD_PASSWORD = "kaunis-syksyinen-metsa-42"


def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return worker_database(url)
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


def worker_database(url: str) -> str:
    """Under pytest-xdist each worker gets a database of its own beside the named one
    (``<name>_gw0``...), created when missing: tests empty every table after them,
    which would wipe another worker's data in a shared database."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base = sa.engine.make_url(url)
    own = base.set(database=f"{base.database}_{worker}")
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            exists = conn.scalar(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                {"name": own.database},
            )
            if not exists:
                conn.execute(sa.text(f'CREATE DATABASE "{own.database}"'))
    finally:
        engine.dispose()
    return own.render_as_string(hide_password=False)


def drop_worker_database(url: str) -> None:
    """Drops a worker's own database at the end of its run (see worker_database)."""
    if url == os.environ.get("TEST_DATABASE_URL") or url.startswith("sqlite"):
        return
    own = sa.engine.make_url(url)
    base = sa.engine.make_url(os.environ["TEST_DATABASE_URL"])
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(
                sa.text(f'DROP DATABASE IF EXISTS "{own.database}" WITH (FORCE)')
            )
    finally:
        engine.dispose()


def reset_schema(app) -> None:
    """Drop whatever an earlier run left, then migrate from empty."""
    with app.app_context():
        engine = _db.engine
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE"))
                conn.execute(sa.text("CREATE SCHEMA public"))
        upgrade(directory=os.path.join(app.root_path, "..", "migrations"))


def empty_tables(app) -> None:
    with app.app_context():
        _db.session.remove()
        tables = [t.name for t in reversed(_db.metadata.sorted_tables)]
        with _db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # DELETE in one round trip: TRUNCATE rewrites every table's files and
                # cost ~100 ms a test; the tables hold a few rows. Ids restart as
                # TRUNCATE ... RESTART IDENTITY would.
                deletes = "; ".join(f"DELETE FROM {name}" for name in tables)
                conn.exec_driver_sql(deletes)
                conn.exec_driver_sql(
                    "SELECT setval(oid, 1, false) FROM pg_class WHERE relkind = 'S'"
                )
            else:
                for name in tables:
                    conn.execute(sa.text(f"DELETE FROM {name}"))


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context, as in production: a fresh ``g`` and
    its own database session. The test's session is committed before and after, so
    the request sees what the test set up and the test then sees what it wrote."""

    def open(self, *args, **kwargs):
        _db.session.commit()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        _db.session.commit()
        return response


@pytest.fixture(scope="session")
def database_uri(tmp_path_factory):
    url = database_url(tmp_path_factory)
    yield url
    drop_worker_database(url)


@pytest.fixture(scope="session")
def _session_app(database_uri):
    app = create_app(
        TestingConfig,
        {
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "WTF_CSRF_ENABLED": False,
            "SERVER_NAME": "localhost",
        },
    )
    app.test_client_class = IsolatedClient
    reset_schema(app)
    yield app
    with app.app_context():
        _db.engine.dispose()  # lets the worker's database be dropped


@pytest.fixture()
def app(_session_app):
    # The app lives for the whole run: a test that changes its configuration
    # (ITEMS_PER_PAGE = 2...) must not change the tests after it.
    config = dict(_session_app.config)
    ctx = _session_app.app_context()
    ctx.push()
    yield _session_app
    _db.session.rollback()
    _db.session.remove()
    ctx.pop()
    _session_app.config.clear()
    _session_app.config.update(config)
    limiter.reset()
    empty_tables(_session_app)


@pytest.fixture()
def csrf_app(app, database_uri):
    """The same database, with CSRF protection on as in production."""
    csrf_on = create_app(
        TestingConfig,
        {"SQLALCHEMY_DATABASE_URI": database_uri, "SERVER_NAME": "localhost"},
    )
    csrf_on.test_client_class = IsolatedClient
    return csrf_on


#: The Redis of the tests that need one (a database number of their own).
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture()
def redis_client():
    """A client of the test Redis; the test is skipped when Redis does not answer
    (a developer's machine without it; CI has it)."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis does not answer at {TEST_REDIS_URL}: {error}")
    yield client
    client.close()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


@pytest.fixture()
def db(app):
    return _db


_numbers = count(1)


@pytest.fixture()
def create_user(db):
    def _create(
        role: Role = Role.MEMBER, *, password: str | None = None, **kwargs
    ) -> User:
        n = next(_numbers)
        kwargs.setdefault("name", f"Testi Käyttäjä {n}")
        if role is not Role.PARTICIPANT:
            kwargs.setdefault("email", f"user{n}@example.fi")
        user = User(role=role, **kwargs)
        if password:
            user.set_password(password)
        db.session.add(user)
        db.session.commit()
        return user

    return _create


@pytest.fixture()
def create_process(db, create_user):
    def _create(
        *, facilitator: User | None = None, observer: User | None = None, **kwargs
    ) -> Process:
        n = next(_numbers)
        kwargs.setdefault("slug", f"prosessi-{n}")
        kwargs.setdefault("title", {"fi": f"Prosessi {n}", "sv": f"Process {n}"})
        kwargs.setdefault("region", "Keski-Uusimaa")
        process = Process(**kwargs)
        db.session.add(process)
        if facilitator is not None:
            db.session.add(
                ProcessRole(
                    process=process, user=facilitator, role=ProcessRoleKind.FACILITATOR
                )
            )
        if observer is not None:
            db.session.add(
                ProcessRole(
                    process=process, user=observer, role=ProcessRoleKind.OBSERVER
                )
            )
        db.session.commit()
        return process

    return _create


@pytest.fixture()
def create_organisation(db):
    def _create(**kwargs) -> Organisation:
        kwargs.setdefault("name", f"Organisaatio {next(_numbers)}")
        kwargs.setdefault("kind", OrganisationKind.EDUCATION_PROVIDER)
        organisation = Organisation(**kwargs)
        db.session.add(organisation)
        db.session.commit()
        return organisation

    return _create


@pytest.fixture()
def create_group(db, create_organisation):
    def _create(
        process: Process, *, members: tuple[User, ...] = (), **kwargs
    ) -> WorkGroup:
        kwargs.setdefault("name", f"Työryhmä {next(_numbers)}")
        if "organisation" not in kwargs:
            kwargs["organisation"] = create_organisation()
        group = WorkGroup(process=process, **kwargs)
        db.session.add(group)
        for member in members:
            db.session.add(GroupMembership(group=group, user=member))
        db.session.commit()
        return group

    return _create


@pytest.fixture()
def create_theme(db):
    def _create(process: Process, **kwargs) -> Theme:
        n = next(_numbers)
        kwargs.setdefault("title", {"fi": f"Teema {n}"})
        kwargs.setdefault("position", len(process.themes) + 1)
        theme = Theme(process=process, **kwargs)
        db.session.add(theme)
        db.session.commit()
        return theme

    return _create


@pytest.fixture()
def create_phase(db):
    def _create(process: Process, **kwargs) -> Phase:
        n = next(_numbers)
        kwargs.setdefault("title", {"fi": f"Vaihe {n}"})
        kwargs.setdefault("kind", PhaseKind.DISCUSSION)
        kwargs.setdefault("position", len(process.phases) + 1)
        phase = Phase(process=process, **kwargs)
        db.session.add(phase)
        db.session.commit()
        return phase

    return _create


@pytest.fixture()
def create_ballot(db):
    """Save a ballot through ``voting.services.save_ballot`` and commit. Default: pick
    up to 2 of all the process's themes, per work group, open from an hour ago for a
    day, results after the close; ``overrides`` are save_ballot's keywords."""

    def _create(phase: Phase, **overrides):
        now = datetime.now(UTC)
        values = {
            "title": {"fi": "Tärkeimmät teemat", "en": "The most important themes"},
            "description": {},
            "opens_at": now - timedelta(hours=1),
            "closes_at": now + timedelta(days=1),
            "voter_unit": VoterUnit.GROUP,
            "method": "pick",
            "max_choices": 2,
            "total_points": 10,
            "max_points_per_theme": 3,
            "results_visibility": "after_close",
            "theme_ids": None,
        }
        values.update(overrides)
        ballot = save_ballot(None, phase, **values)
        db.session.commit()
        return ballot

    return _create


class AuthActions:
    """Sign in through the real form, or directly by session for speed."""

    def __init__(self, client):
        self.client = client

    def login(self, email: str, password: str = GOOD_PASSWORD):
        return self.client.post("/login", data={"email": email, "password": password})

    def login_as(self, user: User) -> User:
        with self.client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
            session["last_seen"] = datetime.now(UTC).timestamp()
        return user

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture()
def auth(client):
    return AuthActions(client)


def csrf_token_from(html: str) -> str:
    match = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', html
    ) or re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


class StatementLog(list):
    """The SQL statements an application ran, without the transaction's own
    (BEGIN, COMMIT, ROLLBACK, SAVEPOINT...), which say nothing about a page's reads."""

    TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")

    def record(self, conn, cursor, statement, *args) -> None:
        if not statement.lstrip().upper().startswith(self.TRANSACTION):
            self.append(statement)


@pytest.fixture()
def count_statements(db):
    """``with count_statements() as log: ...``: the statements run inside the block
    (``len(log)``; print ``log`` to see them). Tests that a page's number of
    statements stays fixed whatever its size use it."""
    from contextlib import contextmanager

    @contextmanager
    def _count():
        log = StatementLog()
        sa.event.listen(db.engine, "before_cursor_execute", log.record)
        try:
            yield log
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", log.record)

    return _count
