"""Theme discovery: groups found by the data, comments that fit nothing left alone,
too few comments said plainly, candidates adopted as themes or dismissed for good."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.coding import discovery, services_discovery
from app.embeddings import services as embeddings
from app.models import CandidateStatus, TagStatus, Theme, ThemeCandidate, ThemeTag
from tests.embedding_backend import (
    LONERS,
    LUNCH,
    PARKING,
    Topics,
    embedding_backend,
)

from .conftest import make_comment

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


@pytest.fixture()
def topics(app):
    with embedding_backend(app, "topics", Topics()) as instance:
        yield instance


def test_the_data_decides_the_groups_and_loners_stay_ungrouped(topics):
    texts = PARKING + LUNCH + LONERS
    groups = discovery.discover(topics.embed(texts), texts, "fi")
    found = sorted(sorted(texts[i] for i in g.members) for g in groups)
    assert found == sorted([sorted(LUNCH), sorted(PARKING)])
    keywords = {word for g in groups for word in g.keywords}
    assert {"pysäköinti", "kouluruoka"} <= keywords


def test_too_few_comments_make_no_groups(topics):
    texts = PARKING[:3] + LUNCH[:3]
    assert len(texts) < discovery.MIN_COMMENTS
    assert discovery.discover(topics.embed(texts), texts, "fi") == []


@pytest.fixture()
def chatter(db, world, topics):
    made = [
        make_comment(
            db, world.p1, world.group_a if n % 2 else world.group_b, text, 10 + n
        )
        for n, text in enumerate(PARKING + LUNCH + LONERS)
    ]
    embeddings.fill(topics)
    return made


def about(db, candidate) -> set[str]:
    from app.models import Comment

    return {db.session.get(Comment, i).body for i in candidate.comment_ids}


def candidate_about(db, texts, status=None):
    return next(c for c in candidates(db, status) if about(db, c) == set(texts))


def candidates(db, status=None):
    stmt = sa.select(ThemeCandidate).order_by(ThemeCandidate.id)
    if status is not None:
        stmt = stmt.where(ThemeCandidate.status == status)
    return list(db.session.scalars(stmt))


def test_discovery_proposes_the_new_topics_not_the_coded_ones(db, world, chatter):
    """The world's coded comments are left out; the loners stay ungrouped."""
    run = services_discovery.run_discovery(
        world.process, phase=None, only_uncoded=True, now=NOW
    )
    db.session.commit()
    assert not run.too_few and run.waiting == 0
    found = sorted(sorted(about(db, c)) for c in candidates(db))
    assert found == sorted([sorted(PARKING), sorted(LUNCH)])
    lunch = candidate_about(db, LUNCH)
    assert lunch.name.startswith("Kouluruoka") and "kouluruoka" in lunch.keywords
    # running again replaces the open candidates instead of piling them up
    services_discovery.run_discovery(
        world.process, phase=None, only_uncoded=True, now=NOW
    )
    db.session.commit()
    assert len(candidates(db)) == 2


def test_a_dismissed_group_is_not_offered_again(db, world, chatter, facilitator_user):
    services_discovery.run_discovery(
        world.process, phase=None, only_uncoded=False, now=NOW
    )
    parking = candidate_about(db, PARKING)
    services_discovery.dismiss(parking, actor=facilitator_user, now=NOW)
    db.session.commit()
    services_discovery.run_discovery(
        world.process, phase=None, only_uncoded=False, now=NOW
    )
    db.session.commit()
    assert [about(db, c) for c in candidates(db, CandidateStatus.OPEN)] == [set(LUNCH)]
    with pytest.raises(services_discovery.AlreadyDecided):
        services_discovery.dismiss(parking, actor=facilitator_user, now=NOW)


def test_adopting_makes_a_theme_suggested_for_its_comments(
    db, world, chatter, facilitator_user
):
    services_discovery.run_discovery(
        world.process, phase=None, only_uncoded=False, now=NOW
    )
    lunch = candidate_about(db, LUNCH)
    theme = services_discovery.adopt(
        lunch, world.process, title="Kouluruokailu", actor=facilitator_user, now=NOW
    )
    db.session.commit()
    assert (
        theme.title == {"fi": "Kouluruokailu"} and theme.process_id == world.process.id
    )
    assert lunch.status is CandidateStatus.ADOPTED and lunch.theme_id == theme.id
    tags = list(
        db.session.scalars(sa.select(ThemeTag).where(ThemeTag.theme_id == theme.id))
    )
    assert {t.comment_id for t in tags} == set(lunch.comment_ids)
    assert all(t.status is TagStatus.SUGGESTED and 0 < t.score <= 1 for t in tags)


def test_without_a_model_discovery_says_so(db, world):
    with pytest.raises(services_discovery.NoModel):
        services_discovery.run_discovery(
            world.process, phase=None, only_uncoded=True, now=NOW
        )


@pytest.fixture()
def facilitator_user(world):
    return world.facilitator


# The pages -----------------------------------------------------------------------


def test_the_page_lists_candidates_with_their_comments(
    client, auth, db, world, chatter
):
    auth.login_as(world.facilitator)
    url = f"/p/{world.process.slug}/coding/discover"
    response = client.post(url, data={"only_uncoded": "y"}, follow_redirects=True)
    page = response.text
    assert "2 candidate themes found among" in page
    assert PARKING[0] in page and "Make it a theme" in page
    assert world.group_a.name in page


def test_too_few_comments_are_said_plainly(client, auth, db, world, topics):
    embeddings.fill(topics)
    auth.login_as(world.facilitator)
    url = f"/p/{world.process.slug}/coding/discover"
    page = client.post(url, data={}, follow_redirects=True).text
    assert "too few to find groups in" in page
    assert "No candidates waiting." in page


def test_an_empty_title_is_refused_and_nothing_is_adopted(
    client, auth, db, world, chatter
):
    services_discovery.run_discovery(
        world.process, phase=None, only_uncoded=False, now=NOW
    )
    db.session.commit()
    candidate = candidates(db)[0]
    auth.login_as(world.facilitator)
    response = client.post(
        f"/p/{world.process.slug}/coding/candidates/{candidate.id}/adopt",
        data={f"c{candidate.id}-title": "  "},
    )
    assert response.status_code == 422
    assert "Give the theme a title." in response.text
    count = sa.select(sa.func.count(Theme.id)).where(
        Theme.process_id == world.process.id
    )
    assert db.session.scalar(count) == 3
    assert candidate.status is CandidateStatus.OPEN


def test_adopting_from_the_page(client, auth, db, world, chatter):
    services_discovery.run_discovery(
        world.process, phase=None, only_uncoded=False, now=NOW
    )
    db.session.commit()
    candidate = candidates(db)[0]
    auth.login_as(world.facilitator)
    response = client.post(
        f"/p/{world.process.slug}/coding/candidates/{candidate.id}/adopt",
        data={f"c{candidate.id}-title": "Uusi teema"},
        follow_redirects=True,
    )
    assert "“Uusi teema” is now a theme" in response.text
    newest = db.session.scalar(sa.select(Theme).order_by(Theme.id.desc()).limit(1))
    assert newest.title == {"fi": "Uusi teema"}


def test_without_a_model_the_page_says_discovery_is_not_in_use(client, auth, world):
    auth.login_as(world.facilitator)
    page = client.get(f"/p/{world.process.slug}/coding/discover").text
    assert "the sentence-embedding model is not in use on this server" in page
