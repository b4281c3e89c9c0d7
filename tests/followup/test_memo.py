"""The memo: to every participant's address once, with the Word file attached.

Sending goes through the outbox to a real SMTP server on loopback (aiosmtpd), as
in tests/outbox, so the attachment is checked as it reaches the wire.
"""

from __future__ import annotations

import io
from datetime import timedelta

import docx
import pytest
import sqlalchemy as sa

from app.followup import services, services_memo
from app.models import GroupMembership, OutboxMessage
from app.outbox.services import send_pending
from tests.outbox.test_outbox import Recorder, start_server

ADDRESSES = ["anna@example.fi", "bore@example.fi", "cecilia@example.fi"]


@pytest.fixture(autouse=True)
def base_url(app, monkeypatch):
    """Links in letters start with BASE_URL, in requests and outside them."""
    monkeypatch.setitem(app.config, "BASE_URL", "https://osallistamo.example")


@pytest.fixture()
def smtp(app, monkeypatch):
    """A real SMTP server on loopback that accepts everything."""
    handler = Recorder()
    controller = start_server(app, monkeypatch, handler)
    yield handler
    controller.stop()


def rows(db) -> list[OutboxMessage]:
    db.session.expire_all()
    return list(
        db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.recipient))
    )


def document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


# --- whom it reaches ----------------------------------------------------------------


def test_recipients_are_distinct_addresses_of_members_and_contacts(world, db):
    """Anna as member and as contact (other case) once; Bo without email skipped."""
    reach = services_memo.reach(world.process)
    assert sorted(email.lower() for email in reach.emails) == ADDRESSES
    assert reach.without_email == 1
    # Bo in a second group is still one participant without an address.
    db.session.add(GroupMembership(group=world.groups[1], user=world.bo))
    db.session.commit()
    assert services_memo.reach(world.process).without_email == 1
    world.cecilia.is_active_account = False
    db.session.commit()
    assert "cecilia@example.fi" not in services_memo.reach(world.process).emails


def test_the_plan_says_what_sending_would_do(world, db, monkeypatch):
    """Before: three new letters; after: all three already sent for that scope."""
    monkeypatch.setattr(services_memo, "render_docx", lambda *args: b"PK-fake")
    assert services_memo.plan_memo(world.process) == (3, 0, 1)
    services_memo.queue_memo(world.process, now=world.now)
    db.session.commit()
    assert services_memo.plan_memo(world.process) == (3, 3, 1)
    assert services_memo.plan_memo(world.process, world.phase).new == 3


# --- queueing -----------------------------------------------------------------------


def test_queueing_twice_gives_one_letter_per_recipient(world, db):
    """The second time queues nothing; a phase's memo is a letter of its own."""
    first = services_memo.queue_memo(world.process, now=world.now)
    db.session.commit()
    again = services_memo.queue_memo(world.process, now=world.now + timedelta(hours=1))
    db.session.commit()
    assert (first.queued, first.already, first.without_email) == (3, 0, 1)
    assert (again.queued, again.already) == (0, 3)
    assert [row.recipient.lower() for row in rows(db)] == ADDRESSES
    assert rows(db)[0].key == f"memo:{world.process.id}:all:anna@example.fi"
    phase_memo = services_memo.queue_memo(world.process, world.phase, now=world.now)
    db.session.commit()
    assert phase_memo.queued == 3 and len(rows(db)) == 6


def test_the_letter_has_the_links_and_the_word_file(world, db):
    """Summary link with the phase; the .docx stored with its name and type."""
    services_memo.queue_memo(world.process, world.phase, now=world.now)
    db.session.commit()
    row = rows(db)[0]
    assert row.kind == "memo" and row.process_id == world.process.id
    assert row.subject == "Memo: Future of education – Online discussion 1"
    assert (
        f"https://osallistamo.example/p/tulevaisuus/summary?phase={world.phase.id}"
        in row.body_text
    )
    assert "/proposal" not in row.body_text  # no published proposal to link to
    assert (
        f'<a href="https://osallistamo.example/p/tulevaisuus/summary?phase={world.phase.id}">'
        in row.body_html
    )
    assert row.attachment_name == "tulevaisuus-memo.docx"
    assert row.attachment_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert row.attachment.startswith(b"PK")
    assert "Theme 1" in document_text(row.attachment)


def test_only_a_published_proposal_goes_with_the_memo(world, db):
    """A draft stays out of the letter and the file; a published one is in both."""
    proposal = services.draft_proposal(
        world.process, actor=world.facilitator, now=world.now
    )
    db.session.commit()
    services_memo.queue_memo(world.process, world.phase, now=world.now)
    db.session.commit()
    draft_row = rows(db)[0]
    assert "Proposal for follow-up work" not in document_text(draft_row.attachment)
    services.publish(proposal, actor=world.facilitator, now=world.now)
    db.session.commit()
    services_memo.queue_memo(world.process, now=world.now)
    db.session.commit()
    row = next(r for r in rows(db) if ":all:" in r.key)
    assert "Proposal for follow-up work: Future of education" in document_text(
        row.attachment
    )
    assert "https://osallistamo.example/p/tulevaisuus/proposal" in row.body_text


def test_names_in_the_letter_are_escaped(world, db, monkeypatch):
    """A process title with markup is text in the HTML part."""
    monkeypatch.setattr(services_memo, "render_docx", lambda *args: b"PK-fake")
    world.process.title = {"en": "<b>Bold</b> & co"}
    db.session.commit()
    letter = services_memo.memo_letter(world.process, None)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in letter.body_html
    assert "<b>" not in letter.body_html and "<b>Bold</b> & co" in letter.body_text


# --- sending ------------------------------------------------------------------------


def test_the_word_file_really_goes_out(world, db, smtp):
    """Each recipient gets one message with the .docx part, named, of its type."""
    services_memo.queue_memo(world.process, now=world.now)
    db.session.commit()
    assert send_pending(world.now).sent == 3
    services_memo.queue_memo(world.process, now=world.now)
    db.session.commit()
    assert send_pending(world.now).sent == 0
    assert smtp.recipients() == ADDRESSES
    for message in smtp.messages:
        (part,) = list(message.iter_attachments())
        assert part.get_filename() == "tulevaisuus-memo.docx"
        assert part.get_content_type() == (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        assert "Theme 1" in document_text(part.get_content())
        body = message.get_body(("plain",)).get_content()
        assert "https://osallistamo.example/p/tulevaisuus/summary" in body
        assert message.get_body(("html",)) is not None


def test_without_a_mail_server_the_log_names_the_file(world, db, caplog, monkeypatch):
    """Development: the letter goes to the log with the file's name, not its bytes."""
    monkeypatch.setattr(services_memo, "render_docx", lambda *args: b"PK" + b"x" * 5000)
    services_memo.queue_memo(world.process, now=world.now)
    db.session.commit()
    with caplog.at_level("INFO", logger="osallistamo.mail"):
        assert send_pending(world.now).sent == 3
    assert "[Attachment: tulevaisuus-memo.docx, 5002 bytes]" in caplog.text
    assert "xxxxxxxx" not in caplog.text


# --- the page -----------------------------------------------------------------------


def test_only_managers_send_the_memo(client, auth, world):
    """Facilitators and admins; observers and members may not."""
    url = world.base + "/memo"
    for user in (world.observer, world.anna):
        auth.login_as(user)
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
    auth.login_as(world.admin)
    assert client.get(url).status_code == 200


def test_the_page_counts_and_sending_twice_sends_once(client, auth, world, db, smtp):
    """The confirmation page counts recipients; two posts deliver one letter each."""
    url = world.base + "/memo"
    auth.login_as(world.facilitator)
    page = client.get(url, query_string={"phase": world.phase.id}).get_data(
        as_text=True
    )
    assert "Send the memo to the participants?" in page
    assert "<dt>Recipients</dt>\n  <dd>3</dd>" in page
    assert "<dt>Participants without an email address</dt>\n  <dd>1</dd>" in page
    assert f'<option selected value="{world.phase.id}">' in page
    response = client.post(
        url, data={"phase": str(world.phase.id)}, follow_redirects=True
    )
    assert "Memos sent: 3. Already sent earlier: 0." in response.get_data(as_text=True)
    response = client.post(
        url, data={"phase": str(world.phase.id)}, follow_redirects=True
    )
    assert "Memos sent: 0. Already sent earlier: 3." in response.get_data(as_text=True)
    assert smtp.recipients() == ADDRESSES
    assert all(f":{world.phase.id}:" in row.key for row in rows(db))


def test_an_unknown_phase_is_refused(client, auth, world, create_process, create_phase):
    """Another process's phase is not found; a choice outside the list is a 422."""
    other = create_phase(create_process())
    auth.login_as(world.facilitator)
    url = world.base + "/memo"
    assert client.get(url, query_string={"phase": other.id}).status_code == 404
    assert client.post(url, data={"phase": str(other.id)}).status_code == 422


def test_sending_needs_the_csrf_token(csrf_app, world, db, monkeypatch):
    """With CSRF protection on, a POST without the token queues nothing; with the
    page's token it queues."""
    from datetime import UTC, datetime

    from tests.conftest import csrf_token_from

    monkeypatch.setattr(services_memo, "render_docx", lambda *args: b"PK-fake")
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = world.facilitator.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
    url = world.base + "/memo"
    assert client.post(url, data={"phase": ""}).status_code == 400
    assert rows(db) == []
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    response = client.post(url, data={"phase": "", "csrf_token": token})
    assert response.status_code == 302 and len(rows(db)) == 3
