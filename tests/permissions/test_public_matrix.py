"""The access-control matrix again with process A public (issue 18).

Making a process public opens its public pages and its API to anyone
(``PUBLIC_A_EXPECTATIONS``) and nothing else: every other rule of the URL map still
refuses the people outside process A exactly as in test_route_matrix.py. Only the
roles outside A are asked (anonymous, and the outsider of process B), since being
public changes nothing for the people of A.
"""

from __future__ import annotations

import pytest

from app.extensions import db

from .route_expectations import EXPECTATIONS, PUBLIC_A_EXPECTATIONS
from .test_route_matrix import GET_KEYS, _url
from .world import client_for, is_denied, is_login_redirect
from .world import matrix_world as _world_fixture

matrix_world = _world_fixture

OUTSIDE_ROLES = ("anonymous", "outsider")


@pytest.fixture(scope="module")
def public_world(matrix_world):
    process = matrix_world.a.process
    process.is_public = True
    db.session.commit()
    yield matrix_world
    process.is_public = False
    db.session.commit()


def test_public_expectations_name_real_rules():
    assert set(PUBLIC_A_EXPECTATIONS) <= set(EXPECTATIONS)


@pytest.mark.parametrize("key", GET_KEYS)
def test_public_process_opens_only_its_public_parts(_session_app, public_world, key):
    expectation = PUBLIC_A_EXPECTATIONS.get(key, EXPECTATIONS[key])
    url = _url(_session_app, public_world, key)
    problems = []
    for role in OUTSIDE_ROLES:
        response = client_for(_session_app, public_world, role).get(url)
        status = response.status_code
        if role in (expectation.get or ()):
            ok = expectation.allowed_statuses(role)
            if status not in ok or is_login_redirect(response):
                problems.append(f"{role}: GET {status}, expected one of {sorted(ok)}")
        elif not is_denied(role, response):
            problems.append(f"{role}: GET {status}, expected a refusal")
    assert not problems, f"{key} {url}:\n" + "\n".join(problems)
