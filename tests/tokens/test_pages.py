"""The API tokens page: make a token (shown once, stored hashed), list, revoke."""

from __future__ import annotations

import re

import sqlalchemy as sa

from app.models import ApiToken, Role, hash_token


def _english(client):
    with client.session_transaction() as session:
        session["lang"] = "en"


def _setup(client, auth, create_user, create_process):
    _english(client)
    facilitator = create_user(Role.FACILITATOR)
    mine = create_process(facilitator=facilitator, slug="oma")
    theirs = create_process(slug="vieras")
    auth.login_as(facilitator)
    return facilitator, mine, theirs


def test_token_is_shown_once_and_stored_hashed(
    client, auth, db, create_user, create_process
):
    facilitator, mine, theirs = _setup(client, auth, create_user, create_process)
    page = client.get("/tokens/").get_data(as_text=True)
    assert "You have no API tokens yet." in page
    choices = re.findall(r'name="processes"[^>]*value="(\d+)"', page)
    assert choices == [str(mine.id)]
    response = client.post(
        "/tokens/", data={"name": "Raportointi", "processes": [mine.id], "days": "30"}
    )
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    token_text = re.search(r'value="(osa_[^"]+)"', text).group(1)
    assert "shown only this once" in text
    token = db.session.scalar(sa.select(ApiToken))
    assert token.token_hash == hash_token(token_text)
    assert token_text not in (token.hint + token.name)
    assert [p.id for p in token.processes] == [mine.id]
    # Later the list shows only its first characters.
    later = client.get("/tokens/").get_data(as_text=True)
    assert token_text not in later and token.hint in later
    assert (
        client.get(
            "/api/v1/processes/oma", headers={"Authorization": f"Bearer {token_text}"}
        ).status_code
        == 200
    )


def test_form_says_what_to_fix(client, auth, db, create_user, create_process):
    facilitator, mine, theirs = _setup(client, auth, create_user, create_process)
    response = client.post("/tokens/", data={"name": "", "days": "0"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Choose at least one process." in page
    assert "From 1 to 365 days." in page
    # Another's process is not among the choices.
    response = client.post(
        "/tokens/", data={"name": "x", "processes": [theirs.id], "days": "5"}
    )
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0


def test_revoking_asks_first(client, auth, db, create_user, create_process):
    facilitator, mine, theirs = _setup(client, auth, create_user, create_process)
    client.post(
        "/tokens/", data={"name": "Poistettava", "processes": [mine.id], "days": "3"}
    )
    token = db.session.scalar(sa.select(ApiToken))
    page = client.get(f"/tokens/{token.id}/revoke").get_data(as_text=True)
    assert "can no longer read the API" in page
    assert client.post(f"/tokens/{token.id}/revoke").status_code == 302
    db.session.expire_all()
    assert db.session.get(ApiToken, token.id).revoked_at is not None
    assert "Revoked" in client.get("/tokens/").get_data(as_text=True)


def test_someone_elses_token_is_not_found(
    client, auth, db, create_user, create_process
):
    facilitator, mine, theirs = _setup(client, auth, create_user, create_process)
    client.post("/tokens/", data={"name": "Oma", "processes": [mine.id], "days": "3"})
    token = db.session.scalar(sa.select(ApiToken))
    auth.login_as(create_user(Role.FACILITATOR))
    assert client.get(f"/tokens/{token.id}/revoke").status_code == 404
    assert client.post(f"/tokens/{token.id}/revoke").status_code == 404
