"""CSRF on every state-changing route: no token, or another session's, is refused.

With CSRF protection on (as in production), every rule that takes POST (or PUT,
PATCH, DELETE) is sent a form by a role allowed to use it: without a ``csrf_token``
and with a token from another session of the same person. The answer is 400 (the
global check), or 422 for the views that check the token in their own form (comment,
reply, edit, vote and workshop-note forms keep the typed text); either way nothing
is written: the whole database is compared before and after.
"""

from __future__ import annotations

import re

import pytest

from app import create_app
from app.voting.forms_vote import FIELD_PREFIX
from config import TestingConfig
from tests.conftest import IsolatedClient, csrf_token_from

from .route_expectations import EXPECTATIONS, arguments_for, rule_key
from .world import _fresh_rate_limits as _world_rate_limits
from .world import (
    changed_tables,
    client_for,
    fingerprint,
    path_for,
    resolve,
)
from .world import matrix_world as _world_fixture

#: The shared module-scoped world and the per-test limiter reset (fixtures).
matrix_world = _world_fixture
_fresh_rate_limits = _world_rate_limits

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

#: Who sends each form: the first of these whom the policy lets write.
PREFERENCE = (
    "facilitator",
    "admin",
    "participant",
    "observer",
    "other_facilitator",
    "other_group",
    "outsider",
    "anonymous",
)

#: Views that check CSRF inside their form and answer 422, keeping the text.
FORM_CHECKED = {
    "discussions.thread",
    "discussions.reply",
    "discussions.edit_comment",
    "voting.ballot",
    "seminars.live",
    "seminars.questions",
    "surveys.detail",
}


def _write_rules():
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return sorted(
        rule_key(rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static" and set(WRITE_METHODS) & rule.methods
    )


WRITE_KEYS = _write_rules()


@pytest.fixture(scope="module")
def csrf_on(database_uri, matrix_world):
    """The same database, with CSRF protection on as in production (module-wide)."""
    app = create_app(
        TestingConfig,
        {"SQLALCHEMY_DATABASE_URI": database_uri, "SERVER_NAME": "localhost"},
    )
    app.test_client_class = IsolatedClient
    return app


def _rule(app, key):
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static" and rule_key(rule) == key:
            return rule
    raise AssertionError(f"no rule {key}")


def _url(app, world, key) -> str:
    rule = _rule(app, key)
    values = {
        name: resolve(world.a, value)
        for name, value in arguments_for(key, rule).items()
    }
    return path_for(rule, values)


def _role_for(key: str) -> str:
    expectation = EXPECTATIONS.get(key)
    assert expectation is not None, f"{key} is not classified (test_route_matrix)"
    allowed = expectation.post_roles
    assert allowed, f"{key}: nobody may write here; classify it"
    return next(role for role in PREFERENCE if role in allowed)


def form_data(key: str, world) -> dict:
    """A form the view would accept but for the token (for the form-checked views)."""
    a = world.a
    group_id = a["group1"].id
    if key == "discussions.thread":
        return {"body": "Uusi kommentti", "group_id": group_id, "submission_key": "c1"}
    if key == "discussions.reply":
        prefix = f"reply{a['comment'].id}"
        return {
            f"{prefix}-body": "Uusi vastaus",
            f"{prefix}-group_id": group_id,
            f"{prefix}-submission_key": "r1",
        }
    if key == "discussions.edit_comment":
        return {"body": "Muokattu teksti"}
    if key == "voting.ballot":
        return {"group_id": group_id, f"{FIELD_PREFIX}{a['themes'][1].id}": "y"}
    if key == "seminars.live":
        return {
            "note-body": "Uusi muistiinpano",
            "note-prompt_id": a["workshop_prompt"].id,
            "note-group_id": group_id,
            "note-submission_key": "n1",
            "note-submit": "x",
        }
    if key == "seminars.questions":
        return {
            "ask-body": "Uusi kysymys puhujalle",
            "ask-group_id": group_id,
            "ask-submission_key": "q1",
        }
    if key == "surveys.detail":
        return {
            "group": group_id,
            f"q{a['likert_question'].id}": "5",
            f"q{a['text_question'].id}": "Uusi vapaa vastaus",
        }
    # Refused before the view by the global check: the fields do not matter, but
    # they are what the confirmation and small forms send.
    return {"reason": "Syy", "direction": "up", "role": "observer", "name": "Nimi"}


def token_field(key: str, world) -> str:
    """Where the form carries its token: prefixed forms have their own field."""
    if key == "discussions.reply":
        return f"reply{world.a['comment'].id}-csrf_token"
    if key == "seminars.live":
        return "note-csrf_token"
    if key == "seminars.questions":
        return "ask-csrf_token"
    return "csrf_token"


def _expected_status(key: str) -> int:
    return 422 if key in FORM_CHECKED else 400


def _token_page(app, world, role: str) -> str:
    """A page of the role's with a form on it (its token belongs to that session)."""
    a = world.a
    if role == "admin":
        return "/admin/users/new"
    if role in ("facilitator", "other_facilitator"):
        return f"/p/{a.process.slug}/edit" if role == "facilitator" else "/p/new"
    if role == "anonymous":
        return "/login"
    return (
        f"/p/{a.process.slug}/discussions/{a['discussion_phase'].id}"
        f"/prompts/{a['prompt'].id}/"
    )


@pytest.mark.parametrize("key", WRITE_KEYS)
def test_post_without_token_is_refused(csrf_on, matrix_world, key):
    """A state-changing request without a CSRF token changes nothing."""
    world = matrix_world
    role = _role_for(key)
    url = _url(csrf_on, world, key)
    method = next(m for m in WRITE_METHODS if m in _rule(csrf_on, key).methods)
    before = fingerprint()
    response = client_for(csrf_on, world, role).open(
        url, method=method, data=form_data(key, world)
    )
    assert response.status_code == _expected_status(key), (
        f"{key} as {role}: {method} {url} -> {response.status_code}"
    )
    assert changed_tables(before, fingerprint()) == [], f"{key} wrote without a token"


@pytest.mark.parametrize("key", WRITE_KEYS)
def test_token_of_another_session_is_refused(csrf_on, matrix_world, key):
    """A token taken from another session of the same person is no key here."""
    world = matrix_world
    role = _role_for(key)
    other = client_for(csrf_on, world, role)
    page = other.get(_token_page(csrf_on, world, role))
    assert page.status_code == 200, f"token page for {role}: {page.status_code}"
    foreign_token = csrf_token_from(page.get_data(as_text=True))
    url = _url(csrf_on, world, key)
    method = next(m for m in WRITE_METHODS if m in _rule(csrf_on, key).methods)
    before = fingerprint()
    client = client_for(csrf_on, world, role)
    client.get(_token_page(csrf_on, world, role))  # this session has a token too
    response = client.open(
        url,
        method=method,
        data={**form_data(key, world), token_field(key, world): foreign_token},
    )
    assert response.status_code == _expected_status(key), (
        f"{key} as {role}: {method} {url} -> {response.status_code}"
    )
    assert changed_tables(before, fingerprint()) == [], f"{key} took a foreign token"


# Last in the module: the control writes.
@pytest.mark.parametrize("key", sorted(FORM_CHECKED))
def test_form_checked_views_accept_the_same_form_with_its_token(
    csrf_on, matrix_world, key
):
    """The refused forms above were valid but for the token: with the session's own
    token the same form is saved (so the refusals were the CSRF check's)."""
    world = matrix_world
    role = _role_for(key)
    client = client_for(csrf_on, world, role)
    url = _url(csrf_on, world, key)
    page = client.get(url).get_data(as_text=True)
    field = token_field(key, world)
    match = re.search(rf'name="{re.escape(field)}"[^>]*value="([^"]+)"', page)
    token = match.group(1) if match else csrf_token_from(page)
    before = fingerprint()
    data = {**form_data(key, world), token_field(key, world): token}
    for name in list(data):
        if name.endswith("submission_key"):
            data[name] = f"{data[name]}-ok"
    response = client.post(url, data=data)
    assert response.status_code == 302, f"{key}: {response.status_code}"
    assert changed_tables(before, fingerprint()), f"{key}: the valid form wrote nothing"
