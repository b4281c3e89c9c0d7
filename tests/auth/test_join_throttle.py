"""Guessing invite codes is throttled per address."""


def test_join_code_guessing_is_throttled(app, client):
    """Past the per-address limit, code attempts get 429; another address still works."""
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "3 per 15 minutes"
    try:
        for _ in range(3):
            assert client.post("/join", data={"code": "AAAA2222"}).status_code == 422
        assert client.post("/join", data={"code": "AAAA2222"}).status_code == 429
        other = client.post(
            "/join", data={"code": "AAAA2222"}, environ_base={"REMOTE_ADDR": "10.9.9.9"}
        )
        assert other.status_code == 422
    finally:
        app.config["JOIN_LIMIT_PER_ADDRESS"] = "200 per 15 minutes"


def test_codes_in_the_address_are_throttled_too(app, client):
    """/join?code=... (the wall's QR code) looks the code up: the same limit applies;
    the empty page is never limited."""
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "3 per 15 minutes"
    try:
        for _ in range(3):
            assert client.get("/join?code=AAAA2222").status_code == 200
        assert client.get("/join?code=AAAA2222").status_code == 429
        assert client.get("/join").status_code == 200
    finally:
        app.config["JOIN_LIMIT_PER_ADDRESS"] = "200 per 15 minutes"
