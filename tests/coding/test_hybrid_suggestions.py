"""With the sentence-embedding model the suggestions compare meanings as well as
words (app/coding/hybrid.py); without it they are as before; the coding page says
which method is in use."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np
import pytest
import sqlalchemy as sa

from app.coding import services
from app.embeddings import model
from app.embeddings import services as embeddings
from app.models import TagStatus, ThemeTag
from tests.embedding_backend import embedding_backend

from .conftest import make_comment

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
#: Swedish, about staff shortages: not one word in common with any Finnish theme.
SWEDISH = "Vi har haft vakanser länge och ingen söker jobben hos oss."


class Meanings:
    """An embedder that knows what a few texts mean: texts about staff point one way,
    everything else another, whatever their words."""

    dim = 3
    name = "meanings 1"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            staff = any(w in text for w in ("henkilöstö", "Kuraattorin", "vakanser"))
            rows.append([1.0, 0.1, 0.0] if staff else [0.0, 0.2, 1.0])
        return model.normalise(np.array(rows, dtype=np.float32))


@pytest.fixture()
def meanings(app):
    with embedding_backend(app, "meanings", Meanings()) as instance:
        yield instance


def suggested(db, comment) -> list[int]:
    tags = db.session.scalars(
        sa.select(ThemeTag)
        .where(
            ThemeTag.comment_id == comment.id, ThemeTag.status == TagStatus.SUGGESTED
        )
        .order_by(ThemeTag.score.desc())
    )
    return [tag.theme_id for tag in tags]


def test_words_alone_find_nothing_for_a_swedish_comment(db, world):
    comment = make_comment(db, world.p1, world.group_a, SWEDISH, 9)
    services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    assert suggested(db, comment) == []


def test_meanings_find_the_theme_across_languages(db, world, meanings):
    comment = make_comment(db, world.p1, world.group_a, SWEDISH, 9)
    embeddings.fill(meanings)
    services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    assert suggested(db, comment)[:1] == [world.staff.id]


def test_a_comment_not_yet_embedded_keeps_its_word_suggestions(db, world, meanings):
    """The worker has not reached it: the words decide, as before."""
    embeddings.fill(meanings)
    late = make_comment(
        db,
        world.p1,
        world.group_b,
        "Tietosuoja ja salassapito: mitä saa kirjata rekistereihin?",
        9,
    )
    swedish = make_comment(db, world.p1, world.group_a, SWEDISH, 10)
    services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    assert suggested(db, late)[:1] == [world.privacy.id]
    assert suggested(db, swedish) == []  # no vector yet, no common words


def test_the_coding_page_says_which_method_is_in_use(client, auth, db, world, meanings):
    auth.login_as(world.facilitator)
    url = f"/p/{world.process.slug}/coding/"
    page = client.get(url).text
    assert "Method: meanings and words." in page
    assert "0 of 4 comments are ready for comparing meanings" in page
    embeddings.fill(meanings)
    assert "Every comment is ready for comparing meanings." in client.get(url).text


def test_without_a_model_the_page_says_words_only(client, auth, world):
    auth.login_as(world.facilitator)
    page = client.get(f"/p/{world.process.slug}/coding/").text
    assert "Method: words only." in page


def test_the_closest_confirmed_comment_is_the_reason(db, client, auth, world, meanings):
    """A confirmed staff comment explains the Swedish comment's suggestion."""
    from app.coding import services as coding

    confirmed = make_comment(
        db, world.p1, world.group_b, "Kuraattorin virka on ollut auki puoli vuotta.", 8
    )
    coding.add_code(confirmed, world.staff, actor=world.facilitator, now=NOW)
    swedish = make_comment(db, world.p1, world.group_a, SWEDISH, 9)
    db.session.commit()
    embeddings.fill(meanings)
    services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    tag = db.session.scalar(
        sa.select(ThemeTag).where(
            ThemeTag.comment_id == swedish.id, ThemeTag.theme_id == world.staff.id
        )
    )
    assert tag.reason_comment_id == confirmed.id
    assert tag.strength.value == "strong"
    auth.login_as(world.facilitator)
    page = client.get(f"/p/{world.process.slug}/coding/").text
    assert f"Close to a confirmed comment of {world.group_b.name}:" in page
    assert "Strong suggestion:" in page
