"""A page runs a fixed number of SQL statements, whatever the size of what it shows.

Issue 19: each page is opened on a small process (3 work groups, threads and votes)
and on a larger one (30), as a participant and as a facilitator; the number of
statements must be the same for both sizes (nothing loaded per row), and every
page's at most 8 for the request as a whole (the sign-in's included).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from app.comments import revise_text
from app.discussions import services as discussion_services
from app.discussions import services_moderation as moderation
from app.models import (
    Comment,
    CommentFlag,
    GroupMembership,
    Organisation,
    OrganisationKind,
    PhaseKind,
    Role,
    TagStatus,
    ThemeTag,
    Vote,
    VoterUnit,
)
from app.text import render_markdown
from app.voting import services as voting_services

SMALL, LARGE = 3, 30

#: Every page's target (issue 19): the statements of the request as a whole.
PAGE_MAX = 8


@pytest.fixture(autouse=True)
def english_pages(client):
    with client.session_transaction() as session:
        session["lang"] = "en"


@pytest.fixture()
def build(db, create_user, create_process, create_phase, create_group, create_theme):
    """``build(size)``: a process of ``size`` work groups (a third as many
    organisations) and ``size`` silent ones (each of an organisation of its own),
    each of the first answering the discussion's question with a thread of two
    replies, some edited, reported, hidden or locked, coded to themes; and a ballot
    every group has voted in. The participant belongs to the first two groups."""

    def _build(size: int) -> SimpleNamespace:
        now = datetime.now(UTC)
        facilitator = create_user(Role.FACILITATOR)
        process = create_process(facilitator=facilitator, language="fi")
        organisations = [
            Organisation(
                name=f"Organisaatio {size}-{n}", kind=OrganisationKind.MUNICIPALITY
            )
            for n in range(max(2, size // 3))
        ]
        db.session.add_all(organisations)
        members = [create_user(Role.PARTICIPANT) for _ in range(size)]
        groups = [
            create_group(
                process,
                name=f"Ryhmä {n:02d}",
                organisation=organisations[n % len(organisations)],
                members=(member,),
            )
            for n, member in enumerate(members)
        ]
        # As many groups again that have not written, each of its own organisation:
        # the filter menus list them (nothing on the page loads them otherwise).
        for n in range(size):
            create_group(process, name=f"Hiljainen ryhmä {n:02d}")
        participant = members[0]
        db.session.add(GroupMembership(group=groups[1], user=participant))
        themes = [create_theme(process, title={"fi": f"Teema {n}"}) for n in range(3)]
        phase = create_phase(
            process,
            kind=PhaseKind.DISCUSSION,
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=7),
        )
        discussion = discussion_services.ensure_discussion(phase)
        prompt = discussion_services.add_prompt(
            discussion, question={"fi": "Mitä pitää kehittää?"}, guidance={}
        )
        db.session.commit()

        def comment(group, author, n, **extra):
            body = f"Kommentti {n} ryhmältä {group.name}"
            row = Comment(
                prompt=prompt,
                group=group,
                author=author,
                body=body,
                body_html=str(render_markdown(body)),
                created_at=now - timedelta(hours=2, minutes=-n),
                **extra,
            )
            db.session.add(row)
            return row

        for n, (group, member) in enumerate(zip(groups, members, strict=True)):
            thread = comment(group, member, 3 * n)
            other = (n + 1) % size
            first = comment(groups[other], members[other], 3 * n + 1, parent=thread)
            first.reply_to = thread
            second = comment(group, member, 3 * n + 2, parent=thread)
            second.reply_to = first
            db.session.flush()
            if n % 3 == 0:
                revise_text(thread, thread.body + " (muokattu)", now)
            if n % 3 == 1:
                db.session.add(
                    CommentFlag(comment=thread, user=members[other], reason="Asiaton")
                )
            if n % 5 == 2:
                moderation.hide_comment(
                    second, actor=facilitator, reason="Henkilötietoja", now=now
                )
            if n % 7 == 3:
                thread.locked_at = now
            db.session.add(
                ThemeTag(
                    comment=thread,
                    theme=themes[n % 3],
                    status=TagStatus.CONFIRMED if n % 2 else TagStatus.SUGGESTED,
                    score=0.5,
                    featured=n % 4 == 0,
                )
            )
        db.session.commit()
        ballot = voting_services.save_ballot(
            None,
            phase,
            title={"fi": "Tärkeimmät teemat"},
            description={"fi": "Valitkaa kaksi."},
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=1),
            voter_unit=VoterUnit.GROUP,
            method="pick",
            max_choices=2,
            total_points=10,
            max_points_per_theme=3,
            results_visibility="live",
            theme_ids=None,
        )
        db.session.commit()
        for n, (group, member) in enumerate(zip(groups, members, strict=True)):
            if n == 0:
                continue  # the participant's first group has still to vote
            voting_services.cast_vote(
                ballot,
                voter=member,
                group=group,
                choice={themes[n % 3].id: 1, themes[(n + 1) % 3].id: 1},
                now=now,
            )
        db.session.commit()
        slug = process.slug
        return SimpleNamespace(
            process=process,
            phase=phase,
            ballot=ballot,
            participant=participant,
            facilitator=facilitator,
            pages={
                "thread": f"/p/{slug}/discussions/{phase.id}/prompts/{prompt.id}/",
                "ballot": f"/p/{slug}/ballots/{ballot.id}/",
                "results": f"/p/{slug}/ballots/{ballot.id}/results",
                "coding": f"/p/{slug}/coding/",
                "summary": f"/p/{slug}/summary",
            },
        )

    return _build


#: Which pages each reader opens (coding is the team's; a participant reads the
#: summary once the discussion has closed, see below).
READERS = {
    "participant": ("thread", "ballot", "results", "summary"),
    "facilitator": ("thread", "ballot", "results", "coding", "summary"),
}


def statements_of(client, auth, count_statements, user, url) -> list[str]:
    auth.login_as(user)
    client.get(url)  # once before: what a first request caches is not counted
    with count_statements() as log:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return list(log)


def _minute_ago() -> datetime:
    return datetime.now(UTC) - timedelta(minutes=1)


def counts_for(build, client, auth, count_statements, db, size: int) -> dict:
    world = build(size)
    counts = {}
    for reader, pages in READERS.items():
        user = getattr(world, reader)
        for page in pages:
            if page == "summary" and reader == "participant":
                world.phase.ends_at = world.ballot.closes_at = _minute_ago()
                db.session.commit()
            counts[reader, page] = statements_of(
                client, auth, count_statements, user, world.pages[page]
            )
        world.phase.ends_at = world.ballot.closes_at = _minute_ago() + timedelta(days=1)
        db.session.commit()
    return counts


def test_pages_run_a_fixed_number_of_statements(
    build, client, auth, count_statements, db
):
    small = counts_for(build, client, auth, count_statements, db, SMALL)
    large = counts_for(build, client, auth, count_statements, db, LARGE)
    grown = {
        key: (len(small[key]), len(large[key]))
        for key in small
        if len(small[key]) != len(large[key])
    }
    assert not grown, f"statements grow with the data: {grown}"
    over = {key: len(log) for key, log in large.items() if len(log) > PAGE_MAX}
    assert not over, f"more than {PAGE_MAX} statements: {over}\n" + "\n\n".join(
        "\n".join([str(key), *large[key]]) for key in over
    )


#: A vote's POST: sign-in, process, ballot, the unit's vote under its lock, the
#: vote's row (inserted, or its revision raised), its entries out (a change) and in
#: (one statement each whatever their number), the ballot's results version.
VOTE_POST_STATEMENTS = {"cast": 7, "changed": 8}


@pytest.mark.parametrize("first", [True, False], ids=["cast", "changed"])
def test_a_vote_runs_a_fixed_number_of_statements(
    build, client, auth, count_statements, db, first
):
    """Casting the group's first vote or changing it, whatever the ballot's size;
    the vote stored is the one sent (the entries are written by statements)."""
    counts = {}
    for size in (SMALL, LARGE):
        world = build(size)
        auth.login_as(world.participant)
        # The participant's first group (by name) has still to vote, the second has
        # voted (``build``); the memberships' own order is the database's.
        own = sorted(
            (m.group for m in world.participant.memberships), key=lambda g: g.name
        )
        group = own[0 if first else 1]
        themes = [option.theme_id for option in world.ballot.options][:2]
        url = world.pages["ballot"]
        data = {"group_id": group.id, **{f"theme-{t}": "y" for t in themes}}
        client.get(url)
        with count_statements() as log:
            response = client.post(url, data=data)
        assert response.status_code == 302, response.text
        counts[size] = list(log)
        db.session.expire_all()
        vote = db.session.scalar(
            sa.select(Vote).where(
                Vote.ballot_id == world.ballot.id, Vote.group_id == group.id
            )
        )
        assert sorted((e.theme_id, e.value) for e in vote.entries) == [
            (t, 1) for t in sorted(themes)
        ]
        assert vote.revision == (1 if first else 2)
        assert vote.cast_by_id == world.participant.id
        group_id = group.id
        assert vote.group_id == group_id and vote.unit_key == f"group:{group_id}"
    assert len(counts[SMALL]) == len(counts[LARGE])
    expected = VOTE_POST_STATEMENTS["cast" if first else "changed"]
    assert len(counts[LARGE]) <= expected, "\n\n".join(counts[LARGE])
