"""Embedding comments and keeping their vectors current.

A vector is stale when the comment has none, when another model made it, or when the
comment has changed since the vector was checked (its ``updated_at`` is later); an
unchanged text (same SHA-256) is then only re-checked, not embedded again. The model
runs between two short transactions, never inside one: on SQLite a write
transaction holds the database's only write lock.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import sqlalchemy as sa

from ..extensions import db
from ..models import Comment, CommentEmbedding
from .model import Embedder, from_bytes, to_bytes

log = logging.getLogger(__name__)

#: A text that failed this many times is left until it changes (or the model does).
MAX_ATTEMPTS = 3
#: Texts embedded together: one call to the model, one short write.
BATCH = 32


@dataclass
class Report:
    embedded: int = 0
    unchanged: int = 0
    failed: list[int] = field(default_factory=list)

    def add(self, other: Report) -> None:
        self.embedded += other.embedded
        self.unchanged += other.unchanged
        self.failed.extend(other.failed)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _has_text():
    return sa.and_(Comment.deleted_at.is_(None), Comment.body != "")


def _stale(model_name: str):
    """Comments whose vector is missing, of another model, or older than the text."""
    row = CommentEmbedding
    return (
        sa.select(Comment.id)
        .outerjoin(row, row.comment_id == Comment.id)
        .where(
            _has_text(),
            sa.or_(
                row.comment_id.is_(None),
                row.model != model_name,
                Comment.updated_at > row.checked_at,
                sa.and_(row.vector.is_(None), row.attempts < MAX_ATTEMPTS),
            ),
        )
    )


def stale_ids(model_name: str, limit: int | None = None) -> list[int]:
    query = _stale(model_name).order_by(Comment.id)
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def count_stale(model_name: str) -> int:
    """How many comments wait for a vector, counted by the database."""
    stale = _stale(model_name).subquery()
    return db.session.scalar(sa.select(sa.func.count()).select_from(stale)) or 0


def forget(comment_ids: Sequence[int]) -> None:
    """Drop the vectors of texts that are gone (deleted comments, erased accounts)."""
    if comment_ids:
        db.session.execute(
            sa.delete(CommentEmbedding).where(
                CommentEmbedding.comment_id.in_(list(comment_ids))
            )
        )


def forget_textless() -> int:
    """Drop vectors whose comment has lost its text since (a wipe by any path)."""
    gone = sa.select(Comment.id).where(sa.not_(_has_text()))
    result = db.session.execute(
        sa.delete(CommentEmbedding).where(CommentEmbedding.comment_id.in_(gone))
    )
    return result.rowcount or 0


def _texts(comment_ids: Sequence[int]) -> dict[int, str]:
    rows = db.session.execute(
        sa.select(Comment.id, Comment.body).where(
            Comment.id.in_(list(comment_ids)), _has_text()
        )
    )
    return {comment_id: body for comment_id, body in rows}


def _existing(comment_ids: Sequence[int]) -> dict[int, CommentEmbedding]:
    rows = db.session.scalars(
        sa.select(CommentEmbedding).where(
            CommentEmbedding.comment_id.in_(list(comment_ids))
        )
    )
    return {row.comment_id: row for row in rows}


def _vectors(embedder: Embedder, texts: list[str]) -> list[np.ndarray | Exception]:
    """One call for the batch; if it fails, one text at a time, so one bad text
    does not keep the others waiting."""
    try:
        return list(embedder.embed(texts))
    except Exception:
        log.warning("embedding a batch of %d failed; one by one", len(texts))
    out: list[np.ndarray | Exception] = []
    for text in texts:
        try:
            out.append(embedder.embed([text])[0])
        except Exception as error:
            out.append(error)
    return out


def embed_comments(comment_ids: Sequence[int], embedder: Embedder) -> Report:
    """Embed these comments where their vector is missing or stale; commit."""
    report = Report()
    for start in range(0, len(comment_ids), BATCH):
        report.add(_embed_batch(comment_ids[start : start + BATCH], embedder))
    return report


def _embed_batch(comment_ids: Sequence[int], embedder: Embedder) -> Report:
    report = Report()
    texts = _texts(comment_ids)
    hashes = {cid: text_hash(text) for cid, text in texts.items()}
    current = {
        cid
        for cid, row in _existing(list(texts)).items()
        if row.model == embedder.name
        and row.text_hash == hashes[cid]
        and row.vector is not None
    }
    todo = [cid for cid in texts if cid not in current]
    db.session.commit()  # no transaction while the model runs
    vectors = _vectors(embedder, [texts[cid] for cid in todo])
    now = datetime.now(UTC)
    rows = _existing(list(texts))
    for cid in texts:
        row = rows.get(cid)
        if row is None:
            row = CommentEmbedding(comment_id=cid, attempts=0, error="")
            db.session.add(row)
        row.checked_at = now
        if cid in current:
            report.unchanged += 1
            continue
        result = vectors[todo.index(cid)]
        failed_before = (
            bool(row.error)
            and row.model == embedder.name
            and row.text_hash == hashes[cid]
        )
        row.model, row.text_hash = embedder.name, hashes[cid]
        if isinstance(result, Exception):
            row.attempts = (row.attempts or 0) + 1 if failed_before else 1
            row.vector, row.error = None, f"{type(result).__name__}: {result}"[:500]
            report.failed.append(cid)
        else:
            row.vector, row.attempts, row.error = to_bytes(result), 0, ""
            report.embedded += 1
    db.session.commit()
    return report


def fill(embedder: Embedder, limit: int | None = None, progress=None) -> Report:
    """Embed every comment whose vector is missing or stale (``flask embeddings
    fill``, the worker's sweep); ``progress(n)`` is told of each batch done."""
    forget_textless()
    ids = stale_ids(embedder.name, limit)
    db.session.commit()
    report = Report()
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        report.add(_embed_batch(batch, embedder))
        if progress is not None:
            progress(len(batch))
    return report


def vectors_of(comment_ids: Sequence[int], model_name: str) -> dict[int, np.ndarray]:
    """The current vectors of these comments by this model: missing ones and those
    older than their comment's last change are left out."""
    found: dict[int, np.ndarray] = {}
    ids = list(comment_ids)
    for start in range(0, len(ids), 500):
        rows = db.session.execute(
            sa.select(CommentEmbedding.comment_id, CommentEmbedding.vector)
            .join(Comment, Comment.id == CommentEmbedding.comment_id)
            .where(
                CommentEmbedding.comment_id.in_(ids[start : start + 500]),
                CommentEmbedding.model == model_name,
                CommentEmbedding.vector.is_not(None),
                Comment.updated_at <= CommentEmbedding.checked_at,
            )
        )
        found.update((cid, from_bytes(vector)) for cid, vector in rows)
    return found
