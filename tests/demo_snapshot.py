"""The loaded demo, made once per test worker, database and hour, and put back for
each test that reads it.

``flask demo load`` runs the whole loader (about 2 s on SQLite and more on
PostgreSQL: Markdown, suggestions, summaries), and about a hundred tests only read
what it leaves. The first of them in a worker loads it for real and keeps every
table's rows; the others get the same rows inserted again (a tenth of the time).
The tests of the loader itself (a second load, a reload that sets things back, a
load at another moment) still run it, on top of these rows too.

The demo's times depend on the Helsinki day and the hour of the load
(app/demo/clock.py), so the rows are kept per hour: a test under another frozen
clock gets a real load.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.demo import DemoClock

_KEPT: dict[tuple[str, object], dict[str, list[dict]]] = {}


def load_demo(runner, db) -> None:
    """The demo in the test's (empty) database, as ``flask demo load`` leaves it."""
    now = DemoClock.current().now
    key = (
        db.engine.url.render_as_string(),
        now.replace(minute=0, second=0, microsecond=0),
    )
    rows = _KEPT.get(key)
    if rows is None:
        result = runner.invoke(args=["demo", "load"])
        assert result.exit_code == 0, result.output
        _KEPT[key] = _dump(db)
    else:
        _restore(db, rows)
    db.session.expire_all()


def _dump(db) -> dict[str, list[dict]]:
    conn = db.session.connection()  # as in _restore: the session's lock is its own
    rows = {
        table.name: [
            dict(row._mapping)
            for row in conn.execute(table.select().order_by(*table.primary_key.columns))
        ]
        for table in db.metadata.sorted_tables
    }
    db.session.commit()
    for table in db.metadata.sorted_tables:
        for column in table.c:
            # A JSON column's None goes back in as JSON null, not SQL NULL: a copy
            # would differ from the load, so say so rather than copy it.
            if isinstance(column.type, sa.JSON) and any(
                row[column.name] is None for row in rows[table.name]
            ):
                raise AssertionError(f"{table.name}.{column.name} holds SQL NULL")
    return rows


def _restore(db, rows: dict[str, list[dict]]) -> None:
    # Through the test's own session: a second connection would wait for its lock.
    conn = db.session.connection()
    postgres = conn.dialect.name == "postgresql"
    if postgres:
        # The foreign keys that point both ways (a comment and the one it was merged
        # into) are checked by triggers: off for this copy of valid rows.
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
    else:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table in db.metadata.sorted_tables:
        if rows[table.name]:
            conn.execute(table.insert(), rows[table.name])
    if postgres:
        for table in db.metadata.sorted_tables:
            if "id" in table.c and rows[table.name]:
                # The ids go on from the last one, as after a real load.
                conn.execute(
                    sa.text(
                        "SELECT setval(pg_get_serial_sequence(:name, 'id'), :last)"
                    ),
                    {"name": table.name, "last": rows[table.name][-1]["id"]},
                )
    db.session.commit()
