"""New and edited comments reach the embedding worker after the commit, and the
poster never waits: in the embedded default the web process embeds after its
answer; with JOBS_REDIS_URL the ids go on a Redis list for ``flask embeddings work``.
"""

from __future__ import annotations

import secrets

import pytest
import sqlalchemy as sa

from app.embeddings import queue
from app.models import Comment, CommentEmbedding
from tests.conftest import TEST_REDIS_URL


@pytest.fixture()
def thread(open_prompt):
    return open_prompt.member, open_prompt.group, open_prompt.url


def post(client, auth, thread, body):
    member, group, url = thread
    auth.login_as(member)
    response = client.post(url, data={"body": body, "group_id": group.id})
    assert response.status_code == 302, response.text[:500]
    # Closing the answer, as a server does after sending it, runs the work after the
    # response (app.web.after_response); here the request's app context has ended by
    # then, as it has in a server.
    response.close()
    return response


def test_a_posted_comment_is_embedded_after_the_answer(
    db, client, auth, embedder, thread
):
    post(client, auth, thread, "Kuraattorin palvelut ovat ruuhkautuneet")
    comment = db.session.scalar(sa.select(Comment))
    row = db.session.get(CommentEmbedding, comment.id)
    assert row is not None and row.vector is not None
    assert embedder.calls == [["Kuraattorin palvelut ovat ruuhkautuneet"]]


def test_without_a_model_posting_works_as_before(db, client, auth, app, thread):
    assert app.config["EMBEDDINGS"] == "off"
    post(client, auth, thread, "Kuraattorin palvelut ovat ruuhkautuneet")
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 1
    assert db.session.scalar(sa.select(sa.func.count(CommentEmbedding.comment_id))) == 0


@pytest.fixture()
def redis_queue(app, redis_client):
    client = redis_client
    app.config["JOBS_REDIS_URL"] = TEST_REDIS_URL
    app.config["JOBS_KEY_PREFIX"] = f"osallistamo-test-{secrets.token_hex(4)}"
    yield client
    client.delete(queue.queue_key(app))
    app.config["JOBS_REDIS_URL"] = ""
    app.config["JOBS_KEY_PREFIX"] = "osallistamo"


def test_with_redis_the_id_is_queued_not_embedded_in_the_web_process(
    db, client, auth, app, embedder, thread, redis_queue
):
    post(client, auth, thread, "Tiedonkulku kodin ja koulun välillä")
    comment = db.session.scalar(sa.select(Comment))
    assert redis_queue.lrange(queue.queue_key(app), 0, -1) == [str(comment.id).encode()]
    assert embedder.calls == []
    assert db.session.get(CommentEmbedding, comment.id) is None


def test_an_edit_is_queued_and_a_rolled_back_post_is_not(
    db, app, embedder, thread, redis_queue
):
    from datetime import UTC, datetime

    from app.comments import revise_text

    member, group, _url = thread
    comment = Comment(
        prompt_id=group.process.phases[0].discussion.prompts[0].id,
        group=group,
        author=member,
        body="Eka versio",
    )
    db.session.add(comment)
    db.session.commit()
    key = queue.queue_key(app)
    assert redis_queue.lrange(key, 0, -1) == [str(comment.id).encode()]
    revise_text(comment, "Toinen versio", datetime.now(UTC))
    db.session.commit()
    assert redis_queue.llen(key) == 2
    comment.locked_at = datetime.now(UTC)  # not a change of text
    db.session.commit()
    assert redis_queue.llen(key) == 2
    db.session.add(Comment(prompt_id=comment.prompt_id, group=group, body="Peruttu"))
    db.session.flush()
    db.session.rollback()
    db.session.commit()
    assert redis_queue.llen(key) == 2
