"""The access-control matrix over the whole URL map: every rule x every role.

For each rule of ``app.url_map`` (except ``static``) the URL is filled from the
fixture world (process A's objects, see route_expectations.ARGUMENTS) and every role
asks for it. A role the expectations allow gets its expected answer; any other role
is refused (403 or 404, or sent to sign in when anonymous): never a success and
never a 500. Refused POSTs write nothing (the whole database is compared).
"""

from __future__ import annotations

import pytest

from app import create_app
from config import TestingConfig

from .route_expectations import (
    EXPECTATIONS,
    GLOBAL_ID_ARGUMENTS,
    ID_ARGUMENTS,
    arguments_for,
    rule_key,
)
from .world import (
    ROLES,
    changed_tables,
    client_for,
    fingerprint,
    is_denied,
    is_login_redirect,
    path_for,
    resolve,
)
from .world import _fresh_rate_limits as _world_rate_limits
from .world import matrix_world as _world_fixture

#: The shared module-scoped world and the per-test limiter reset (fixtures).
matrix_world = _world_fixture
_fresh_rate_limits = _world_rate_limits

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _rules():
    """The URL map of a freshly built app (collection time): key -> rule."""
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return {
        rule_key(rule): rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
    }


RULES = _rules()
GET_KEYS = sorted(key for key, rule in RULES.items() if "GET" in rule.methods)
POST_ONLY_KEYS = sorted(
    key
    for key, rule in RULES.items()
    if "GET" not in rule.methods and rule.methods & WRITE_METHODS
)


def _live_rule(app, key: str):
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static" and rule_key(rule) == key:
            return rule
    raise AssertionError(f"no rule {key} in the URL map")


def _url(app, world, key: str) -> str:
    rule = _live_rule(app, key)
    values = {
        name: resolve(world.a, value)
        for name, value in arguments_for(key, rule).items()
    }
    missing = set(rule.arguments) - set(values)
    assert not missing, f"{key}: no world value for {sorted(missing)}"
    return path_for(rule, values)


def _write_method(rule) -> str:
    return next(m for m in ("POST", "PUT", "PATCH", "DELETE") if m in rule.methods)


def test_every_rule_is_classified():
    """Each rule of the URL map has an expectation, and each expectation a rule."""
    unclassified = sorted(set(RULES) - set(EXPECTATIONS))
    stale = sorted(set(EXPECTATIONS) - set(RULES))
    assert not unclassified, f"routes without an expectation: {unclassified}"
    assert not stale, f"expectations of routes that no longer exist: {stale}"


def test_every_id_argument_has_a_world_value(_session_app):
    """Every argument of every rule is filled from the world (no guessing left)."""
    for key, rule in RULES.items():
        values = arguments_for(key, rule)
        assert set(rule.arguments) <= set(values), (key, sorted(rule.arguments))
        for name in rule.arguments:
            if name.endswith("_id"):
                assert name in ID_ARGUMENTS | GLOBAL_ID_ARGUMENTS, (
                    f"{key}: classify {name} in ID_ARGUMENTS"
                )


@pytest.mark.parametrize("key", GET_KEYS)
def test_get_matrix(_session_app, matrix_world, key):
    """Every role gets what the policy gives it on this page; nobody gets a 500.

    Where the rule also takes a POST, each role that may not write posts too, and
    is refused without anything written. Allowed or refused, every answer says
    ``Cache-Control: no-store`` (issue 16: private pages are not cached), except
    open data that anyone may read and cache (``anonymous_cache``, issue 18).
    """
    expectation = EXPECTATIONS.get(key)
    assert expectation is not None, f"{key} is not classified"
    app, world = _session_app, matrix_world
    url = _url(app, world, key)
    problems = []
    for role in ROLES:
        response = client_for(app, world, role).get(url)
        status = response.status_code
        cache = (
            expectation.anonymous_cache
            if role == "anonymous" and status == 200
            else "no-store"
        )
        if response.headers.get("Cache-Control") != cache:
            problems.append(
                f"{role}: GET {status} Cache-Control "
                f"{response.headers.get('Cache-Control')!r}, expected {cache!r}"
            )
        if role in (expectation.get or ()):
            ok = expectation.allowed_statuses(role)
            if status not in ok or is_login_redirect(response):
                problems.append(f"{role}: GET {status}, expected one of {sorted(ok)}")
        elif not is_denied(role, response):
            problems.append(f"{role}: GET {status}, expected a refusal")
    rule = _live_rule(app, key)
    if rule.methods & WRITE_METHODS:
        method = _write_method(rule)
        before = fingerprint()
        for role in ROLES:
            if role in expectation.post_roles:
                continue
            response = client_for(app, world, role).open(url, method=method, data={})
            if not is_denied(role, response):
                problems.append(f"{role}: {method} {response.status_code}, refused?")
        changed = changed_tables(before, fingerprint())
        if changed:
            problems.append(f"refused writes changed the tables {changed}")
    assert not problems, f"{key} {url}:\n" + "\n".join(problems)


@pytest.mark.parametrize("key", POST_ONLY_KEYS)
def test_post_only_refusals(_session_app, matrix_world, key):
    """A POST-only action refuses every role the policy does not give it and writes
    nothing for them."""
    expectation = EXPECTATIONS.get(key)
    assert expectation is not None, f"{key} is not classified"
    app, world = _session_app, matrix_world
    url = _url(app, world, key)
    rule = _live_rule(app, key)
    method = _write_method(rule)
    problems = []
    before = fingerprint()
    for role in ROLES:
        if role in expectation.post_roles:
            continue
        response = client_for(app, world, role).open(url, method=method, data={})
        if not is_denied(role, response):
            problems.append(f"{role}: {method} {response.status_code}, refused?")
    changed = changed_tables(before, fingerprint())
    if changed:
        problems.append(f"refused writes changed the tables {changed}")
    assert not problems, f"{key} {url}:\n" + "\n".join(problems)


# Last in the module: these requests may change the world (a closed invite, a
# chosen workshop), so they run after every read of it.
@pytest.mark.parametrize("key", POST_ONLY_KEYS)
def test_post_only_allowed_roles_get_through(_session_app, matrix_world, key):
    """A role allowed to use a POST-only action reaches it: an empty form gets a
    redirect, a 400 or a refusal page, never a 403/404/405 and never a 500.

    One allowed role per action (the facilitator where allowed), to keep it quick:
    the refusals above are checked for every role.
    """
    expectation = EXPECTATIONS.get(key)
    assert expectation is not None, f"{key} is not classified"
    app, world = _session_app, matrix_world
    url = _url(app, world, key)
    method = _write_method(_live_rule(app, key))
    problems = []
    preference = ("facilitator", "participant", "admin", "anonymous")
    for role in [next(r for r in preference if r in expectation.post_roles)]:
        response = client_for(app, world, role).open(url, method=method, data={})
        status = response.status_code
        if status not in (200, 302, 400, 409, 422) or is_login_redirect(response):
            problems.append(f"{role}: {method} {status}")
    assert not problems, f"{key} {url}:\n" + "\n".join(problems)
