"""The workshop projector: what the wall shows, its ETag and 304 without reading notes."""

from datetime import UTC, datetime, timedelta

import pytest

from app.seminars import queries_live as live_queries
from app.seminars import services_live as live
from app.seminars import services_workshops as workshops


@pytest.fixture()
def wall(db, world, make_workshop):
    """A buzz-group workshop during the seminar, its first question on the wall."""
    now = datetime.now(UTC)
    world.phase.starts_at = now - timedelta(minutes=10)
    world.phase.ends_at = now + timedelta(hours=2)
    workshop = make_workshop("Porinat")
    first = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä toimii?"})
    live.set_current_prompt(workshop, first, actor=world.facilitator)
    db.session.commit()
    base = f"/p/{world.process.slug}/workshops/{workshop.id}"
    return workshop, first, base


def add(world, prompt, body):
    note, _ = live.add_note(
        prompt, author=world.member, group=world.group, body=body, now=datetime.now(UTC)
    )
    live.db.session.commit()
    return note


def forbid_reading_notes(monkeypatch):
    """Make every read of notes, counts or marks fail loudly."""

    def boom(*args, **kwargs):
        raise AssertionError("the 304 path must not read the notes")

    for name in (
        "note_cards",
        "projector_notes",
        "note_counts",
        "distribution",
        "rotation",
    ):
        monkeypatch.setattr(live_queries, name, boom)


def test_wall_shows_the_prompt_and_visible_notes(client, auth, db, world, wall):
    """The current prompt, its notes counted once with "+2 similar", hidden ones not."""
    _, first, base = wall
    target = add(world, first, "Yhteinen kalenteri")
    for text in ("Kalenteri yhteiseksi", "Sama kalenteri"):
        live.merge_notes(
            add(world, first, text),
            target,
            actor=world.facilitator,
            now=datetime.now(UTC),
        )
    secret = add(world, first, "Poistettava")
    live.hide_note(
        secret, actor=world.facilitator, reason="Asiaton", now=datetime.now(UTC)
    )
    db.session.commit()
    auth.login_as(world.observer)
    page = client.get(base + "/projector")
    assert page.status_code == 200
    assert "Porinat" in page.text and "Mikä toimii?" in page.text
    assert "Yhteinen kalenteri" in page.text and "+2 similar" in page.text
    assert "Sama kalenteri" not in page.text and "Poistettava" not in page.text
    assert 'data-live-url="' in page.text and "live-poll.js" in page.text


def test_304_without_reading_the_notes(client, auth, world, wall, monkeypatch):
    """A matching If-None-Match gets 304 from the page and the fragment alike."""
    _, first, base = wall
    add(world, first, "Eka")
    auth.login_as(world.member)
    for url in (
        base + "/projector",
        base + "/projector/live",
        base + "/live?part=live",
    ):
        first_response = client.get(url)
        assert first_response.status_code == 200
        tag = first_response.headers["ETag"]
        # Kept by no cache: the script sends the ETag itself and gets its 304.
        assert first_response.headers["Cache-Control"] == "no-store"
        with monkeypatch.context() as patched:
            forbid_reading_notes(patched)
            again = client.get(url, headers={"If-None-Match": tag})
        assert again.status_code == 304, url
        assert again.data == b"" and again.headers["ETag"] == tag


def test_etag_changes_after_a_note(client, auth, world, wall):
    """A new note changes the ETag, and the fragment then shows it."""
    workshop, first, base = wall
    auth.login_as(world.observer)
    tag = client.get(base + "/projector/live").headers["ETag"]
    add(world, first, "Uusi muistiinpano")
    response = client.get(base + "/projector/live", headers={"If-None-Match": tag})
    assert response.status_code == 200
    assert response.headers["ETag"] != tag
    assert "Uusi muistiinpano" in response.text
    assert "<html" not in response.text  # only the live part


def test_etag_depends_on_the_language(client, auth, world, wall):
    """The same version in another language is another page."""
    *_, base = wall
    auth.login_as(world.observer)
    english = client.get(base + "/projector/live").headers["ETag"]
    with client.session_transaction() as session:
        session["lang"] = "fi"
    finnish = client.get(base + "/projector/live", headers={"If-None-Match": english})
    assert finnish.status_code == 200 and finnish.headers["ETag"] != english


def test_prompt_change_refreshes_the_wall(client, auth, db, world, wall):
    """Moving on to another prompt changes the ETag."""
    workshop, _, base = wall
    second = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä puuttuu?"})
    db.session.commit()
    auth.login_as(world.facilitator)
    tag = client.get(base + "/projector/live").headers["ETag"]
    client.post(base + "/control/next")
    response = client.get(base + "/projector/live", headers={"If-None-Match": tag})
    assert response.status_code == 200 and second.question["fi"] in response.text


# The control page's notes refresh themselves (issue 17, item 6) ----------------


def test_control_notes_refresh_with_the_wall(client, auth, world, wall, monkeypatch):
    """The control page carries its notes' version; its polling script gets 304
    until a note arrives or is hidden, then the notes alone, with the actions."""
    _, first, base = wall
    add(world, first, "Eka")
    auth.login_as(world.facilitator)
    page = client.get(base + "/control")
    assert page.status_code == 200
    assert 'data-live-url="' + base + '/control?part=live"' in page.text
    assert "data-hold-while-editing" in page.text
    tag = page.headers.get("ETag") or _data_etag(page.text)
    with monkeypatch.context() as patched:
        forbid_reading_notes(patched)
        unchanged = client.get(
            base + "/control?part=live", headers={"If-None-Match": tag}
        )
    assert unchanged.status_code == 304

    note = add(world, first, "Toinen muistiinpano")
    changed = client.get(base + "/control?part=live", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and "<html" not in changed.text
    assert "Toinen muistiinpano" in changed.text
    assert f'name="note_id" value="{note.id}"' in changed.text  # its actions too

    tag = changed.headers["ETag"]
    live.hide_note(
        note, actor=world.facilitator, reason="Kaksoiskappale", now=datetime.now(UTC)
    )
    live.db.session.commit()
    hidden = client.get(base + "/control?part=live", headers={"If-None-Match": tag})
    assert hidden.status_code == 200 and "Kaksoiskappale" in hidden.text


def test_control_notes_are_the_teams(client, auth, world, wall):
    """The notes with their actions are the facilitator's; another version than
    the projector's (the same wall, other HTML)."""
    *_, base = wall
    auth.login_as(world.member)
    assert client.get(base + "/control?part=live").status_code == 403
    auth.login_as(world.facilitator)
    control = client.get(base + "/control?part=live").headers["ETag"]
    projector = client.get(base + "/projector/live").headers["ETag"]
    assert control != projector


def _data_etag(html: str) -> str:
    import re

    return re.search(r'data-etag="([^"]+)"', html).group(1).replace("&#34;", '"')
