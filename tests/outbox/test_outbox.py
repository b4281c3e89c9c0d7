"""The outbox against a real SMTP server on loopback: every contact gets one letter.

aiosmtpd listens on 127.0.0.1 on a free port; the app sends with smtplib as in
production (without TLS), so these tests prove what reaches the wire.
"""

from __future__ import annotations

import email
import socket
from datetime import UTC, datetime, timedelta
from email import policy
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from app.discussions import services as discussion_services
from app.discussions import services_invitations as invitations
from app.models import OutboxMessage, Role
from app.outbox.services import MAX_ATTEMPTS, message_key, queue_message, send_pending

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LETTER = "Hei {group}!\n\nLiity: {link} (koodi **{code}**)."


class Recorder:
    """An SMTP handler that keeps every message it accepts (or refuses them all)."""

    def __init__(self, refuse: bool = False):
        self.refuse = refuse
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "554 5.7.1 Refused by the test server"
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [
            email.message_from_bytes(envelope.content, policy=policy.default)
            for envelope in self.envelopes
        ]

    def recipients(self) -> list[str]:
        return sorted(rcpt for env in self.envelopes for rcpt in env.rcpt_tos)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_server(app, monkeypatch, port: int) -> None:
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    monkeypatch.setitem(app.config, "MAIL_USE_TLS", False)
    monkeypatch.setitem(app.config, "MAIL_USERNAME", "")


def start_server(app, monkeypatch, handler: Recorder):
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    use_server(app, monkeypatch, controller.port)
    return controller


@pytest.fixture()
def smtp(app, monkeypatch):
    """A real SMTP server on loopback that accepts everything."""
    handler = Recorder()
    controller = start_server(app, monkeypatch, handler)
    yield handler
    controller.stop()


@pytest.fixture()
def refusing_smtp(app, monkeypatch):
    """A real SMTP server on loopback that refuses every message."""
    handler = Recorder(refuse=True)
    controller = start_server(app, monkeypatch, handler)
    yield handler
    controller.stop()


@pytest.fixture()
def letters(db, create_user, create_process, create_phase, create_group):
    """A discussion with a saved letter, two contacts and a group without one."""
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    phase = create_phase(process, ends_at=NOW + timedelta(days=7))
    discussion = discussion_services.ensure_discussion(phase)
    groups = [
        create_group(process, name="Anna's group", contact_email="anna@example.fi"),
        create_group(process, name="Bo's group", contact_email="bo@example.fi"),
        create_group(process, name="No contact"),
    ]
    invitations.update_letter(
        discussion, subject={"fi": "Kutsu: {group}"}, body={"fi": LETTER}
    )
    db.session.commit()
    return SimpleNamespace(
        process=process,
        phase=phase,
        discussion=discussion,
        facilitator=facilitator,
        groups=groups,
        send_url=f"/p/{process.slug}/discussions/{phase.id}/invitation/send",
    )


def rows(db) -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(OutboxMessage).order_by("id")))


def queue(db, letters) -> None:
    invitations.queue_invitations(letters.discussion, now=NOW)
    db.session.commit()


# --- queueing ---------------------------------------------------------------------


def test_queue_message_is_idempotent(db):
    """The same key queues one row; the second call finds it and says so."""
    fields = {"kind": "test", "recipient": "a@example.fi", "subject": "S"}
    first, created = queue_message(key="test:1", body_text="one", **fields)
    again, created_again = queue_message(key="test:1", body_text="two", **fields)
    other, created_other = queue_message(key="test:2", body_text="three", **fields)
    db.session.commit()
    assert created and not created_again and created_other
    assert again.id == first.id and again.body_text == "one"
    assert len(rows(db)) == 2


def test_message_key_ignores_case_and_spaces_of_the_address():
    """The same address typed differently is the same letter."""
    assert message_key("invitation", 1, 2, " Anna@Example.FI ") == (
        "invitation:1:2:anna@example.fi"
    )


# --- sending over SMTP ------------------------------------------------------------


def test_each_contact_gets_exactly_one_letter(db, letters, smtp):
    """Sending twice delivers one letter per contact person, with its own link."""
    queue(db, letters)
    first = send_pending(NOW)
    queue(db, letters)  # "send again" queues nothing new
    second = send_pending(NOW)
    assert (first.sent, first.failed) == (2, 0)
    assert (second.sent, second.failed) == (0, 0)
    assert smtp.recipients() == ["anna@example.fi", "bo@example.fi"]
    by_recipient = {message["To"]: message for message in smtp.messages}
    anna_group = letters.groups[0]
    anna = by_recipient["anna@example.fi"]
    assert anna["Subject"] == "Kutsu: Anna's group"
    assert anna.get_body(("plain",)).get_content().startswith("Hei Anna's group!")
    html = anna.get_body(("html",)).get_content()
    assert f'/join/{anna_group.invite_code}" rel="nofollow noopener">' in html
    assert html.startswith("<!DOCTYPE html>") and "<p>Hei Anna's group!</p>" in html
    assert all(row.sent_at == NOW and row.attempts == 1 for row in rows(db))


def test_a_refusing_server_leaves_the_letter_pending(app, db, letters, monkeypatch):
    """A refused letter stays unsent with its attempt and error, and goes later once."""
    queue(db, letters)
    refusing = Recorder(refuse=True)
    controller = start_server(app, monkeypatch, refusing)
    try:
        report = send_pending(NOW)
    finally:
        controller.stop()
    assert (report.sent, report.failed) == (0, 2)
    for row in rows(db):
        assert row.sent_at is None and row.attempts == 1
        assert (
            "554" in row.last_error and "Refused by the test server" in row.last_error
        )

    working = Recorder()
    controller = start_server(app, monkeypatch, working)
    try:
        assert send_pending(NOW).sent == 2
        assert send_pending(NOW).sent == 0
    finally:
        controller.stop()
    assert working.recipients() == ["anna@example.fi", "bo@example.fi"]
    assert all(row.attempts == 2 and row.last_error == "" for row in rows(db))


def test_no_server_listening_is_a_failure_too(app, db, letters, monkeypatch):
    """A refused connection is kept as the letter's last error."""
    queue(db, letters)
    use_server(app, monkeypatch, free_port())
    report = send_pending(NOW)
    assert report.failed == 2
    assert all("ConnectionRefusedError" in row.last_error for row in rows(db))


def test_after_the_last_attempt_a_letter_waits_for_a_person(db, letters, smtp, runner):
    """A letter that used up its attempts is not tried again, and is listed."""
    queue(db, letters)
    stuck = rows(db)[0]
    stuck.attempts = MAX_ATTEMPTS
    stuck.last_error = "SMTPDataError: (554, b'no')"
    db.session.commit()
    assert send_pending(NOW).sent == 1
    assert smtp.recipients() == ["bo@example.fi"]
    result = runner.invoke(args=["outbox", "list"])
    assert result.exit_code == 0
    assert f"{MAX_ATTEMPTS}/{MAX_ATTEMPTS}" in result.output
    assert "anna@example.fi" in result.output and "bo@example.fi" not in result.output


def test_without_mail_server_letters_go_to_the_log(db, letters, caplog):
    """In development (no MAIL_SERVER) the letter is written to the log and done."""
    queue(db, letters)
    with caplog.at_level("INFO", logger="osallistamo.mail"):
        assert send_pending(NOW).sent == 2
    assert "anna@example.fi" in caplog.text and "MAIL_SERVER not set" in caplog.text


# --- the command line ---------------------------------------------------------------


def test_flask_outbox_send_twice_sends_once(db, letters, smtp, runner):
    """`flask outbox send` run twice delivers each letter once."""
    queue(db, letters)
    first = runner.invoke(args=["outbox", "send"])
    second = runner.invoke(args=["outbox", "send"])
    assert first.exit_code == 0, first.output
    assert "Sent: 2. Failed: 0." in first.output
    assert "Sent: 0. Failed: 0." in second.output
    assert smtp.recipients() == ["anna@example.fi", "bo@example.fi"]


def test_flask_outbox_send_limit(db, letters, smtp, runner):
    """--limit sends at most that many letters per run."""
    queue(db, letters)
    assert "Sent: 1." in runner.invoke(args=["outbox", "send", "--limit", "1"]).output
    assert len(smtp.envelopes) == 1
    runner.invoke(args=["outbox", "send", "--limit", "1"])
    assert smtp.recipients() == ["anna@example.fi", "bo@example.fi"]


def test_flask_outbox_send_fails_loudly(db, letters, refusing_smtp, runner):
    """Failures make the command exit with 1 (cron notices) and show in the list."""
    queue(db, letters)
    result = runner.invoke(args=["outbox", "send"])
    assert result.exit_code == 1
    assert "Sent: 0. Failed: 2." in result.output
    listing = runner.invoke(args=["outbox", "list"]).output
    assert listing.splitlines()[0].split() == [
        "ID",
        "KIND",
        "RECIPIENT",
        "ATTEMPTS",
        "LAST",
        "ERROR",
    ]
    assert listing.count("invitation") == 2 and "554" in listing


def test_flask_outbox_list_when_empty(runner):
    """With nothing waiting the list says so."""
    result = runner.invoke(args=["outbox", "list"])
    assert result.exit_code == 0 and "No letters waiting." in result.output


# --- the send page ------------------------------------------------------------------


def test_posting_the_send_page_twice_sends_once(client, auth, db, letters, smtp):
    """The facilitator's send button, pressed twice, delivers one letter per contact."""
    auth.login_as(letters.facilitator)
    assert client.post(letters.send_url).status_code == 302
    assert client.post(letters.send_url).status_code == 302
    assert smtp.recipients() == ["anna@example.fi", "bo@example.fi"]
    assert [row.recipient for row in rows(db)] == ["anna@example.fi", "bo@example.fi"]
    assert all(row.sent_at is not None for row in rows(db))


def test_the_send_page_reports_a_refusing_server(
    client, auth, db, letters, refusing_smtp
):
    """When SMTP refuses, the letters stay queued and the page says so."""
    auth.login_as(letters.facilitator)
    with client.session_transaction() as session:
        session["lang"] = "en"
    client.post(letters.send_url)
    page = client.get(letters.send_url.removesuffix("/send")).get_data(as_text=True)
    assert "2 letters could not be sent now" in page
    assert "Failed" in page and "Refused by the test server" in page
    assert all(row.sent_at is None and row.attempts == 1 for row in rows(db))
