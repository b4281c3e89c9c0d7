"""The wall gathered into piles (issue 20 item 4, issue 17's "group, then dot-vote"):
notes that say the same thing come together, loners stay alone, too few notes are
said plainly, no model is said plainly, and the piles can become a quick vote."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.embeddings import services as embeddings
from app.seminars import queries_piles
from app.seminars import services_live as live
from tests.embedding_backend import LONERS, LUNCH, PARKING, Topics, embedding_backend


@pytest.fixture()
def topics(app):
    with embedding_backend(app, "topics", Topics()) as instance:
        yield instance


def put_on_wall(db, world, prompt, texts):
    notes = [
        live.add_note(
            prompt,
            author=world.member,
            group=world.group,
            body=text,
            now=datetime.now(UTC),
        )[0]
        for text in texts
    ]
    db.session.commit()
    return notes


def test_notes_that_say_the_same_thing_make_a_pile(db, world, live_room, topics):
    workshop, first, _ = live_room
    put_on_wall(db, world, first, PARKING + LUNCH + LONERS)
    embeddings.fill(topics)
    wall = queries_piles.wall_piles(world.process, workshop)
    assert wall.has_model and not wall.too_few and wall.waiting == 0
    piles = sorted(sorted(note.body for note in pile.notes) for pile in wall.piles)
    assert piles == sorted([sorted(PARKING), sorted(LUNCH)])
    assert sorted(note.body for note in wall.alone) == sorted(LONERS)
    labels = " ".join(pile.label for pile in wall.piles)
    assert "pysäköinti" in labels and "kouluruoka" in labels


def test_hidden_and_merged_notes_stay_out(db, world, live_room, topics):
    workshop, first, _ = live_room
    notes = put_on_wall(db, world, first, PARKING + LUNCH + LONERS)
    notes[0].hidden_at = datetime.now(UTC)
    db.session.commit()
    embeddings.fill(topics)
    wall = queries_piles.wall_piles(world.process, workshop)
    shown = {note.id for pile in wall.piles for note in pile.notes} | {
        note.id for note in wall.alone
    }
    assert notes[0].id not in shown and len(shown) == len(notes) - 1


def test_the_page_says_when_there_are_too_few_notes(
    client, auth, db, world, live_room, topics
):
    workshop, first, base = live_room
    put_on_wall(db, world, first, PARKING[:3])
    embeddings.fill(topics)
    auth.login_as(world.facilitator)
    page = client.get(base + "/piles")
    assert page.status_code == 200
    assert "The wall has 3 notes ready for comparing; piles need at least" in page.text
    assert "Vote on the piles" not in page.text


def test_the_page_says_when_there_is_no_model(client, auth, world, live_room):
    _, _, base = live_room
    auth.login_as(world.facilitator)
    page = client.get(base + "/piles")
    assert page.status_code == 200
    assert "the sentence-embedding model is not in use" in page.text


def test_the_piles_page_and_a_vote_on_the_piles(
    client, auth, db, world, live_room, topics
):
    workshop, first, base = live_room
    put_on_wall(db, world, first, PARKING + LUNCH + LONERS)
    embeddings.fill(topics)
    auth.login_as(world.facilitator)
    control = client.get(base + "/control")
    assert base + "/piles" in control.text
    page = client.get(base + "/piles")
    assert page.status_code == 200
    assert "2 piles" in page.text and "2 notes on their own" in page.text
    assert "Vote on the piles" in page.text
    form = client.get(base + "/votes/new?from=piles")
    options = form.text.split('name="options"')[1].split("</textarea>")[0]
    assert "pysäköinti" in options and "kouluruoka" in options


@pytest.mark.parametrize("who", ["member", None])
def test_only_the_team_sees_the_piles(client, auth, world, live_room, who):
    _, _, base = live_room
    if who:
        auth.login_as(getattr(world, who))
    response = client.get(base + "/piles")
    assert response.status_code == (403 if who else 302)
