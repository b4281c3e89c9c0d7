"""``flask users create`` and ``flask users list``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.auth import services as auth_services
from app.models import PasswordResetToken, Role, User
from tests.conftest import GOOD_PASSWORD


def _user(db, email):
    return db.session.scalar(sa.select(User).where(User.email == email))


def test_create_prints_a_set_password_link(runner, db, client):
    """Without --password-stdin the account has no password and a 72-hour link is printed."""
    result = runner.invoke(
        args=[
            "users",
            "create",
            "Fanni@Example.fi",
            "--role",
            "facilitator",
            "--name",
            "Fanni F",
        ]
    )
    assert result.exit_code == 0, result.output
    user = _user(db, "fanni@example.fi")
    assert user.role is Role.FACILITATOR and user.name == "Fanni F"
    assert user.password_hash is None
    match = re.search(r"http://127\.0\.0\.1:5000/password/reset/(\S+)", result.output)
    assert match, result.output
    token = auth_services.valid_reset_token(match.group(1))
    assert token.user_id == user.id
    lifetime = token.expires_at - datetime.now(UTC)
    assert timedelta(hours=71) < lifetime <= timedelta(hours=72)
    assert client.get(f"/password/reset/{match.group(1)}").status_code == 200


def test_create_uses_base_url_for_the_link(runner, app, db):
    """BASE_URL, when set, is the start of the printed link."""
    app.config["BASE_URL"] = "https://osallistamo.example.fi/"
    try:
        result = runner.invoke(
            args=["users", "create", "a@example.fi", "--role", "member"]
        )
    finally:
        app.config["BASE_URL"] = ""
    assert result.exit_code == 0, result.output
    assert "https://osallistamo.example.fi/password/reset/" in result.output


def test_create_with_password_from_stdin(runner, db):
    """--password-stdin sets the password; no link is printed or stored; name defaults."""
    result = runner.invoke(
        args=[
            "users",
            "create",
            "admin2@example.fi",
            "--role",
            "admin",
            "--password-stdin",
        ],
        input=GOOD_PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    user = _user(db, "admin2@example.fi")
    assert user.role is Role.ADMIN and user.name == "admin2"
    assert user.check_password(GOOD_PASSWORD)
    assert "password/reset" not in result.output
    assert db.session.scalar(sa.select(sa.func.count(PasswordResetToken.id))) == 0


def test_duplicate_email_is_refused(runner, db, create_user):
    """An email already in use (in any case) fails with a clear message and exit code 1."""
    create_user(Role.MEMBER, email="taken@example.fi")
    result = runner.invoke(
        args=["users", "create", "TAKEN@example.fi", "--role", "admin"]
    )
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_weak_password_is_refused_with_reasons(runner, db):
    """A password failing the policy lists each reason; no account is created."""
    result = runner.invoke(
        args=[
            "users",
            "create",
            "heikki@example.fi",
            "--role",
            "member",
            "--password-stdin",
        ],
        input="salasana\n",
    )
    assert result.exit_code == 1
    assert "The password was refused" in result.output
    assert "at least 10 characters" in result.output
    assert "too common" in result.output
    assert _user(db, "heikki@example.fi") is None


def test_password_containing_the_email_is_refused(runner, db):
    """The policy's email rule reaches the terminal too."""
    result = runner.invoke(
        args=[
            "users",
            "create",
            "heikki@example.fi",
            "--role",
            "member",
            "--password-stdin",
        ],
        input="heikki-vahva-lause-2024\n",
    )
    assert result.exit_code == 1
    assert "must not contain your email address" in result.output
    assert _user(db, "heikki@example.fi") is None


def test_empty_stdin_is_refused(runner, db):
    """--password-stdin with nothing to read fails instead of making a passwordless account."""
    result = runner.invoke(
        args=[
            "users",
            "create",
            "x@example.fi",
            "--role",
            "member",
            "--password-stdin",
        ],
        input="",
    )
    assert result.exit_code == 1
    assert "No password" in result.output
    assert _user(db, "x@example.fi") is None


def test_bad_role_is_refused(runner, db):
    """Only admin, facilitator and member may be given; click names the choices."""
    result = runner.invoke(
        args=["users", "create", "p@example.fi", "--role", "participant"]
    )
    assert result.exit_code == 2
    assert "Invalid value for '--role'" in result.output
    assert "admin" in result.output and "facilitator" in result.output
    assert _user(db, "p@example.fi") is None


def test_bad_email_is_refused(runner, db):
    """An email that is not one fails with exit code 1 and creates nothing."""
    result = runner.invoke(args=["users", "create", "not-an-email", "--role", "member"])
    assert result.exit_code == 1
    assert "valid email address" in result.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_list_shows_every_account(runner, db, create_user):
    """The list shows email, role, status, last sign-in and name; participants without email."""
    admin = create_user(Role.ADMIN, email="anna@example.fi", name="Anna Ylläpitäjä")
    admin.last_login_at = datetime(2027, 2, 10, 11, 5, tzinfo=UTC)
    create_user(Role.FACILITATOR, email="fanni@example.fi", is_active_account=False)
    create_user(Role.PARTICIPANT, name="Olli Osallistuja")
    db.session.commit()
    result = runner.invoke(args=["users", "list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["ID", "EMAIL", "ROLE"]
    anna = next(line for line in lines if "anna@example.fi" in line)
    assert "admin" in anna and "active" in anna and "2027-02-10 13:05" in anna
    assert "Anna Ylläpitäjä" in anna
    fanni = next(line for line in lines if "fanni@example.fi" in line)
    assert "facilitator" in fanni and "inactive" in fanni and "never" in fanni
    olli = next(line for line in lines if "Olli Osallistuja" in line)
    assert "participant" in olli


def test_list_without_accounts(runner, db):
    """An empty database says so."""
    result = runner.invoke(args=["users", "list"])
    assert result.exit_code == 0
    assert "No accounts yet." in result.output
