"""The privacy notice, the accessibility statement and the links to them."""

from __future__ import annotations

import re

import pytest

from app.models import Role


def _set_language(client, lang):
    with client.session_transaction() as session:
        session["lang"] = lang


@pytest.mark.parametrize(
    ("lang", "heading", "supervisor"),
    [
        ("fi", "Rekisterinpitäjä", "Tietosuojavaltuutetun toimisto"),
        ("sv", "Personuppgiftsansvarig", "Dataombudsmannens byrå"),
        ("en", "Controller", "Office of the Data Protection Ombudsman"),
    ],
)
def test_privacy_notice_in_each_language(client, lang, heading, supervisor):
    """The notice is open to all, in the reader's language, with one h1, the sections
    of the ombudsman's model and the placeholders marked when nothing is configured."""
    _set_language(client, lang)
    response = client.get("/privacy")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert html.count("<h1") == 1
    assert f"<h2>1. {heading}</h2>" in html
    assert supervisor in html
    assert len(re.findall(r"<h2>\d+\. ", html)) == 12
    assert '<strong class="placeholder">' in html
    assert "PRIVACY_CONTROLLER" in html
    assert "css/privacy.css" in html


def test_privacy_notice_shows_the_configured_facts(app, client):
    """Configured settings replace their placeholders."""
    app.config.update(
        PRIVACY_CONTROLLER="Keski-Uudenmaan koulutuskuntayhtymä",
        PRIVACY_CONTACT_EMAIL="tietosuoja@example.fi",
        PRIVACY_NOTICE_DATE="2026-11-01",
    )
    try:
        html = client.get("/privacy").get_data(as_text=True)
    finally:
        for key in (
            "PRIVACY_CONTROLLER",
            "PRIVACY_CONTACT_EMAIL",
            "PRIVACY_NOTICE_DATE",
        ):
            app.config.pop(key)
    assert "Keski-Uudenmaan koulutuskuntayhtymä" in html
    assert '<a href="mailto:tietosuoja@example.fi">' in html
    assert "1.11.2026" in html
    assert "(setting PRIVACY_CONTROLLER)" not in html


@pytest.mark.parametrize(
    ("lang", "status", "supervisor"),
    [
        ("fi", "täyttää osittain", "Liikenne- ja viestintävirasto Traficom"),
        ("sv", "uppfyller delvis", "Transport- och kommunikationsverket Traficom"),
        (
            "en",
            "partially meets",
            "Finnish Transport and Communications Agency Traficom",
        ),
    ],
)
def test_accessibility_statement_in_each_language(client, lang, status, supervisor):
    """The statement gives the status against WCAG 2.1 AA, how it was assessed, the
    known gaps, feedback, the supervisor and its date."""
    _set_language(client, lang)
    response = client.get("/accessibility")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert status in html and "WCAG 2.1" in html and "axe-core" in html
    assert "320" in html and "306/2019" in html
    assert supervisor in html and "saavutettavuus@traficom.fi" in html
    assert "ACCESSIBILITY_FEEDBACK_EMAIL" in html  # marked placeholder
    assert "24.11.2026" in html


def test_footer_links_on_every_page(client, auth, create_user):
    """Signed out: the notice and the statement; signed in also Your data."""
    for path in ("/", "/login", "/privacy"):
        html = client.get(path).get_data(as_text=True)
        footer = html[html.index("<footer") :]
        assert 'href="/privacy"' in footer and 'href="/accessibility"' in footer
        assert 'href="/account/data"' not in footer
    auth.login_as(create_user(Role.PARTICIPANT))
    html = client.get("/").get_data(as_text=True)
    assert 'href="/account/data"' in html[html.index("<footer") :]


def test_account_page_links_download_and_deletion(client, auth, create_user):
    """The password page (the account page) links the download and the deletion."""
    from tests.conftest import GOOD_PASSWORD

    auth.login_as(create_user(Role.MEMBER, password=GOOD_PASSWORD))
    html = client.get("/account/password").get_data(as_text=True)
    assert 'href="/account/data.json"' in html
    assert 'href="/account/delete"' in html


def test_process_form_offers_the_deleted_account_setting(
    client, auth, create_user, create_process
):
    """The process form asks what happens to a deleted account's comments."""
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    auth.login_as(facilitator)
    html = client.get(f"/p/{process.slug}/edit").get_data(as_text=True)
    assert "When a participant deletes their account, their comments…" in html
    assert re.search(
        r'checked[^>]*value="keep_as_group"|value="keep_as_group"[^>]*checked', html
    )
    assert 'value="remove"' in html
