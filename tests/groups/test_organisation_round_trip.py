"""Adding an organisation from the work-group form: back to the form with what was
typed kept and the new organisation selected (new and edit forms), no open redirect."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import sqlalchemy as sa

from app.models import Organisation, WorkGroup

TYPED = {
    "name": "Tuusulan nuorisotyö",
    "contact_name": "Tiina Tuusula",
    "contact_email": "tiina@tuusula.fi",
    "seats": "6",
}


def _selected_id(html: str) -> str:
    select = re.search(r'<select[^>]*id="organisation_id".*?</select>', html, re.S)
    options = re.findall(r"<option([^>]*)>", select.group(0))
    chosen = [o for o in options if "selected" in o]
    assert len(chosen) == 1, chosen
    return re.search(r'value="([^"]*)"', chosen[0]).group(1)


def _add_organisation_from(client, form_url: str, data: dict) -> str:
    """Press "Add an organisation" on the group form; return the organisation form's URL."""
    response = client.post(form_url, data={**data, "add_organisation": "1"})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert urlsplit(location).path == "/organisations/new"
    assert "draft" in parse_qs(urlsplit(location).query)
    return location


def test_new_group_form_comes_back_with_the_typed_values(client, auth, db, world):
    """Typed name and contact survive the round trip; the new organisation is chosen."""
    auth.login_as(world.facilitator)
    form_url = f"/p/{world.process.slug}/groups/new"
    groups_before = db.session.scalar(sa.select(sa.func.count(WorkGroup.id)))
    org_url = _add_organisation_from(client, form_url, TYPED)
    assert db.session.scalar(sa.select(sa.func.count(WorkGroup.id))) == groups_before
    page = client.get(org_url).get_data(as_text=True)
    assert f'href="{form_url}?draft=' in page  # Cancel goes back to the kept form
    response = client.post(
        org_url, data={"name": "Tuusulan kunta", "kind": "municipality"}
    )
    assert response.status_code == 302
    back = response.headers["Location"]
    assert urlsplit(back).path == form_url
    new_org = db.session.scalar(
        sa.select(Organisation).where(Organisation.name == "Tuusulan kunta")
    )
    html = client.get(back).get_data(as_text=True)
    for value in TYPED.values():
        assert f'value="{value}"' in html
    assert _selected_id(html) == str(new_org.id)
    # Saving from there creates the group with the new organisation.
    response = client.post(
        back, data={**TYPED, "organisation_id": str(new_org.id), "submit": "Save"}
    )
    assert response.status_code == 302
    group = db.session.scalar(
        sa.select(WorkGroup).where(WorkGroup.name == TYPED["name"])
    )
    assert group.organisation_id == new_org.id
    assert group.contact_email == TYPED["contact_email"]
    assert group.seats == 6


def test_edit_form_comes_back_with_the_typed_values(client, auth, db, world):
    """Editing: the changed, unsaved name is kept and the new organisation selected;
    the group itself is unchanged until saved."""
    auth.login_as(world.admin)
    form_url = f"/p/{world.process.slug}/groups/{world.group.id}/edit"
    data = {**TYPED, "organisation_id": str(world.organisation.id)}
    org_url = _add_organisation_from(client, form_url, data)
    back = client.post(
        org_url, data={"name": "Keravan kaupunki", "kind": "municipality"}
    )
    assert urlsplit(back.headers["Location"]).path == form_url
    html = client.get(back.headers["Location"]).get_data(as_text=True)
    assert f'value="{TYPED["name"]}"' in html
    new_org = db.session.scalar(
        sa.select(Organisation).where(Organisation.name == "Keravan kaupunki")
    )
    assert _selected_id(html) == str(new_org.id)
    db.session.expire_all()
    assert db.session.get(WorkGroup, world.group.id).name == "Keudan työryhmä"


def test_a_draft_key_cannot_redirect_elsewhere(client, auth, db, world):
    """An unknown or foreign draft key and an outside ``next`` fall back to the list."""
    auth.login_as(world.admin)
    response = client.post(
        "/organisations/new?draft=guessed&next=https://evil.example/",
        data={"name": "Uusi järjestö", "kind": "ngo"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/organisations/")
    # Another person's draft key is not in this session.
    form_url = f"/p/{world.process.slug}/groups/new"
    org_url = _add_organisation_from(client, form_url, TYPED)
    key = parse_qs(urlsplit(org_url).query)["draft"][0]
    auth.logout()
    auth.login_as(world.facilitator)
    html = client.get(f"{form_url}?draft={key}").get_data(as_text=True)
    assert TYPED["contact_email"] not in html


def test_enter_saves_rather_than_adds(client, auth, world):
    """The form's first submit button (the one Enter presses) is the save button."""
    auth.login_as(world.facilitator)
    html = client.get(f"/p/{world.process.slug}/groups/new").get_data(as_text=True)
    form = html[html.index('<form method="post" novalidate class="narrow-form">') :]
    first = re.search(r'<(?:button|input)[^>]*type="submit"[^>]*>', form).group(0)
    assert 'name="submit"' in first
