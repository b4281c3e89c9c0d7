"""Work-group forms: creating, editing and deleting, with good and bad input."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.groups import services
from app.models import GroupMembership, Role, User, WorkGroup


def _group_form(organisation, **overrides):
    data = {
        "name": "Järvenpään työryhmä",
        "organisation_id": str(organisation.id),
        "contact_name": "Jaana Järvinen",
        "contact_email": "jaana@jarvenpaa.fi",
        "seats": "10",
    }
    data.update(overrides)
    return data


# Creating and editing ------------------------------------------------------------------


def test_create_group(client, auth, db, world):
    """The facilitator adds a group; it gets an open invite and the user sees its page."""
    auth.login_as(world.facilitator)
    form_page = client.get(f"/p/{world.process.slug}/groups/new").get_data(as_text=True)
    assert f'<option value="{world.organisation.id}">Keuda</option>' in form_page
    response = client.post(
        f"/p/{world.process.slug}/groups/new", data=_group_form(world.organisation)
    )
    assert response.status_code == 302
    group = db.session.scalar(
        sa.select(WorkGroup).where(WorkGroup.name == "Järvenpään työryhmä")
    )
    assert group.process_id == world.process.id
    assert group.organisation_id == world.organisation.id
    assert (group.contact_name, group.contact_email) == (
        "Jaana Järvinen",
        "jaana@jarvenpaa.fi",
    )
    assert group.invite_open and len(group.invite_code) == 12
    assert response.headers["Location"].endswith(
        f"/p/{world.process.slug}/groups/{group.id}"
    )


def test_create_group_without_contact(client, auth, db, world):
    """The contact person is optional."""
    auth.login_as(world.admin)
    data = _group_form(world.organisation, contact_name="", contact_email="")
    assert (
        client.post(f"/p/{world.process.slug}/groups/new", data=data).status_code == 302
    )
    group = db.session.scalar(
        sa.select(WorkGroup).where(WorkGroup.name == "Järvenpään työryhmä")
    )
    assert (group.contact_name, group.contact_email) == ("", "")


def test_same_name_in_another_process_is_allowed(client, auth, db, world):
    """A name used in another process may be used again here."""
    auth.login_as(world.facilitator)
    data = _group_form(world.organisation, name="Vieras ryhmä")
    assert (
        client.post(f"/p/{world.process.slug}/groups/new", data=data).status_code == 302
    )
    assert (
        db.session.scalar(
            sa.select(sa.func.count(WorkGroup.id)).where(
                WorkGroup.name == "Vieras ryhmä"
            )
        )
        == 2
    )


def test_duplicate_name_in_process_is_422_keeping_input(client, auth, db, world):
    """A name already used in the process is a field error; everything typed is kept."""
    auth.login_as(world.facilitator)
    data = _group_form(world.organisation, name="Keudan työryhmä")
    response = client.post(f"/p/{world.process.slug}/groups/new", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "This process already has a work group with this name." in html
    assert 'value="Keudan työryhmä"' in html and 'value="jaana@jarvenpaa.fi"' in html
    assert f'<option selected value="{world.organisation.id}">' in html
    assert (
        db.session.scalar(
            sa.select(sa.func.count(WorkGroup.id)).where(
                WorkGroup.name == "Keudan työryhmä"
            )
        )
        == 1
    )


def test_duplicate_name_race_is_caught_by_the_constraint(
    client, auth, db, world, monkeypatch
):
    """When the check is raced past, the unique constraint still gives the field error."""
    monkeypatch.setattr(services, "group_name_taken", lambda *args, **kwargs: False)
    auth.login_as(world.facilitator)
    data = _group_form(world.organisation, name="Keudan työryhmä")
    response = client.post(f"/p/{world.process.slug}/groups/new", data=data)
    assert response.status_code == 422
    assert "This process already has a work group with this name." in response.get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    "overrides, kept, error_id",
    [
        (
            {"contact_email": "ei-sahkoposti"},
            'value="ei-sahkoposti"',
            "contact_email-error",
        ),
        ({"name": ""}, 'value="jaana@jarvenpaa.fi"', "name-error"),
        (
            {"organisation_id": ""},
            'value="Järvenpään työryhmä"',
            "organisation_id-error",
        ),
        (
            {"organisation_id": "999999"},
            'value="Järvenpään työryhmä"',
            "organisation_id-error",
        ),
        (
            {"contact_name": "x" * 121},
            'value="Järvenpään työryhmä"',
            "contact_name-error",
        ),
    ],
)
def test_bad_input_is_422_keeping_input(
    client, auth, db, world, overrides, kept, error_id
):
    """Invalid fields re-render with 422, the error at the field and the input kept."""
    auth.login_as(world.facilitator)
    response = client.post(
        f"/p/{world.process.slug}/groups/new",
        data=_group_form(world.organisation, **overrides),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{error_id}"' in html
    assert kept in html
    assert db.session.scalar(sa.select(sa.func.count(WorkGroup.id))) == 3


def test_form_without_organisations_links_to_creating_one(
    client, auth, create_user, create_process
):
    """With no organisations, a facilitator account gets a button to add one and
    come back (it posts the form, so what was typed is kept)."""
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    auth.login_as(facilitator)
    html = client.get(f"/p/{process.slug}/groups/new").get_data(as_text=True)
    assert "there are no organisations yet" in html
    assert 'name="add_organisation"' in html


def test_form_without_organisations_for_plain_account(
    client, auth, create_user, create_process
):
    """A process facilitator who may not add organisations is told whom to ask."""
    facilitator = create_user(Role.MEMBER)
    process = create_process(facilitator=facilitator)
    auth.login_as(facilitator)
    html = client.get(f"/p/{process.slug}/groups/new").get_data(as_text=True)
    assert "Ask an administrator to add the organisation first." in html
    assert 'name="add_organisation"' not in html


def test_edit_group(client, auth, db, world, create_organisation):
    """The edit form shows the current values and saves the changes."""
    new_org = create_organisation(name="Järvenpää")
    auth.login_as(world.facilitator)
    url = f"/p/{world.process.slug}/groups/{world.group.id}/edit"
    html = client.get(url).get_data(as_text=True)
    assert 'value="Keudan työryhmä"' in html and 'value="kaisa@keuda.fi"' in html
    response = client.post(
        url, data=_group_form(new_org, name="Keudan uusi ryhmä", contact_email="")
    )
    assert response.status_code == 302
    db.session.expire_all()
    group = db.session.get(WorkGroup, world.group.id)
    assert (group.name, group.organisation_id, group.contact_email) == (
        "Keudan uusi ryhmä",
        new_org.id,
        "",
    )
    assert group.invite_code == world.code


def test_edit_to_taken_name_is_422(client, auth, db, world):
    """Renaming a group to another group's name in the process is refused."""
    auth.login_as(world.facilitator)
    url = f"/p/{world.process.slug}/groups/{world.group.id}/edit"
    response = client.post(
        url, data=_group_form(world.organisation, name="Kunnan työryhmä")
    )
    assert response.status_code == 422
    assert 'value="Kunnan työryhmä"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(WorkGroup, world.group.id).name == "Keudan työryhmä"


# Deleting ------------------------------------------------------------------------------


def test_delete_confirmation_says_members_lose_membership(client, auth, db, world):
    """GET asks first and says the members lose their membership; nothing is deleted."""
    auth.login_as(world.facilitator)
    response = client.get(f"/p/{world.process.slug}/groups/{world.group.id}/delete")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Delete the work group Keudan työryhmä?" in html
    assert "Members of the group: 1." in html
    assert "They lose their membership of the group" in html
    assert 'method="post"' in html and "button-danger" in html
    assert db.session.get(WorkGroup, world.group.id) is not None


def test_delete_group(client, auth, db, world):
    """POST deletes the group and its memberships; the member account stays."""
    group_id, member_id = world.group.id, world.member.id
    auth.login_as(world.facilitator)
    response = client.post(f"/p/{world.process.slug}/groups/{group_id}/delete")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/p/{world.process.slug}/groups/")
    db.session.expire_all()
    assert db.session.get(WorkGroup, group_id) is None
    assert (
        db.session.scalar(
            sa.select(GroupMembership).where(GroupMembership.group_id == group_id)
        )
        is None
    )
    assert db.session.get(User, member_id) is not None
