"""Control characters already in the database: a comment, a theme title, a ballot
title, an action title and a note holding C0/C1 characters (stored before forms were
cleaned, or by a path that did not clean) must not stop the Word summary, the memo
sending (a .docx attachment) or the annual report. An imported CSV's cells are
cleaned the way form values are."""

from __future__ import annotations

import io
import os

import docx
import pytest
import sqlalchemy as sa

from app.csvfiles import read_rows
from app.docxfiles import word_safe, word_text
from app.followup import services_memo
from app.models import ActionNote, OutboxMessage, Theme
from app.monitoring.report_files import export_report
from tests.followup.conftest import world  # noqa: F401 (a fixture)
from tests.monitoring import dashboard_fixtures
from tests.monitoring.test_report import NOW

dashboard_world = dashboard_fixtures.dashboard_world

#: Every C0 control but tab and the line breaks, DEL, every C1 control, and what else XML
#: cannot hold.
CONTROLS = (
    "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
    + "".join(chr(c) for c in range(0x7F, 0xA0))
    + "\ufffe\uffff"
)
#: What the database can hold of them: PostgreSQL refuses NUL in text outright, so a
#: NUL can only be "already in the database" on SQLite.
STORABLE = (
    CONTROLS.replace("\x00", "")
    if "postgresql" in os.environ.get("TEST_DATABASE_URL", "")
    else CONTROLS
)
DIRTY = f"Pysty\x0bsarkain{STORABLE}loppu"


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]
    return "\n".join(parts)


def test_word_text_removes_every_control_character():
    """Only newline and tab survive; the readable text stays."""
    assert word_text(DIRTY) == "Pystysarkainloppu"
    assert word_text("a\tb\nc") == "a\tb\nc"


def test_word_safe_copies_and_keeps_enums(world):  # noqa: F811
    """The cleaned copy leaves the original object alone; StrEnums stay enums."""
    from app.exports.summary import TalkLevel, build_summary

    summary = build_summary(world.process)
    summary.themes[0].title = DIRTY
    clean = word_safe(summary)
    assert clean.themes[0].title == "Pystysarkainloppu"
    assert summary.themes[0].title == DIRTY
    assert isinstance(clean.themes[0].talk_level, TalkLevel)


@pytest.fixture()
def dirty_world(world, db):  # noqa: F811
    """The follow-up world with control characters in coded texts and titles."""
    db.session.execute(
        sa.text("UPDATE comments SET body = :body, body_html = :html"),
        {
            "body": DIRTY + "\n\n**lihava\x0b** *kursiivi\x1b*",
            "html": f"<p>{DIRTY}</p>",
        },
    )
    theme = db.session.get(Theme, world.themes[0].id)
    theme.title = {"fi": DIRTY, "en": DIRTY}
    theme.description = {"en": DIRTY}
    world.ballot.title = {"fi": DIRTY, "en": DIRTY}
    db.session.commit()
    return world


def test_word_summary_survives(client, auth, dirty_world):
    """The Word summary downloads and holds the texts without their controls."""
    auth.login_as(dirty_world.facilitator)
    response = client.get(f"{dirty_world.base}/summary.docx")
    assert response.status_code == 200
    text = _text(response.data)
    assert "Pystysarkainloppu" in text
    assert "\x0b" not in text


def test_memo_sending_survives(client, auth, dirty_world, db):
    """Sending the memo queues a letter with the Word file for every recipient."""
    auth.login_as(dirty_world.facilitator)
    response = client.post(
        dirty_world.base + "/memo",
        data={"phase": str(dirty_world.phase.id)},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "Memos sent: 3." in response.get_data(as_text=True)
    letters = db.session.scalars(sa.select(OutboxMessage)).all()
    assert letters and all(
        "Pystysarkainloppu" in _text(letter.attachment) for letter in letters
    )


def test_memo_service_survives(dirty_world, db):
    """The service that builds the attachment does not fail either."""
    services_memo.queue_memo(dirty_world.process, now=dirty_world.now)
    db.session.commit()


def test_annual_report_survives(client, auth, dashboard_world, db):
    """The annual report's Word file is made with a dirty action title and note."""
    for note in db.session.scalars(sa.select(ActionNote)):
        note.body = DIRTY
        note.action.title = DIRTY
    db.session.commit()
    result = export_report(
        dashboard_world.process, fmt="docx", period="2025-2026", language="en", now=NOW
    )
    assert "Pystysarkainloppu" in _text(result.body)
    auth.login_as(dashboard_world.facilitator)
    response = client.get(
        f"/p/{dashboard_world.process.slug}/monitoring/report.docx?period=2025-2026"
    )
    assert response.status_code == 200


def test_csv_cells_are_cleaned():
    """A cell read from an uploaded file loses its control characters, as form
    values do; newlines in a quoted cell stay."""
    dirty = DIRTY.replace("\ufffe\uffff", "")
    text = f'mittari;arvo\r\n1;"{dirty}"\r\n2;"a\r\nb\x85"\r\n'
    rows = read_rows(text)
    assert rows[1][1] == ["1", "Pystysarkainloppu"]
    assert rows[2][1] == ["2", "a\nb"]
