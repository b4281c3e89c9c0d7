"""Queue letters once and send them later; a letter's key makes re-sending a no-op."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..mail import send_mail
from ..models import OutboxMessage, Process

log = logging.getLogger("osallistamo.outbox")

#: After this many failed attempts a letter waits for a person to look at it.
MAX_ATTEMPTS = 5


def message_key(kind: str, *parts: object) -> str:
    """Build the unique key of a letter: its kind, its subject objects, its recipient."""
    return ":".join([kind, *(str(part).strip().lower() for part in parts)])


def queue_message(
    *,
    key: str,
    kind: str,
    recipient: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    process: Process | None = None,
) -> tuple[OutboxMessage, bool]:
    """Queue a letter unless one with the same key exists; True when queued now.

    The unique key is the guarantee: even two requests at once queue it once.
    """
    existing = db.session.scalar(
        sa.select(OutboxMessage).where(OutboxMessage.key == key)
    )
    if existing is not None:
        return existing, False
    message = OutboxMessage(
        key=key,
        kind=kind,
        recipient=recipient.strip(),
        subject=subject[:300],
        body_text=body_text,
        body_html=body_html,
        process_id=process.id if process is not None else None,
    )
    try:
        with db.session.begin_nested():
            db.session.add(message)
    except IntegrityError:
        existing = db.session.scalar(
            sa.select(OutboxMessage).where(OutboxMessage.key == key)
        )
        if existing is None:
            raise
        return existing, False
    return message, True


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0


def pending(limit: int = 100) -> list[OutboxMessage]:
    """Unsent letters that have not used up their attempts, oldest first."""
    return list(
        db.session.scalars(
            sa.select(OutboxMessage)
            .where(
                OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < MAX_ATTEMPTS
            )
            .order_by(OutboxMessage.created_at, OutboxMessage.id)
            .limit(limit)
        )
    )


def _claim(message: OutboxMessage) -> bool:
    """Take a letter for this sender: another sender running at once skips it."""
    claimed = db.session.execute(
        sa.update(OutboxMessage)
        .where(
            OutboxMessage.id == message.id,
            OutboxMessage.attempts == message.attempts,
            OutboxMessage.sent_at.is_(None),
        )
        .values(attempts=OutboxMessage.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return claimed == 1


def send_message(message: OutboxMessage, now: datetime) -> bool | None:
    """Send one queued letter now: True sent, False failed (kept for a retry), None
    when another sender has it or it is no longer pending."""
    if message.sent_at is not None or message.attempts >= MAX_ATTEMPTS:
        return None
    if not _claim(message):
        return None
    db.session.refresh(message)
    # Only letters with a file pass one (older callers' stand-ins keep working).
    extra = {}
    if message.attachment is not None:
        extra["attachment"] = (
            message.attachment_name,
            message.attachment_type,
            message.attachment,
        )
    try:
        send_mail(
            message.recipient,
            message.subject,
            message.body_text,
            html=message.body_html or None,
            **extra,
        )
    except Exception as error:  # any SMTP failure is kept for a retry
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        log.warning("outbox message %s failed: %s", message.id, error)
        sent = False
    else:
        message.sent_at = now
        message.last_error = ""
        sent = True
    db.session.commit()
    return sent


def send_pending(now: datetime, limit: int = 100) -> SendReport:
    """Send queued letters one by one, committing around each so none goes twice."""
    report = SendReport()
    for message in pending(limit):
        sent = send_message(message, now)
        if sent is True:
            report.sent += 1
        elif sent is False:
            report.failed += 1
    return report
