"""Coding rules: suggestions stored and replaced, a person's decisions kept, quotes,
hidden comments left out, the counts and filters, and theme keywords."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.coding import queries, services
from app.coding.queries import CodingFilters, CodingStatus
from app.errors import DomainError
from app.exports.summary import build_summary
from app.models import TagStatus, ThemeTag
from app.processes import services_themes

from .conftest import make_comment

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def tags_of(db, comment, status=None) -> dict[int, ThemeTag]:
    stmt = sa.select(ThemeTag).where(ThemeTag.comment_id == comment.id)
    if status is not None:
        stmt = stmt.where(ThemeTag.status == status)
    return {t.theme_id: t for t in db.session.scalars(stmt)}


def test_refresh_suggests_the_fitting_themes(db, world):
    """Each visible comment gets its theme suggested, with a score and no decider."""
    result = services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    assert result.comments == 4
    assert result.suggested_comments == 4
    privacy = tags_of(db, world.c_privacy)
    best = max(privacy.values(), key=lambda t: t.score)
    assert best.theme_id == world.privacy.id
    assert best.status is TagStatus.SUGGESTED
    assert 0 < best.score <= 1
    assert best.decided_by_id is None and best.decided_at is None
    staff = max(tags_of(db, world.c_staff).values(), key=lambda t: t.score)
    assert staff.theme_id == world.staff.id
    community = max(tags_of(db, world.c_community).values(), key=lambda t: t.score)
    assert community.theme_id == world.community.id


def test_refresh_leaves_hidden_and_deleted_comments_alone(db, world):
    """Hidden and deleted comments never get suggestions."""
    services.refresh_suggestions(world.process, now=NOW)
    assert tags_of(db, world.c_hidden) == {}
    assert tags_of(db, world.c_deleted) == {}


def test_refresh_of_one_phase_touches_only_its_comments(db, world):
    """The phase's comments are suggested for; the other phase's are not."""
    result = services.refresh_suggestions(world.process, phase=world.phase2, now=NOW)
    assert result.comments == 1
    assert tags_of(db, world.c_later)
    assert tags_of(db, world.c_privacy) == {}


def test_refresh_leaves_coded_comments_alone(db, world, tag):
    """A comment with a confirmed theme gets no new suggestions on a refresh."""
    tag(world.c_privacy, world.privacy, status=TagStatus.CONFIRMED, score=None)
    result = services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    assert result.comments == 3
    assert tags_of(db, world.c_privacy, TagStatus.SUGGESTED) == {}
    assert tags_of(db, world.c_staff, TagStatus.SUGGESTED)


def test_refresh_replaces_suggestions_and_keeps_decisions(db, world, tag):
    """Stale suggestions go, rescored ones stay one row, decisions are untouched."""
    stale = tag(world.c_privacy, world.community, score=0.9)
    rejected = tag(world.c_staff, world.staff, status=TagStatus.REJECTED)
    confirmed = tag(
        world.c_community, world.community, status=TagStatus.CONFIRMED, score=None
    )
    services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    assert db.session.get(ThemeTag, stale.id) is None
    assert db.session.get(ThemeTag, rejected.id).status is TagStatus.REJECTED
    assert db.session.get(ThemeTag, confirmed.id).status is TagStatus.CONFIRMED
    assert db.session.get(ThemeTag, confirmed.id).score is None
    # The rejected theme is not suggested again for the comment.
    assert world.staff.id not in tags_of(db, world.c_staff, TagStatus.SUGGESTED)
    before = {t.id for t in db.session.scalars(sa.select(ThemeTag))}
    services.refresh_suggestions(world.process, now=NOW)
    db.session.commit()
    assert {t.id for t in db.session.scalars(sa.select(ThemeTag))} == before


def test_confirm_and_reject_record_who_and_when(db, world, tag):
    """A decision names its person and time; a rejected tag stays as REJECTED."""
    accepted = tag(world.c_privacy, world.privacy)
    turned_down = tag(world.c_privacy, world.staff)
    services.confirm(accepted, actor=world.facilitator, now=NOW)
    services.reject(turned_down, actor=world.facilitator, now=NOW)
    db.session.commit()
    assert accepted.status is TagStatus.CONFIRMED
    assert accepted.decided_by_id == world.facilitator.id
    assert accepted.decided_at == NOW
    assert accepted.score == 0.3  # the tool's score stays for the record
    assert turned_down.status is TagStatus.REJECTED
    # A rejected suggestion can still be accepted (a change of mind).
    services.confirm(turned_down, actor=world.facilitator, now=NOW)
    assert turned_down.status is TagStatus.CONFIRMED


def test_reject_does_not_undo_a_confirmed_code(world, tag):
    """A stale "reject" of a code a colleague confirmed is refused."""
    confirmed = tag(world.c_privacy, world.privacy, status=TagStatus.CONFIRMED)
    with pytest.raises(services.NotSuggested):
        services.reject(confirmed, actor=world.facilitator, now=NOW)


def test_add_code_by_hand_and_remove_it(db, world, tag):
    """Coding by hand confirms (a new tag or an earlier suggestion); removing keeps a
    rejection so the tool does not suggest it again."""
    made = services.add_code(
        world.c_staff, world.community, actor=world.facilitator, now=NOW
    )
    assert made.status is TagStatus.CONFIRMED and made.score is None
    suggested = tag(world.c_staff, world.staff, score=0.4)
    again = services.add_code(
        world.c_staff, world.staff, actor=world.facilitator, now=NOW
    )
    assert again.id == suggested.id and again.status is TagStatus.CONFIRMED
    services.set_featured(again, True, actor=world.facilitator)
    services.remove_code(again, actor=world.facilitator, now=NOW)
    db.session.commit()
    assert again.status is TagStatus.REJECTED and again.featured is False
    assert db.session.scalar(sa.select(sa.func.count(ThemeTag.id))) == 3  # + other


def test_add_code_refuses_another_process_theme(world):
    """A theme of another process cannot be put on a comment."""
    with pytest.raises(services.WrongProcess):
        services.add_code(
            world.c_staff, world.other_theme, actor=world.facilitator, now=NOW
        )


@pytest.mark.parametrize("which", ["c_hidden", "c_deleted"])
def test_hidden_and_deleted_comments_are_not_coded(world, tag, which):
    """Every action on a hidden or deleted comment is refused with a message."""
    comment = getattr(world, which)
    suggestion = tag(comment, world.privacy)
    confirmed = tag(comment, world.staff, status=TagStatus.CONFIRMED)
    actor = world.facilitator
    for call in (
        lambda: services.add_code(comment, world.community, actor=actor, now=NOW),
        lambda: services.confirm(suggestion, actor=actor, now=NOW),
        lambda: services.reject(suggestion, actor=actor, now=NOW),
        lambda: services.remove_code(confirmed, actor=actor, now=NOW),
        lambda: services.set_featured(confirmed, True, actor=actor),
    ):
        with pytest.raises(DomainError, match="Hidden and deleted comments"):
            call()


def test_only_confirmed_codes_are_quotes(world, tag):
    """Choosing a suggestion as a quote is refused."""
    suggestion = tag(world.c_privacy, world.privacy)
    with pytest.raises(services.NotConfirmed):
        services.set_featured(suggestion, True, actor=world.facilitator)


def test_summary_counts_confirmed_codes_only(db, world, tag):
    """The summary counts confirmed codes, shows chosen quotes and says how many
    comments are still uncoded; suggestions do not count."""
    services.refresh_suggestions(world.process, now=NOW)
    confirmed = services.add_code(
        world.c_privacy, world.privacy, actor=world.facilitator, now=NOW
    )
    services.set_featured(confirmed, True, actor=world.facilitator)
    db.session.commit()
    summary = build_summary(world.process, now=NOW)
    counts = {theme.theme_id: theme.comments for theme in summary.themes}
    assert counts == {world.privacy.id: 1, world.staff.id: 0, world.community.id: 0}
    privacy = next(t for t in summary.themes if t.theme_id == world.privacy.id)
    assert [(q.comment_id, q.chosen) for q in privacy.quotes] == [
        (world.c_privacy.id, True)
    ]
    assert summary.participation.comments == 4
    assert summary.participation.uncoded == 3


def test_counts_and_status_filters(db, world, tag):
    """Counts cover the scope's visible comments; the status filters agree."""
    tag(world.c_privacy, world.privacy, status=TagStatus.CONFIRMED)
    tag(world.c_privacy, world.staff)
    tag(world.c_staff, world.staff)
    tag(world.c_hidden, world.privacy)  # hidden: counts nowhere
    counts = queries.coding_counts(world.process)
    assert (counts.total, counts.coded, counts.uncoded) == (4, 1, 3)
    assert (counts.suggestions, counts.suggested_comments) == (2, 2)
    assert queries.coding_counts(world.process, world.phase2).total == 1

    def listed(**kwargs):
        stmt = queries.coding_query(world.process, None, CodingFilters(**kwargs))
        return [c.id for c in db.session.scalars(stmt).unique()]

    ids = world
    assert listed() == [
        ids.c_privacy.id,
        ids.c_staff.id,
        ids.c_community.id,
        ids.c_later.id,
    ]
    assert listed(status=CodingStatus.CODED) == [ids.c_privacy.id]
    assert listed(status=CodingStatus.UNCODED) == [
        ids.c_staff.id,
        ids.c_community.id,
        ids.c_later.id,
    ]
    assert listed(status=CodingStatus.SUGGESTED) == [ids.c_privacy.id, ids.c_staff.id]
    assert listed(prompt_id=ids.p2.id) == [ids.c_community.id]
    assert listed(group_id=ids.group_b.id) == [ids.c_staff.id, ids.c_later.id]
    assert listed(organisation_id=ids.keuda.id) == [
        ids.c_privacy.id,
        ids.c_community.id,
    ]
    assert queries.matches(world.process, None, CodingFilters(), ids.c_staff.id)
    assert not queries.matches(
        world.process, None, CodingFilters(status=CodingStatus.CODED), ids.c_staff.id
    )


def test_theme_keywords_are_cleaned_and_kept(db, world):
    """Keywords are stored as "a, b"; an update without keywords leaves them."""
    theme = services_themes.add_theme(
        world.process,
        title={"fi": "Asuminen"},
        keywords=" asuntola,  iltaohjaus ,\nASUNTOLA, , vuokra ",
    )
    assert theme.keywords == "asuntola, iltaohjaus, vuokra"
    services_themes.update_theme(theme, title={"fi": "Asuminen ja arki"})
    assert theme.keywords == "asuntola, iltaohjaus, vuokra"
    services_themes.update_theme(theme, title={"fi": "Asuminen"}, keywords="")
    assert theme.keywords == ""


def test_keywords_feed_the_suggestions(db, world):
    """A theme's keywords bring it up for comments that use those words."""
    housing = services_themes.add_theme(world.process, title={"fi": "Arjen tuki"})
    comment_text = "Asuntolan iltaohjaajia tarvitaan lisää, illat venyvät nuorilla."
    comment = make_comment(db, world.p2, world.group_a, comment_text, 10)
    services.refresh_suggestions(world.process, now=NOW)
    assert housing.id not in tags_of(db, comment)
    services_themes.update_theme(
        housing, title={"fi": "Arjen tuki"}, keywords="asuntola, iltaohjaaja"
    )
    services.refresh_suggestions(world.process, now=NOW)
    best = max(tags_of(db, comment).values(), key=lambda t: t.score)
    assert best.theme_id == housing.id
