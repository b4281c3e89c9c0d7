"""The summary object from the known fixture: counts, ranks, talk levels, gaps,
and what it must never hold (hidden comments, suggestions, names)."""

from __future__ import annotations

import dataclasses

from app.exports.proposal_view import proposal_view
from app.exports.summary import TalkLevel, build_summary
from app.models import ProposalStatus

from .conftest import DELETED_WORD, HIDDEN_WORD, MADE_AT


def by_title(summary) -> dict:
    return {theme.title: theme for theme in summary.themes}


def test_participation_counts_visible_comments_and_confirmed_codes(summary):
    """Four groups invited; three answered and voted (Delta's only comments are
    hidden or deleted); ten visible comments, three without a confirmed theme."""
    p = summary.participation
    assert (p.groups_invited, p.groups_answered, p.groups_voted) == (4, 3, 3)
    assert p.comments == 10
    assert p.uncoded == 3


def test_theme_counts_groups_and_organisations(summary):
    """Only confirmed codes of visible comments count; replies count as comments."""
    themes = by_title(summary)
    counts = {
        title: (t.comments, t.groups, t.organisations) for title, t in themes.items()
    }
    assert counts == {
        "Guidance": (4, 3, 2),
        "Wellbeing": (2, 1, 1),
        "Cooperation": (1, 1, 1),
        "Resources": (0, 0, 0),
        "Inclusion": (0, 0, 0),
    }


def test_talk_ranks_and_levels(summary):
    """Most talked about first; themes with no comments share the last place."""
    themes = by_title(summary)
    assert [t.title for t in summary.by_talk] == [
        "Guidance",
        "Wellbeing",
        "Cooperation",
        "Resources",
        "Inclusion",
    ]
    assert {title: t.talk_rank for title, t in themes.items()} == {
        "Guidance": 1,
        "Wellbeing": 2,
        "Cooperation": 3,
        "Resources": 4,
        "Inclusion": 4,
    }
    assert {title: t.talk_level for title, t in themes.items()} == {
        "Guidance": TalkLevel.A_LOT,
        "Wellbeing": TalkLevel.LITTLE,
        "Cooperation": TalkLevel.LITTLE,
        "Resources": TalkLevel.NOT_AT_ALL,
        "Inclusion": TalkLevel.NOT_AT_ALL,
    }


def test_vote_ranks_and_gaps(summary):
    """Resources: not talked about at all, voted first: 3 places higher, noted."""
    themes = by_title(summary)
    ranks = {
        title: (t.vote.rank, t.vote.tied, t.vote.score) for title, t in themes.items()
    }
    assert ranks == {
        "Resources": (1, False, 3),
        "Inclusion": (2, False, 2),
        "Guidance": (3, False, 1),
        "Wellbeing": (4, True, 0),
        "Cooperation": (4, True, 0),
    }
    gaps = {title: t.gap for title, t in themes.items()}
    assert gaps == {
        "Guidance": -2,
        "Wellbeing": -2,
        "Cooperation": -1,
        "Resources": 3,
        "Inclusion": 2,
    }
    assert [t.title for t in summary.themes if t.gap_worth_noting] == ["Resources"]
    main = summary.main_ballot
    assert main.voters == 3
    assert [row.title for row in main.rows][:3] == [
        "Resources",
        "Inclusion",
        "Guidance",
    ]


def test_quotes_chosen_or_central_never_hidden(summary, summary_world):
    """Wellbeing's quote is the featured one; Guidance gets its three top-level
    comments (not the reply, not the hidden one)."""
    themes = by_title(summary)
    wellbeing = themes["Wellbeing"].quotes
    assert [(q.comment_id, q.chosen) for q in wellbeing] == [
        (summary_world.comments[5].id, True)
    ]
    guidance_ids = {q.comment_id for q in themes["Guidance"].quotes}
    assert guidance_ids == {c.id for c in summary_world.comments[:3]}
    assert themes["Guidance"].quotes[0].question in (
        "What works?",
        "What should change?",
    )


def test_hidden_and_deleted_never_in_the_summary(summary):
    """No field of the summary holds the hidden or deleted comments' words."""
    text = repr(dataclasses.asdict(summary))
    assert HIDDEN_WORD not in text
    assert DELETED_WORD not in text


def test_names_only_when_the_process_shows_them(summary, summary_world, db):
    """Quotes carry no author by default; with show_names on, the writer's name."""
    assert all(q.author is None for t in summary.themes for q in t.quotes)
    assert "Meikäläinen" not in repr(dataclasses.asdict(summary))
    summary_world.process.show_names = True
    db.session.commit()
    named = build_summary(summary_world.process, language="en", now=MADE_AT)
    authors = {q.author for t in named.themes for q in t.quotes}
    assert "Maija Meikäläinen" in authors


def test_phase_scope_and_language(summary_world):
    """A phase summary names the phase; Swedish titles come in Swedish."""
    w = summary_world
    swedish = build_summary(w.process, phase=w.phase, language="sv", now=MADE_AT)
    assert swedish.phase_id == w.phase.id
    assert swedish.phase_title == "Webbdiskussion"
    assert swedish.themes[0].title == "Handledning"
    assert swedish.process_title == "Kommunförsöket"


def test_proposal_view_draft_for_staff_only(summary_world, db):
    """A draft is shown to staff only; once published, to everyone."""
    w = summary_world
    assert proposal_view(w.process, staff=False) is None
    draft = proposal_view(w.process, staff=True)
    assert draft.title == "Ehdotus jatkotyöstä"
    assert draft.published_at is None and draft.version == 1
    assert "<strong>tärkeimmästä</strong>" in draft.summary_html
    w.proposal.status = ProposalStatus.PUBLISHED
    w.proposal.published_at = MADE_AT
    db.session.commit()
    published = proposal_view(w.process, staff=False)
    assert published is not None and published.published_at is not None
