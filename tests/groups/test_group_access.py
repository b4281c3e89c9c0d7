"""Work-group pages: anonymous, refused and allowed roles, unknown ids (403/404)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.models import WorkGroup

MANAGE_URLS = [
    "/p/{slug}/groups/",
    "/p/{slug}/groups/new",
    "/p/{slug}/groups/{id}/edit",
    "/p/{slug}/groups/{id}/delete",
    "/p/{slug}/groups/{id}/rotate",
    "/p/{slug}/groups/{id}/invite/close",
]
POST_URLS = [
    "/p/{slug}/groups/new",
    "/p/{slug}/groups/{id}/edit",
    "/p/{slug}/groups/{id}/delete",
    "/p/{slug}/groups/{id}/rotate",
    "/p/{slug}/groups/{id}/invite/close",
    "/p/{slug}/groups/{id}/invite/open",
]
GROUP_URLS = MANAGE_URLS[2:] + ["/p/{slug}/groups/{id}", POST_URLS[-1]]


def _url(template, world, group=None):
    group = group or world.group
    return template.format(slug=world.process.slug, id=group.id)


def _group_form(organisation, **overrides):
    data = {
        "name": "Järvenpään työryhmä",
        "organisation_id": str(organisation.id),
        "contact_name": "Jaana Järvinen",
        "contact_email": "jaana@jarvenpaa.fi",
    }
    data.update(overrides)
    return data


def _state(db, world):
    """A snapshot of what refused requests must not change."""
    db.session.expire_all()
    group = db.session.get(WorkGroup, world.group.id)
    return (
        db.session.scalar(sa.select(sa.func.count(WorkGroup.id))),
        group.name,
        group.invite_code,
        group.invite_open,
    )


# Access -----------------------------------------------------------------------


@pytest.mark.parametrize("url", MANAGE_URLS + ["/p/{slug}/groups/{id}"])
def test_anonymous_get_is_sent_to_login(client, world, url):
    """Anonymous visitors are redirected to sign in."""
    response = client.get(_url(url, world))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("url", POST_URLS)
def test_anonymous_post_is_sent_to_login_and_changes_nothing(client, db, world, url):
    """Anonymous POSTs are redirected to sign in without changing anything."""
    before = _state(db, world)
    response = client.post(
        _url(url, world), data=_group_form(world.organisation, name="X")
    )
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    assert _state(db, world) == before


@pytest.mark.parametrize("url", MANAGE_URLS)
@pytest.mark.parametrize(
    "who", ["member", "other_member", "observer", "other_facilitator"]
)
def test_non_managers_get_403(client, auth, world, url, who):
    """Participants, observers and facilitators of other processes cannot manage groups."""
    auth.login_as(getattr(world, who))
    assert client.get(_url(url, world)).status_code == 403


@pytest.mark.parametrize("url", POST_URLS)
@pytest.mark.parametrize("who", ["member", "observer", "other_facilitator"])
def test_non_manager_posts_get_403_and_change_nothing(
    client, auth, db, world, url, who
):
    """Refused POSTs do not create, edit, delete, rotate, close or open anything."""
    before = _state(db, world)
    auth.login_as(getattr(world, who))
    response = client.post(
        _url(url, world), data=_group_form(world.organisation, name="X")
    )
    assert response.status_code == 403
    assert _state(db, world) == before


@pytest.mark.parametrize("url", MANAGE_URLS + ["/p/{slug}/groups/{id}"])
@pytest.mark.parametrize("who", ["facilitator", "admin"])
def test_managers_may_open_every_page(client, auth, world, url, who):
    """The process facilitator and admins open every group page."""
    auth.login_as(getattr(world, who))
    assert client.get(_url(url, world)).status_code == 200


@pytest.mark.parametrize("url", GROUP_URLS)
def test_unknown_group_is_404(client, auth, world, url):
    """An unknown group id is a 404, for GET and POST alike."""
    auth.login_as(world.facilitator)
    target = url.format(slug=world.process.slug, id=999999)
    method = client.post if url in POST_URLS else client.get
    assert method(target).status_code == 404


@pytest.mark.parametrize("url", GROUP_URLS)
def test_group_of_another_process_is_404(client, auth, db, world, url):
    """A group id of another process under this process's address is a 404."""
    auth.login_as(world.admin)
    target = _url(url, world, group=world.foreign_group)
    method = client.post if url in POST_URLS else client.get
    assert method(target).status_code == 404
    db.session.expire_all()
    assert db.session.get(WorkGroup, world.foreign_group.id).invite_open is True


def test_unknown_process_is_404(client, auth, world):
    """An unknown process address is a 404."""
    auth.login_as(world.admin)
    assert client.get("/p/ei-ole/groups/").status_code == 404
    assert client.get(f"/p/ei-ole/groups/{world.group.id}").status_code == 404
