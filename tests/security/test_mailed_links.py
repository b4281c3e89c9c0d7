"""Links that cannot be pointed elsewhere, and a reset answer that tells nothing
(issue 16, item 3).

Every mailed link starts with BASE_URL (else the fixed local default), whatever Host or
X-Forwarded-Host a request carries, behind a trusted proxy too; production refuses to
start without BASE_URL; the reset request answers the same, after the same work, for
known and unknown addresses, and its letter goes through the outbox after the answer.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from app import create_app
from app.extensions import db as _db
from app.models import OutboxMessage, PasswordResetToken, Role
from app.urls import LOCAL_BASE_URL, external_url
from config import ConfigError, ProductionConfig, TestingConfig
from tests.conftest import GOOD_PASSWORD, IsolatedClient

BASE = "https://osallistamo.example.fi"
EVIL = "evil.example"

#: Request headers an attacker sets to move a link to their own host.
HOSTILE_HEADERS = [
    {"Host": EVIL},
    {"Host": f"{EVIL}:443"},
    {"X-Forwarded-Host": EVIL},
    {"X-Forwarded-Host": f"{EVIL}, osallistamo.example.fi"},
    {"Host": EVIL, "X-Forwarded-Host": EVIL, "X-Forwarded-Proto": "http"},
    {"X-Forwarded-Server": EVIL, "Forwarded": f"host={EVIL};proto=http"},
    {"X-Original-Host": EVIL, "X-Host": EVIL},
]


@pytest.fixture()
def fanni(create_user):
    return create_user(Role.MEMBER, email="fanni@example.fi", password=GOOD_PASSWORD)


@pytest.fixture()
def proxied_app(database_uri):
    """The app behind one trusted proxy (ProxyFix on), on the test database."""
    app = create_app(
        TestingConfig,
        {
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "WTF_CSRF_ENABLED": False,
            "SERVER_NAME": "localhost",
            "TRUSTED_PROXIES": 1,
        },
    )
    app.test_client_class = IsolatedClient
    return app


def letters() -> list[OutboxMessage]:
    _db.session.expire_all()
    return list(
        _db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id))
    )


def ask_reset(client, email: str, headers: dict | None = None, buffered=True):
    """Ask for a reset link; ``buffered`` closes the response as a server does."""
    return client.post(
        "/password/reset",
        data={"email": email},
        headers=headers or {},
        buffered=buffered,
    )


# Hosts never make a link -----------------------------------------------------------


@pytest.mark.parametrize("base_url", [BASE, ""], ids=["BASE_URL", "local-default"])
@pytest.mark.parametrize("headers", HOSTILE_HEADERS)
@pytest.mark.parametrize("behind_proxy", [False, True], ids=["direct", "proxied"])
def test_reset_letter_link_ignores_host_headers(
    app, proxied_app, fanni, headers, base_url, behind_proxy, monkeypatch
):
    """The queued reset letter links to BASE_URL (or the local default), never to a
    host named by the request."""
    target = proxied_app if behind_proxy else app
    monkeypatch.setitem(target.config, "BASE_URL", base_url)
    response = ask_reset(target.test_client(), fanni.email, headers)
    assert response.status_code == 302
    [letter] = letters()
    assert letter.kind == "password_reset" and letter.recipient == fanni.email
    assert f"{base_url or LOCAL_BASE_URL}/password/reset/" in letter.body_text
    assert EVIL not in letter.body_text and EVIL not in letter.subject
    assert EVIL not in response.headers.get("Location", "")


@pytest.mark.parametrize("headers", HOSTILE_HEADERS)
@pytest.mark.parametrize(
    ("endpoint", "values"),
    [
        ("auth.reset_password", {"token": "abc"}),
        ("auth.join", {"code": "ABCD2345EFGH"}),
        ("auth.join_code", {}),
        ("auth.login", {}),
        ("followup.proposal", {"slug": "prosessi"}),
    ],
)
def test_external_url_ignores_the_request(app, proxied_app, headers, endpoint, values):
    """Every absolute link (mail, invite links, CLI) is built on BASE_URL alone, inside
    a request with hostile headers too."""
    for target in (app, proxied_app):
        target.config["BASE_URL"] = BASE + "/"
        try:
            with target.test_request_context("/", headers=headers):
                link = external_url(endpoint, **values)
        finally:
            target.config["BASE_URL"] = ""
        assert link.startswith(BASE + "/") and EVIL not in link


def test_group_page_invite_link_ignores_host(proxied_app, world_for_links):
    """The invite link shown to copy on the group page does not follow a forwarded
    host either, behind a trusted proxy."""
    from tests.conftest import AuthActions

    process, group, facilitator = world_for_links
    client = proxied_app.test_client()
    AuthActions(client).login_as(facilitator)
    response = client.get(
        f"/p/{process.slug}/groups/{group.id}", headers={"X-Forwarded-Host": EVIL}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f"{LOCAL_BASE_URL}/join/{group.invite_code}" in html
    assert f"{EVIL}/join" not in html


@pytest.fixture()
def world_for_links(create_user, create_process, create_group):
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    return process, create_group(process), facilitator


def test_proxy_fix_does_not_trust_forwarded_host(proxied_app):
    """Behind a trusted proxy the address and scheme are taken, the host is not."""
    seen = {}

    @proxied_app.route("/host-test")
    def host_test():
        from flask import request

        seen.update(host=request.host, addr=request.remote_addr)
        return ""

    proxied_app.test_client().get(
        "/host-test",
        headers={"X-Forwarded-Host": EVIL, "X-Forwarded-For": "203.0.113.9"},
    )
    assert seen["addr"] == "203.0.113.9"
    assert EVIL not in seen["host"]


# Production needs BASE_URL ----------------------------------------------------------


def production(**settings) -> type[ProductionConfig]:
    return type("Prod", (ProductionConfig,), {"SECRET_KEY": "k" * 64, **settings})


@pytest.mark.parametrize("base_url", ["", None])
def test_production_refuses_to_start_without_base_url(base_url):
    """A missing BASE_URL is a clear start-up error naming the setting."""
    with pytest.raises(ConfigError, match="BASE_URL is not set"):
        create_app(
            production(BASE_URL=base_url), {"SQLALCHEMY_DATABASE_URI": "sqlite://"}
        )


@pytest.mark.parametrize(
    "base_url", ["osallistamo.example.fi", "/osallistamo", "ftp://x.fi", "https://"]
)
def test_production_refuses_a_relative_base_url(base_url):
    """BASE_URL must be an absolute http(s) address."""
    with pytest.raises(ConfigError, match="absolute"):
        create_app(
            production(BASE_URL=base_url), {"SQLALCHEMY_DATABASE_URI": "sqlite://"}
        )


def test_production_starts_with_base_url():
    """With BASE_URL (and a key) production starts."""
    app = create_app(
        production(BASE_URL=BASE), {"SQLALCHEMY_DATABASE_URI": "sqlite://"}
    )
    assert app.config["BASE_URL"] == BASE


# The reset answer tells nothing -------------------------------------------------------


def test_reset_answer_is_the_same_for_known_and_unknown(app, fanni):
    """Status, address, body and the page after it are equal byte for byte."""
    answers = {}
    for email in (fanni.email, "nobody@example.fi", "FANNI@Example.fi"):
        client = app.test_client()
        response = ask_reset(client, email)
        landing = client.get(response.headers["Location"])
        answers[email] = (
            response.status_code,
            response.headers["Location"],
            response.get_data(),
            landing.status_code,
            landing.get_data(),
        )
    first, *others = answers.values()
    assert all(other == first for other in others)
    assert len(letters()) == 2  # the known address, in two spellings


def test_reset_letter_waits_for_the_answer_then_is_in_the_outbox(app, fanni):
    """While the answer is being made nothing is looked up or written; once it has
    been sent (the response closed), the letter is in the outbox and sent."""
    client = app.test_client()
    response = ask_reset(client, fanni.email, buffered=False)
    assert response.status_code == 302
    assert letters() == []
    assert _db.session.scalar(sa.select(sa.func.count(PasswordResetToken.id))) == 0
    _db.session.commit()  # the test's reads end, as a request's session would
    response.close()
    [letter] = letters()
    assert letter.sent_at is not None and letter.attempts == 1
    assert "/password/reset/" in letter.body_text


def test_inactive_account_gets_no_letter(app, fanni):
    """A deactivated account is treated as unknown."""
    fanni.is_active_account = False
    _db.session.commit()
    ask_reset(app.test_client(), fanni.email)
    assert letters() == []


def test_reset_request_runs_the_same_queries_for_known_and_unknown(app, fanni):
    """Before the answer is sent, both cases run exactly the same SQL (none about
    the address), so the timing cannot differ by the account's existence."""

    def statements_for(email: str) -> list[str]:
        seen: list[str] = []

        def record(conn, cursor, statement, *args):
            seen.append(statement)

        engine = _db.engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            response = ask_reset(app.test_client(), email, buffered=False)
        finally:
            event.remove(engine, "before_cursor_execute", record)
        response.close()
        return seen

    known = statements_for(fanni.email)
    unknown = statements_for("nobody@example.fi")
    assert known == unknown
    assert not any("users" in statement for statement in known)
