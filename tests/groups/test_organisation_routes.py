"""Organisation pages: list, create, edit and delete, for allowed and refused roles."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.groups import services
from app.models import Organisation, OrganisationKind, Role

ORGANISATION_URLS = [
    "/organisations/",
    "/organisations/new",
    "/organisations/{id}/edit",
    "/organisations/{id}/delete",
]


def _count(db, name):
    return db.session.scalar(
        sa.select(sa.func.count(Organisation.id)).where(Organisation.name == name)
    )


@pytest.mark.parametrize("url", ORGANISATION_URLS)
def test_anonymous_is_sent_to_login(client, create_organisation, url):
    """Anonymous visitors are redirected to the sign-in page."""
    organisation = create_organisation()
    response = client.get(url.format(id=organisation.id))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("url", ORGANISATION_URLS)
@pytest.mark.parametrize("role", [Role.PARTICIPANT, Role.MEMBER])
def test_accounts_without_the_right_get_403(
    client, auth, create_user, create_organisation, url, role
):
    """Participants and plain accounts (observers) may not manage organisations."""
    organisation = create_organisation()
    auth.login_as(create_user(role))
    assert client.get(url.format(id=organisation.id)).status_code == 403


@pytest.mark.parametrize("url", ORGANISATION_URLS[1:])
def test_refused_posts_change_nothing(
    client, auth, db, create_user, create_organisation, url
):
    """A participant's POSTs to create, edit or delete are refused with 403."""
    organisation = create_organisation(name="Keuda")
    organisation_id = organisation.id
    auth.login_as(create_user(Role.PARTICIPANT))
    response = client.post(
        url.format(id=organisation_id), data={"name": "Uusi", "kind": "ngo"}
    )
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(Organisation, organisation_id).name == "Keuda"
    assert _count(db, "Uusi") == 0


def test_process_facilitator_with_plain_account_gets_403(
    client, auth, create_user, create_process
):
    """Facilitating one process does not make a plain account an organisation manager."""
    user = create_user(Role.MEMBER)
    create_process(facilitator=user)
    auth.login_as(user)
    assert client.get("/organisations/").status_code == 403


@pytest.mark.parametrize(
    "url", ["/organisations/{id}/edit", "/organisations/{id}/delete"]
)
def test_unknown_organisation_is_404(client, auth, create_user, url):
    """An unknown organisation id is a 404."""
    auth.login_as(create_user(Role.ADMIN))
    assert client.get(url.format(id=999999)).status_code == 404


@pytest.mark.parametrize("role", [Role.ADMIN, Role.FACILITATOR])
def test_list_shows_kind_label_and_group_count(
    client, auth, create_user, create_process, create_group, create_organisation, role
):
    """Admins and facilitator accounts see names, translated kinds and group counts."""
    keuda = create_organisation(name="Keuda", kind=OrganisationKind.EDUCATION_PROVIDER)
    create_organisation(
        name="Vantaan ja Keravan hyvinvointialue",
        kind=OrganisationKind.WELLBEING_COUNTY,
    )
    create_group(create_process(), organisation=keuda)
    create_group(create_process(), organisation=keuda)
    auth.login_as(create_user(role))
    response = client.get("/organisations/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Keuda" in html and "Education provider" in html
    assert "Wellbeing services county" in html
    assert "<td>2</td>" in html and "<td>0</td>" in html
    assert "education_provider" not in html


def test_list_is_paginated(app, client, auth, create_user, create_organisation):
    """More organisations than fit on a page continue on page 2."""
    per_page = app.config["ITEMS_PER_PAGE"]
    for number in range(per_page + 1):
        create_organisation(name=f"Org {number:03d}")
    auth.login_as(create_user(Role.ADMIN))
    first = client.get("/organisations/").get_data(as_text=True)
    second = client.get("/organisations/?page=2").get_data(as_text=True)
    last = f"Org {per_page:03d}"
    assert last not in first and 'rel="next"' in first
    assert last in second and "Org 000" not in second


def test_empty_list(client, auth, create_user):
    """Without organisations the page says so and offers to add one."""
    auth.login_as(create_user(Role.ADMIN))
    html = client.get("/organisations/").get_data(as_text=True)
    assert "There are no organisations yet." in html
    assert "/organisations/new" in html


def test_create_organisation(client, auth, db, create_user):
    """A facilitator account adds an organisation and returns to the list."""
    auth.login_as(create_user(Role.FACILITATOR))
    assert client.get("/organisations/new").status_code == 200
    response = client.post(
        "/organisations/new",
        data={"name": "  Järvenpään kaupunki ", "kind": "municipality"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/organisations/")
    organisation = db.session.scalar(
        sa.select(Organisation).where(Organisation.name == "Järvenpään kaupunki")
    )
    assert organisation.kind is OrganisationKind.MUNICIPALITY


def test_create_organisation_returns_to_next(client, auth, create_user, create_process):
    """After adding an organisation from the group form, the user goes back there."""
    auth.login_as(create_user(Role.ADMIN))
    process = create_process()
    target = f"/p/{process.slug}/groups/new"
    response = client.post(
        f"/organisations/new?next={target}", data={"name": "Keuda", "kind": "ngo"}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(target)


def test_create_organisation_ignores_foreign_next(client, auth, create_user):
    """A next pointing to another site is ignored (no open redirect)."""
    auth.login_as(create_user(Role.ADMIN))
    response = client.post(
        "/organisations/new?next=https://evil.example/",
        data={"name": "Keuda", "kind": "ngo"},
    )
    assert response.headers["Location"].endswith("/organisations/")


def test_duplicate_name_is_a_field_error_keeping_input(
    client, auth, db, create_user, create_organisation
):
    """A taken name re-renders with 422, the error at the field and the typed name kept."""
    create_organisation(name="Keuda")
    auth.login_as(create_user(Role.ADMIN))
    response = client.post("/organisations/new", data={"name": "Keuda", "kind": "ngo"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "An organisation with this name already exists." in html
    assert 'value="Keuda"' in html
    assert 'aria-invalid="true"' in html
    assert _count(db, "Keuda") == 1


def test_duplicate_name_race_is_caught_by_the_constraint(
    client, auth, db, create_user, create_organisation, monkeypatch
):
    """When the check is raced past, the unique constraint still gives the field error."""
    create_organisation(name="Keuda")
    monkeypatch.setattr(
        services, "organisation_name_taken", lambda *args, **kwargs: False
    )
    auth.login_as(create_user(Role.ADMIN))
    response = client.post("/organisations/new", data={"name": "Keuda", "kind": "ngo"})
    assert response.status_code == 422
    assert "An organisation with this name already exists." in response.get_data(
        as_text=True
    )
    assert _count(db, "Keuda") == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "", "kind": "ngo"}, "Enter the organisation's name."),
        ({"name": "x" * 161, "kind": "ngo"}, 'id="name-error"'),
        ({"name": "Keuda", "kind": "castle"}, 'id="kind-error"'),
    ],
)
def test_bad_input_is_422(client, auth, db, create_user, data, message):
    """Missing, too long or unknown values re-render with 422 and a message."""
    auth.login_as(create_user(Role.ADMIN))
    response = client.post("/organisations/new", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Organisation.id))) == 0


def test_edit_organisation(client, auth, db, create_user, create_organisation):
    """The edit form shows the current values and saves the changes."""
    organisation = create_organisation(
        name="Keuda", kind=OrganisationKind.EDUCATION_PROVIDER
    )
    auth.login_as(create_user(Role.FACILITATOR))
    html = client.get(f"/organisations/{organisation.id}/edit").get_data(as_text=True)
    assert 'value="Keuda"' in html
    assert '<option selected value="education_provider">' in html
    response = client.post(
        f"/organisations/{organisation.id}/edit",
        data={"name": "Keuda ry", "kind": "ngo"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    organisation = db.session.get(Organisation, organisation.id)
    assert (organisation.name, organisation.kind) == ("Keuda ry", OrganisationKind.NGO)


def test_edit_to_taken_name_is_422(client, auth, db, create_user, create_organisation):
    """Renaming to another organisation's name is refused and the typed name kept."""
    organisation = create_organisation(name="Keuda")
    create_organisation(name="Järvenpää")
    auth.login_as(create_user(Role.ADMIN))
    response = client.post(
        f"/organisations/{organisation.id}/edit",
        data={"name": "Järvenpää", "kind": "ngo"},
    )
    assert response.status_code == 422
    assert 'value="Järvenpää"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Organisation, organisation.id).name == "Keuda"


def test_delete_asks_first_then_deletes(
    client, auth, db, create_user, create_organisation
):
    """GET shows a confirmation with a POST form; POST deletes."""
    organisation_id = create_organisation(name="Keuda").id
    auth.login_as(create_user(Role.ADMIN))
    page = client.get(f"/organisations/{organisation_id}/delete")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Delete the organisation Keuda?" in html
    assert 'method="post"' in html and "button-danger" in html
    assert db.session.get(Organisation, organisation_id) is not None
    response = client.post(f"/organisations/{organisation_id}/delete")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Organisation, organisation_id) is None


def test_delete_refused_while_groups_belong_to_it(
    client, auth, db, create_user, create_process, create_group, create_organisation
):
    """With work groups, the page explains why and a POST is refused with 409."""
    organisation = create_organisation(name="Keuda")
    create_group(create_process(), organisation=organisation, name="Keudan ryhmä")
    auth.login_as(create_user(Role.ADMIN))
    page = client.get(f"/organisations/{organisation.id}/delete").get_data(as_text=True)
    assert "cannot be deleted while work groups belong to it" in page
    assert "Keudan ryhmä" in page
    assert "button-danger" not in page
    response = client.post(f"/organisations/{organisation.id}/delete")
    assert response.status_code == 409
    assert "cannot be deleted while work groups belong to it" in response.get_data(
        as_text=True
    )
    db.session.expire_all()
    assert db.session.get(Organisation, organisation.id) is not None
