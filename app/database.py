"""Database engine tuning: SQLite pragmas and write transactions; loading by id.

SQLite runs in WAL mode with foreign keys on and a busy timeout. pysqlite's own
transaction handling is switched off so that we emit BEGIN ourselves: requests that
may write (anything but GET/HEAD/OPTIONS, and CLI commands) start with ``BEGIN
IMMEDIATE``. A deferred transaction that reads and then writes cannot wait for the
write lock and fails with SQLITE_BUSY at once when another worker holds it; an
immediate one takes the lock up front and so waits its turn under the busy timeout.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import Flask, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from .extensions import db

T = TypeVar("T")

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def begin_statement() -> str:
    """Return the BEGIN that suits the current unit of work."""
    if has_request_context() and request.method in READ_ONLY_METHODS:
        return "BEGIN"
    return "BEGIN IMMEDIATE"


def configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """Attach the pragmas and the BEGIN handling to a SQLite engine."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql(begin_statement())


def configure_database(app: Flask) -> None:
    """Bind Flask-SQLAlchemy and tune the engine for the configured database."""
    db.init_app(app)
    with app.app_context():
        engine = db.engine
        if is_sqlite(engine):
            configure_sqlite(engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])


@contextmanager
def unique_write():
    """Run a write and commit it; a unique constraint that fails becomes DuplicateName.

    Services check uniqueness first for a friendly message; the constraint is the
    guarantee when two requests race past that check. The race can surface at a
    service's flush or at the commit, so both sit inside the block. Any error rolls
    the session back before it propagates.
    """
    from .errors import DuplicateName

    try:
        yield
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise DuplicateName() from error
    except BaseException:
        db.session.rollback()
        raise


# -- Loading by id -------------------------------------------------------------------


@lru_cache(maxsize=128)
def _by_id_statement(model: type, options: tuple) -> sa.Select:
    """``SELECT model WHERE id = :obj_id`` with ``options``, built once per model and
    options. SQLAlchemy computes a statement's cache key once per statement object,
    so a statement kept here skips building the query and its key (the options' are
    the costly part) on every request; ``session.get`` builds both each time. Options
    made afresh for each call only miss this cache (it is bounded)."""
    (key,) = sa.inspect(model).primary_key
    return sa.select(model).where(key == sa.bindparam("obj_id")).options(*options)


def get_by_id(model: type[T], obj_id: int, options: tuple = ()) -> T | None:
    """``db.session.get(model, obj_id, options=options)``, cheaper on a hot path: the
    same object or None, with no statement when the session has it already."""
    if so.util.identity_key(model, obj_id) in db.session.identity_map:
        return db.session.get(model, obj_id, options=options)
    return (
        db.session.execute(_by_id_statement(model, options), {"obj_id": obj_id})
        .unique()
        .scalar_one_or_none()
    )
