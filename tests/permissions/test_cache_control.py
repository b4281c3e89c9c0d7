"""Private pages are not cached (issue 16): every page of the URL map, for every
role, answers ``Cache-Control: no-store`` — signed-in pages may show invite codes,
one's own data or unpublished results, and every form carries a session's token.
Static files keep their caching."""

from __future__ import annotations

import pytest

from . import test_route_matrix as matrix
from .world import ROLES, client_for
from .world import _fresh_rate_limits as _world_rate_limits
from .world import matrix_world as _world_fixture

matrix_world = _world_fixture
_fresh_rate_limits = _world_rate_limits


@pytest.mark.parametrize("key", matrix.GET_KEYS)
def test_every_page_is_no_store_for_every_role(_session_app, matrix_world, key):
    """Allowed or refused, a page's answer is never kept by a browser or a proxy."""
    url = matrix._url(_session_app, matrix_world, key)
    cached = []
    for role in ROLES:
        response = client_for(_session_app, matrix_world, role).get(url)
        if response.headers.get("Cache-Control") != "no-store":
            cached.append(
                f"{role}: {response.status_code} {response.headers.get('Cache-Control')}"
            )
    assert not cached, f"{key} {url}:\n" + "\n".join(cached)


def test_static_files_stay_cacheable(client):
    """The style sheet is the same for everyone: no ``no-store`` on it."""
    response = client.get("/static/css/main.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
