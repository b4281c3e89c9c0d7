"""Database behaviour: SQLite pragmas, write transactions, constraints, UTC times."""

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
import sqlalchemy.orm as so
from sqlalchemy.exc import IntegrityError

from app.database import _by_id_statement, begin_statement, get_by_id
from app.models import (
    GroupMembership,
    Organisation,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Role,
    User,
)


def is_sqlite(db) -> bool:
    return db.engine.dialect.name == "sqlite"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db):
    """SQLite uses WAL, enforces foreign keys and waits for locks."""
    if not is_sqlite(db):
        pytest.skip("SQLite only")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_writes_begin_immediate_reads_deferred(app):
    """POSTs and commands take the write lock up front; GETs do not."""
    assert begin_statement() == "BEGIN IMMEDIATE"  # no request: a command
    with app.test_request_context("/", method="POST"):
        assert begin_statement() == "BEGIN IMMEDIATE"
    with app.test_request_context("/", method="GET"):
        assert begin_statement() == "BEGIN"


def test_concurrent_read_then_write_transactions_do_not_fail(app, db):
    """Two workers that read and then write both succeed (no SQLITE_BUSY)."""
    organisation = Organisation(name="Kilpailija")
    db.session.add(organisation)
    db.session.commit()
    errors: list[Exception] = []
    barrier = threading.Barrier(4)

    def worker(n: int) -> None:
        with app.app_context():
            try:
                barrier.wait()
                for i in range(5):
                    count = db.session.scalar(sa.select(sa.func.count(Organisation.id)))
                    db.session.add(Organisation(name=f"Säie {n}-{i}-{count}"))
                    db.session.commit()
            except Exception as error:
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert db.session.scalar(sa.select(sa.func.count(Organisation.id))) == 21


def test_foreign_keys_are_enforced(db):
    """A membership of a missing group is refused by the database."""
    db.session.add(GroupMembership(group_id=999, user_id=999))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_email_uniqueness_is_a_constraint(db):
    """Two accounts with one email are refused by the database itself."""
    db.session.add_all(
        [User(email="a@example.fi", name="A"), User(email="a@example.fi", name="B")]
    )
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_participants_without_email_do_not_collide(db):
    """Many participants may have no email."""
    db.session.add_all(
        [User(name="A", role=Role.PARTICIPANT), User(name="B", role=Role.PARTICIPANT)]
    )
    db.session.commit()


def test_one_role_per_user_and_process_is_a_constraint(db, create_user, create_process):
    """A user cannot hold two roles in one process."""
    user = create_user(Role.FACILITATOR)
    process = create_process(facilitator=user)
    db.session.add(
        ProcessRole(process=process, user=user, role=ProcessRoleKind.OBSERVER)
    )
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_process_slug_is_unique(db, create_process):
    """Two processes cannot share a web address."""
    create_process(slug="sama")
    db.session.add(Process(slug="sama", title={"fi": "Toinen"}))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_times_come_back_aware_in_utc(db, create_user):
    """Stored times come back timezone-aware in UTC, whatever offset went in."""
    helsinki = timezone(timedelta(hours=2))
    user = create_user(
        Role.FACILITATOR, last_login_at=datetime(2027, 2, 10, 13, 0, tzinfo=helsinki)
    )
    db.session.expire_all()
    loaded = db.session.get(User, user.id)
    assert loaded.last_login_at == datetime(2027, 2, 10, 11, 0, tzinfo=UTC)
    assert loaded.last_login_at.utcoffset() == timedelta(0)


def test_naive_times_are_refused(db):
    """A naive datetime is a bug: it is refused on the way in."""
    db.session.add(User(name="N", last_login_at=datetime(2027, 1, 1)))
    with pytest.raises(Exception, match="naive"):
        db.session.flush()
    db.session.rollback()


def test_get_by_id_is_session_get(db, create_user, create_process, count_statements):
    """The object session.get gives, its options loaded in the same statement, None
    for a missing id; no statement when the session has it (as session.get); the
    statement is built once per model and options."""
    user = create_user(Role.PARTICIPANT)
    process = create_process()
    user_id, process_id = user.id, process.id
    options = (so.joinedload(User.memberships),)
    db.session.expunge_all()
    with count_statements() as log:
        found = get_by_id(User, user_id, options)
        assert found.id == user_id and found.memberships == []
    assert len(log) == 1
    with count_statements() as log:
        assert get_by_id(User, user_id, options) is found
        assert get_by_id(User, 10**9, options) is None
    assert len(log) == 1  # only the missing id
    assert get_by_id(Process, process_id).slug == process.slug
    assert _by_id_statement(User, options) is _by_id_statement(User, options)
    db.session.expire(found)
    assert get_by_id(User, user_id) is found and found.id == user_id
