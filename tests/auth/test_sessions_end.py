"""Sessions end on the server: a copied session cookie stops working at sign-out, and
a person can end their other sessions (issue 16, item 4)."""

from __future__ import annotations

import pytest

from app.models import Role
from tests.conftest import GOOD_PASSWORD

COOKIE = "osallistamo_session"
PRIVATE = "/account/data"


@pytest.fixture()
def member(create_user):
    return create_user(Role.MEMBER, email="maija@example.fi", password=GOOD_PASSWORD)


@pytest.fixture()
def participant(create_user):
    return create_user(Role.PARTICIPANT, name="Pekka Osallistuja")


def copy_cookie(source, target) -> None:
    """Give ``target`` the very session cookie ``source`` holds (a stolen copy)."""
    target.set_cookie(COOKIE, source.get_cookie(COOKIE).value, domain="localhost")


def signed_in(client) -> bool:
    return client.get(PRIVATE).status_code == 200


def sign_in_by_form(client, email: str, password: str = GOOD_PASSWORD) -> None:
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302


def test_copied_cookie_stops_working_after_sign_out(app, member):
    """The copy worked while signed in; after sign-out in the original browser it is
    refused, although its signature is still valid."""
    owner, thief = app.test_client(), app.test_client()
    sign_in_by_form(owner, member.email)
    copy_cookie(owner, thief)
    assert signed_in(thief)
    assert owner.post("/logout").status_code == 302
    assert not signed_in(owner)
    assert not signed_in(thief)


def test_participant_without_password_is_signed_out_on_the_server(
    app, participant, create_process, create_group
):
    """A participant who joined by invite code (no password) signs out for good too."""
    process = create_process()
    group = create_group(process)
    owner, thief = app.test_client(), app.test_client()
    owner.post(f"/join/{group.invite_code}", data={"display_name": "Liisa Liittyjä"})
    assert signed_in(owner)
    copy_cookie(owner, thief)
    assert signed_in(thief)
    owner.post("/logout")
    assert not signed_in(thief)


def test_participant_signed_in_directly_is_signed_out_on_the_server(app, participant):
    """The same for a participant account made by a factory and signed in by cookie."""
    from tests.conftest import AuthActions

    owner, thief = app.test_client(), app.test_client()
    AuthActions(owner).login_as(participant)
    copy_cookie(owner, thief)
    assert signed_in(thief)
    owner.post("/logout")
    assert not signed_in(thief)


def test_end_other_sessions_asks_first(client, auth, member):
    """The page explains and asks; a GET changes nothing."""
    auth.login_as(member)
    version = member.session_version
    page = client.get("/account/sessions")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'method="post"' in html
    assert 'href="/account/data"' in html  # cancel
    assert member.session_version == version


def test_own_data_page_links_to_ending_other_sessions(client, auth, participant):
    """Everyone signed in, participants included, finds the button on their data page."""
    auth.login_as(participant)
    assert 'href="/account/sessions"' in client.get(PRIVATE).get_data(as_text=True)


def test_end_other_sessions_keeps_this_one(app, member):
    """Ending the other sessions signs out every other copy and keeps this browser in."""
    here, laptop, thief = app.test_client(), app.test_client(), app.test_client()
    sign_in_by_form(here, member.email)
    sign_in_by_form(laptop, member.email)
    copy_cookie(here, thief)
    assert signed_in(laptop) and signed_in(thief)

    response = here.post("/account/sessions")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(PRIVATE)
    assert signed_in(here)
    assert not signed_in(laptop)
    assert not signed_in(thief)  # the copy taken before is dead too


def test_changing_the_password_ends_other_sessions(app, member):
    """A password change keeps the changer signed in and ends every other session."""
    here, other = app.test_client(), app.test_client()
    sign_in_by_form(here, member.email)
    copy_cookie(here, other)
    response = here.post(
        "/account/password",
        data={
            "current_password": GOOD_PASSWORD,
            "new_password": "toinen-pitka-salasana-77",
            "confirm": "toinen-pitka-salasana-77",
        },
    )
    assert response.status_code == 302
    assert signed_in(here)
    assert not signed_in(other)


def test_resetting_the_password_ends_every_session(app, db, member):
    """A reset through the mailed link ends every session of the account."""
    from datetime import timedelta

    from app.auth import services

    signed, other = app.test_client(), app.test_client()
    sign_in_by_form(signed, member.email)
    copy_cookie(signed, other)
    raw = services.create_reset_token(member, timedelta(hours=1))
    db.session.commit()
    response = app.test_client().post(
        f"/password/reset/{raw}",
        data={
            "new_password": "toinen-pitka-salasana-77",
            "confirm": "toinen-pitka-salasana-77",
        },
    )
    assert response.status_code == 302
    assert not signed_in(signed)
    assert not signed_in(other)


def test_sign_out_when_not_signed_in_is_harmless(client):
    """Signing out without a session is still a redirect, not an error."""
    assert client.post("/logout").status_code == 302
