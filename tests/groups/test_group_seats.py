"""A work group's places (issue 16, item 6): set on the form, shown on the pages,
and the refusal when a full group is joined, in Finnish, Swedish and English."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.models import DEFAULT_SEATS, GroupMembership, WorkGroup


def _form(organisation, **overrides):
    data = {
        "name": "Paikkaryhmä",
        "organisation_id": str(organisation.id),
        "contact_name": "",
        "contact_email": "",
        "seats": "6",
    }
    data.update(overrides)
    return data


def test_a_new_group_gets_the_places_typed(client, auth, db, world):
    """The form offers the default and saves what the facilitator typed."""
    auth.login_as(world.facilitator)
    url = f"/p/{world.process.slug}/groups/new"
    page = client.get(url).get_data(as_text=True)
    assert f'value="{DEFAULT_SEATS}"' in page
    assert '<label for="seats"' in page
    response = client.post(url, data=_form(world.organisation))
    assert response.status_code == 302
    group = db.session.scalar(
        sa.select(WorkGroup).where(WorkGroup.name == "Paikkaryhmä")
    )
    assert group.seats == 6


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Give the number of places, from 1 to 500."),
        ("0", "Give a number from 1 to 500."),
        ("-3", "Give a number from 1 to 500."),
        ("501", "Give a number from 1 to 500."),
        ("99999999999", "Give a number from 1 to 500."),
        ("kymmenen", "Not a valid integer value."),
        ("2.5", "Not a valid integer value."),
    ],
)
def test_places_outside_the_range_are_refused_and_kept(
    client, auth, db, world, typed, message
):
    """422 with the reason at the field, and every typed value is still there."""
    auth.login_as(world.facilitator)
    data = _form(world.organisation, seats=typed, contact_name="Kaija Kirjoitettu")
    response = client.post(f"/p/{world.process.slug}/groups/new", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html
    assert 'value="Kaija Kirjoitettu"' in html
    assert 'value="Paikkaryhmä"' in html
    if typed:
        assert f'value="{typed}"' in html
    assert (
        db.session.scalar(sa.select(WorkGroup).where(WorkGroup.name == "Paikkaryhmä"))
        is None
    )


def test_lowering_the_places_keeps_the_members(client, auth, db, world, create_user):
    """Below the members: everyone stays, the page says the group is full, and the
    next join is refused."""
    group = world.group
    db.session.add(GroupMembership(group=group, user=create_user()))
    db.session.commit()
    auth.login_as(world.facilitator)
    url = f"/p/{world.process.slug}/groups/{group.id}/edit"
    response = client.post(
        url,
        data=_form(world.organisation, name=group.name, seats="1"),
    )
    assert response.status_code == 302
    db.session.refresh(group)
    assert group.seats == 1
    html = client.get(f"/p/{world.process.slug}/groups/{group.id}").get_data(
        as_text=True
    )
    assert "2 of 1 places taken" in html
    assert "Every place is taken" in html
    listing = client.get(f"/p/{world.process.slug}/groups/").get_data(as_text=True)
    assert '<th scope="col">Places</th>' in listing
    auth.logout()
    assert client.get(f"/join/{world.code}").status_code == 409


@pytest.mark.parametrize(
    ("lang", "heading", "reason"),
    [
        ("fi", "Työryhmä on täynnä", "Tämä työryhmä on täynnä (paikkoja: 1)."),
        ("sv", "Arbetsgruppen är full", "Den här arbetsgruppen är full (platser: 1)."),
        ("en", "The work group is full", "This work group is full (places: 1)."),
    ],
)
def test_the_refusal_is_translated(client, db, world, lang, heading, reason):
    """Joining a full group by link (GET and POST) says why, in the reader's language."""
    world.group.seats = 1
    db.session.commit()
    with client.session_transaction() as session:
        session["lang"] = lang
    for response in (
        client.get(f"/join/{world.code}"),
        client.post(f"/join/{world.code}", data={"display_name": "Neljäs"}),
    ):
        assert response.status_code == 409
        html = response.get_data(as_text=True)
        assert f"<h1>{heading}</h1>" in html
        assert reason in html
    assert (
        db.session.scalar(
            sa.select(sa.func.count(GroupMembership.id)).where(
                GroupMembership.group_id == world.group.id
            )
        )
        == 1
    )
