"""The app starts, serves its public pages and its headers."""


def test_front_page_is_finnish_by_default(client):
    """Without a choice, the interface is Finnish and html lang says so."""
    response = client.get("/")
    assert response.status_code == 200
    assert b'<html lang="fi">' in response.data


def test_health_check(client):
    """The health check answers with the database reachable."""
    assert client.get("/healthz").json == {"status": "ok"}
