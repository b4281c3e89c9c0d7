"""Processes: the list, creating, the overview and editing."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from app.models import Process, ProcessRole, ProcessRoleKind, Role

from .helpers import MANAGERS, REFUSED, redirect_path


def english(client) -> None:
    """Read the source texts, whatever the catalogues say."""
    with client.session_transaction() as session:
        session["lang"] = "en"


def get_process(db, slug: str) -> Process | None:
    return db.session.scalar(sa.select(Process).where(Process.slug == slug))


# Creating -------------------------------------------------------------------


def test_create_makes_the_slug_from_the_title(client, auth, db, create_user):
    """Left empty, the address comes from the title; the creator becomes facilitator."""
    user = auth.login_as(create_user(Role.FACILITATOR))
    response = client.post(
        "/p/new",
        data={
            "language": "fi",
            "title-fi": "Keski-Uusimaa 2026",
            "region": "Keski-Uusimaa",
            "description-fi": "Alueellinen *kehittämisprosessi*",
        },
    )
    assert response.status_code == 302
    assert redirect_path(response) == "/p/keski-uusimaa-2026/"
    process = get_process(db, "keski-uusimaa-2026")
    assert process.title == {"fi": "Keski-Uusimaa 2026"}
    assert process.description_html == {
        "fi": "<p>Alueellinen <em>kehittämisprosessi</em></p>"
    }
    assert process.role_of(user) is ProcessRoleKind.FACILITATOR


def test_create_with_a_taken_title_gets_a_numbered_slug(
    client, auth, db, create_user, create_process
):
    """A generated address never collides: the next free number is added."""
    create_process(slug="hyvinkaa")
    auth.login_as(create_user(Role.ADMIN))
    response = client.post("/p/new", data={"language": "fi", "title-fi": "Hyvinkää"})
    assert redirect_path(response) == "/p/hyvinkaa-2/"
    assert get_process(db, "hyvinkaa-2") is not None


def test_create_with_a_duplicate_slug_keeps_the_typed_input(
    client, auth, db, create_user, create_process
):
    """A typed address already in use: 422, a message at the field, everything kept."""
    create_process(slug="varattu-osoite")
    auth.login_as(create_user(Role.FACILITATOR))
    english(client)
    response = client.post(
        "/p/new",
        data={
            "language": "sv",
            "title-sv": "Mellersta Nyland",
            "slug": "varattu-osoite",
            "region": "Nyland",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "This web address is already in use. Choose another one." in html
    assert 'id="slug-error"' in html
    assert 'value="Mellersta Nyland"' in html
    assert 'value="varattu-osoite"' in html
    assert 'value="Nyland"' in html
    assert '<option selected value="sv">' in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Process)) == 1


def test_create_racing_for_a_slug_is_caught_by_the_constraint(
    client, auth, db, create_user, create_process, monkeypatch
):
    """Two requests past the slug check at once: the constraint answers, not a 500."""
    from app.processes import services

    create_process(slug="kilpa")
    monkeypatch.setattr(services, "slug_taken", lambda slug, exclude_id=None: False)
    auth.login_as(create_user(Role.FACILITATOR))
    english(client)
    response = client.post(
        "/p/new", data={"language": "fi", "title-fi": "Kilpa", "slug": "kilpa"}
    )
    assert response.status_code == 422
    assert "This web address is already in use." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Process)) == 1


def test_create_without_a_title_is_422(client, auth, create_user):
    """The title in the chosen main language is required."""
    auth.login_as(create_user(Role.FACILITATOR))
    response = client.post(
        "/p/new", data={"language": "fi", "title-en": "Only English"}
    )
    assert response.status_code == 422
    assert 'value="Only English"' in response.get_data(as_text=True)


def test_create_with_a_malformed_slug_is_422(client, auth, create_user):
    """Addresses use lower-case letters, digits and single hyphens."""
    auth.login_as(create_user(Role.FACILITATOR))
    response = client.post(
        "/p/new", data={"language": "fi", "title-fi": "X", "slug": "Iso Kirjain"}
    )
    assert response.status_code == 422


@pytest.mark.parametrize("role", [Role.MEMBER, Role.PARTICIPANT])
def test_create_is_refused_without_the_right(client, auth, create_user, role):
    """Only admins and facilitator accounts start processes."""
    auth.login_as(create_user(role))
    assert client.get("/p/new").status_code == 403
    assert (
        client.post("/p/new", data={"language": "fi", "title-fi": "X"}).status_code
        == 403
    )


def test_create_needs_sign_in(client):
    """Signed-out visitors are sent to sign in."""
    response = client.get("/p/new")
    assert response.status_code == 302
    assert redirect_path(response) == "/login"


# The overview ---------------------------------------------------------------


@pytest.mark.parametrize("who", ["admin", "facilitator", "observer", "participant"])
def test_overview_is_open_to_the_process_people(client, cast, sign_in, who):
    """Admins, the team and members of its work groups see the overview."""
    sign_in(who)
    response = client.get(f"/p/{cast.process.slug}/")
    assert response.status_code == 200
    assert cast.process.title["fi"] in response.get_data(as_text=True)


def test_overview_is_closed_to_others(client, cast, sign_in):
    """Another process's facilitator gets 403."""
    sign_in("other_facilitator")
    assert client.get(f"/p/{cast.process.slug}/").status_code == 403


def test_overview_of_an_unknown_process_is_404(client, cast, sign_in):
    """An unknown address is 404."""
    sign_in("admin")
    assert client.get("/p/ei-ole-olemassa/").status_code == 404


def test_overview_needs_sign_in(client, cast):
    """Signed-out visitors are sent to sign in."""
    assert redirect_path(client.get(f"/p/{cast.process.slug}/")) == "/login"


def test_overview_shows_team_and_edit_links_only_to_managers(client, cast, sign_in):
    """Observers see no set-up links; facilitators see edit and team."""
    sign_in("observer")
    html = client.get(f"/p/{cast.process.slug}/").get_data(as_text=True)
    assert f"/p/{cast.process.slug}/edit" not in html
    assert f"/p/{cast.process.slug}/team" not in html


def test_overview_shows_set_up_links_to_the_facilitator(client, cast, sign_in):
    """The process's facilitator gets the edit and team links."""
    sign_in("facilitator")
    html = client.get(f"/p/{cast.process.slug}/").get_data(as_text=True)
    assert f"/p/{cast.process.slug}/edit" in html
    assert f"/p/{cast.process.slug}/team" in html


# Editing --------------------------------------------------------------------


@pytest.mark.parametrize("who", REFUSED)
def test_edit_is_refused_to_others(client, cast, sign_in, who):
    """Participants, observers and other facilitators cannot edit."""
    sign_in(who)
    url = f"/p/{cast.process.slug}/edit"
    assert client.get(url).status_code == 403
    assert (
        client.post(url, data={"language": "fi", "title-fi": "Kaapattu"}).status_code
        == 403
    )


@pytest.mark.parametrize("who", MANAGERS)
def test_edit_saves_the_changes(client, db, cast, sign_in, who):
    """Managers change the texts and the address."""
    sign_in(who)
    response = client.post(
        f"/p/{cast.process.slug}/edit",
        data={
            "language": "fi",
            "title-fi": "Uusi nimi",
            "slug": "uusi-osoite",
            "region": "Hyvinkää",
        },
    )
    assert response.status_code == 302
    assert redirect_path(response) == "/p/uusi-osoite/"
    process = db.session.get(Process, cast.process.id)
    assert (process.slug, process.title, process.region) == (
        "uusi-osoite",
        {"fi": "Uusi nimi"},
        "Hyvinkää",
    )


def test_edit_prefills_the_form(client, cast, sign_in):
    """The edit page shows the stored title and address."""
    sign_in("facilitator")
    html = client.get(f"/p/{cast.process.slug}/edit").get_data(as_text=True)
    assert f'value="{cast.process.title["fi"]}"' in html
    assert f'value="{cast.process.slug}"' in html
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html


def test_edit_to_a_taken_slug_keeps_the_typed_input(client, db, cast, sign_in):
    """Another process's address is refused with 422 and the typed values kept."""
    sign_in("facilitator")
    old_slug = cast.process.slug
    response = client.post(
        f"/p/{old_slug}/edit",
        data={
            "language": "fi",
            "title-fi": "Muutettu",
            "slug": cast.other_process.slug,
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "This web address is already in use." in html
    assert 'value="Muutettu"' in html
    assert db.session.get(Process, cast.process.id).slug == old_slug


def test_edit_unknown_process_is_404(client, cast, sign_in):
    """Editing an unknown address is 404."""
    sign_in("admin")
    assert client.get("/p/ei-ole/edit").status_code == 404


# The list -------------------------------------------------------------------


def test_list_shows_only_visible_processes(client, cast, sign_in, create_process):
    """A facilitator's list has their own processes, not other people's."""
    hidden = create_process(title={"fi": "Salainen prosessi"})
    sign_in("facilitator")
    html = client.get("/p/").get_data(as_text=True)
    assert cast.process.title["fi"] in html
    assert cast.other_process.title["fi"] not in html
    assert hidden.title["fi"] not in html


def test_list_shows_a_participant_their_process(client, cast, sign_in):
    """Members of a work group see the process they take part in."""
    sign_in("participant")
    html = client.get("/p/").get_data(as_text=True)
    assert cast.process.title["fi"] in html
    assert cast.other_process.title["fi"] not in html


def test_list_is_paginated(client, app, auth, create_user, create_process, monkeypatch):
    """The admin's list of every process comes a page at a time, newest first."""
    monkeypatch.setitem(app.config, "ITEMS_PER_PAGE", 2)
    for n in range(5):
        create_process(title={"fi": f"Prosessi numero {n}"})
    auth.login_as(create_user(Role.ADMIN))
    english(client)
    first = client.get("/p/").get_data(as_text=True)
    assert first.count("Prosessi numero") == 2
    assert "Prosessi numero 4" in first
    assert 'rel="next"' in first
    last = client.get("/p/?page=3").get_data(as_text=True)
    assert last.count("Prosessi numero") == 1
    assert "Prosessi numero 0" in last
    assert 'rel="prev"' in last


def test_empty_list_says_so(client, auth, create_user):
    """Without processes, the list shows an empty state."""
    auth.login_as(create_user(Role.FACILITATOR))
    english(client)
    assert "There are no processes yet." in client.get("/p/").get_data(as_text=True)


def test_list_needs_sign_in(client):
    """Signed-out visitors are sent to sign in."""
    assert redirect_path(client.get("/p/")) == "/login"


def test_role_rows_follow_the_creator(db, client, auth, create_user):
    """Creating writes exactly one facilitator role, for the creator."""
    user = auth.login_as(create_user(Role.FACILITATOR))
    client.post("/p/new", data={"language": "fi", "title-fi": "Rooli"})
    roles = db.session.scalars(sa.select(ProcessRole)).all()
    assert [(r.user_id, r.role) for r in roles] == [
        (user.id, ProcessRoleKind.FACILITATOR)
    ]


def test_the_facilitator_chooses_whether_exports_show_names(
    client, auth, db, create_user, create_process
):
    """Names in summaries are off by default and follow the process form's checkbox."""
    from app.models import Role

    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    assert process.show_names is False
    auth.login_as(facilitator)
    data = {"language": "fi", "title-fi": "Prosessi", "slug": process.slug}
    client.post(f"/p/{process.slug}/edit", data={**data, "show_names": "y"})
    db.session.refresh(process)
    assert process.show_names is True
    client.post(f"/p/{process.slug}/edit", data=data)
    db.session.refresh(process)
    assert process.show_names is False


def test_the_facilitator_chooses_what_a_deleted_account_leaves(
    client, auth, db, create_user, create_process
):
    """Comments stay as the group's by default; the process form can make them go."""
    from app.models import DeletedAccountComments, Role

    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    assert process.deleted_account_comments is DeletedAccountComments.KEEP_AS_GROUP
    auth.login_as(facilitator)
    page = client.get(f"/p/{process.slug}/edit").get_data(as_text=True)
    assert re.search(r'<input[^>]* checked [^>]*value="keep_as_group"', page)
    data = {"language": "fi", "title-fi": "Prosessi", "slug": process.slug}
    client.post(
        f"/p/{process.slug}/edit", data={**data, "deleted_account_comments": "remove"}
    )
    db.session.refresh(process)
    assert process.deleted_account_comments is DeletedAccountComments.REMOVE
    response = client.post(
        f"/p/{process.slug}/edit", data={**data, "deleted_account_comments": "gone"}
    )
    assert response.status_code == 422
    db.session.refresh(process)
    assert process.deleted_account_comments is DeletedAccountComments.REMOVE
