"""The phone page before, during and after the seminar, and joining from the wall."""

from datetime import UTC, datetime, timedelta

import pytest

from app.models import JOIN_CODE_LENGTH, Role
from app.seminars import services_live as live
from app.seminars import services_workshops as workshops
from app.seminars.joining import find_workshop_by_code, qr_svg


@pytest.fixture()
def room(db, world, make_workshop):
    """A buzz-group workshop with two questions, the first shown; times set per test."""
    workshop = make_workshop("Porinat")
    first = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä toimii?"})
    second = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä puuttuu?"})
    live.set_current_prompt(workshop, first, actor=world.facilitator)
    db.session.commit()
    base = f"/p/{world.process.slug}/workshops/{workshop.id}"
    return workshop, first, second, base


def set_times(db, world, starts_at):
    world.phase.starts_at = starts_at
    world.phase.ends_at = starts_at + timedelta(hours=2)
    db.session.commit()


def note_data(prompt, group, body="Uusi idea", key="k1"):
    return {
        "note-body": body,
        "note-prompt_id": prompt.id,
        "note-group_id": group.id,
        "note-submission_key": key,
        "note-submit": "Add the note",
    }


def test_during_the_seminar_the_form_comes_first(client, auth, db, world, room):
    """Open: the state says now, the prompt and the form come before the notes and
    the list of prompts, with the group the note is written for."""
    _, first, _, base = room
    set_times(db, world, datetime.now(UTC) - timedelta(minutes=10))
    live.add_note(
        first, author=world.member, group=world.group, body="Vanha",
        now=datetime.now(UTC),
    )  # fmt: skip
    db.session.commit()
    auth.login_as(world.member)
    page = client.get(base + "/live").text
    form = page.index('name="note-body"')
    assert page.index('class="live-state live-state-open"') < form
    assert page.index("Mikä toimii?") < form
    assert page.index(f"on behalf of {world.group.name}") < form
    assert form < page.index("Latest notes") < page.index('id="prompts-heading"')
    assert form < page.index("Vanha")


def test_before_the_seminar_no_form_and_when_it_opens(client, auth, db, world, room):
    """Not open yet: the page says when notes open (30 minutes early) and has no form."""
    *_, base = room
    set_times(db, world, datetime(2030, 5, 15, 10, 0, tzinfo=UTC))
    auth.login_as(world.member)
    page = client.get(base + "/live").text
    assert "Not started yet" in page
    assert "Notes can be added from 15.5.2030 12.30" in page  # Helsinki time
    assert 'name="note-body"' not in page
    assert ">Now<" not in page


def test_after_the_seminar_ended_no_form_and_no_now(client, auth, db, world, room):
    """Ended: the page says so, shows no form and no "now" label, the notes stay."""
    _, first, _, base = room
    set_times(db, world, datetime.now(UTC) - timedelta(hours=5))
    live.add_note(
        first, author=world.member, group=world.group, body="Jäi talteen",
        now=world.phase.starts_at + timedelta(minutes=5),
    )  # fmt: skip
    db.session.commit()
    auth.login_as(world.member)
    page = client.get(base + "/live").text
    assert "Ended" in page and "could be added until" in page
    assert 'name="note-body"' not in page
    assert ">Now<" not in page and "Jäi talteen" in page
    fragment = client.get(base + "/live?part=live").text
    assert "The room is now on" not in fragment and "Jäi talteen" in fragment


def test_a_note_refused_because_it_ended_keeps_its_text(client, auth, db, world, room):
    """Sent from a page opened before the end: 422, the reason and the text shown."""
    _, first, _, base = room
    set_times(db, world, datetime.now(UTC) - timedelta(hours=5))
    auth.login_as(world.member)
    response = client.post(
        base + "/live", data=note_data(first, world.group, body="Ehdinkö vielä")
    )
    assert response.status_code == 422
    assert "seminar is over" in response.text and "Ehdinkö vielä" in response.text


def test_the_fragment_points_to_where_the_room_is(client, auth, db, world, room):
    """A phone on another prompt is told where the room is now."""
    _, first, second, base = room
    set_times(db, world, datetime.now(UTC) - timedelta(minutes=10))
    auth.login_as(world.member)
    fragment = client.get(f"{base}/live?part=live&prompt={second.id}").text
    assert "The room is now on" in fragment and "Mikä toimii?" in fragment


# Joining from the wall -----------------------------------------------------------


def test_every_workshop_has_its_own_join_code(room, make_workshop):
    """A code of eight unambiguous characters, found however it is typed."""
    workshop, *_ = room
    other = make_workshop("Toinen")
    assert len(workshop.join_code) == JOIN_CODE_LENGTH
    assert workshop.join_code != other.join_code
    typed = f" {workshop.join_code[:4].lower()}-{workshop.join_code[4:]} "
    assert find_workshop_by_code(typed) == workshop
    assert find_workshop_by_code("ABCD") is None and find_workshop_by_code("") is None


def test_the_qr_code_is_inline_svg_without_style(app):
    """The QR code is plain SVG with a name: nothing the CSP would refuse."""
    svg = str(qr_svg("https://example.fi/join?code=K7P2MQ4H", 'A "quoted" <name>'))
    assert svg.startswith(
        '<svg role="img" aria-label="A &#34;quoted&#34; &lt;name&gt;"'
    )
    assert "style" not in svg and "<script" not in svg and "<?xml" not in svg


def test_projector_shows_the_address_code_and_qr(client, auth, db, world, room):
    """The wall: the join address, the code in fours and the QR code with its address."""
    workshop, *_, base = room
    auth.login_as(world.facilitator)
    page = client.get(base + "/projector").text
    code = workshop.join_code
    assert f"{code[:4]} {code[4:]}" in page
    assert "/join</strong>" in page and f"/join?code={code}" in page
    assert '<svg role="img"' in page


def test_join_sheet_is_for_facilitators(client, auth, world, room):
    """The printable sheet: the facilitator prints it; a member may not."""
    workshop, *_, base = room
    auth.login_as(world.facilitator)
    page = client.get(base + "/join-sheet")
    assert page.status_code == 200
    assert '<svg role="img"' in page.text and "js/print.js" in page.text
    assert f"/join?code={workshop.join_code}" in page.text
    auth.login_as(world.member)
    assert client.get(base + "/join-sheet").status_code == 403


def test_scanning_as_a_member_opens_the_phone_page(client, auth, world, room):
    """The QR code's address leads a member straight to the workshop's phone page."""
    workshop, *_, base = room
    auth.login_as(world.member)
    response = client.get(f"/join?code={workshop.join_code}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(base + "/live")
    typed = client.post("/join", data={"code": workshop.join_code.lower()})
    assert typed.headers["Location"].endswith(base + "/live")


def test_scanning_signed_out_says_how_to_get_in(client, world, room):
    """Signed out: the workshop is named, with sign-in and the group's code, both
    continuing to the workshop."""
    workshop, *_, base = room
    page = client.get(f"/join?code={workshop.join_code}")
    assert page.status_code == 200
    assert "Porinat" in page.text and "Join your work group" in page.text
    assert f"/login?next={base}/live" in page.text
    assert f'action="/join?next={base}/live"' in page.text


def test_joining_the_group_then_continues_to_the_workshop(
    client, db, world, room, create_group
):
    """The group's code typed on the workshop's page: join, then the phone page."""
    *_, base = room
    group = world.group
    response = client.post(f"/join?next={base}/live", data={"code": group.invite_code})
    assert response.status_code == 302
    join_url = response.headers["Location"]
    assert f"/join/{group.invite_code}" in join_url and "next=" in join_url
    joined = client.post(join_url, data={"display_name": "Puhelimen Pekka"})
    assert joined.status_code == 302 and joined.headers["Location"].endswith(
        base + "/live"
    )


def test_signed_in_outsider_is_told_to_join_a_group(client, auth, create_user, room):
    """Signed in, but in no group of the process: the same page, no sign-in link."""
    workshop, *_ = room
    auth.login_as(create_user(Role.PARTICIPANT, name="Ulla Ulkopuolinen"))
    page = client.get(f"/join?code={workshop.join_code}").text
    assert "Ulla Ulkopuolinen" in page and "not in a work group" in page
    assert "/login?next=" not in page


def test_unknown_code_is_said_plainly(client):
    """A code that is neither a group's nor a workshop's: the form's error."""
    response = client.post("/join", data={"code": "ZZZZ ZZZZ"})
    assert response.status_code == 422


# Offline-safe capture (the browser test sends notes offline) ---------------------


def test_offline_pieces_are_served(client, auth, db, world, room):
    """The worker script under /p/ (its scope), a token for the session, and the
    phone page's form marked for the script only while the form is shown."""
    *_, base = room
    worker = client.get("/p/live-sw.js")
    assert worker.status_code == 200 and "javascript" in worker.content_type
    assert "caches" in worker.text
    token = client.get("/csrf-token")
    assert token.status_code == 200 and token.json["csrf_token"]
    auth.login_as(world.member)
    set_times(db, world, datetime.now(UTC) - timedelta(minutes=10))
    page = client.get(base + "/live").text
    assert "data-offline-notes" in page and "js/live-offline.js" in page
    set_times(db, world, datetime.now(UTC) - timedelta(hours=5))
    assert "js/live-offline.js" not in client.get(base + "/live").text
