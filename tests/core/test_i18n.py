"""Three languages: the switch, the browser's preference, translated texts, dates."""

from datetime import UTC, datetime

import pytest

from app.i18n import format_datetime, localized


def test_language_switch_changes_html_lang(client):
    """The language links switch the interface and come back to the page."""
    response = client.get("/language/sv?next=/login")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert b'<html lang="sv">' in client.get("/login").data
    client.get("/language/en?next=/")
    assert b'<html lang="en">' in client.get("/").data


def test_language_switch_ignores_unknown_language_and_foreign_next(client):
    """Unknown languages are ignored and ?next= cannot lead off the site."""
    response = client.get("/language/de?next=//evil.example/")
    assert response.headers["Location"] == "/"
    assert b'<html lang="fi">' in client.get("/").data


def test_browser_language_is_used_when_nothing_chosen(client):
    """Accept-Language picks Swedish for a Swedish browser."""
    response = client.get("/", headers={"Accept-Language": "sv-FI,sv;q=0.9,en;q=0.5"})
    assert b'<html lang="sv">' in response.data


def test_every_page_has_the_language_switch(client):
    """The switch with all three languages is on the page, each link in its language."""
    html = client.get("/login").get_data(as_text=True)
    assert 'lang="sv" hreflang="sv">Svenska</a>' in html
    assert 'lang="en" hreflang="en">English</a>' in html
    assert 'aria-current="true" lang="fi">Suomi</span>' in html


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", "Suomeksi"), ("sv", "På svenska"), ("en", "In English")],
)
def test_localized_picks_the_reader_language(app, lang, expected):
    """A translated text is shown in the reader's language when given."""
    texts = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}
    assert localized(texts, "fi", lang=lang) == expected


def test_localized_falls_back_to_the_process_language(app):
    """A missing translation falls back to the process's main language."""
    assert (
        localized({"sv": "Bara svenska", "fi": "Suomi"}, "sv", lang="en")
        == "Bara svenska"
    )
    assert localized({"fi": "Vain suomeksi"}, "fi", lang="sv") == "Vain suomeksi"
    assert localized({}, "fi") == ""


def test_dates_are_shown_in_helsinki_time_finnish_style(app):
    """Stored UTC times are shown in Helsinki time as d.M.yyyy H.mm."""
    winter = datetime(2027, 2, 10, 11, 0, tzinfo=UTC)  # UTC+2
    summer = datetime(2027, 6, 1, 6, 5, tzinfo=UTC)  # UTC+3
    with app.test_request_context("/"):
        assert format_datetime(winter) == "10.2.2027 13.00"
        assert format_datetime(summer) == "1.6.2027 9.05"


def test_process_titles_follow_the_reader_language(
    client, auth, create_user, create_process
):
    """A process title written in Finnish and Swedish is shown in the reader's language."""
    from app.models import Role

    facilitator = create_user(Role.FACILITATOR)
    process = create_process(
        facilitator=facilitator, title={"fi": "Opiskeluhuolto", "sv": "Elevhälsa"}
    )
    auth.login_as(facilitator)
    client.get("/language/sv")
    html = client.get(f"/p/{process.slug}/").get_data(as_text=True)
    assert "Elevhälsa" in html
    client.get("/language/en")
    html = client.get(f"/p/{process.slug}/").get_data(as_text=True)
    assert "Opiskeluhuolto" in html  # no English given: the main language
    assert 'lang="fi">Opiskeluhuolto' in html


def test_template_texts_follow_the_locale_and_a_forced_one(app):
    """Templates look the translations up once per locale (app/i18n.py): the same
    page renders in the reader's language, in a forced one inside it (a letter in
    its recipient's language), and in the reader's again after; values in a text
    are escaped, plurals chosen."""
    from flask_babel import force_locale

    template = app.jinja_env.from_string(
        "{{ _('Sign out') }}|{{ _('Signed in as %(name)s', name=who) }}"
        "|{{ ngettext('%(num)d like', '%(num)d likes', 2) }}"
    )
    with app.test_request_context("/", headers={"Accept-Language": "fi"}):
        assert template.render(who="<b>") == (
            "Kirjaudu ulos|Kirjautuneena: &lt;b&gt;|2 tykkäystä"
        )
        with force_locale("sv"):
            assert template.render(who="A") == "Logga ut|Inloggad som A|2 gillanden"
            with force_locale("en"):
                assert template.render(who="A").startswith("Sign out|")
            assert template.render(who="A").startswith("Logga ut|")
        assert template.render(who="A").startswith("Kirjaudu ulos|")
