"""Signing in and out: the form, the same answer for unknown emails, sessions."""

import pytest

from app.models import Role
from tests.conftest import GOOD_PASSWORD


@pytest.fixture()
def facilitator(create_user):
    return create_user(
        Role.FACILITATOR, email="fanni@example.fi", password=GOOD_PASSWORD
    )


def test_login_page_renders_labelled_fields(client):
    """The sign-in page has labelled email and password fields."""
    html = client.get("/login").get_data(as_text=True)
    assert '<label for="email">' in html
    assert '<label for="password">' in html
    assert 'autocomplete="current-password"' in html


def test_login_with_correct_password_signs_in(client, auth, facilitator):
    """Correct credentials sign in and lead to the front page."""
    response = auth.login("fanni@example.fi")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert facilitator.name in page


def test_login_email_is_case_insensitive(client, auth, facilitator):
    """The email may be typed in any case, with spaces around it."""
    response = auth.login("  Fanni@Example.FI ")
    assert response.status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_answer(
    client, auth, facilitator
):
    """A wrong password and an unknown email give identical pages."""
    wrong = auth.login("fanni@example.fi", "vaara-salasana-123")
    unknown = auth.login("nobody@example.fi", "vaara-salasana-123")
    assert wrong.status_code == unknown.status_code == 422

    def strip(r):
        return (
            r.get_data(as_text=True)
            .replace("nobody@example.fi", "X")
            .replace("fanni@example.fi", "X")
        )

    assert strip(wrong) == strip(unknown)
    assert "Sähköpostiosoite tai salasana on väärin." in wrong.get_data(as_text=True)


def test_failed_login_keeps_the_typed_email(client, auth, facilitator):
    """After a failed sign-in, the email stays in the field."""
    response = auth.login("fanni@example.fi", "vaara-salasana-123")
    assert 'value="fanni@example.fi"' in response.get_data(as_text=True)


def test_empty_form_gets_field_errors(client):
    """Submitting nothing marks both fields invalid."""
    response = client.post("/login", data={})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert html.count('aria-invalid="true"') == 2
    assert 'aria-describedby="email-error"' in html


def test_participant_without_password_cannot_sign_in(client, auth, create_user):
    """Accounts that joined by code have no password to sign in with."""
    create_user(Role.PARTICIPANT, email="olli@example.fi")
    assert auth.login("olli@example.fi", "").status_code == 422
    assert auth.login("olli@example.fi", GOOD_PASSWORD).status_code == 422


def test_deactivated_account_cannot_sign_in(client, auth, create_user, db):
    """A deactivated account is refused even with the right password."""
    user = create_user(Role.FACILITATOR, email="ex@example.fi", password=GOOD_PASSWORD)
    user.is_active_account = False
    db.session.commit()
    assert auth.login("ex@example.fi").status_code == 422


def test_login_starts_a_new_session(client, auth, facilitator):
    """Signing in replaces whatever the session held before (no fixation)."""
    with client.session_transaction() as session:
        session["planted"] = "by-attacker"
        session["lang"] = "sv"
    auth.login("fanni@example.fi")
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["lang"] == "sv"
        assert session["_user_id"] == facilitator.get_id()


def test_next_parameter_only_goes_to_local_paths(client, auth, facilitator):
    """An open redirect through ?next= is refused."""
    response = client.post(
        "/login?next=https://evil.example/",
        data={"email": "fanni@example.fi", "password": GOOD_PASSWORD},
    )
    assert response.headers["Location"] == "/"


def test_next_parameter_returns_to_the_page(client, facilitator):
    """After sign-in the user returns to the page they asked for."""
    response = client.post(
        "/login?next=/p/", data={"email": "fanni@example.fi", "password": GOOD_PASSWORD}
    )
    assert response.headers["Location"] == "/p/"


def test_logout_requires_post_and_ends_the_session(client, auth, facilitator):
    """Sign-out is a POST; afterwards protected pages ask to sign in."""
    auth.login_as(facilitator)
    assert client.get("/logout").status_code == 405
    response = auth.logout()
    assert response.status_code == 302
    # The browser forgets the phone pages and notes kept offline (a shared phone).
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert client.get("/p/").status_code == 302


def test_session_cookie_flags(client, auth, facilitator):
    """The session cookie is HttpOnly and SameSite=Lax."""
    response = auth.login("fanni@example.fi")
    cookie = response.headers.get("Set-Cookie")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_idle_session_times_out(client, auth, facilitator, app):
    """A session idle longer than IDLE_TIMEOUT is signed out on the next request."""
    auth.login_as(facilitator)
    with client.session_transaction() as session:
        session["last_seen"] -= app.config["IDLE_TIMEOUT"].total_seconds() + 60
    response = client.get("/p/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_active_session_stays_signed_in(client, auth, facilitator):
    """A recently used session stays signed in."""
    auth.login_as(facilitator)
    assert client.get("/p/").status_code == 200


def test_quiet_requests_do_not_rewrite_the_session_cookie(client, auth, facilitator):
    """Static files, unknown addresses and a recent last_seen leave the cookie alone,
    so a request in flight cannot undo a change such as a language switch."""
    auth.login_as(facilitator)
    assert client.get("/p/").status_code == 200  # last_seen was just set
    for path in ("/p/", "/static/css/main.css", "/favicon.ico"):
        response = client.get(path)
        assert "Set-Cookie" not in response.headers, path


def test_a_signed_in_session_is_not_resent_with_every_page(client, facilitator):
    """A real sign-in's session is permanent (it outlives the browser); its cookie is
    still sent only when it changes, not refreshed with every answer."""
    signed_in = client.post(
        "/login", data={"email": facilitator.email, "password": GOOD_PASSWORD}
    )
    assert signed_in.status_code == 302 and "Set-Cookie" in signed_in.headers
    assert "Set-Cookie" in client.get("/p/").headers  # the welcome is shown, once
    for path in ("/p/", "/p/", "/account/sessions"):
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert "Set-Cookie" not in response.headers, path


def test_last_seen_moves_on_after_a_minute(client, auth, facilitator):
    """Activity is still recorded: an older last_seen is renewed."""
    auth.login_as(facilitator)
    with client.session_transaction() as session:
        session["last_seen"] -= 120
        before = session["last_seen"]
    client.get("/p/")
    with client.session_transaction() as session:
        assert session["last_seen"] > before


def test_changed_session_version_signs_out_old_sessions(client, auth, facilitator, db):
    """Changing the password elsewhere ends this session."""
    auth.login_as(facilitator)
    facilitator.set_password("toinen-pitka-salasana-77")
    db.session.commit()
    assert client.get("/p/").status_code == 302


def test_login_failures_are_throttled_per_email_and_address(app, client, facilitator):
    """Too many failures for one email from one address get 429 there; another email
    from that address is still answered (tests/auth/test_lockouts.py: the owner
    elsewhere is not stopped)."""
    limit = int(app.config["LOGIN_LIMIT_PER_EMAIL"].split()[0])
    for _ in range(limit):
        client.post(
            "/login",
            data={"email": "fanni@example.fi", "password": "x" * 12},
            environ_base={"REMOTE_ADDR": "10.0.0.1"},
        )
    response = client.post(
        "/login",
        data={"email": "fanni@example.fi", "password": "x" * 12},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    assert response.status_code == 429
    other = client.post(
        "/login",
        data={"email": "other@example.fi", "password": "x" * 12},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    assert other.status_code == 422


def test_login_is_throttled_per_address(app, client):
    """Too many attempts from one address get 429, whatever the emails."""
    limit = int(app.config["LOGIN_LIMIT_PER_ADDRESS"].split()[0])
    for i in range(limit):
        client.post("/login", data={"email": f"u{i}@example.fi", "password": "x" * 12})
    response = client.post(
        "/login", data={"email": "last@example.fi", "password": "x" * 12}
    )
    assert response.status_code == 429
    assert "Liian monta yritystä" in response.get_data(as_text=True)


def test_login_form_refuses_post_without_csrf_token(csrf_app, facilitator):
    """With CSRF protection on, a sign-in POST without a token is refused."""
    client = csrf_app.test_client()
    response = client.post(
        "/login", data={"email": "fanni@example.fi", "password": GOOD_PASSWORD}
    )
    assert response.status_code == 400


def test_login_form_accepts_post_with_csrf_token(csrf_app, facilitator):
    """With CSRF protection on, the form's own token is accepted."""
    from tests.conftest import csrf_token_from

    client = csrf_app.test_client()
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login",
        data={
            "email": "fanni@example.fi",
            "password": GOOD_PASSWORD,
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
