"""The team page: listing, adding by email, changing roles and removing people."""

from __future__ import annotations

import pytest

from app.models import ProcessRole, ProcessRoleKind, Role

from .helpers import MANAGERS, REFUSED, redirect_path

PAGES = ["/p/{slug}/team", "/p/{slug}/team/{member_id}/remove"]


def roles_of(db, process) -> dict[int, ProcessRoleKind]:
    """user id -> role, read from the database."""
    rows = db.session.query(ProcessRole).filter_by(process_id=process.id).all()
    return {row.user_id: row.role for row in rows}


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_is_sent_to_sign_in(client, cast, url):
    """Signed-out visitors are redirected to the sign-in page."""
    response = client.get(cast.url(url))
    assert response.status_code == 302
    assert redirect_path(response) == "/login"


@pytest.mark.parametrize("who", REFUSED)
@pytest.mark.parametrize("url", PAGES)
def test_others_are_refused(client, cast, sign_in, who, url):
    """Participants, observers and other processes' facilitators get 403."""
    sign_in(who)
    assert client.get(cast.url(url)).status_code == 403


@pytest.mark.parametrize("who", MANAGERS)
@pytest.mark.parametrize("url", PAGES)
def test_managers_may_open_the_pages(client, cast, sign_in, who, url):
    """Admins and the process's facilitators manage the team."""
    sign_in(who)
    assert client.get(cast.url(url)).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/p/no-such-process/team",
        "/p/{slug}/team/999999/remove",
        "/p/{slug}/team/{other_member_id}/remove",
    ],
)
def test_unknown_or_foreign_member_is_not_found(client, cast, sign_in, url):
    """Unknown slugs and ids, and another process's role, are 404."""
    sign_in("facilitator")
    assert client.get(cast.url(url)).status_code == 404


def test_foreign_member_cannot_be_changed(client, db, cast, sign_in):
    """Another process's role id is 404 for POSTs too, and stays as it was."""
    sign_in("facilitator")
    base = f"/p/{cast.process.slug}/team/{cast.other_role.id}"
    assert client.post(f"{base}/role", data={"role": "observer"}).status_code == 404
    assert client.post(f"{base}/remove").status_code == 404
    assert roles_of(db, cast.other_process) == {
        cast.other_facilitator.id: ProcessRoleKind.FACILITATOR
    }


@pytest.mark.parametrize("who", REFUSED)
def test_refused_people_cannot_post(client, db, cast, sign_in, who, create_user):
    """Adding, changing and removing are 403 for non-managers and change nothing."""
    create_user(Role.MEMBER, email="uusi@example.fi")
    sign_in(who)
    base = f"/p/{cast.process.slug}/team"
    before = roles_of(db, cast.process)
    assert (
        client.post(
            base, data={"email": "uusi@example.fi", "role": "facilitator"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"{base}/{cast.observer_role.id}/role", data={"role": "facilitator"}
        ).status_code
        == 403
    )
    assert client.post(f"{base}/{cast.observer_role.id}/remove").status_code == 403
    assert roles_of(db, cast.process) == before


def test_team_page_lists_facilitators_and_observers(client, cast, sign_in):
    """The list names each person with their role; participants are not in it."""
    sign_in("facilitator")
    html = client.get(f"/p/{cast.process.slug}/team").get_data(as_text=True)
    assert "Fiia Fasilitaattori" in html and "Olli Observoija" in html
    assert "Pekka Osallistuja" not in html
    assert html.index("Fiia Fasilitaattori") < html.index("Olli Observoija")
    assert "The only facilitator" in html
    assert 'aria-label="Make facilitator: Olli Observoija"' in html
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html


def test_add_member_by_email(client, db, cast, sign_in, create_user):
    """An existing account is added with the chosen role."""
    new = create_user(Role.MEMBER, name="Maija Meikäläinen", email="maija@example.fi")
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/team",
        data={"email": " Maija@Example.fi ", "role": "facilitator"},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "Maija Meikäläinen has been added to the team." in response.get_data(
        as_text=True
    )
    assert roles_of(db, cast.process)[new.id] is ProcessRoleKind.FACILITATOR


def test_add_unknown_email_says_so_and_keeps_it(client, db, cast, sign_in):
    """No account with the email: 422, the clear message, the typed email kept."""
    sign_in("facilitator")
    before = roles_of(db, cast.process)
    response = client.post(
        f"/p/{cast.process.slug}/team",
        data={"email": "ei.ole@example.fi", "role": "observer"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "No account has this email. Ask an administrator to create it." in html
    assert 'value="ei.ole@example.fi"' in html
    assert roles_of(db, cast.process) == before


def test_participants_cannot_be_added(client, db, cast, sign_in, create_user):
    """A participant's account is refused even when it has an email."""
    participant = create_user(Role.PARTICIPANT, email="pertti@example.fi")
    sign_in("admin")
    response = client.post(
        f"/p/{cast.process.slug}/team",
        data={"email": "pertti@example.fi", "role": "observer"},
    )
    assert response.status_code == 422
    assert (
        "Participants of work groups cannot be added to the team."
        in response.get_data(as_text=True)
    )
    assert participant.id not in roles_of(db, cast.process)


def test_adding_someone_twice_is_refused(client, cast, sign_in):
    """Someone already in the team is not added again."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/team",
        data={"email": cast.observer.email, "role": "facilitator"},
    )
    assert response.status_code == 422
    assert "already in the team" in response.get_data(as_text=True)


def test_add_with_a_malformed_email_is_422(client, cast, sign_in):
    """A malformed email is refused by the form before any lookup."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/team", data={"email": "maija", "role": "observer"}
    )
    assert response.status_code == 422
    assert 'value="maija"' in response.get_data(as_text=True)


def test_change_role(client, db, cast, sign_in):
    """An observer becomes a facilitator."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/team/{cast.observer_role.id}/role",
        data={"role": "facilitator"},
    )
    assert response.status_code == 302
    assert redirect_path(response) == f"/p/{cast.process.slug}/team"
    assert roles_of(db, cast.process)[cast.observer.id] is ProcessRoleKind.FACILITATOR


def test_change_role_with_an_unknown_role_is_400(client, cast, sign_in):
    """Only facilitator and observer are roles."""
    sign_in("facilitator")
    url = f"/p/{cast.process.slug}/team/{cast.observer_role.id}/role"
    assert client.post(url, data={"role": "owner"}).status_code == 400


def test_last_facilitator_cannot_step_down(client, db, cast, sign_in):
    """Making the only facilitator an observer is refused with a message."""
    sign_in("admin")
    response = client.post(
        f"/p/{cast.process.slug}/team/{cast.facilitator_role.id}/role",
        data={"role": "observer"},
        follow_redirects=True,
    )
    assert "A process needs at least one facilitator." in response.get_data(
        as_text=True
    )
    assert (
        roles_of(db, cast.process)[cast.facilitator.id] is ProcessRoleKind.FACILITATOR
    )


def test_facilitator_stepping_down_lands_on_the_overview(client, db, cast, sign_in):
    """With another facilitator present one may step down, and then sees the overview."""
    cast.observer_role.role = ProcessRoleKind.FACILITATOR
    db.session.commit()
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/team/{cast.facilitator_role.id}/role",
        data={"role": "observer"},
    )
    assert redirect_path(response) == f"/p/{cast.process.slug}/"
    assert roles_of(db, cast.process)[cast.facilitator.id] is ProcessRoleKind.OBSERVER


def test_remove_member_asks_first_then_removes(client, db, cast, sign_in):
    """GET confirms with a POST form; the POST takes the role away, the account stays."""
    sign_in("facilitator")
    url = f"/p/{cast.process.slug}/team/{cast.observer_role.id}/remove"
    page = client.get(url).get_data(as_text=True)
    assert "Olli Observoija" in page and "button-danger" in page
    assert cast.observer.id in roles_of(db, cast.process)
    response = client.post(url, follow_redirects=True)
    assert "Olli Observoija has been removed from the team." in response.get_data(
        as_text=True
    )
    assert cast.observer.id not in roles_of(db, cast.process)
    assert cast.observer.email  # the account itself is untouched


def test_last_facilitator_cannot_be_removed(client, db, cast, sign_in):
    """The confirmation page explains the refusal; a direct POST is refused too."""
    sign_in("admin")
    url = f"/p/{cast.process.slug}/team/{cast.facilitator_role.id}/remove"
    page = client.get(url).get_data(as_text=True)
    assert "is the only facilitator of this process" in page
    assert "button-danger" not in page
    response = client.post(url, follow_redirects=True)
    assert "A process needs at least one facilitator." in response.get_data(
        as_text=True
    )
    assert (
        roles_of(db, cast.process)[cast.facilitator.id] is ProcessRoleKind.FACILITATOR
    )


def test_team_list_is_paginated(
    client, app, db, cast, sign_in, create_user, monkeypatch
):
    """A long team is shown a page at a time."""
    monkeypatch.setitem(app.config, "ITEMS_PER_PAGE", 2)
    for n in range(3):
        user = create_user(Role.MEMBER, name=f"Tarkkailija {n}")
        db.session.add(
            ProcessRole(process=cast.process, user=user, role=ProcessRoleKind.OBSERVER)
        )
    db.session.commit()
    sign_in("facilitator")
    first = client.get(f"/p/{cast.process.slug}/team").get_data(as_text=True)
    assert 'rel="next"' in first
    third = client.get(f"/p/{cast.process.slug}/team?page=3").get_data(as_text=True)
    assert "Tarkkailija 2" in third
    assert '<th scope="row">Fiia Fasilitaattori' not in third
