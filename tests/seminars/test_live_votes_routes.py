"""Quick votes' pages: who may open, vote and close; the forms and their messages;
the projector's ETag and its fixed number of statements."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.models import GroupMembership, LiveVote, LiveVoteBallot, Role
from app.seminars import queries_votes as queries
from app.seminars import services_live as live
from app.seminars import services_votes as votes
from tests.conftest import csrf_token_from


@pytest.fixture()
def room(live_room):
    return live_room


def open_one(world, workshop, dots=1):
    vote = votes.open_vote(
        workshop,
        question="Mihin panostetaan?",
        options=["Kirjasto", "Uimahalli"],
        dots_per_person=dots,
        actor=world.facilitator,
        now=datetime.now(UTC),
    )
    votes.db.session.commit()
    return vote


def typed(**fields):
    data = {
        "question": "Mikä ensin?",
        "source": "typed",
        "options": "Kirjasto\r\nUimahalli",
        "dots_per_person": "1",
    }
    data.update(fields)
    return data


def test_facilitator_opens_a_vote_from_the_control_page(client, auth, world, room):
    workshop, _, base = room
    auth.login_as(world.facilitator)
    control = client.get(base + "/control")
    assert "Open a quick vote" in control.text
    response = client.post(base + "/votes/new", data=typed())
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/control#quick-vote")
    vote = queries.open_vote(workshop)
    assert [o.label for o in vote.options] == ["Kirjasto", "Uimahalli"]
    control = client.get(base + "/control")
    assert "Close the vote" in control.text and "0 votes" in control.text


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"question": ""}, "Write the question of the vote."),
        ({"options": "Vain yksi"}, "Give at least 2 options."),
        ({"options": "\n".join(str(n) for n in range(11))}, "Give at most 10 options."),
        ({"options": "Sama\nsama"}, "is given twice."),
        ({"source": "notes"}, "Choose at least 2 notes as the options."),
        ({"dots_per_person": "9"}, "Not a valid choice"),
    ],
)
def test_a_refused_vote_keeps_what_was_typed(
    client, auth, world, room, fields, message
):
    """422 with the message at its field; the question and options stay."""
    _, _, base = room
    auth.login_as(world.facilitator)
    data = typed(question="Kysymys jää talteen", options="Eka\r\nToka", **{})
    data.update(fields)
    response = client.post(base + "/votes/new", data=data)
    assert response.status_code == 422
    assert message in response.text
    if "question" not in fields:
        assert 'value="Kysymys jää talteen"' in response.text
    if "options" not in fields:
        assert "Eka\r\nToka" in response.text or "Eka\nToka" in response.text
    assert votes.db.session.scalar(sa.select(sa.func.count(LiveVote.id))) == 0


def test_a_second_vote_is_refused_while_one_is_open(client, auth, world, room):
    workshop, _, base = room
    open_one(world, workshop)
    auth.login_as(world.facilitator)
    response = client.post(base + "/votes/new", data=typed())
    assert response.status_code == 422
    assert "A quick vote is already open in this workshop." in response.text


def test_notes_of_the_wall_as_options(client, auth, world, room):
    """The current prompt's notes are ticked to begin with; the ticked become options."""
    workshop, first, base = room
    notes = [
        live.add_note(
            first,
            author=world.member,
            group=world.group,
            body=f"Idea {n}",
            now=datetime.now(UTC),
        )[0]
        for n in range(3)
    ]
    votes.db.session.commit()
    auth.login_as(world.facilitator)
    page = client.get(base + "/votes/new")
    assert page.text.count("checked") >= 3
    data = typed(source="notes", note_ids=[notes[0].id, notes[2].id])
    data["dots_per_person"] = "3"
    assert client.post(base + "/votes/new", data=data).status_code == 302
    vote = queries.open_vote(workshop)
    assert [o.comment_id for o in vote.options] == [notes[0].id, notes[2].id]
    assert vote.dots_per_person == 3


def test_the_phone_votes_without_javascript(client, auth, world, room):
    """The form is at the top of the phone page; a vote posts, comes back, changes."""
    workshop, _, base = room
    vote = open_one(world, workshop)
    a, b = vote.options
    auth.login_as(world.member)
    page = client.get(base + "/live")
    assert page.text.index('id="vote"') < page.text.index('id="live-state"')
    assert f'action="{base}/votes/{vote.id}"' in page.text
    field = f"vote{vote.id}-choice"
    response = client.post(f"{base}/votes/{vote.id}", data={field: a.id})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/live#vote")
    page = client.get(base + "/live")
    assert f'value="{a.id}" checked' in page.text or "checked" in page.text
    client.post(f"{base}/votes/{vote.id}", data={field: b.id})
    assert queries.dots_of(vote, world.member) == {b.id: 1}


def test_a_refused_dot_vote_comes_back_with_the_dots(client, auth, world, room):
    workshop, _, base = room
    vote = open_one(world, workshop, dots=2)
    a, b = vote.options
    auth.login_as(world.member)
    response = client.post(
        f"{base}/votes/{vote.id}",
        data={f"vote{vote.id}-dots_{a.id}": "2", f"vote{vote.id}-dots_{b.id}": "1"},
    )
    assert response.status_code == 422
    assert "You have 2 dots in all" in response.text
    assert '<option selected value="2">' in response.text
    nothing = client.post(f"{base}/votes/{vote.id}", data={})
    assert nothing.status_code == 422
    assert "Choose an option before sending your vote." in nothing.text
    assert votes.db.session.scalar(sa.select(sa.func.count(LiveVoteBallot.id))) == 0


def test_a_closed_vote_refuses_votes_and_shows_its_result(client, auth, world, room):
    workshop, _, base = room
    vote = open_one(world, workshop)
    votes.close_vote(vote, actor=world.facilitator, now=datetime.now(UTC))
    votes.db.session.commit()
    auth.login_as(world.member)
    response = client.post(
        f"{base}/votes/{vote.id}", data={f"vote{vote.id}-choice": vote.options[0].id}
    )
    assert response.status_code == 422
    assert "This vote has closed." in response.text
    assert "final result" in client.get(f"{base}/votes/{vote.id}").text


def test_closing_and_deleting_ask_first(client, auth, world, room):
    workshop, _, base = room
    vote = open_one(world, workshop)
    auth.login_as(world.facilitator)
    confirm = client.get(f"{base}/votes/{vote.id}/close")
    assert confirm.status_code == 200 and "Close the vote?" in confirm.text
    assert queries.open_vote(workshop) is not None
    response = client.post(f"{base}/votes/{vote.id}/close")
    assert response.status_code == 302
    assert queries.open_vote(workshop) is None
    assert client.get(f"{base}/votes/{vote.id}/close").status_code == 404
    assert client.post(f"{base}/votes/{vote.id}/off-wall").status_code == 302
    assert queries.wall_vote(workshop) is None
    confirm = client.get(f"{base}/votes/{vote.id}/delete")
    assert "Delete the vote?" in confirm.text
    client.post(f"{base}/votes/{vote.id}/delete")
    assert queries.votes_of(workshop) == []


MANAGE = {"facilitator", "admin"}
VIEW = MANAGE | {"observer", "member"}
CAST = {"member"}


@pytest.mark.parametrize(
    "role",
    ["facilitator", "admin", "observer", "member", "other_facilitator", "stranger"],
)
def test_who_may_do_what(client, auth, world, room, people, role):
    """Open and close: the process's facilitators; vote: its members; see: its
    people. A participant of another process is refused everything."""
    workshop, _, base = room
    vote = open_one(world, workshop)
    auth.login_as(people[role])
    url = f"{base}/votes/{vote.id}"
    for path, allowed in (
        (base + "/votes/new", MANAGE),
        (url + "/close", MANAGE),
        (url + "/delete", MANAGE),
        (url, VIEW),
    ):
        status = client.get(path).status_code
        assert (status == 200) == (role in allowed), (path, status)
    cast = client.post(url, data={f"vote{vote.id}-choice": vote.options[0].id})
    assert (cast.status_code == 302) == (role in CAST), cast.status_code
    if role not in CAST:
        assert cast.status_code in (403, 404)
    off = client.post(url + "/off-wall")
    assert (off.status_code == 302) == (role in MANAGE)


def test_anonymous_is_sent_to_sign_in(client, world, room):
    workshop, _, base = room
    vote = open_one(world, workshop)
    for path in ("/votes/new", f"/votes/{vote.id}", f"/votes/{vote.id}/close"):
        response = client.get(base + path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert client.post(f"{base}/votes/{vote.id}").status_code == 302
    assert votes.db.session.scalar(sa.select(sa.func.count(LiveVoteBallot.id))) == 0


def test_a_vote_of_another_workshop_is_not_found(
    client, auth, world, room, make_workshop
):
    workshop, _, base = room
    other = open_one(world, make_workshop("Toinen"))
    auth.login_as(world.facilitator)
    assert client.get(f"{base}/votes/{other.id}").status_code == 404
    assert client.get(f"{base}/votes/{other.id}/close").status_code == 404


def test_csrf_is_required(csrf_app, world, room):
    """Without a token nothing is opened or voted; with the page's token it is."""
    workshop, _, base = room
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = world.facilitator.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
    assert client.post(base + "/votes/new", data=typed()).status_code == 400
    token = csrf_token_from(client.get(base + "/votes/new").text)
    assert (
        client.post(base + "/votes/new", data=typed(csrf_token=token)).status_code
        == 302
    )
    vote = queries.open_vote(workshop)
    voter = csrf_app.test_client()
    with voter.session_transaction() as session:
        session["_user_id"] = world.member.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
    field = f"vote{vote.id}-choice"
    assert (
        voter.post(f"{base}/votes/{vote.id}", data={field: vote.options[0].id})
    ).status_code == 400
    page = voter.get(base + "/live").text
    token = csrf_token_from(
        page.replace(f'name="vote{vote.id}-csrf_token"', 'name="csrf_token"')
    )
    response = voter.post(
        f"{base}/votes/{vote.id}",
        data={field: vote.options[0].id, f"vote{vote.id}-csrf_token": token},
    )
    assert response.status_code == 302


# The projector -------------------------------------------------------------------


def test_the_projector_shows_the_bars_and_its_etag_changes_with_a_vote(
    client, auth, world, room
):
    workshop, _, base = room
    vote = open_one(world, workshop)
    auth.login_as(world.observer)
    first = client.get(base + "/projector/live")
    assert "Mihin panostetaan?" in first.text and "0 votes" in first.text
    tag = first.headers["ETag"]
    assert (
        client.get(base + "/projector/live", headers={"If-None-Match": tag}).status_code
        == 304
    )
    votes.cast(
        vote, voter=world.member, dots={vote.options[1].id: 1}, now=datetime.now(UTC)
    )
    votes.db.session.commit()
    again = client.get(base + "/projector/live", headers={"If-None-Match": tag})
    assert again.status_code == 200 and again.headers["ETag"] != tag
    assert "1 vote" in again.text and "100 %" in again.text
    assert "1 person has voted." in again.text


def test_a_phone_hears_of_a_vote_opened_after_its_page(client, auth, world, room):
    workshop, _, base = room
    auth.login_as(world.member)
    fragment = client.get(base + "/live?part=live")
    assert "A quick vote is open" not in fragment.text
    vote = open_one(world, workshop)
    fragment = client.get(
        base + "/live?part=live", headers={"If-None-Match": fragment.headers["ETag"]}
    )
    assert fragment.status_code == 200 and "A quick vote is open" in fragment.text
    shown = client.get(f"{base}/live?part=live&vote={vote.id}")
    assert "A quick vote is open" not in shown.text


def test_the_projector_fragment_reads_a_fixed_number_of_statements(
    client, auth, db, world, room, create_user
):
    """The number of SQL statements does not grow with the number of voters."""
    workshop, _, base = room
    vote = open_one(world, workshop, dots=2)
    auth.login_as(world.observer)
    counts = []
    voters = [world.member, world.other_member]
    for _ in range(6):
        person = create_user(Role.PARTICIPANT)
        db.session.add(GroupMembership(group=world.group, user=person))
        voters.append(person)
    db.session.commit()
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    for batch in (voters[:1], voters[1:3], voters[3:]):
        for person in batch:
            votes.cast(
                vote,
                voter=person,
                dots={vote.options[0].id: 1, vote.options[1].id: 1},
                now=datetime.now(UTC),
            )
        db.session.commit()
        statements.clear()
        sa.event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert client.get(base + "/projector/live").status_code == 200
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", count)
        counts.append(
            len([s for s in statements if not s.startswith(("BEGIN", "ROLLBACK"))])
        )
    assert len(set(counts)) == 1, counts
