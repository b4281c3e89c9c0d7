"""Private pages are not cached (issue 16): every page of the URL map, for every
role, answers ``Cache-Control: no-store`` — signed-in pages may show invite codes,
one's own data or unpublished results, and every form carries a session's token.
That is checked in the access-control matrix's own requests
(test_route_matrix.test_get_matrix), so the URL map is walked once. Static files
keep their caching."""

from __future__ import annotations


def test_static_files_stay_cacheable(client):
    """The style sheet is the same for everyone: no ``no-store`` on it."""
    response = client.get("/static/css/main.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_signed_in_page_is_no_store(client, auth, create_user):
    """The header itself, outside the matrix: a signed-in page is never stored."""
    auth.login_as(create_user())
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
