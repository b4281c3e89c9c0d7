"""Issue 16, item 6: votes that cannot be multiplied.

In a ballot where each person votes, someone holding a work group's invite code
could join again and again (each join a new participant account) and vote each
time. A group has places (``WorkGroup.seats``): a join beyond them is refused, and a
group casts at most as many personal votes as it has places, counted from the votes
themselves, so that leaving (deleting the account, whose vote stays) and joining
again does not help either. The team sees the votes per group on the results page.
"""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from app.errors import GroupFull
from app.groups import services as group_services
from app.models import GroupMembership, Role, Vote, VoterUnit
from app.privacy.services import delete_account
from app.voting import audit, services

from .test_results import table_rows
from .test_vote import field, input_tag


def _votes_for(db, ballot, group) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Vote.id)).where(
            Vote.ballot_id == ballot.id, Vote.group_id == group.id
        )
    )


def _members(db, group) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(GroupMembership.id)).where(
            GroupMembership.group_id == group.id
        )
    )


@pytest.fixture()
def person_ballot(ballot_world):
    """A ballot where each person votes; group (2 members) has 3 places."""
    w = ballot_world
    w.group.seats = 3
    w.other_group.seats = 3
    w.ballot = w.make_ballot(voter_unit=VoterUnit.PARTICIPANT, method="pick")
    w.pick = {w.themes[0].id: 1}
    return w


# Joining -------------------------------------------------------------------------


@pytest.mark.parametrize("seats", [1, 2, 3, 5])
def test_joining_again_and_again_stops_at_the_places(person_ballot, app, db, seats):
    """An attacker with the code joins from fresh browsers until refused: the group
    never has more members than places, and the refusal says why (409)."""
    w = person_ballot
    w.group.seats = seats
    db.session.commit()
    code = w.group.invite_code
    refused = 0
    for n in range(seats + 3):
        browser = app.test_client()
        with browser.session_transaction() as session:
            session["lang"] = "en"
        response = browser.post(f"/join/{code}", data={"display_name": f"Nuk {n}"})
        if response.status_code == 409:
            refused += 1
            html = response.get_data(as_text=True)
            assert "The work group is full" in html
            assert f"This work group is full (places: {seats})." in html
        else:
            assert response.status_code == 302
    assert _members(db, w.group) == max(seats, 2)
    assert refused == seats + 3 - max(seats - 2, 0)


def test_a_full_group_says_so_before_a_name_is_typed(person_ballot, client, db):
    """The join page of a full group shows the reason instead of the form."""
    w = person_ballot
    w.group.seats = 2
    db.session.commit()
    response = client.get(f"/join/{w.group.invite_code}")
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "This work group is full (places: 2)." in html
    assert 'name="display_name"' not in html


@pytest.mark.parametrize("role", [Role.PARTICIPANT, Role.MEMBER, Role.FACILITATOR])
def test_signed_in_people_meet_the_same_limit(person_ballot, db, create_user, role):
    """Someone signed in (of any account kind) cannot join a full group either;
    a member joining again is let through without taking a place."""
    w = person_ballot
    w.group.seats = 2
    db.session.commit()
    with pytest.raises(GroupFull):
        group_services.join_group(
            w.group.invite_code, user=create_user(role), display_name=""
        )
    db.session.rollback()
    user, group = group_services.join_group(
        w.group.invite_code, user=w.member, display_name=""
    )
    assert user == w.member and _members(db, group) == 2


# Voting --------------------------------------------------------------------------


def test_a_group_casts_at_most_its_places_in_votes(person_ballot, db, create_user):
    """With 2 places, a third member (let in by raising and lowering the places)
    cannot add a third vote; changing an existing vote still works."""
    w = person_ballot
    w.group.seats = 2
    db.session.commit()
    w.cast(w.ballot, w.member, w.group, w.pick)
    w.cast(w.ballot, w.teammate, w.group, w.pick)
    extra = create_user(Role.PARTICIPANT)
    db.session.add(GroupMembership(group=w.group, user=extra))
    db.session.commit()
    with pytest.raises(services.GroupVotesUsed) as refused:
        w.cast(w.ballot, extra, w.group, w.pick)
    db.session.rollback()
    with force_locale("en"):
        message = str(refused.value)
    assert "Every place of Ryhmä Aalto has already voted in this ballot " in message
    assert "(places: 2)" in message
    w.cast(w.ballot, w.member, w.group, {w.themes[1].id: 1})  # a change is fine
    assert _votes_for(db, w.ballot, w.group) == 2


def test_leaving_and_joining_again_does_not_add_votes(person_ballot, db):
    """Vote, delete the account (the vote stays), join again, vote again: the
    group's votes stop at its places however often it is repeated."""
    w = person_ballot
    w.group.seats = 2
    db.session.commit()
    w.cast(w.ballot, w.member, w.group, w.pick)
    w.cast(w.ballot, w.teammate, w.group, w.pick)
    refusals = 0
    for n in range(4):
        leaver = db.session.scalar(
            sa.select(GroupMembership.user_id)
            .where(GroupMembership.group_id == w.group.id)
            .order_by(GroupMembership.id)
            .limit(1)
        )
        delete_account(db.session.get(type(w.member), leaver), now=datetime.now(UTC))
        db.session.commit()
        newcomer, group = group_services.join_group(
            w.group.invite_code, user=None, display_name=f"Uusi {n}"
        )
        db.session.commit()
        try:
            w.cast(w.ballot, newcomer, group, w.pick)
        except services.GroupVotesUsed:
            db.session.rollback()
            refusals += 1
    assert refusals == 4
    assert _votes_for(db, w.ballot, w.group) == 2


def test_the_vote_page_keeps_the_choice_and_says_why(person_ballot, client, auth, db):
    """Refused through the page: 422, the reason, the choice still ticked."""
    w = person_ballot
    w.group.seats = 1
    db.session.commit()
    w.cast(w.ballot, w.member, w.group, w.pick)
    auth.login_as(w.teammate)
    theme = w.themes[2]
    response = client.post(
        f"{w.base}/ballots/{w.ballot.id}/",
        data={"group_id": w.group.id, field(theme): "y"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Every place of Ryhmä Aalto has already voted in this ballot" in html
    assert "(places: 1)" in html
    assert "checked" in input_tag(html, theme)
    assert _votes_for(db, w.ballot, w.group) == 1


def test_group_ballots_are_not_limited_by_places(ballot_world, db):
    """One vote per work group: the places do not matter (the group has one)."""
    w = ballot_world
    w.group.seats = 1
    db.session.commit()
    ballot = w.make_ballot(voter_unit=VoterUnit.GROUP)
    w.cast(ballot, w.member, w.group, {w.themes[0].id: 1})
    w.cast(ballot, w.teammate, w.group, {w.themes[1].id: 1})
    assert _votes_for(db, ballot, w.group) == 1


# The team sees the votes per group -------------------------------------------------


def test_votes_per_group_count_every_vote(person_ballot, db):
    """Places, members, votes and the votes of deleted accounts, per group."""
    w = person_ballot
    w.cast(w.ballot, w.member, w.group, w.pick)
    w.cast(w.ballot, w.teammate, w.group, w.pick)
    w.cast(w.ballot, w.other_member, w.other_group, w.pick)
    delete_account(w.teammate, now=datetime.now(UTC))
    db.session.commit()
    rows = {row.group.name: row for row in audit.voters_per_group(w.ballot)}
    aalto, bore = rows["Ryhmä Aalto"], rows["Ryhmä Bore"]
    assert (aalto.seats, aalto.members, aalto.votes) == (3, 1, 2)
    assert aalto.votes_of_deleted_accounts == 1 and aalto.over_members
    assert (bore.seats, bore.members, bore.votes) == (3, 1, 1)
    assert not bore.over_members


@pytest.mark.parametrize("role", ["facilitator", "observer", "admin"])
def test_the_team_sees_votes_per_group_on_the_results(
    person_ballot, client, auth, db, role
):
    """The results page has a table with a row per group: name, organisation,
    places, members, votes, votes of deleted accounts."""
    w = person_ballot
    w.cast(w.ballot, w.member, w.group, w.pick)
    w.cast(w.ballot, w.teammate, w.group, w.pick)
    delete_account(w.teammate, now=datetime.now(UTC))
    db.session.commit()
    auth.login_as(getattr(w, role))
    html = client.get(f"{w.base}/ballots/{w.ballot.id}/results").get_data(as_text=True)
    assert "Voters per work group" in html
    rows = table_rows(html, "group-voters-table")
    assert rows[0] == [
        "Work group",
        "Organisation",
        "Places",
        "Members",
        "Votes",
        "Of them by deleted accounts",
    ]
    assert rows[1] == [
        "Ryhmä Aalto",
        "Keski-Uudenmaan koulutus",
        "3",
        "1",
        "2 (more than members)",
        "1",
    ]
    assert rows[2] == ["Ryhmä Bore", "Järvenpään kaupunki", "3", "1", "0", "0"]


@pytest.mark.parametrize("who", ["member", "teammate", "other_member"])
def test_voters_do_not_see_the_votes_per_group(person_ballot, client, auth, db, who):
    """Participants see the results after the close, without the team's table."""
    w = person_ballot
    w.cast(w.ballot, w.member, w.group, w.pick)
    w.ballot.closes_at = datetime.now(UTC)
    db.session.commit()
    auth.login_as(getattr(w, who))
    html = client.get(f"{w.base}/ballots/{w.ballot.id}/results").get_data(as_text=True)
    assert "results-table" in html
    assert "group-voters-table" not in html
    assert "Voters per work group" not in html


# The exported summary shows the votes per group too --------------------------------


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_summary_exports_show_votes_per_group(person_ballot, app, language):
    """JSON (to the documented schema), Markdown, the printable page and Word list
    each group's votes in a ballot where each person votes."""
    import io
    import json
    from pathlib import Path

    import jsonschema
    from docx import Document

    from app.exports.docx import to_docx
    from app.exports.html import to_html
    from app.exports.json import to_json
    from app.exports.markdown import to_markdown
    from app.exports.summary import build_summary

    w = person_ballot
    w.cast(w.ballot, w.member, w.group, w.pick)
    w.cast(w.ballot, w.teammate, w.group, w.pick)
    w.cast(w.ballot, w.other_member, w.other_group, w.pick)
    summary = build_summary(w.process, language=language)
    ballot = summary.ballots[0]
    assert ballot.voter_unit == "participant"
    assert [(g.group, g.organisation, g.votes) for g in ballot.groups] == [
        ("Ryhmä Aalto", "Keski-Uudenmaan koulutus", 2),
        ("Ryhmä Bore", "Järvenpään kaupunki", 1),
    ]
    data = json.loads(to_json(summary))
    schema_path = Path(__file__).resolve().parents[2] / "docs" / "summary.schema.json"
    jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    assert data["ballots"][0]["groups"][0] == {
        "group": "Ryhmä Aalto",
        "organisation": "Keski-Uudenmaan koulutus",
        "votes": 2,
    }
    heading = {
        "fi": "Äänestäjät työryhmittäin",
        "sv": "Röstande per arbetsgrupp",
        "en": "Voters per work group",
    }[language]
    markdown = to_markdown(summary)
    assert f"#### {heading}" in markdown
    assert "| Ryhmä Aalto | Keski-Uudenmaan koulutus | 2 |" in markdown
    with app.test_request_context():
        html = to_html(summary)
    assert heading in html and "group-votes-table" in html
    assert '<th scope="row">Ryhmä Aalto</th>' in html
    document = Document(io.BytesIO(to_docx(summary)))
    assert heading in [p.text for p in document.paragraphs]
    cells = [
        [cell.text for cell in row.cells] for t in document.tables for row in t.rows
    ]
    assert ["Ryhmä Aalto", "Keski-Uudenmaan koulutus", "2"] in cells


def test_group_ballot_summaries_keep_their_tables(ballot_world):
    """One vote per group: the groups are in the data, no extra table is drawn."""
    from app.exports.markdown import to_markdown
    from app.exports.summary import build_summary

    w = ballot_world
    ballot = w.make_ballot(voter_unit=VoterUnit.GROUP)
    w.cast(ballot, w.member, w.group, {w.themes[0].id: 1})
    summary = build_summary(w.process, language="en")
    assert summary.ballots[0].groups[0].votes == 1
    assert "Voters per work group" not in to_markdown(summary)
