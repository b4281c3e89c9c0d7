"""Joining a work group end to end through the invite link and the code page."""

from __future__ import annotations

import sqlalchemy as sa

from app.groups.services import format_invite_code
from app.models import GroupMembership, Role, User


def test_anonymous_joins_with_the_link_and_lands_on_the_process(client, db, world):
    """Opening /join/<code> and giving a name makes a participant member, signed in."""
    page = client.get(f"/join/{world.code}")
    assert page.status_code == 200
    assert "Keudan työryhmä" in page.get_data(as_text=True)

    response = client.post(
        f"/join/{world.code}", data={"display_name": "Maija Meikäläinen"}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/p/{world.process.slug}/")

    user = db.session.scalar(sa.select(User).where(User.name == "Maija Meikäläinen"))
    assert user.role is Role.PARTICIPANT
    assert user.password_hash is None
    membership = db.session.scalar(
        sa.select(GroupMembership).where(GroupMembership.user_id == user.id)
    )
    assert membership.group_id == world.group.id

    landing = client.get(response.headers["Location"])
    assert landing.status_code == 200
    html = landing.get_data(as_text=True)
    assert "You take part as a member of Keudan työryhmä." in html
    assert "Kunnan työryhmä" not in html


def test_joined_member_sees_the_group_page(client, world):
    """After joining, the new member may open the group page and sees themself listed."""
    client.post(f"/join/{world.code}", data={"display_name": "Maija Meikäläinen"})
    response = client.get(f"/p/{world.process.slug}/groups/{world.group.id}")
    assert response.status_code == 200
    assert "Maija Meikäläinen" in response.get_data(as_text=True)
    assert client.get(f"/p/{world.process.slug}/groups/").status_code == 403


def test_join_without_a_name_is_422(client, db, world):
    """A missing display name re-renders the form with 422 and adds nobody."""
    response = client.post(f"/join/{world.code}", data={"display_name": ""})
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(GroupMembership.id))) == 2


def test_closed_invite_is_410(client, db, world):
    """A closed invite answers 410 with an explanation, for GET and POST."""
    world.group.invite_open = False
    db.session.commit()
    page = client.get(f"/join/{world.code}")
    assert page.status_code == 410
    assert "This invitation is closed." in page.get_data(as_text=True)
    assert (
        client.post(f"/join/{world.code}", data={"display_name": "Maija"}).status_code
        == 410
    )
    assert db.session.scalar(sa.select(User).where(User.name == "Maija")) is None


def test_typed_code_in_lower_case_with_a_space_works(client, world):
    """A code typed as 'kx7p 2mqa h3rt' at /join leads to the group's join page."""
    typed = format_invite_code(world.code).lower()
    response = client.post("/join", data={"code": typed})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/join/{world.code}")
    assert "Keudan työryhmä" in client.get(response.headers["Location"]).get_data(
        as_text=True
    )


def test_rotated_code_is_404(client, auth, db, world):
    """After the facilitator makes a new link, the old code is a 404 page."""
    auth.login_as(world.facilitator)
    client.post(f"/p/{world.process.slug}/groups/{world.group.id}/rotate")
    auth.logout()
    response = client.get(f"/join/{world.code}")
    assert response.status_code == 404
    assert "No work group has this code." in response.get_data(as_text=True)
    typed = client.post("/join", data={"code": format_invite_code(world.code)})
    assert typed.status_code == 422
