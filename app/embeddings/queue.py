"""Handing new and edited comments to whoever embeds them, after the commit.

Every commit that inserted a comment or changed a comment's text (by any path: a
post, an edit, a workshop note, a survey answer, an import) names those comments
here. With ``JOBS_REDIS_URL`` set (production: several web workers), their ids go
on a Redis list that ``flask embeddings work`` waits on; in the embedded default
(no Redis) the web process embeds them itself after sending its answer. Either way
the poster never waits for the model, and a lost hand-over costs nothing lasting:
the worker's periodic sweep finds every missing or stale vector in the database.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from flask import current_app, has_app_context, has_request_context

from ..models import Comment

log = logging.getLogger(__name__)

_PENDING = "embeddings.pending"


def queue_key(app=None) -> str:
    app = app or current_app
    return f"{app.config['JOBS_KEY_PREFIX']}:jobs:embed"


def redis_client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)


def enqueue(comment_ids: Sequence[int]) -> None:
    """Ask for these comments to be embedded, without waiting for it."""
    config = current_app.config
    if not comment_ids or config.get("EMBEDDINGS", "off") == "off":
        return
    url = config.get("JOBS_REDIS_URL")
    if url:
        try:
            client = redis_client(url)
            client.rpush(queue_key(), *[str(cid) for cid in comment_ids])
        except Exception as error:  # the sweep finds them later
            log.warning("could not queue %d embeddings: %s", len(comment_ids), error)
    elif has_request_context():
        from ..web import after_response

        ids = list(comment_ids)
        after_response(lambda: embed_now(ids))


def embed_now(comment_ids: Sequence[int]) -> None:
    """Embed in this process (the embedded default), if a model is available."""
    from .model import current
    from .services import embed_comments

    embedder = current()
    if embedder is not None:
        embed_comments(list(comment_ids), embedder)


def _changed_comments(session) -> list[int]:
    ids = []
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Comment) and obj.id is not None:
            history = sa.inspect(obj).attrs.body.history
            if obj in session.new or history.has_changes():
                ids.append(obj.id)
    return ids


def _after_flush(session, _context) -> None:
    ids = _changed_comments(session)
    if ids:
        session.info.setdefault(_PENDING, set()).update(ids)


def _after_commit(session) -> None:
    ids = session.info.pop(_PENDING, None)
    if ids and has_app_context():
        enqueue(sorted(ids))


def _after_rollback(session, _previous_transaction) -> None:
    session.info.pop(_PENDING, None)


def listen() -> None:
    """Attach the hand-over to every session (create_app calls it once)."""
    if not sa.event.contains(sa.orm.Session, "after_flush", _after_flush):
        sa.event.listen(sa.orm.Session, "after_flush", _after_flush)
        sa.event.listen(sa.orm.Session, "after_commit", _after_commit)
        sa.event.listen(sa.orm.Session, "after_soft_rollback", _after_rollback)
