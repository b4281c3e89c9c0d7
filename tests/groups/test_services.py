"""Organisation and work-group services: set-up rules, invite codes and joining."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.errors import DuplicateName, InviteClosed, InviteNotFound
from app.groups import queries, services
from app.models import (
    GroupMembership,
    Organisation,
    OrganisationKind,
    Role,
    User,
    WorkGroup,
)
from app.models.groups import INVITE_ALPHABET, INVITE_CODE_LENGTH


def test_rotate_changes_code_and_old_code_no_longer_finds_group(
    db, create_process, create_group
):
    """Rotating gives a new code; the old one raises InviteNotFound, the new one finds."""
    group = create_group(create_process())
    old_code = group.invite_code
    new_code = services.rotate_invite(group)
    db.session.commit()
    assert new_code != old_code and new_code == group.invite_code
    assert len(new_code) == 12
    with pytest.raises(InviteNotFound):
        services.find_group_by_code(old_code)
    assert services.find_group_by_code(new_code).id == group.id


def test_find_group_accepts_typed_code(create_process, create_group):
    """Codes are found whatever the case, with spaces or dashes."""
    group = create_group(create_process())
    code = group.invite_code
    typed = f"{code[:4].lower()} {code[4:8]}-{code[8:]}"
    assert services.find_group_by_code(typed).id == group.id


def test_closed_invite_refuses_join(db, create_process, create_group):
    """A closed invite raises InviteClosed and adds nobody."""
    group = create_group(create_process())
    services.set_invite_open(group, False)
    db.session.commit()
    with pytest.raises(InviteClosed):
        services.join_group(group.invite_code, user=None, display_name="Maija")
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(GroupMembership.id))) == 0


def test_reopened_invite_accepts_join(db, create_process, create_group):
    """Opening the invite again lets people join with the same code."""
    group = create_group(create_process(), invite_open=False)
    services.set_invite_open(group, True)
    user, joined = services.join_group(
        group.invite_code, user=None, display_name="Maija"
    )
    db.session.commit()
    assert joined.id == group.id
    assert group.has_member(user)


def test_join_creates_participant_without_password(db, create_process, create_group):
    """Someone not signed in becomes a participant account named by the display name."""
    group = create_group(create_process())
    user, _ = services.join_group(
        group.invite_code, user=None, display_name="  Maija Meikäläinen "
    )
    db.session.commit()
    assert user.role is Role.PARTICIPANT
    assert user.name == "Maija Meikäläinen"
    assert user.password_hash is None
    assert group.has_member(user)


def test_join_twice_does_not_duplicate_membership(
    db, create_user, create_process, create_group
):
    """A member joining again keeps exactly one membership."""
    group = create_group(create_process())
    user = create_user(Role.MEMBER)
    services.join_group(group.invite_code, user=user, display_name="")
    services.join_group(group.invite_code.lower(), user=user, display_name="")
    db.session.commit()
    count = db.session.scalar(
        sa.select(sa.func.count(GroupMembership.id)).where(
            GroupMembership.group_id == group.id, GroupMembership.user_id == user.id
        )
    )
    assert count == 1


def test_group_names_are_unique_per_process_in_the_database(
    db, create_process, create_organisation
):
    """Two groups with the same name in one process fail on flush (DB constraint)."""
    process = create_process()
    organisation = create_organisation()
    db.session.add(WorkGroup(process=process, organisation=organisation, name="Sama"))
    db.session.add(WorkGroup(process=process, organisation=organisation, name="Sama"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_same_group_name_in_two_processes_is_fine(
    db, create_process, create_organisation
):
    """The same group name may be used in different processes."""
    organisation = create_organisation()
    db.session.add(
        WorkGroup(process=create_process(), organisation=organisation, name="Sama")
    )
    db.session.add(
        WorkGroup(process=create_process(), organisation=organisation, name="Sama")
    )
    db.session.flush()
    db.session.commit()
    assert (
        db.session.scalar(
            sa.select(sa.func.count(WorkGroup.id)).where(WorkGroup.name == "Sama")
        )
        == 2
    )


def test_create_group_refuses_duplicate_name(
    db, create_user, create_process, create_group, create_organisation
):
    """The service refuses a name already used in the process with DuplicateName."""
    actor = create_user(Role.ADMIN)
    process = create_process()
    create_group(process, name="Keuda")
    with pytest.raises(DuplicateName):
        services.create_group(
            process, actor=actor, name=" Keuda ", organisation=create_organisation()
        )


def test_create_group_cleans_its_fields(
    db, create_user, create_process, create_organisation
):
    """Names are stripped, emails lower-cased, and the group gets an open 8-letter code."""
    actor = create_user(Role.ADMIN)
    group = services.create_group(
        create_process(),
        actor=actor,
        name="  Keuda  ",
        organisation=create_organisation(),
        contact_name=" Kaisa ",
        contact_email=" Kaisa@Keuda.FI ",
    )
    db.session.commit()
    assert (group.name, group.contact_name, group.contact_email) == (
        "Keuda",
        "Kaisa",
        "kaisa@keuda.fi",
    )
    assert len(group.invite_code) == 12
    assert group.invite_open is True


def test_update_group_may_keep_its_own_name(
    db, create_user, create_process, create_group, create_organisation
):
    """Saving a group under its own name is not a duplicate; another group's name is."""
    actor = create_user(Role.ADMIN)
    process = create_process()
    group = create_group(process, name="A")
    create_group(process, name="B")
    new_org = create_organisation()
    services.update_group(group, actor=actor, name="A", organisation=new_org)
    db.session.commit()
    assert group.organisation_id == new_org.id
    with pytest.raises(DuplicateName):
        services.update_group(group, actor=actor, name="B", organisation=new_org)


def test_delete_group_removes_memberships_but_keeps_users(
    db, create_user, create_process, create_group
):
    """Deleting a group deletes its memberships; the member accounts stay."""
    member = create_user(Role.PARTICIPANT)
    group = create_group(create_process(), members=(member,))
    services.delete_group(group, actor=create_user(Role.ADMIN))
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(WorkGroup.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(GroupMembership.id))) == 0
    assert db.session.get(User, member.id) is not None


def test_organisation_names_are_unique(db, create_user, create_organisation):
    """A second organisation with a taken name raises DuplicateName."""
    actor = create_user(Role.ADMIN)
    create_organisation(name="Keuda")
    with pytest.raises(DuplicateName):
        services.create_organisation(
            actor=actor, name=" Keuda", kind=OrganisationKind.OTHER
        )


def test_update_organisation(db, create_user, create_organisation):
    """An organisation may be renamed and reclassified, but not to a taken name."""
    actor = create_user(Role.ADMIN)
    organisation = create_organisation(name="Keuda")
    create_organisation(name="Järvenpää")
    services.update_organisation(
        organisation, actor=actor, name="Keuda", kind=OrganisationKind.NGO
    )
    db.session.commit()
    assert organisation.kind is OrganisationKind.NGO
    with pytest.raises(DuplicateName):
        services.update_organisation(
            organisation, actor=actor, name="Järvenpää", kind=OrganisationKind.NGO
        )


def test_delete_organisation_in_use_is_refused(
    db, create_user, create_process, create_group, create_organisation
):
    """An organisation with work groups cannot be deleted; one without can."""
    actor = create_user(Role.ADMIN)
    used = create_organisation()
    create_group(create_process(), organisation=used)
    unused = create_organisation()
    with pytest.raises(services.OrganisationInUse):
        services.delete_organisation(used, actor=actor)
    services.delete_organisation(unused, actor=actor)
    db.session.commit()
    assert db.session.get(Organisation, used.id) is not None
    assert db.session.get(Organisation, unused.id) is None


def test_database_restricts_deleting_organisation_in_use(
    db, create_process, create_group, create_organisation
):
    """The foreign key itself refuses to delete an organisation with groups (RESTRICT)."""
    used = create_organisation()
    create_group(create_process(), organisation=used)
    with pytest.raises(IntegrityError):
        db.session.execute(sa.delete(Organisation).where(Organisation.id == used.id))
        db.session.flush()
    db.session.rollback()


def test_format_invite_code():
    """Codes are shown in groups of four for reading aloud."""
    assert services.format_invite_code("KX7P2MQAH3RT") == "KX7P 2MQA H3RT"
    assert services.format_invite_code("ABC") == "ABC"


def test_counts(create_user, create_process, create_group, create_organisation):
    """Member counts per group and group counts per organisation are correct."""
    organisation = create_organisation()
    group = create_group(
        create_process(),
        organisation=organisation,
        members=(create_user(), create_user()),
    )
    empty = create_group(create_process(), organisation=organisation)
    assert queries.member_counts([group.id, empty.id]) == {group.id: 2}
    assert queries.group_counts([organisation.id]) == {organisation.id: 2}
    assert queries.member_counts([]) == {}


def test_the_database_keeps_only_a_hash_of_the_invite_code(
    db, create_process, create_group
):
    """No column holds the code: a copy of the database alone lets nobody join."""
    group = create_group(create_process())
    code = group.invite_code
    row = (
        db.session.execute(
            sa.text("SELECT * FROM work_groups WHERE id = :id"), {"id": group.id}
        )
        .mappings()
        .one()
    )
    assert all(code not in str(value) for value in row.values())
    assert row["invite_code_hash"] == hashlib.sha256(code.encode()).hexdigest()
    assert services.find_group_by_code(code.lower()).id == group.id


def test_invite_codes_are_long_enough_that_guessing_is_impractical(
    db, create_process, create_group
):
    """Twelve letters from 31 make about 2**59 codes; they differ between groups."""
    process = create_process()
    codes = {create_group(process).invite_code for _ in range(20)}
    assert len(codes) == 20
    assert all(len(code) == 12 and code.isalnum() for code in codes)
    assert len(INVITE_ALPHABET) ** INVITE_CODE_LENGTH > 2**58
