"""The permission rules as a matrix: role x action -> allow or deny."""

import pytest
import sqlalchemy as sa
from flask_login import AnonymousUserMixin

from app.models import Process, Role
from app.permissions import RULES, can, visible_processes

ROLES = [
    "anonymous",
    "admin",
    "facilitator",
    "other_facilitator",
    "observer",
    "member",
    "outsider",
]

#: Who may do what on a process. Everything not listed is denied.
EXPECTED = {
    "process.view": {"admin", "facilitator", "observer", "member"},
    "process.manage": {"admin", "facilitator"},
    "process.delete": {"admin", "facilitator"},
    "process.team": {"admin", "facilitator"},
    "group.manage": {"admin", "facilitator"},
    "process.create": {"admin", "facilitator", "other_facilitator"},
    "organisation.manage": {"admin", "facilitator", "other_facilitator"},
    "admin.users": {"admin"},
    "workshop.choose": {"member"},
    "note.post": {"member"},
    "note.mark": {"member"},
}


@pytest.fixture()
def world(create_user, create_process, create_group):
    """One process with a facilitator, an observer and a group member, plus outsiders."""
    users = {
        "anonymous": AnonymousUserMixin(),
        "admin": create_user(Role.ADMIN),
        "facilitator": create_user(Role.FACILITATOR),
        "other_facilitator": create_user(Role.FACILITATOR),
        "observer": create_user(Role.MEMBER),
        "member": create_user(Role.PARTICIPANT),
        "outsider": create_user(Role.PARTICIPANT),
    }
    process = create_process(
        facilitator=users["facilitator"], observer=users["observer"]
    )
    group = create_group(process, members=(users["member"],))
    other_process = create_process(facilitator=users["other_facilitator"])
    create_group(other_process, members=(users["outsider"],))
    return users, process, group


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_process_rules(world, role, action):
    """Each role gets exactly the process rights the policy gives it."""
    users, process, _group = world
    assert can(users[role], action, process) is (role in EXPECTED[action])


@pytest.mark.parametrize("role", ROLES)
def test_group_view(world, role):
    """A group's page is for managers, observers and the group's own members."""
    users, _process, group = world
    allowed = {"admin", "facilitator", "observer", "member"}
    assert can(users[role], "group.view", group) is (role in allowed)


def test_rules_reach_a_process_through_its_parts(world, create_theme):
    """Rules about a process apply to its themes, phases and groups too."""
    users, process, group = world
    theme = create_theme(process)
    assert can(users["facilitator"], "process.manage", theme)
    assert not can(users["other_facilitator"], "process.manage", theme)
    assert can(users["facilitator"], "group.manage", group)


def test_unknown_action_is_a_programming_error():
    """Asking about an action with no rule fails loudly instead of allowing."""
    with pytest.raises(KeyError):
        can(None, "process.obliterate")


def test_every_rule_denies_anonymous(world):
    """No rule lets an anonymous visitor through."""
    users, process, _ = world
    assert not any(can(users["anonymous"], action, process) for action in RULES)


@pytest.mark.parametrize("role", ROLES)
def test_visible_processes_matches_process_view(world, db, role):
    """The list filter shows exactly the processes whose page the rule would allow."""
    users, _process, _ = world
    listed = set(
        db.session.scalars(visible_processes(sa.select(Process), users[role])).all()
    )
    everything = db.session.scalars(sa.select(Process)).all()
    allowed = {p for p in everything if can(users[role], "process.view", p)}
    assert listed == allowed
