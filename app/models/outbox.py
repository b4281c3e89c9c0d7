"""The outbox: mail waiting to be sent, one row per letter and recipient."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, utcnow
from .processes import Process


class OutboxMessage(db.Model):
    """A letter to one recipient. ``key`` is unique: queueing the same letter twice
    finds the first row, so re-sending never duplicates."""

    __tablename__ = "outbox_messages"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    #: ``kind:object:recipient`` (e.g. ``invitation:12:34:anna@example.fi``).
    key: so.Mapped[str] = so.mapped_column(sa.String(400), unique=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(40), index=True)
    process_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="SET NULL"), index=True
    )
    recipient: so.Mapped[str] = so.mapped_column(sa.String(254))
    subject: so.Mapped[str] = so.mapped_column(sa.String(300))
    body_text: so.Mapped[str] = so.mapped_column(sa.Text)
    body_html: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    #: One optional attachment (a memo as .docx), stored with the letter.
    attachment: so.Mapped[bytes | None] = so.mapped_column(sa.LargeBinary)
    attachment_name: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    attachment_type: so.Mapped[str] = so.mapped_column(sa.String(120), default="")
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    sent_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime, index=True)
    attempts: so.Mapped[int] = so.mapped_column(default=0)
    last_error: so.Mapped[str] = so.mapped_column(sa.Text, default="")

    def __repr__(self) -> str:
        return f"<OutboxMessage {self.id} {self.key!r} sent={self.sent_at is not None}>"
