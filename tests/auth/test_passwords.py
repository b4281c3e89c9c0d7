"""The password policy, changing a password and resetting it by email."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.auth import services
from app.auth.passwords import password_problems
from app.errors import InvalidToken
from app.extensions import db
from app.models import OutboxMessage, PasswordResetToken, Role
from tests.conftest import GOOD_PASSWORD


@pytest.mark.parametrize(
    "password",
    [
        "lyhyt123",
        "password123",
        "Salasana2024!",
        "qwertyuiop",
        "aaaaaaaaaaaa",
        "1234567890",
    ],
)
def test_policy_refuses_short_or_common_passwords(password):
    """Short, common and repetitive passwords are refused."""
    assert password_problems(password, "someone@example.fi")


def test_policy_refuses_password_containing_the_email():
    """A password built from the email's name is refused."""
    problems = password_problems("fanni.virtanen-2026-x", "fanni.virtanen@example.fi")
    assert any("email" in p for p in problems)


def test_policy_accepts_a_long_uncommon_password():
    """A long, uncommon passphrase passes."""
    assert password_problems(GOOD_PASSWORD, "fanni@example.fi") == []


def test_passwords_are_hashed_with_scrypt(create_user):
    """Passwords are stored as scrypt hashes, never as text."""
    user = create_user(Role.FACILITATOR, password=GOOD_PASSWORD)
    assert user.password_hash.startswith("scrypt:")
    assert GOOD_PASSWORD not in user.password_hash


# Changing the password ---------------------------------------------------------


@pytest.fixture()
def fanni(create_user):
    return create_user(
        Role.FACILITATOR, email="fanni@example.fi", password=GOOD_PASSWORD
    )


def test_change_password_requires_sign_in(client):
    """Anonymous visitors are sent to sign in."""
    response = client.get("/account/password")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_change_password(client, auth, fanni, db):
    """The current password and a good new one change the password."""
    auth.login_as(fanni)
    response = client.post(
        "/account/password",
        data={
            "current_password": GOOD_PASSWORD,
            "new_password": "uusi-hyva-salasana-99",
            "confirm": "uusi-hyva-salasana-99",
        },
    )
    assert response.status_code == 302
    db.session.refresh(fanni)
    assert fanni.check_password("uusi-hyva-salasana-99")
    # This browser stays signed in with a fresh session.
    assert client.get("/p/").status_code == 200


def test_change_password_with_wrong_current_password(client, auth, fanni, db):
    """A wrong current password is refused and nothing changes."""
    auth.login_as(fanni)
    response = client.post(
        "/account/password",
        data={
            "current_password": "wrong-wrong-wrong",
            "new_password": "uusi-hyva-salasana-99",
            "confirm": "uusi-hyva-salasana-99",
        },
    )
    assert response.status_code == 422
    db.session.refresh(fanni)
    assert fanni.check_password(GOOD_PASSWORD)


@pytest.mark.parametrize(
    ("new", "confirm", "message"),
    [
        ("lyhyt", "lyhyt", "at least 10"),
        ("salasana123", "salasana123", "too common"),
        ("uusi-hyva-salasana-99", "eri-salasana-toinen-1", "do not match"),
        ("fanni-salainen-2026", "fanni-salainen-2026", "email"),
    ],
)
def test_change_password_refuses_bad_new_passwords(
    client, auth, fanni, new, confirm, message
):
    """The policy's reasons are shown next to the field."""
    auth.login_as(fanni)
    with client.session_transaction() as session:
        session["lang"] = "en"
    response = client.post(
        "/account/password",
        data={
            "current_password": GOOD_PASSWORD,
            "new_password": new,
            "confirm": confirm,
        },
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_participant_has_no_password_to_change(client, auth, create_user):
    """Participants who joined by code are told they have no password."""
    olli = create_user(Role.PARTICIPANT)
    auth.login_as(olli)
    assert client.get("/account/password").status_code == 302


# Resetting by email ------------------------------------------------------------


def sent_link(caplog) -> str:
    """The link of the reset letter that was sent (logged without MAIL_SERVER), read
    from its decoded text in the outbox (the logged letter wraps long lines)."""
    assert any(r.name == "osallistamo.mail" for r in caplog.records), "no mail sent"
    message = db.session.scalars(
        sa.select(OutboxMessage)
        .where(OutboxMessage.kind == "password_reset")
        .order_by(OutboxMessage.id.desc())
    ).first()
    assert message is not None and message.sent_at is not None
    for line in message.body_text.splitlines():
        if "/password/reset/" in line:
            return line.strip()
    raise AssertionError("no reset link in the letter")


def test_reset_request_answers_the_same_for_unknown_email(client, fanni, caplog):
    """Known and unknown emails get the same answer; only the known one gets mail."""
    caplog.set_level("INFO", logger="osallistamo.mail")
    # buffered: the client closes the response, as a server does after sending it,
    # and the letter goes out then (app.web.after_response).
    known = client.post(
        "/password/reset", data={"email": "fanni@example.fi"}, buffered=True
    )
    unknown = client.post(
        "/password/reset", data={"email": "nobody@example.fi"}, buffered=True
    )
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    mails = [r for r in caplog.records if r.name == "osallistamo.mail"]
    assert len(mails) == 1 and "fanni@example.fi" in mails[0].getMessage()


def test_reset_request_validates_email(client):
    """A malformed email gets a clear message and stays in the field."""
    response = client.post("/password/reset", data={"email": "not-an-email"})
    assert response.status_code == 422
    assert 'value="not-an-email"' in response.get_data(as_text=True)


def test_reset_link_sets_a_new_password_once(client, fanni, caplog, db):
    """The emailed link sets the password, then stops working."""
    caplog.set_level("INFO", logger="osallistamo.mail")
    client.post("/password/reset", data={"email": "fanni@example.fi"}, buffered=True)
    link = sent_link(caplog)
    path = link[link.index("/password/reset/") :]
    assert client.get(path).status_code == 200
    response = client.post(
        path,
        data={
            "new_password": "palautettu-salasana-7",
            "confirm": "palautettu-salasana-7",
        },
    )
    assert response.status_code == 302
    db.session.refresh(fanni)
    assert fanni.check_password("palautettu-salasana-7")
    assert client.get(path).status_code == 410


def test_only_the_token_digest_is_stored(fanni, db):
    """The raw token is never stored."""
    raw = services.create_reset_token(fanni, timedelta(hours=2))
    db.session.commit()
    stored = db.session.scalars(sa.select(PasswordResetToken.token_hash)).all()
    assert raw not in stored and len(stored) == 1


def test_expired_token_is_refused(fanni, db):
    """A token past its expiry is invalid."""
    raw = services.create_reset_token(fanni, timedelta(hours=2))
    token = db.session.scalar(sa.select(PasswordResetToken))
    token.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    with pytest.raises(InvalidToken):
        services.reset_password(raw, "palautettu-salasana-7")


def test_changing_password_spends_open_tokens(fanni, db):
    """A password change makes earlier reset links useless."""
    raw = services.create_reset_token(fanni, timedelta(hours=2))
    services.change_password(fanni, "ihan-uusi-salasana-5")
    db.session.commit()
    with pytest.raises(InvalidToken):
        services.valid_reset_token(raw)


def test_weak_password_on_reset_keeps_token_valid(client, fanni, db):
    """A refused new password does not spend the link."""
    raw = services.create_reset_token(fanni, timedelta(hours=2))
    db.session.commit()
    response = client.post(
        f"/password/reset/{raw}", data={"new_password": "lyhyt", "confirm": "lyhyt"}
    )
    assert response.status_code == 422
    assert services.valid_reset_token(raw)


def test_unknown_token_page(client):
    """A made-up token shows a clear page with a way forward."""
    response = client.get("/password/reset/made-up-token")
    assert response.status_code == 410
    assert "/password/reset" in response.get_data(as_text=True)
