"""Downloading one's own data: complete, one's own only, as a UTF-8 JSON attachment."""

from __future__ import annotations

import json

from app.extensions import db as _db
from app.privacy.queries_own_data import USER_COLUMNS, own_data


def test_every_column_pointing_at_users_is_handled(app):
    """A new foreign key to users.id must be added to the download and the deletion."""
    found = {
        (table.name, fk.parent.name)
        for table in _db.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "users"
    }
    assert found == set(USER_COLUMNS)


def test_download_is_a_json_attachment_of_my_data_only(
    client, auth, people, build_process
):
    """The file holds my comment with its earlier version, flag, vote, workshop and
    survey traces, and nothing of the other participant's."""
    world = build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    auth.login_as(people.participant)
    response = client.get("/account/data.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    raw = response.get_data(as_text=True)
    assert "Metsäkoulu: oma kommentti ääkkösin" in raw  # ensure_ascii=False
    data = json.loads(raw)
    assert data["account"]["name"] == "Oona Osallistuja"
    assert "password_hash" not in raw and "session_version" not in raw
    assert people.participant.session_version not in raw
    [membership] = data["memberships"]
    assert membership["group"] == world.group.name
    texts = {c["text"] for c in data["comments"]}
    assert "Metsäkoulu: oma kommentti ääkkösin" in texts
    assert "Metsäkoulu: työpajamuistiinpano" in texts
    mine = next(c for c in data["comments"] if c["id"] == world.mine.id)
    assert mine["question"] == "Mikä toimii?"
    assert mine["earlier_versions"][0]["text"] == "Metsäkoulu: ensimmäinen versio"
    assert data["flags"][0]["reason"] == "Metsäkoulu: asiaton"
    assert data["votes"][0]["entries"] == [
        {"theme": world.theme.title["fi"], "value": 1}
    ]
    assert len(data["workshop_choices"]) == 1
    assert data["feeling_marks"][0]["value"] == 4
    assert data["proposed_topics"][0]["topic"] == "Väite"
    [survey] = data["survey_responses"]
    assert {a["score"] for a in survey["answers"]} == {4, None}
    assert "Metsäkoulu: kyselyvastaus" in {a["text"] for a in survey["answers"]}
    # Nothing of the other participant's.
    assert "Toivo Toinen" not in raw
    assert "toisen kommentti" not in raw
    assert "Metsäkoulu: vastaus" not in raw


def test_a_staff_members_download_names_their_letters_and_actions(
    client, auth, people, build_process
):
    """A facilitator's file lists their role, the process they created, the letters
    addressed to them and the values they entered."""
    world = build_process(
        author=people.facilitator, other=people.other, facilitator=people.facilitator
    )
    data = own_data(people.facilitator)
    assert data["process_roles"] == [
        {
            "process": {"slug": world.process.slug, "title": world.process.title["fi"]},
            "role": "facilitator",
        }
    ]
    assert [m["subject"] for m in data["letters"]] == ["Metsäkoulu: muistio"]
    staff = data["as_facilitator_or_observer"]
    assert staff["indicator_values"][0]["value"] == 31.5
    assert staff["action_notes"][0]["text"] == "muistiinpano"
    assert len(staff["coding_decisions"]) == 1
    assert data["account"]["email"] == people.facilitator.email


def test_download_needs_sign_in(client):
    """Signed out, the download sends to the sign-in page."""
    response = client.get("/account/data.json")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_my_data_page_links_download_and_deletion(client, auth, people):
    """The Your data page offers the download and the deletion."""
    auth.login_as(people.participant)
    html = client.get("/account/data").get_data(as_text=True)
    assert 'href="/account/data.json"' in html
    assert 'href="/account/delete"' in html
    assert "Oona Osallistuja" in html


def test_api_tokens_are_in_the_download_without_the_token(
    client, auth, db, create_user, create_process
):
    """One's API tokens are listed by name and first characters, never the token
    or its hash (issue 18)."""
    from datetime import UTC, datetime

    from app.models import Role
    from app.tokens.services import create_token

    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator, slug="tokenit")
    token, text = create_token(
        facilitator, name="Raportti", processes=[process], days=5, now=datetime.now(UTC)
    )
    db.session.commit()
    auth.login_as(facilitator)
    raw = client.get("/account/data.json").get_data(as_text=True)
    [listed] = json.loads(raw)["api_tokens"]
    assert listed["name"] == "Raportti" and listed["processes"] == ["tokenit"]
    assert listed["starts_with"] == token.hint
    assert text not in raw and token.token_hash not in raw
