"""Numbers are numbers over the whole URL map (the hostile-number sweep lives here,
on the permission matrix's world; the unit cases are tests/security/
test_hostile_numbers.py): every GET page asked with hostile values in every numeric
query parameter answers a page or a 4xx, never a 500, and ``next=`` with CR/LF is
refused without a 500."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.security.test_hostile_numbers import EVERY_PAGE, NUMERIC_PARAMETERS

from .test_route_matrix import GET_KEYS, _url
from .world import _fresh_rate_limits as _world_rate_limits
from .world import client_for
from .world import matrix_world as _world_fixture

matrix_world = _world_fixture
_fresh_rate_limits = _world_rate_limits

#: One of each kind of EVERY_PAGE (a non-ASCII digit, a sign, an exponent, a number
#: too big for any column): every page parses its numbers with app.requests.parse_id,
#: whose unit tests try every hostile value, so the sweep needs each kind once.
SWEEP_VALUES = ["٣", "+1", "1e3", "9" * 30]


@pytest.mark.parametrize("role", ["facilitator", "participant"])
def test_every_page_survives_hostile_numbers(_session_app, matrix_world, role):
    """No GET route answers 500 to hostile values in its numeric parameters."""
    app = _session_app
    client = client_for(app, matrix_world, role)
    problems = []
    for key in GET_KEYS:
        url = _url(app, matrix_world, key)
        for value in SWEEP_VALUES:
            query = urlencode({name: value for name in NUMERIC_PARAMETERS})
            response = client.get(f"{url}?{query}")
            if response.status_code >= 500:
                problems.append(f"{key} {value[:12]!r}: {response.status_code}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "target",
    [
        "/p/\r\nSet-Cookie: x=1",
        "/\r\nLocation: https://evil.example",
        "/ok\x00",
        "/ok\x85",
    ],
)
def test_next_with_line_breaks_is_refused(_session_app, matrix_world, target):
    """A next= with CR/LF or other control characters goes to the home page."""
    from app.urls import safe_next

    with _session_app.test_request_context():
        assert safe_next(target) == "/"
    for role in ("anonymous", "facilitator"):
        client = client_for(_session_app, matrix_world, role)
        for path in ("/login", "/organisations/new", "/language/fi"):
            response = client.get(path, query_string={"next": target})
            assert response.status_code < 500, (role, path)
            assert "\n" not in response.headers.get("Location", "")


def test_the_sweep_values_are_hostile_page_values():
    """The sweep's values stay a subset of the unit tests' hostile page values."""
    assert set(SWEEP_VALUES) <= set(EVERY_PAGE)
