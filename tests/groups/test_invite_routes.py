"""Invite management: a new link with confirmation, closing and opening, CSRF."""

from __future__ import annotations

import sqlalchemy as sa

from app.groups.services import format_invite_code
from app.models import Organisation, WorkGroup
from tests.conftest import AuthActions, csrf_token_from


def _group(db, world) -> WorkGroup:
    db.session.expire_all()
    return db.session.get(WorkGroup, world.group.id)


def test_rotate_asks_first(client, auth, db, world):
    """GET explains that the old link stops working and changes nothing."""
    auth.login_as(world.facilitator)
    response = client.get(f"/p/{world.process.slug}/groups/{world.group.id}/rotate")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "stop working at once" in html
    assert format_invite_code(world.code) in html
    assert 'method="post"' in html
    assert _group(db, world).invite_code == world.code


def test_rotate_gives_a_new_code_and_the_old_link_stops_working(
    client, auth, db, world
):
    """POST rotates the code; the old /join link is then a 404 and the new one works."""
    auth.login_as(world.facilitator)
    response = client.post(f"/p/{world.process.slug}/groups/{world.group.id}/rotate")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/p/{world.process.slug}/groups/{world.group.id}"
    )
    new_code = _group(db, world).invite_code
    assert new_code != world.code
    auth.logout()
    assert client.get(f"/join/{world.code}").status_code == 404
    assert client.get(f"/join/{new_code}").status_code == 200


def test_rotate_keeps_members(client, auth, db, world):
    """Members who already joined stay after a new link is made."""
    auth.login_as(world.admin)
    client.post(f"/p/{world.process.slug}/groups/{world.group.id}/rotate")
    assert _group(db, world).has_member(world.member)


def test_close_and_open_invite(client, auth, db, world):
    """Closing stops the link (410 on /join); opening again makes the same link work."""
    auth.login_as(world.facilitator)
    base = f"/p/{world.process.slug}/groups/{world.group.id}"
    response = client.post(f"{base}/invite/close", follow_redirects=True)
    assert response.status_code == 200
    assert "Open the invitation again" in response.get_data(as_text=True)
    group = _group(db, world)
    assert group.invite_open is False and group.invite_code == world.code
    assert group.has_member(world.member)
    auth.logout()
    assert client.get(f"/join/{world.code}").status_code == 410

    auth.login_as(world.facilitator)
    assert client.post(f"{base}/invite/open").status_code == 302
    assert _group(db, world).invite_open is True
    auth.logout()
    assert client.get(f"/join/{world.code}").status_code == 200


def test_invite_actions_refuse_get(client, auth, db, world):
    """Following the close link only asks; opening happens only by POST."""
    auth.login_as(world.facilitator)
    base = f"/p/{world.process.slug}/groups/{world.group.id}"
    assert client.get(f"{base}/invite/close").status_code == 200
    assert _group(db, world).invite_open is True
    assert client.get(f"{base}/invite/open").status_code == 405


def test_closing_the_invite_asks_first(client, auth, db, world):
    """The group page links to a confirmation page; its GET changes nothing, and
    its form (POST) closes the invitation."""
    auth.login_as(world.facilitator)
    base = f"/p/{world.process.slug}/groups/{world.group.id}"
    detail = client.get(base).get_data(as_text=True)
    assert f'href="{base}/invite/close"' in detail
    assert f'action="{base}/invite/close"' not in detail
    page = client.get(f"{base}/invite/close").get_data(as_text=True)
    assert "Close the invitation of Keudan työryhmä?" in page
    assert format_invite_code(world.code) in page
    assert 'method="post"' in page and "Cancel" in page
    assert _group(db, world).invite_open is True
    response = client.post(f"{base}/invite/close")
    assert response.status_code == 302 and response.headers["Location"].endswith(base)
    assert _group(db, world).invite_open is False
    # Once closed, the link shows the group page (with "Open the invitation again").
    assert client.get(f"{base}/invite/close").status_code == 302


def test_csrf_refuses_posts_without_token(csrf_app, db, world):
    """With CSRF on, POSTs without a token are refused with 400 and change nothing."""
    client = csrf_app.test_client()
    AuthActions(client).login_as(world.facilitator)
    base = f"/p/{world.process.slug}/groups"
    assert client.post(f"{base}/{world.group.id}/invite/close").status_code == 400
    assert client.post(f"{base}/{world.group.id}/rotate").status_code == 400
    assert client.post(f"{base}/{world.group.id}/delete").status_code == 400
    response = client.post(
        f"{base}/new",
        data={"name": "Uusi", "organisation_id": str(world.organisation.id)},
    )
    assert response.status_code == 400
    edit = client.post(
        f"{base}/{world.group.id}/edit",
        data={"name": "Muutettu", "organisation_id": str(world.organisation.id)},
    )
    assert edit.status_code == 400
    group = _group(db, world)
    assert (group.name, group.invite_open, group.invite_code) == (
        "Keudan työryhmä",
        True,
        world.code,
    )
    assert (
        db.session.scalar(
            sa.select(sa.func.count(WorkGroup.id)).where(WorkGroup.name == "Uusi")
        )
        == 0
    )


def test_csrf_accepts_posts_with_the_page_token(csrf_app, db, world):
    """With CSRF on, the confirmation page's token lets the facilitator close the
    invite."""
    client = csrf_app.test_client()
    AuthActions(client).login_as(world.facilitator)
    page = client.get(
        f"/p/{world.process.slug}/groups/{world.group.id}/invite/close"
    ).get_data(as_text=True)
    token = csrf_token_from(page)
    response = client.post(
        f"/p/{world.process.slug}/groups/{world.group.id}/invite/close",
        data={"csrf_token": token},
    )
    assert response.status_code == 302
    assert _group(db, world).invite_open is False


def test_csrf_refuses_organisation_posts_without_token(
    csrf_app, db, world, create_organisation
):
    """With CSRF on, creating or deleting an organisation without a token is refused."""
    unused_id = create_organisation(name="Käyttämätön").id
    client = csrf_app.test_client()
    AuthActions(client).login_as(world.admin)
    assert (
        client.post(
            "/organisations/new", data={"name": "Uusi", "kind": "ngo"}
        ).status_code
        == 400
    )
    assert client.post(f"/organisations/{unused_id}/delete").status_code == 400
    db.session.expire_all()
    assert db.session.get(Organisation, unused_id) is not None
    assert (
        db.session.scalar(sa.select(Organisation).where(Organisation.name == "Uusi"))
        is None
    )
