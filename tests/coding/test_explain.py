"""Suggestions say how sure they are and why (app/coding/explain.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from app.coding import services
from app.coding.explain import shared_words, strength
from app.models import SuggestionStrength, TagStatus, ThemeTag

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def test_shared_words_meet_inside_compounds_in_the_comments_order():
    words = shared_words(
        "Tietosuojasta ja kirjaamisesta tarvitaan ohjeet, salassapito mietityttää.",
        "fi",
        [("Tiedonkulku ja tietosuoja", "fi"), ("Salassapito ja kirjaaminen", "fi")],
    )
    assert words[:3] == ("tietosuoja", "kirjaaminen", "salassapito")


def test_no_shared_words_for_an_unrelated_comment():
    assert shared_words("Ruoka oli hyvää.", "fi", [("Tiedonkulku", "fi")]) == ()


def test_strength_depends_on_the_method():
    assert strength(0.05, semantic=True) is SuggestionStrength.STRONG
    assert strength(0.03, semantic=True) is SuggestionStrength.POSSIBLE
    assert strength(0.2, semantic=False) is SuggestionStrength.POSSIBLE
    assert strength(0.3, semantic=False) is SuggestionStrength.STRONG


def test_refresh_stores_why_and_the_page_says_it(db, client, auth, world):
    services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    tag = db.session.scalar(
        sa.select(ThemeTag).where(
            ThemeTag.comment_id == world.c_privacy.id,
            ThemeTag.theme_id == world.privacy.id,
            ThemeTag.status == TagStatus.SUGGESTED,
        )
    )
    assert tag.strength in (SuggestionStrength.STRONG, SuggestionStrength.POSSIBLE)
    assert "tietosuoja" in tag.reason_words
    auth.login_as(world.facilitator)
    page = client.get(f"/p/{world.process.slug}/coding/").text
    assert "Shared words:" in page and "tietosuoja" in page
    assert "suggestion:" in page  # "Strong suggestion:" or "Possible suggestion:"
