"""Fixtures for the organisation and work-group tests: people in every role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.models import Role


@pytest.fixture()
def world(create_user, create_process, create_group, create_organisation):
    """A process with a facilitator, an observer, a group with a member, outsiders."""
    facilitator = create_user(Role.FACILITATOR, name="Fasilitaattori Fanni")
    observer = create_user(Role.MEMBER, name="Tarkkailija Tuomas")
    process = create_process(facilitator=facilitator, observer=observer)
    organisation = create_organisation(name="Keuda")
    member = create_user(Role.PARTICIPANT, name="Osallistuja Olli")
    group = create_group(
        process,
        name="Keudan työryhmä",
        organisation=organisation,
        members=(member,),
        contact_name="Kaisa Kontakti",
        contact_email="kaisa@keuda.fi",
    )
    other_member = create_user(Role.PARTICIPANT, name="Toinen Tiina")
    other_group = create_group(process, name="Kunnan työryhmä", members=(other_member,))
    other_process = create_process(facilitator=create_user(Role.FACILITATOR))
    foreign_group = create_group(other_process, name="Vieras ryhmä")
    return SimpleNamespace(
        code=group.invite_code,
        admin=create_user(Role.ADMIN, name="Ylläpitäjä Ylva"),
        facilitator=facilitator,
        other_facilitator=create_user(Role.FACILITATOR, name="Muu Fasilitaattori"),
        observer=observer,
        member=member,
        other_member=other_member,
        process=process,
        organisation=organisation,
        group=group,
        other_group=other_group,
        other_process=other_process,
        foreign_group=foreign_group,
    )


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts; the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"
