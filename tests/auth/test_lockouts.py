"""Lock-outs that attackers cannot trigger (issue 16, item 5).

Only failed sign-ins count toward the per-email limit, counted per email and address:
strangers' failures from other addresses never stop the person who knows the
password. Wrong current passwords on the password page are limited per account, and
the refusal is the translated 429 page.
"""

from __future__ import annotations

import pytest

from app.models import Role
from tests.conftest import GOOD_PASSWORD

EMAIL = "fanni@example.fi"
OWNER = {"REMOTE_ADDR": "192.0.2.10"}
NEW_PASSWORD = "toinen-pitka-salasana-77"


@pytest.fixture()
def fanni(create_user):
    return create_user(Role.FACILITATOR, email=EMAIL, password=GOOD_PASSWORD)


def per_email(app) -> int:
    return int(app.config["LOGIN_LIMIT_PER_EMAIL"].split()[0])


def sign_in(client, password: str, environ: dict, email: str = EMAIL):
    return client.post(
        "/login", data={"email": email, "password": password}, environ_base=environ
    )


@pytest.mark.parametrize("strangers", [1, 3, 50])
def test_owner_gets_in_after_strangers_failures(app, fanni, strangers):
    """N times the per-email limit of failures, spread over other addresses, then the
    right password from the owner's address signs in at once."""
    failures = per_email(app) * 3
    for n in range(failures):
        address = f"203.0.113.{n % strangers + 1}"
        response = sign_in(
            app.test_client(), "vaara-salasana-1", {"REMOTE_ADDR": address}
        )
        assert response.status_code in (422, 429)
    owner = app.test_client()
    response = sign_in(owner, GOOD_PASSWORD, OWNER)
    assert response.status_code == 302
    assert owner.get("/account/data").status_code == 200


def test_successful_sign_ins_do_not_count(app, fanni):
    """Signing in many times more than the limit (e.g. a shared seminar computer)
    never reaches the per-email limit."""
    client = app.test_client()
    for _ in range(per_email(app) + 3):
        assert sign_in(client, GOOD_PASSWORD, OWNER).status_code == 302
        client.post("/logout", environ_base=OWNER)
    assert sign_in(client, "vaara-salasana-1", OWNER).status_code == 422


def test_failures_from_one_address_are_limited(app, fanni):
    """The guessing address itself is stopped after the limit, the right password
    included, with the translated 429 page."""
    client = app.test_client()
    for _ in range(per_email(app)):
        assert sign_in(client, "vaara-salasana-1", OWNER).status_code == 422
    response = sign_in(client, GOOD_PASSWORD, OWNER)
    assert response.status_code == 429
    assert "Liian monta yritystä" in response.get_data(as_text=True)
    # The owner on another connection (another address) is not stopped.
    other = sign_in(app.test_client(), GOOD_PASSWORD, {"REMOTE_ADDR": "192.0.2.99"})
    assert other.status_code == 302


def test_unknown_email_failures_lock_nothing(app, fanni):
    """Failures for an unknown email use up only that email's counter."""
    client = app.test_client()
    for _ in range(per_email(app) + 1):
        sign_in(client, "vaara-salasana-1", OWNER, email="nobody@example.fi")
    assert sign_in(client, GOOD_PASSWORD, OWNER).status_code == 302


# The current-password check on the password page ---------------------------------------


def change(client, current: str, environ: dict | None = None):
    return client.post(
        "/account/password",
        data={
            "current_password": current,
            "new_password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
        environ_base=environ or OWNER,
    )


def password_checks(app) -> int:
    return int(app.config["PASSWORD_CHECK_LIMIT_PER_USER"].split()[0])


@pytest.mark.parametrize(
    ("lang", "title"),
    [("fi", "Liian monta yritystä"), ("sv", "För många försök"), ("en", "Too many")],
)
def test_wrong_current_passwords_get_translated_429(
    app, fanni, auth, client, lang, title
):
    """After N wrong current passwords the next check is a 429 in the reader's
    language, the right password included; nothing changed."""
    auth.login_as(fanni)
    with client.session_transaction() as session:
        session["lang"] = lang
    for _ in range(password_checks(app)):
        assert change(client, "vaara-salasana-1").status_code == 422
    response = change(client, GOOD_PASSWORD)
    assert response.status_code == 429
    assert title in response.get_data(as_text=True)
    assert fanni.check_password(GOOD_PASSWORD)


def test_the_limit_follows_the_account_not_the_address(app, fanni, auth, client):
    """Changing address does not give the guesser new tries."""
    auth.login_as(fanni)
    for n in range(password_checks(app)):
        change(client, "vaara-salasana-1", {"REMOTE_ADDR": f"203.0.113.{n + 1}"})
    assert change(
        client, GOOD_PASSWORD, {"REMOTE_ADDR": "198.51.100.1"}
    ).status_code == (429)


def test_right_current_passwords_do_not_count(app, fanni, auth, client, db):
    """Changing the password successfully, again and again, is never limited."""
    auth.login_as(fanni)
    passwords = [GOOD_PASSWORD] + [
        f"uusi-pitka-salasana-{n}{n}" for n in range(password_checks(app) + 2)
    ]
    for current, new in zip(passwords, passwords[1:], strict=False):
        response = client.post(
            "/account/password",
            data={"current_password": current, "new_password": new, "confirm": new},
        )
        assert response.status_code == 302, current
