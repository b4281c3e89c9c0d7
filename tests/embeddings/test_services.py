"""Comments are embedded once, re-embedded only when their text or the model changes,
and a text that breaks the model is retried a few times without holding others up."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import numpy as np
import pytest
import sqlalchemy as sa

from app.comments import wipe
from app.embeddings import services
from app.models import Comment, CommentEmbedding

from .conftest import WordHashing


@pytest.fixture()
def comments(db, open_prompt):
    from app.discussions import services_comments

    made = []
    for body in (
        "Kuraattorille pääsee liian hitaasti",
        "Opiskelijat toivovat lisää liikuntaa",
        "Tiedonkulku koulun ja kodin välillä katkeaa",
    ):
        comment, _ = services_comments.post_comment(
            open_prompt.prompt,
            author=open_prompt.member,
            group=open_prompt.group,
            body=body,
            now=datetime.now(UTC),
        )
        made.append(comment)
    db.session.commit()
    return made


def rows(db):
    return {
        row.comment_id: row for row in db.session.scalars(sa.select(CommentEmbedding))
    }


def test_fill_embeds_every_comment_once(db, embedder, comments):
    """A first fill embeds all; a second finds nothing to do."""
    first = services.fill(embedder)
    assert first.embedded == 3 and not first.failed
    stored = rows(db)
    assert set(stored) == {c.id for c in comments}
    for comment in comments:
        row = stored[comment.id]
        assert row.model == "words 1"
        assert row.text_hash == services.text_hash(comment.body)
        vector = np.frombuffer(row.vector, dtype="<f4")
        assert vector.shape == (384,)
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    calls = len(embedder.calls)
    second = services.fill(embedder)
    assert second.embedded == 0 and len(embedder.calls) == calls


def test_an_edited_text_is_embedded_again_and_an_unchanged_one_is_not(
    db, embedder, comments
):
    services.fill(embedder)
    edited, touched = comments[0], comments[1]
    edited.body = "Kuraattorin vastaanotolle pääsee nyt nopeammin"
    touched.locked_at = datetime.now(UTC)  # a change that leaves the text alone
    db.session.commit()
    assert set(services.stale_ids("words 1")) == {edited.id, touched.id}
    report = services.fill(embedder)
    assert (report.embedded, report.unchanged) == (1, 1)
    assert embedder.calls[-1] == [edited.body]
    assert rows(db)[edited.id].text_hash == services.text_hash(edited.body)
    assert services.stale_ids("words 1") == []


def test_another_model_makes_every_vector_stale(db, embedder, comments):
    services.fill(embedder)
    newer = WordHashing("words 2")
    assert len(services.stale_ids("words 2")) == 3
    assert services.fill(newer).embedded == 3
    assert {row.model for row in rows(db).values()} == {"words 2"}


def test_a_failing_text_is_retried_then_left_without_blocking_others(
    db, embedder, comments
):
    broken = comments[1]
    broken.body = "RIKKI: tämä teksti kaataa mallin"
    db.session.commit()
    report = services.fill(embedder)
    assert report.embedded == 2 and report.failed == [broken.id]
    row = rows(db)[broken.id]
    assert row.vector is None and row.attempts == 1 and "breaks the model" in row.error
    for attempt in range(2, services.MAX_ATTEMPTS + 1):
        assert services.fill(embedder).failed == [broken.id]
        assert rows(db)[broken.id].attempts == attempt
    assert services.stale_ids("words 1") == []  # given up until the text changes
    broken.body = "Nyt teksti on kunnossa"
    db.session.commit()
    assert services.fill(embedder).embedded == 1
    row = rows(db)[broken.id]
    assert row.vector is not None and row.attempts == 0 and row.error == ""


def test_vectors_of_leaves_out_stale_and_missing(db, embedder, comments):
    services.fill(embedder)
    comments[2].body = "Uusi teksti"
    db.session.commit()
    found = services.vectors_of([c.id for c in comments], "words 1")
    assert set(found) == {comments[0].id, comments[1].id}
    assert services.vectors_of([c.id for c in comments], "other model") == {}


def test_wiping_a_comment_drops_its_vector(db, embedder, comments):
    """The vector is derived from the text: it goes with it."""
    services.fill(embedder)
    wipe(comments[0], datetime.now(UTC))
    db.session.commit()
    assert comments[0].id not in rows(db)
    assert len(rows(db)) == 2


def test_a_text_emptied_behind_the_orm_loses_its_vector_at_the_next_sweep(
    db, embedder, comments
):
    services.fill(embedder)
    db.session.execute(
        sa.update(Comment).where(Comment.id == comments[1].id).values(body="")
    )
    db.session.commit()
    services.fill(embedder)
    assert comments[1].id not in rows(db)


def test_count_stale_counts_what_stale_ids_lists(db, embedder, comments):
    assert services.count_stale("words 1") == 3 == len(services.stale_ids("words 1"))
    services.fill(embedder)
    assert services.count_stale("words 1") == 0


def test_the_worker_runs_on_idle_cpu_only(runner, embedder, monkeypatch):
    """``embeddings work`` takes Linux's idle class by default, before its model
    loads; ``--no-idle`` lowers its priority instead (10 by default, ``--nice``)."""
    classes, lowered = [], []
    monkeypatch.setattr(
        "app.embeddings.commands.os.sched_setscheduler",
        lambda pid, policy, param: classes.append((pid, policy)),
    )
    monkeypatch.setattr("app.embeddings.commands.os.nice", lowered.append)
    result = runner.invoke(args=["embeddings", "work", "--once"])
    assert result.exit_code == 0, result.output
    assert classes == [(0, os.SCHED_IDLE)] and lowered == []
    assert "runs on idle CPU only" in result.output
    result = runner.invoke(args=["embeddings", "work", "--once", "--no-idle"])
    assert result.exit_code == 0, result.output
    assert lowered == [10] and "priority lowered by 10" in result.output
    result = runner.invoke(
        args=["embeddings", "work", "--once", "--no-idle", "--nice", "0"]
    )
    assert result.exit_code == 0 and lowered == [10] and len(classes) == 1
    refused = runner.invoke(args=["embeddings", "work", "--once", "--nice", "25"])
    assert refused.exit_code == 2 and lowered == [10] and len(classes) == 1


def test_the_worker_falls_back_to_nice_without_an_idle_class(
    runner, embedder, monkeypatch
):
    lowered = []
    monkeypatch.delattr("app.embeddings.commands.os.SCHED_IDLE")
    monkeypatch.setattr("app.embeddings.commands.os.nice", lowered.append)
    result = runner.invoke(args=["embeddings", "work", "--once"])
    assert result.exit_code == 0, result.output
    assert lowered == [10] and "priority lowered by 10" in result.output
