"""Follow-up proposal rules: the draft from the results, versions, publishing."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.discussions.services_comments import post_comment
from app.errors import MissingTitle
from app.exports.summary import Summary, ThemeSummary, ThemeVote
from app.followup import services
from app.followup.drafting import blockquote, inline, top_themes
from app.models import (
    Phase,
    PhaseKind,
    Prompt,
    ProposalStatus,
    ProposalVersion,
    Visibility,
)


def draft(world, db):
    proposal = services.draft_proposal(
        world.process, actor=world.facilitator, now=world.now
    )
    db.session.commit()
    return proposal


def sections(version, **changes) -> dict:
    return {**version.sections, **changes}


# --- the draft ----------------------------------------------------------------------


def test_the_draft_takes_up_the_top_themes_with_shares_and_quotes(world, db):
    """Version 1: the vote's top themes with share, organisations, talk and quotes."""
    proposal = draft(world, db)
    version = proposal.current
    assert (version.number, version.created_by) == (1, world.facilitator)
    assert proposal.status is ProposalStatus.DRAFT and proposal.prompt is None
    text = version.sections["summary"]
    assert version.sections["title"] == (
        "Proposal for follow-up work: Future of education"
    )
    assert "“The most important” (2 voters)" in text
    assert "6 comments from 2 of 3 work groups; 2 work groups voted." in text
    # Theme 1 first with every voter; themes 2 and 3 share the second place.
    first, second, third = (text.index(f"**{n}. Theme {n}**") for n in (1, 2, 3))
    assert first < second < third
    assert "- Vote share: 100% of voters\n" in text
    assert text.count("Vote share: 50% of voters (shared place 2)") == 2
    assert "- Organisations: 2 behind the comments, 2 behind the votes" in text
    assert "- Talked about: a lot (2 comments)" in text
    assert "- Talked about: little (1 comment)" in text
    # The featured quote, as a blockquote signed with its group.
    assert (
        "> Yhteinen opinto-ohjaus kaikille oppilaitoksille.\n>\n> Se säästää aikaa."
        "\n\n— *Ryhmä Aalto (Keski-Uudenmaan koulutus)*"
    ) in text
    # Hidden comments, only-suggested codes and unvoted themes stay out.
    assert "Salainen" not in text and "Ehdotettu" not in text
    assert "Theme 4" not in text and "Theme 5" not in text
    assert version.themes == [
        {
            "theme_id": world.themes[0].id,
            "why": "Place 1 in the vote, 100% of voters.",
        },
        {
            "theme_id": world.themes[1].id,
            "why": "Place 2 (tied) in the vote, 50% of voters.",
        },
        {
            "theme_id": world.themes[2].id,
            "why": "Place 2 (tied) in the vote, 50% of voters.",
        },
    ]
    html = version.sections_html["summary"]
    assert "<blockquote>" in html and "<strong>1. Theme 1</strong>" in html
    for key in ("principles", "next_steps", "resourcing"):
        # What to write is the editor's hint, not text in the field.
        assert version.sections[key] == ""
        assert not version.sections_html.get(key)


def test_a_second_draft_is_refused(world, db):
    """One proposal per process: drafting again says to edit the first."""
    draft(world, db)
    with pytest.raises(services.ProposalExists):
        services.draft_proposal(world.process, actor=world.facilitator, now=world.now)


def test_without_a_vote_the_draft_follows_the_talk(world, db):
    """No ballot: the most talked-about themes, and the text says there was no vote."""
    db.session.delete(world.ballot)
    db.session.commit()
    text = draft(world, db).current.sections["summary"]
    assert text.startswith("No vote has been held yet")
    assert "**1. Theme 1**" in text and "**3. Theme 3**" in text
    assert "Vote share" not in text
    assert "- Organisations behind the comments: 2" in text


def _theme(n: int, rank: int) -> ThemeSummary:
    return ThemeSummary(
        theme_id=n,
        position=n,
        title=f"T{n}",
        description="",
        vote=ThemeVote(
            ballot_id=1,
            rank=rank,
            tied=False,
            score=10 - rank,
            share=0.1,
            organisations=1,
        ),
    )


def test_top_themes_keep_ties_at_the_edge():
    """Five themes, and every theme tied with the fifth; zero-score themes never."""
    from app.exports.summary import BallotSummary, Participation

    themes = [_theme(n, rank) for n, rank in enumerate([1, 2, 3, 4, 5, 5, 7, 8], 1)]
    themes[-1].vote.score = 0
    summary = Summary(
        process_slug="x",
        process_title="X",
        language="fi",
        generated_at=None,
        phase_id=None,
        phase_title=None,
        participation=Participation(),
        themes=list(reversed(themes)),
        ballots=[
            BallotSummary(ballot_id=1, title="B", method="pick", voters=3, rows=[])
        ],
    )
    chosen, by_vote = top_themes(summary)
    assert by_vote and [t.theme_id for t in chosen] == [1, 2, 3, 4, 5, 6]
    assert [t.theme_id for t in top_themes(summary, limit=7)[0]] == [
        1,
        2,
        3,
        4,
        5,
        6,
        7,
    ]


def test_names_are_literal_markdown():
    """A group or theme name cannot start formatting or HTML in the draft."""
    assert inline("A *b* [c]\n<d>") == r"A \*b\* \[c\] &lt;d>"
    from app.exports.summary import Quote

    quote = Quote(1, "a\r\n\r\nb", "", "G_1", "O", "Q", None, author="Anna")
    assert blockquote(quote) == "> a\n>\n> b\n\n— *Anna, G\\_1 (O)*"


# --- versions -----------------------------------------------------------------------


def test_saving_adds_a_version_only_when_something_changed(world, db):
    """Unchanged texts (even with the browser's CRLF) save nothing; a change saves."""
    proposal = draft(world, db)
    first = proposal.current
    crlf = {k: v.replace("\n", "\r\n") + "\r\n" for k, v in first.sections.items()}
    assert (
        services.save_version(
            proposal,
            sections=crlf,
            themes=first.themes,
            actor=world.observer,
            now=world.now,
        )
        is None
    )
    later = world.now + timedelta(minutes=5)
    second = services.save_version(
        proposal,
        sections=sections(first, principles="- **Yhdessä** tehden"),
        themes=first.themes,
        actor=world.admin,
        now=later,
        base_number=1,
    )
    db.session.commit()
    assert (second.number, second.created_by, second.created_at) == (
        2,
        world.admin,
        later,
    )
    assert second.sections_html["principles"] == (
        "<ul>\n<li><strong>Yhdessä</strong> tehden</li>\n</ul>"
    )
    assert proposal.current == second
    assert [v.number for v in services.versions(proposal)] == [2, 1]
    assert services.get_version(proposal, 1).sections["principles"] == ""
    # Only the themes changing is a change too.
    third = services.save_version(
        proposal,
        sections=second.sections,
        themes=first.themes[:1],
        actor=world.facilitator,
        now=later,
    )
    assert third.number == 3 and third.sections == second.sections


def test_saving_refuses_a_missing_title_and_a_stale_base(world, db):
    """A title is required; saving over someone's newer version is refused."""
    proposal = draft(world, db)
    first = proposal.current
    with pytest.raises(MissingTitle):
        services.save_version(
            proposal,
            sections=sections(first, title="  "),
            themes=[],
            actor=None,
            now=world.now,
        )
    services.save_version(
        proposal,
        sections=sections(first, summary="B"),
        themes=[],
        actor=None,
        now=world.now,
    )
    with pytest.raises(services.StaleVersion):
        services.save_version(
            proposal,
            sections=sections(first, summary="C"),
            themes=[],
            actor=None,
            now=world.now,
            base_number=1,
        )


def test_saved_themes_are_the_process_own_each_once(
    world, db, create_process, create_theme
):
    """Another process's theme and repeats are dropped; order and reasons stay."""
    stranger = create_theme(create_process())
    proposal = draft(world, db)
    t1, t2 = world.themes[0].id, world.themes[1].id
    version = services.save_version(
        proposal,
        sections=proposal.current.sections,
        themes=[
            {"theme_id": t2, "why": " Toinen \r\n"},
            {"theme_id": stranger.id, "why": "x"},
            {"theme_id": str(t1)},
            {"theme_id": t2, "why": "again"},
        ],
        actor=None,
        now=world.now,
    )
    assert version.themes == [
        {"theme_id": t2, "why": "Toinen"},
        {"theme_id": t1, "why": ""},
    ]


# --- publishing ---------------------------------------------------------------------


def followup_phases(world) -> list[Phase]:
    return [p for p in world.process.phases if p.kind is PhaseKind.FOLLOWUP]


def test_publishing_opens_a_followup_phase_with_one_question(world, db):
    """The first publish adds a follow-up phase at the end, open from now, no end."""
    proposal = draft(world, db)
    services.publish(proposal, actor=world.facilitator, now=world.now)
    db.session.commit()
    assert proposal.status is ProposalStatus.PUBLISHED
    assert proposal.published_at == world.now
    (phase,) = followup_phases(world)
    assert phase is world.process.phases[-1] and phase.position == 2
    assert (phase.starts_at, phase.ends_at) == (world.now, None)
    assert set(phase.title) == {"fi", "sv", "en"}
    assert phase.title["en"] == "Follow-up proposal"
    discussion = phase.discussion
    assert discussion.visibility is Visibility.ALWAYS
    assert discussion.prompts == [proposal.prompt]
    prompt = proposal.prompt
    assert set(prompt.question) == {"fi", "sv", "en"}
    assert prompt.question["en"] == "Comment on the follow-up proposal"
    assert '<a href="/p/tulevaisuus/proposal"' in prompt.guidance_html["en"]


def test_publishing_again_reuses_the_question(world, db):
    """Unpublish keeps the question; publishing again adds no phase and no question."""
    proposal = draft(world, db)
    services.publish(proposal, actor=world.facilitator, now=world.now)
    prompt_id = proposal.prompt.id
    services.unpublish(proposal, actor=world.facilitator, now=world.now)
    db.session.commit()
    assert proposal.status is ProposalStatus.DRAFT and proposal.published_at is None
    assert proposal.prompt.id == prompt_id
    later = world.now + timedelta(days=1)
    services.publish(proposal, actor=world.facilitator, now=later)
    db.session.commit()
    assert proposal.prompt.id == prompt_id and proposal.published_at == later
    assert len(followup_phases(world)) == 1
    assert db.session.scalar(sa.select(sa.func.count(Prompt.id))) == 3


def test_an_existing_followup_phase_is_reused_and_reopened(world, db, create_phase):
    """A follow-up phase the facilitator made is used; a past end no longer closes it."""
    mine = create_phase(
        world.process,
        kind=PhaseKind.FOLLOWUP,
        title={"fi": "Jatkotyö"},
        starts_at=world.now - timedelta(days=30),
        ends_at=world.now - timedelta(days=1),
    )
    proposal = draft(world, db)
    services.publish(proposal, actor=world.facilitator, now=world.now)
    db.session.commit()
    assert followup_phases(world) == [mine]
    assert proposal.prompt.discussion.phase == mine
    assert mine.starts_at == world.now - timedelta(days=30) and mine.ends_at is None


def test_publish_and_unpublish_refuse_the_state_they_are_in(world, db):
    """Publishing a published proposal or unpublishing a draft is refused."""
    proposal = draft(world, db)
    with pytest.raises(services.NotPublished):
        services.unpublish(proposal, actor=None, now=world.now)
    services.publish(proposal, actor=None, now=world.now)
    with pytest.raises(services.AlreadyPublished):
        services.publish(proposal, actor=None, now=world.now)


def test_participants_can_comment_under_the_question(world, db):
    """The question takes work groups' comments like any discussion question."""
    proposal = draft(world, db)
    services.publish(proposal, actor=world.facilitator, now=world.now)
    db.session.commit()
    comment, created = post_comment(
        proposal.prompt,
        author=world.anna,
        group=world.groups[0],
        body="Hyvä ehdotus.",
        now=world.now + timedelta(minutes=1),
    )
    db.session.commit()
    assert created and comment.prompt == proposal.prompt


def test_deleting_the_process_deletes_the_proposal(world, db):
    """Versions go with their proposal, and the proposal with its process."""
    draft(world, db)
    db.session.delete(world.process)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(ProposalVersion.id))) == 0


def test_the_draft_is_written_in_the_process_language(world, db):
    """The fixed texts follow the process's language, not the reader's."""
    from flask_babel import force_locale
    from flask_babel import gettext as _

    world.process.language = "fi"
    db.session.commit()
    version = draft(world, db).current
    with force_locale("fi"):
        title = _(
            "Proposal for follow-up work: %(process)s",
            process="Kasvatuksen tulevaisuus",
        )
    assert version.sections["next_steps"] == ""
    assert version.sections["title"] == title
    assert "**1. Teema 1**" in version.sections["summary"]
