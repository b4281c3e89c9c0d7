"""Administration of accounts: the list, creating, roles, deactivation, set-password mail."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.auth import services as auth_services
from app.models import PasswordResetToken, Role, User
from tests.conftest import GOOD_PASSWORD, csrf_token_from


@pytest.fixture()
def admin(create_user):
    return create_user(Role.ADMIN, name="Anna Ylläpitäjä", email="anna@example.fi")


@pytest.fixture()
def member(create_user):
    return create_user(
        Role.MEMBER,
        name="Mirja Jäsen",
        email="mirja@example.fi",
        password=GOOD_PASSWORD,
    )


@pytest.fixture()
def sent_mail(monkeypatch):
    """Capture mail instead of logging it: a list of (to, subject, body)."""
    letters: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        "app.mail.send_mail",
        lambda to, subject, body: letters.append((to, subject, body)),
    )
    return letters


def _user(db, email) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))


def _link_token(body: str) -> str:
    match = re.search(r"http://127\.0\.0\.1:5000/password/reset/(\S+)", body)
    assert match, body
    return match.group(1)


URLS = [
    "/admin/users/",
    "/admin/users/new",
    "/admin/users/{id}/",
    "/admin/users/{id}/deactivate",
    "/admin/users/{id}/reactivate",
]

# Permissions ------------------------------------------------------------------


@pytest.mark.parametrize("url", URLS)
def test_anonymous_is_sent_to_sign_in(client, member, url):
    """Every admin page asks an anonymous visitor to sign in."""
    response = client.get(url.format(id=member.id))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_anonymous_cannot_post_a_link(client, member, sent_mail):
    """The send-link action asks an anonymous visitor to sign in and sends nothing."""
    response = client.post(f"/admin/users/{member.id}/send-link")
    assert response.status_code == 302 and response.headers["Location"].startswith(
        "/login"
    )
    assert sent_mail == []


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.MEMBER, Role.PARTICIPANT])
@pytest.mark.parametrize("url", URLS)
def test_non_admins_are_refused(client, auth, create_user, member, role, url):
    """Facilitators, members and participants get 403 on every admin page."""
    auth.login_as(create_user(role))
    assert client.get(url.format(id=member.id)).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/{id}/deactivate",
        "/admin/users/{id}/reactivate",
        "/admin/users/{id}/",
    ],
)
def test_facilitator_cannot_post(client, auth, create_user, member, url):
    """A facilitator's POST changes nothing (403)."""
    auth.login_as(create_user(Role.FACILITATOR))
    response = client.post(url.format(id=member.id), data={"role": "admin"})
    assert response.status_code == 403
    assert member.is_active_account and member.role is Role.MEMBER


@pytest.mark.parametrize("url", URLS[2:])
def test_unknown_user_is_404(client, auth, admin, url):
    """An unknown account id is 404."""
    auth.login_as(admin)
    assert client.get(url.format(id=99999)).status_code == 404


# The list ---------------------------------------------------------------------


def test_admin_sees_the_list(client, auth, admin, member, create_user):
    """The list shows name, email, translated role, status and the last sign-in."""
    admin.last_login_at = datetime(2027, 2, 10, 11, 5, tzinfo=UTC)
    create_user(Role.PARTICIPANT, name="Olli Osallistuja", is_active_account=False)
    auth.login_as(admin)
    response = client.get("/admin/users/", headers={"Accept-Language": "en"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Anna Ylläpitäjä" in html and "anna@example.fi" in html
    assert "Mirja Jäsen" in html and "mirja@example.fi" in html
    assert "Administrator" in html and "Member" in html and "Participant" in html
    assert "10.2.2027 13.05" in html
    assert "Never" in html and "Deactivated" in html
    assert f'href="/admin/users/{member.id}/"' in html
    assert 'href="/admin/users/new"' in html


def test_list_is_paginated(client, auth, app, admin, create_user):
    """More accounts than a page holds spill onto page 2."""
    for _ in range(app.config["ITEMS_PER_PAGE"]):
        create_user(Role.MEMBER)
    auth.login_as(admin)
    first = client.get("/admin/users/").get_data(as_text=True)
    assert 'rel="next"' in first
    second = client.get("/admin/users/?page=2").get_data(as_text=True)
    assert "Anna Ylläpitäjä" in second  # the oldest account comes last


def test_admin_user_page_shows_the_account(client, auth, admin, member):
    """The account page shows its facts, the role form and the deactivate link."""
    auth.login_as(admin)
    response = client.get(f"/admin/users/{member.id}/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "mirja@example.fi" in html
    assert 'name="role"' in html
    assert f'href="/admin/users/{member.id}/deactivate"' in html


# Creating an account ------------------------------------------------------------


def test_create_account_sends_a_set_password_link(client, auth, db, admin, sent_mail):
    """The new account has no password; its mail holds a 72-hour set-password link."""
    auth.login_as(admin)
    response = client.post(
        "/admin/users/new",
        data={
            "email": " Fanni@Example.fi ",
            "name": "Fanni Fasilitaattori",
            "role": "facilitator",
        },
    )
    user = _user(db, "fanni@example.fi")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/users/{user.id}/"
    assert user.role is Role.FACILITATOR and user.name == "Fanni Fasilitaattori"
    assert user.password_hash is None
    [(to, _subject, body)] = sent_mail
    assert to == "fanni@example.fi"
    assert "Fanni Fasilitaattori" in body and "72" in body
    token = auth_services.valid_reset_token(_link_token(body))
    assert token.user_id == user.id
    assert (
        timedelta(hours=71)
        < token.expires_at - datetime.now(UTC)
        <= timedelta(hours=72)
    )
    # The link sets the password and the account can then sign in.
    raw = _link_token(body)
    client.post(
        f"/password/reset/{raw}",
        data={"new_password": GOOD_PASSWORD, "confirm": GOOD_PASSWORD},
    )
    assert auth.login("fanni@example.fi").status_code == 302


def test_create_account_mail_is_logged_in_development(client, auth, db, admin, caplog):
    """Without MAIL_SERVER the letter goes to the osallistamo.mail log."""
    caplog.set_level(logging.INFO, logger="osallistamo.mail")
    auth.login_as(admin)
    client.post(
        "/admin/users/new",
        data={"email": "tero@example.fi", "name": "Tero", "role": "member"},
    )
    logged = [r for r in caplog.records if r.name == "osallistamo.mail"]
    assert len(logged) == 1
    assert "To: tero@example.fi" in logged[0].getMessage()


def test_create_account_page_renders(client, auth, admin):
    """The form has labelled email, name and role fields."""
    auth.login_as(admin)
    html = client.get("/admin/users/new").get_data(as_text=True)
    for field in ("email", "name", "role"):
        assert f'for="{field}"' in html and f'id="{field}"' in html


def test_create_with_bad_email_keeps_the_input(client, auth, db, admin, sent_mail):
    """A malformed email is 422 with the typed values kept; nothing is created or sent."""
    auth.login_as(admin)
    response = client.post(
        "/admin/users/new",
        data={"email": "ei-osoite", "name": "Heikki Häkkinen", "role": "admin"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="ei-osoite"' in html and 'value="Heikki Häkkinen"' in html
    assert 'aria-invalid="true"' in html
    assert re.search(
        r'<option selected value="admin">|<option value="admin" selected>', html
    )
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1
    assert sent_mail == []


def test_create_with_duplicate_email_is_refused(
    client, auth, db, admin, member, sent_mail
):
    """An email already in use (in any case) is 422 with a message; typed input kept."""
    auth.login_as(admin)
    response = client.post(
        "/admin/users/new",
        data={"email": "MIRJA@example.fi", "name": "Toinen Mirja", "role": "member"},
        headers={"Accept-Language": "en"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "An account with this email address already exists." in html
    assert 'value="MIRJA@example.fi"' in html and 'value="Toinen Mirja"' in html
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2
    assert sent_mail == []


def test_create_with_missing_name_and_bad_role(client, auth, db, admin):
    """A missing name and a role outside the choices are 422."""
    auth.login_as(admin)
    response = client.post(
        "/admin/users/new",
        data={"email": "x@example.fi", "name": "", "role": "participant"},
    )
    assert response.status_code == 422
    assert _user(db, "x@example.fi") is None


def test_create_survives_a_mail_failure(client, auth, db, admin, monkeypatch):
    """When sending fails the account stays and the admin is told to send the link again."""

    def broken(*args):
        raise OSError("SMTP is down")

    monkeypatch.setattr("app.mail.send_mail", broken)
    auth.login_as(admin)
    response = client.post(
        "/admin/users/new",
        data={"email": "tero@example.fi", "name": "Tero", "role": "member"},
        headers={"Accept-Language": "en"},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "could not be sent" in response.get_data(as_text=True)
    assert _user(db, "tero@example.fi") is not None


def test_create_needs_the_csrf_token(csrf_app, admin, db):
    """With CSRF on, a post without the token is refused; with it, it works."""
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = admin.get_id()
        session["last_seen"] = datetime.now(UTC).timestamp()
    data = {"email": "tero@example.fi", "name": "Tero", "role": "member"}
    assert client.post("/admin/users/new", data=data).status_code == 400
    token = csrf_token_from(client.get("/admin/users/new").get_data(as_text=True))
    assert (
        client.post("/admin/users/new", data={**data, "csrf_token": token}).status_code
        == 302
    )


# Deactivating and reactivating --------------------------------------------------


def test_deactivate_asks_for_confirmation(client, auth, admin, member):
    """GET shows a confirmation page with a POST form; nothing changes yet."""
    auth.login_as(admin)
    response = client.get(f"/admin/users/{member.id}/deactivate")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'method="post"' in html and "button-danger" in html
    assert member.is_active_account


def test_deactivated_user_can_no_longer_sign_in(client, auth, db, app, admin, member):
    """After deactivation the password no longer works and open sessions end."""
    other = app.test_client()
    with other.session_transaction() as session:
        session["_user_id"] = member.get_id()
        session["last_seen"] = datetime.now(UTC).timestamp()
    auth.login_as(admin)
    response = client.post(f"/admin/users/{member.id}/deactivate")
    assert response.status_code == 302
    assert _user(db, "mirja@example.fi").is_active_account is False
    # The member's own open session is signed out.
    assert other.get("/admin/users/").headers["Location"].startswith("/login")
    auth.logout()
    assert auth.login("mirja@example.fi").status_code == 422


def test_deactivation_spends_unused_links(client, auth, db, admin, member):
    """A set-password link issued before deactivation does not work after reactivation."""
    raw = auth_services.create_reset_token(member, timedelta(hours=72))
    db.session.commit()
    auth.login_as(admin)
    client.post(f"/admin/users/{member.id}/deactivate")
    client.post(f"/admin/users/{member.id}/reactivate")
    assert _user(db, "mirja@example.fi").is_active_account
    assert client.get(f"/password/reset/{raw}").status_code == 410
    assert (
        db.session.scalar(
            sa.select(PasswordResetToken.used_at).where(
                PasswordResetToken.user_id == member.id
            )
        )
        is not None
    )


def test_admin_cannot_deactivate_self(client, auth, db, admin):
    """An admin's own account stays active; the page explains instead of offering a button."""
    auth.login_as(admin)
    page = client.get(f"/admin/users/{admin.id}/deactivate").get_data(as_text=True)
    assert "button-danger" not in page
    response = client.post(
        f"/admin/users/{admin.id}/deactivate",
        headers={"Accept-Language": "en"},
        follow_redirects=True,
    )
    assert "You cannot deactivate your own account." in response.get_data(as_text=True)
    assert _user(db, "anna@example.fi").is_active_account is True


def test_reactivate_lets_the_user_sign_in_again(client, auth, db, admin, member):
    """A reactivated account signs in with its old password."""
    member.is_active_account = False
    db.session.commit()
    auth.login_as(admin)
    assert client.get(f"/admin/users/{member.id}/reactivate").status_code == 200
    assert client.post(f"/admin/users/{member.id}/reactivate").status_code == 302
    assert _user(db, "mirja@example.fi").is_active_account is True
    auth.logout()
    assert auth.login("mirja@example.fi").status_code == 302


# Roles ------------------------------------------------------------------------


def test_change_role(client, auth, db, admin, member):
    """An admin makes a member a facilitator."""
    auth.login_as(admin)
    response = client.post(f"/admin/users/{member.id}/", data={"role": "facilitator"})
    assert response.status_code == 302
    assert _user(db, "mirja@example.fi").role is Role.FACILITATOR


def test_cannot_change_own_role(client, auth, db, admin):
    """An admin cannot demote themself (the installation could lose its last admin)."""
    auth.login_as(admin)
    response = client.post(
        f"/admin/users/{admin.id}/",
        data={"role": "member"},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 422
    assert "You cannot change your own role" in response.get_data(as_text=True)
    assert _user(db, "anna@example.fi").role is Role.ADMIN


def test_participant_role_cannot_change(client, auth, db, admin, create_user):
    """A participant without email cannot be turned into an admin."""
    participant = create_user(Role.PARTICIPANT)
    auth.login_as(admin)
    response = client.post(f"/admin/users/{participant.id}/", data={"role": "admin"})
    assert response.status_code == 422
    db.session.refresh(participant)
    assert participant.role is Role.PARTICIPANT


def test_role_outside_the_choices_is_refused(client, auth, db, admin, member):
    """A forged role value is 422 and changes nothing."""
    auth.login_as(admin)
    response = client.post(f"/admin/users/{member.id}/", data={"role": "superuser"})
    assert response.status_code == 422
    assert _user(db, "mirja@example.fi").role is Role.MEMBER


# Sending a new link -----------------------------------------------------------


def test_send_link_mails_a_new_link(client, auth, db, admin, member, sent_mail):
    """The account page's button mails a fresh set-password link."""
    auth.login_as(admin)
    response = client.post(f"/admin/users/{member.id}/send-link")
    assert response.status_code == 302
    [(to, _subject, body)] = sent_mail
    assert to == "mirja@example.fi"
    assert auth_services.valid_reset_token(_link_token(body)).user_id == member.id


def test_send_link_refused_for_participant(client, auth, admin, create_user, sent_mail):
    """A participant has no email: nothing is sent."""
    participant = create_user(Role.PARTICIPANT)
    auth.login_as(admin)
    client.post(f"/admin/users/{participant.id}/send-link")
    assert sent_mail == []
