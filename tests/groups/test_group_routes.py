"""Work-group pages: the list, the group page with its invite, the process overview."""

from __future__ import annotations

from app.groups.services import format_invite_code
from app.models import GroupMembership, Role


def _group_form(organisation, **overrides):
    data = {
        "name": "Järvenpään työryhmä",
        "organisation_id": str(organisation.id),
        "contact_name": "Jaana Järvinen",
        "contact_email": "jaana@jarvenpaa.fi",
    }
    data.update(overrides)
    return data


# The list -----------------------------------------------------------------------


def test_list_shows_groups_with_details(client, auth, db, world, create_user):
    """The list shows name, organisation, contact person, member count and invite status."""
    db.session.add(
        GroupMembership(group=world.group, user=create_user(Role.PARTICIPANT))
    )
    world.other_group.invite_open = False
    db.session.commit()
    auth.login_as(world.facilitator)
    response = client.get(f"/p/{world.process.slug}/groups/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Keudan työryhmä" in html and "Kunnan työryhmä" in html
    assert "Keuda" in html and "Kaisa Kontakti" in html and "kaisa@keuda.fi" in html
    assert "<td>2</td>" in html and "<td>1</td>" in html
    assert "Invitation open" in html and "Invitation closed" in html
    assert "Vieras ryhmä" not in html
    assert f'href="/p/{world.process.slug}/groups/new"' in html


def test_list_empty_state(client, auth, create_user, create_process):
    """A process without groups says so and offers to add one."""
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    auth.login_as(facilitator)
    html = client.get(f"/p/{process.slug}/groups/").get_data(as_text=True)
    assert "This process has no work groups yet." in html
    assert "Add a work group" in html


def test_list_is_paginated(
    app, client, auth, create_user, create_process, create_group, create_organisation
):
    """More groups than fit on a page continue on page 2."""
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    organisation = create_organisation()
    per_page = app.config["ITEMS_PER_PAGE"]
    for number in range(per_page + 1):
        create_group(process, name=f"Ryhmä {number:03d}", organisation=organisation)
    auth.login_as(facilitator)
    first = client.get(f"/p/{process.slug}/groups/").get_data(as_text=True)
    second = client.get(f"/p/{process.slug}/groups/?page=2").get_data(as_text=True)
    assert f"Ryhmä {per_page:03d}" not in first and 'rel="next"' in first
    assert f"Ryhmä {per_page:03d}" in second


# The group page --------------------------------------------------------------------------


def test_manager_sees_invite_link_code_and_members(client, auth, world):
    """Managers see the absolute invite link, the code in halves, members and controls."""
    auth.login_as(world.facilitator)
    response = client.get(f"/p/{world.process.slug}/groups/{world.group.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    # Without BASE_URL: the local default, never the request's host (issue 16, item 3).
    assert f'value="http://127.0.0.1:5000/join/{world.code}"' in html
    assert format_invite_code(world.code) in html
    assert "Osallistuja Olli" in html
    assert "Create a new link" in html and "Close the invitation" in html
    assert "Open the invitation again" not in html
    assert "Edit the work group" in html and "Delete the work group" in html


def test_invite_link_uses_the_public_base_url(app, client, auth, world):
    """Behind a proxy the link points at BASE_URL, as the mailed letters will."""
    auth.login_as(world.facilitator)
    app.config["BASE_URL"] = "https://osallistamo.example.fi/"
    try:
        html = client.get(f"/p/{world.process.slug}/groups/{world.group.id}").get_data(
            as_text=True
        )
    finally:
        app.config["BASE_URL"] = ""
    assert f'value="https://osallistamo.example.fi/join/{world.code}"' in html
    assert "https://osallistamo.example.fi/join." in html


def test_member_sees_group_without_invite_controls(client, auth, world):
    """A member may view the group page but not the invite link or its controls."""
    auth.login_as(world.member)
    response = client.get(f"/p/{world.process.slug}/groups/{world.group.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Keudan työryhmä" in html and "Osallistuja Olli" in html
    assert world.code[:4] not in html and "/join/" not in html
    assert "Create a new link" not in html and "Close the invitation" not in html
    assert "Edit the work group" not in html


def test_member_of_another_group_gets_403_on_group_page(client, auth, world):
    """A participant may not view another work group's page."""
    auth.login_as(world.other_member)
    assert (
        client.get(f"/p/{world.process.slug}/groups/{world.group.id}").status_code
        == 403
    )


def test_other_facilitator_gets_403_on_group_page(client, auth, world):
    """A facilitator of another process may not view the group page."""
    auth.login_as(world.other_facilitator)
    assert (
        client.get(f"/p/{world.process.slug}/groups/{world.group.id}").status_code
        == 403
    )


def test_closed_invite_shows_reopen_button(client, auth, db, world):
    """With the invite closed, the page says so and offers to open it again."""
    world.group.invite_open = False
    db.session.commit()
    auth.login_as(world.admin)
    html = client.get(f"/p/{world.process.slug}/groups/{world.group.id}").get_data(
        as_text=True
    )
    assert "Open the invitation again" in html
    assert "Invitation closed" in html
    assert "Close the invitation<" not in html


# The process overview ---------------------------------------------------------------------


def test_process_page_lists_groups_for_managers(client, auth, world):
    """Managers see the process's work groups with links and an add button."""
    auth.login_as(world.facilitator)
    html = client.get(f"/p/{world.process.slug}/").get_data(as_text=True)
    assert f'href="/p/{world.process.slug}/groups/{world.group.id}"' in html
    assert "Kunnan työryhmä" in html
    assert "Add a work group" in html
    assert "Vieras ryhmä" not in html


def test_process_page_hides_other_groups_from_participants(client, auth, world):
    """A participant sees neither other groups nor the add button."""
    auth.login_as(world.member)
    response = client.get(f"/p/{world.process.slug}/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Kunnan työryhmä" not in html
    assert "Add a work group" not in html
