"""Theme set-up screens: who may use them, bad input, and the happy paths."""

from __future__ import annotations

import pytest

from app.models import Theme

from .helpers import MANAGERS, REFUSED, redirect_path

PAGES = [
    "/p/{slug}/themes/new",
    "/p/{slug}/themes/{theme_id}/edit",
    "/p/{slug}/themes/{theme_id}/delete",
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_is_sent_to_sign_in(client, cast, url):
    """Signed-out visitors are redirected to the sign-in page."""
    response = client.get(cast.url(url))
    assert response.status_code == 302
    assert redirect_path(response) == "/login"


@pytest.mark.parametrize("who", REFUSED)
@pytest.mark.parametrize("url", PAGES)
def test_others_are_refused(client, cast, sign_in, who, url):
    """Participants, observers and other processes' facilitators get 403."""
    sign_in(who)
    assert client.get(cast.url(url)).status_code == 403


@pytest.mark.parametrize("who", MANAGERS)
@pytest.mark.parametrize("url", PAGES)
def test_managers_may_open_the_pages(client, cast, sign_in, who, url):
    """Admins and the process's facilitators see the set-up pages."""
    sign_in(who)
    assert client.get(cast.url(url)).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/p/no-such-process/themes/new",
        "/p/{slug}/themes/999999/edit",
        "/p/{slug}/themes/{other_theme_id}/edit",
        "/p/{slug}/themes/{other_theme_id}/delete",
    ],
)
def test_unknown_or_foreign_theme_is_not_found(client, cast, sign_in, url):
    """Unknown slugs and ids, and another process's theme, are 404."""
    sign_in("facilitator")
    assert client.get(cast.url(url)).status_code == 404


@pytest.mark.parametrize("who", REFUSED)
def test_refused_people_cannot_post(client, db, cast, sign_in, who):
    """Adding, moving and removing are 403 for non-managers and change nothing."""
    sign_in(who)
    base = f"/p/{cast.process.slug}/themes"
    assert client.post(f"{base}/new", data={"title-fi": "X"}).status_code == 403
    assert (
        client.post(
            f"{base}/{cast.theme.id}/move", data={"direction": "up"}
        ).status_code
        == 403
    )
    assert client.post(f"{base}/{cast.theme.id}/delete").status_code == 403
    assert db.session.query(Theme).filter_by(process_id=cast.process.id).count() == 1


def test_add_theme_writes_cleaned_html(client, db, cast, sign_in):
    """A new theme goes last, its Markdown stored with bleach-cleaned HTML."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/themes/new",
        data={
            "title-fi": "Yhteisöllinen hyvinvointityö",
            "description-fi": "Kuraattorien **yhteisöllinen** työ <script>alert(1)</script>",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/p/{cast.process.slug}/#themes")
    theme = (
        db.session.query(Theme).filter_by(process_id=cast.process.id, position=2).one()
    )
    assert theme.title == {"fi": "Yhteisöllinen hyvinvointityö"}
    assert "<strong>yhteisöllinen</strong>" in theme.description_html["fi"]
    assert "<script>" not in theme.description_html["fi"]


def test_add_theme_without_title_keeps_what_was_typed(client, db, cast, sign_in):
    """A missing Finnish title is 422 and the typed Swedish title comes back."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/themes/new",
        data={"title-sv": "Välmående", "description-fi": "Selitys"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="title-fi-error"' in html
    assert 'value="Välmående"' in html
    assert "Selitys" in html
    assert db.session.query(Theme).filter_by(process_id=cast.process.id).count() == 1


def test_edit_theme_prefills_and_saves(client, db, cast, sign_in):
    """The edit form shows the current title; saving rewrites it."""
    sign_in("admin")
    url = f"/p/{cast.process.slug}/themes/{cast.theme.id}/edit"
    assert f'value="{cast.theme.title["fi"]}"' in client.get(url).get_data(as_text=True)
    response = client.post(
        url, data={"title-fi": "Uusi nimi", "description-fi": "*Tärkeä*"}
    )
    assert response.status_code == 302
    theme = db.session.get(Theme, cast.theme.id)
    assert theme.title == {"fi": "Uusi nimi"}
    assert theme.description_html == {"fi": "<p><em>Tärkeä</em></p>"}


def test_move_theme_reorders_and_bad_direction_is_400(
    client, db, cast, sign_in, create_theme
):
    """Moving up swaps with the neighbour; an unknown direction is 400."""
    second = create_theme(cast.process, title={"fi": "Toinen"})
    sign_in("facilitator")
    url = f"/p/{cast.process.slug}/themes/{second.id}/move"
    assert client.post(url, data={"direction": "up"}).status_code == 302
    assert [t.id for t in cast.process.themes] == [second.id, cast.theme.id]
    assert [t.position for t in cast.process.themes] == [1, 2]
    assert client.post(url, data={"direction": "left"}).status_code == 400


def test_moving_the_first_theme_up_changes_nothing(
    client, db, cast, sign_in, create_theme
):
    """The first theme stays first and no success message is shown."""
    second = create_theme(cast.process, title={"fi": "Toinen"})
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/themes/{cast.theme.id}/move",
        data={"direction": "up"},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "has been changed" not in response.get_data(as_text=True)
    assert [t.id for t in cast.process.themes] == [cast.theme.id, second.id]


def test_remove_theme_asks_first_then_removes(client, db, cast, sign_in, create_theme):
    """GET confirms with a POST form; the POST removes and renumbers."""
    second = create_theme(cast.process, title={"fi": "Toinen"})
    theme_id, second_id = cast.theme.id, second.id
    sign_in("facilitator")
    url = f"/p/{cast.process.slug}/themes/{theme_id}/delete"
    page = client.get(url).get_data(as_text=True)
    assert "button-danger" in page and '<form method="post"' in page
    assert db.session.get(Theme, theme_id) is not None
    response = client.post(url, follow_redirects=True)
    assert "has been removed" in response.get_data(as_text=True)
    assert db.session.get(Theme, theme_id) is None
    assert db.session.get(Theme, second_id).position == 1


def test_overview_shows_themes_with_descriptions(
    client, db, cast, sign_in, create_theme
):
    """Viewers see themes in order with their cleaned descriptions, managers' controls hidden."""
    create_theme(
        cast.process,
        title={"fi": "Opiskeluhuolto"},
        description={"fi": "**Palvelut**"},
        description_html={"fi": "<p><strong>Palvelut</strong></p>"},
    )
    sign_in("participant")
    html = client.get(f"/p/{cast.process.slug}/").get_data(as_text=True)
    assert html.index(cast.theme.title["fi"]) < html.index("Opiskeluhuolto")
    assert "<p><strong>Palvelut</strong></p>" in html
    assert "/themes/new" not in html
    assert 'aria-label="Move' not in html


def test_overview_shows_theme_controls_to_admins(client, cast, sign_in):
    """Admins see the add, edit and remove controls of themes."""
    sign_in("admin")
    html = client.get(f"/p/{cast.process.slug}/").get_data(as_text=True)
    assert f"/p/{cast.process.slug}/themes/new" in html
    assert f"/themes/{cast.theme.id}/edit" in html
    assert f"/themes/{cast.theme.id}/delete" in html


def test_keywords_are_saved_with_the_theme(
    client, auth, db, create_user, create_process
):
    """The coding suggestions' keywords are saved from the form, on add and on edit."""
    from app.models import Role

    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    auth.login_as(facilitator)
    response = client.post(
        f"/p/{process.slug}/themes/new",
        data={"title-fi": "Tietosuoja", "keywords": "rekisteri, salassapito"},
    )
    assert response.status_code == 302
    theme = process.themes[0]
    db.session.refresh(theme)
    assert theme.keywords == "rekisteri, salassapito"
    client.post(
        f"/p/{process.slug}/themes/{theme.id}/edit",
        data={"title-fi": "Tietosuoja", "keywords": "kirjaaminen"},
    )
    db.session.refresh(theme)
    assert theme.keywords == "kirjaaminen"
