"""The phone page and the control page by role: read, post, control, 404s."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.models import Comment, FeelingMark, ModerationEvent, Prompt, WorkshopMethod
from app.seminars import services_live as live
from app.seminars import services_workshops as workshops


@pytest.fixture()
def on_now(db, world):
    """The seminar is on right now (started ten minutes ago)."""
    now = datetime.now(UTC)
    world.phase.starts_at = now - timedelta(minutes=10)
    world.phase.ends_at = now + timedelta(hours=2)
    db.session.commit()
    return now


@pytest.fixture()
def room(db, world, make_workshop, on_now):
    """A buzz-group workshop with two questions; the first is shown."""
    workshop = make_workshop("Porinat")
    first = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä toimii?"})
    second = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä puuttuu?"})
    live.set_current_prompt(workshop, first, actor=world.facilitator)
    db.session.commit()
    base = f"/p/{world.process.slug}/workshops/{workshop.id}"
    return workshop, first, second, base


def add(world, prompt, body="Muistiinpano", now=None):
    note, _ = live.add_note(
        prompt,
        author=world.member,
        group=world.group,
        body=body,
        now=now or datetime.now(UTC),
    )
    live.db.session.commit()
    return note


def note_data(prompt, body="Uusi idea", key="k1"):
    return {
        "note-body": body,
        "note-prompt_id": prompt.id,
        "note-group_id": "",
        "note-submission_key": key,
        "note-submit": "Add the note",
    }


def test_anonymous_is_sent_to_sign_in(client, room):
    """Every live page asks an anonymous visitor to sign in."""
    *_, base = room
    for page in ["/live", "/control", "/projector", "/projector/live"]:
        response = client.get(base + page)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_outsiders_get_403(client, auth, world, room):
    """A facilitator of another process sees nothing and posts nothing."""
    _, first, _, base = room
    auth.login_as(world.outsider)
    for page in ["/live", "/control", "/projector", "/projector/live"]:
        assert client.get(base + page).status_code == 403, page
    assert client.post(base + "/live", data=note_data(first)).status_code == 403
    assert client.post(base + "/control/next").status_code == 403


def test_another_process_workshop_is_not_found(
    client, auth, world, room, create_process
):
    """A workshop id under another process's address is a 404."""
    workshop, *_ = room
    other = create_process(facilitator=world.facilitator)
    auth.login_as(world.facilitator)
    for page in ["/live", "/control", "/projector"]:
        url = f"/p/{other.slug}/workshops/{workshop.id}{page}"
        assert client.get(url).status_code == 404


def test_member_adds_a_note(client, auth, db, world, room):
    """A member posts a note for the group (PRG); a resent form adds nothing."""
    _, first, _, base = room
    auth.login_as(world.member)
    page = client.get(base + "/live")
    assert page.status_code == 200 and "Mikä toimii?" in page.text
    data = note_data(first)
    data["note-group_id"] = world.group.id
    response = client.post(base + "/live", data=data)
    assert (
        response.status_code == 302
        and f"prompt={first.id}" in response.headers["Location"]
    )
    assert client.post(base + "/live", data=data).status_code == 302
    notes = db.session.scalars(sa.select(Comment)).all()
    assert [note.body for note in notes] == ["Uusi idea"]
    assert notes[0].group_id == world.group.id
    assert "Uusi idea" in client.get(base + "/live").text


def test_a_note_is_one_transaction_and_reads_no_notes(
    client, auth, db, world, room, count_statements
):
    """A saved note is answered with a redirect: its POST reads none of the notes
    the page would show, and builds the address before the commit, so it is one
    transaction (on SQLite one BEGIN IMMEDIATE, not a second one to read the note
    and the workshop again after the commit)."""
    _, first, _, base = room
    for n in range(3):
        add(world, first, f"Aiempi muistiinpano {n}")
    auth.login_as(world.member)
    begins = []

    def record(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("BEGIN"):
            begins.append(statement)

    data = note_data(first)
    data["note-group_id"] = world.group.id
    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        with count_statements() as log:
            response = client.post(base + "/live", data=data)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    assert response.status_code == 302 and "#notes" in response.headers["Location"]
    if db.engine.dialect.name == "sqlite":
        assert begins == ["BEGIN IMMEDIATE"]
    else:
        assert len(begins) <= 1
    reads_of_notes = [
        s for s in log if s.lstrip().upper().startswith("SELECT comments.")
    ]
    # The submission key's look-up for a resent note, nothing more.
    assert len(reads_of_notes) <= 1, reads_of_notes


def test_refused_note_keeps_the_text(client, auth, world, room):
    """A note over 500 characters comes back with 422 and its text."""
    _, first, _, base = room
    auth.login_as(world.member)
    data = note_data(first, body="pitkä " * 100)
    data["note-group_id"] = world.group.id
    response = client.post(base + "/live", data=data)
    assert response.status_code == 422
    assert "pitkä pitkä" in response.text and "at most 500 characters" in response.text


def test_note_outside_the_seminar_is_refused(client, auth, db, world, room):
    """After the seminar (and its hour of grace) the form says so with 422."""
    _, first, _, base = room
    world.phase.ends_at = datetime.now(UTC) - timedelta(hours=2)
    world.phase.starts_at = world.phase.ends_at - timedelta(hours=2)
    db.session.commit()
    auth.login_as(world.member)
    data = note_data(first)
    data["note-group_id"] = world.group.id
    response = client.post(base + "/live", data=data)
    assert response.status_code == 422 and "seminar is over" in response.text


def test_observer_reads_but_cannot_post(client, auth, world, room):
    """An observer opens the phone page and the projector, but posts nothing."""
    _, first, _, base = room
    add(world, first, "Näkyvä")
    auth.login_as(world.observer)
    page = client.get(base + "/live")
    assert page.status_code == 200 and "Näkyvä" in page.text
    assert "Add a note" not in page.text
    assert client.post(base + "/live", data=note_data(first)).status_code == 403
    assert client.get(base + "/control").status_code == 403


@pytest.mark.parametrize("who", ["observer", "member"])
def test_only_facilitators_control(client, auth, world, room, who):
    """Observers and members cannot open the control page or press its buttons."""
    *_, base = room
    auth.login_as(getattr(world, who))
    assert client.get(base + "/control").status_code == 403
    assert client.post(base + "/control/next").status_code == 403


def test_facilitator_moves_the_session(client, auth, db, world, room):
    """Next, previous and choosing the prompt change what the room follows."""
    workshop, first, second, base = room
    auth.login_as(world.facilitator)
    assert client.get(base + "/control").status_code == 200
    assert client.post(base + "/control/next").status_code == 302
    db.session.refresh(workshop)
    assert workshop.current_prompt_id == second.id
    client.post(base + "/control/next")  # already at the end: said, not changed
    client.post(base + "/control/current", data={"prompt_id": ""})
    db.session.refresh(workshop)
    assert workshop.current_prompt_id is None
    client.post(base + "/control/current", data={"prompt_id": first.id})
    db.session.refresh(workshop)
    assert workshop.current_prompt_id == first.id
    assert client.post(base + "/control/bogus").status_code == 404


def test_facilitator_tidies_notes(client, auth, db, world, room):
    """Move, merge, hide (with a reason, logged) and restore from the control page."""
    _, first, second, base = room
    a, b = add(world, first, "Sama asia"), add(world, first, "Sama asia myös")
    auth.login_as(world.facilitator)
    page = client.get(base + "/control")
    assert "Sama asia myös" in page.text
    client.post(base + "/control/move", data={"note_id": a.id, "prompt_id": second.id})
    client.post(base + "/control/merge", data={"note_id": b.id, "into_id": a.id})
    db.session.expire_all()
    assert (
        a.prompt_id == second.id
        and b.merged_into_id == a.id
        and b.prompt_id == second.id
    )
    client.post(base + "/control/hide", data={"note_id": a.id, "reason": ""})
    db.session.expire_all()
    assert not a.is_hidden  # the reason is required
    client.post(base + "/control/hide", data={"note_id": a.id, "reason": "Asiaton"})
    client.post(base + "/control/restore", data={"note_id": a.id})
    client.post(base + "/control/unmerge", data={"note_id": b.id})
    db.session.expire_all()
    assert not a.is_hidden and b.merged_into_id is None
    assert db.session.scalar(sa.select(sa.func.count(ModerationEvent.id))) == 2


def test_control_refuses_another_workshops_note(
    client, auth, db, world, room, make_workshop
):
    """A note id of another workshop is not found from this control page."""
    _, first, _, base = room
    other = make_workshop("Toinen")
    elsewhere = workshops.add_workshop_prompt(other, question={"fi": "Muu"})
    db.session.commit()
    note = add(world, elsewhere, "Muualla")
    auth.login_as(world.facilitator)
    response = client.post(
        base + "/control/hide", data={"note_id": note.id, "reason": "x"}
    )
    assert response.status_code == 404


def test_process_walk_station_and_rotation(
    client, auth, db, world, make_workshop, on_now
):
    """The phone points the group to its station; the control page shows the round."""
    workshop = make_workshop("Kävely", method=WorkshopMethod.PROCESS_WALK)
    for n in (1, 2):
        workshops.add_workshop_prompt(workshop, question={"fi": f"Asema {n}"})
    db.session.commit()
    base = f"/p/{world.process.slug}/workshops/{workshop.id}"
    auth.login_as(world.member)
    assert "Your group's station" in client.get(base + "/live").text
    auth.login_as(world.facilitator)
    page = client.get(base + "/control")
    assert "Round 1 of 2" in page.text and world.group.name in page.text
    client.post(base + "/control/next")
    client.post(base + "/control/next")
    assert "Round 2 of 2" in client.get(base + "/control").text
    wall = client.get(base + "/projector").text
    assert "Round 2 of 2" in wall and world.group.name in wall


def test_open_space_topics_from_phones(client, auth, db, world, make_workshop, on_now):
    """A member proposes a topic; the facilitator deletes it."""
    workshop = make_workshop("Avoin", method=WorkshopMethod.OPEN_SPACE)
    base = f"/p/{world.process.slug}/workshops/{workshop.id}"
    auth.login_as(world.member)
    response = client.post(
        base + "/live",
        data={"topic-question": "Työelämäyhteistyö", "topic-submit": "x"},
    )
    assert response.status_code == 302
    topic = db.session.scalar(
        sa.select(Prompt).where(Prompt.workshop_id == workshop.id)
    )
    assert topic.proposed_by_id == world.member.id
    assert "Työelämäyhteistyö" in client.get(base + "/projector").text
    empty = client.post(
        base + "/live", data={"topic-question": "", "topic-submit": "x"}
    )
    assert empty.status_code == 422
    auth.login_as(world.facilitator)
    client.post(base + "/control/delete-topic", data={"prompt_id": topic.id})
    assert db.session.scalar(sa.select(sa.func.count(Prompt.id))) == 0


def test_feeling_line_marks_from_phones(client, auth, db, world, make_workshop, on_now):
    """A member places a mark; the projector shows the distribution in numbers."""
    workshop = make_workshop("Tunne", method=WorkshopMethod.FEELING_LINE)
    statement = workshops.add_workshop_prompt(workshop, question={"fi": "Toiveikas"})
    db.session.commit()
    base = f"/p/{world.process.slug}/workshops/{workshop.id}"
    auth.login_as(world.member)
    page = client.get(base + "/live")
    assert "Strongly agree" in page.text
    field = f"mark{statement.id}"
    response = client.post(
        base + "/live", data={f"{field}-value": "4", f"{field}-submit": "x"}
    )
    assert response.status_code == 302
    assert db.session.scalar(sa.select(FeelingMark.value)) == 4
    assert client.post(base + "/live", data={f"{field}-submit": "x"}).status_code == 422
    wall = client.get(base + "/projector").text
    assert "1 mark in all." in wall and "Average 4.0" in wall


def test_a_note_without_a_valid_csrf_token_is_refused_with_its_text(
    csrf_app, world, room
):
    """CSRF is checked by the note form itself: no note, 422, the text kept."""
    _, first, _, base = room
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = world.member.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
        session["lang"] = "en"
    data = note_data(first, body="Tärkeä huomio salissa")
    data["note-group_id"] = world.group.id
    data["note-csrf_token"] = "forged"
    response = client.post(base + "/live", data=data)
    assert response.status_code == 422
    assert "Tärkeä huomio salissa" in response.text
    assert live.db.session.scalar(sa.select(sa.func.count(Comment.id))) == 0


def test_the_page_after_a_note_opens(client, auth, world, room):
    """The note's redirect target (?prompt=) renders for the member who posted."""
    _, first, second, base = room
    auth.login_as(world.member)
    data = note_data(first, body="Näkyykö tämä")
    data["note-group_id"] = world.group.id
    response = client.post(base + "/live", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert "Näkyykö tämä" in response.text
    assert client.get(f"{base}/live?prompt={second.id}").status_code == 200
    assert client.get(f"{base}/live?prompt=abc").status_code == 200
