"""Phase set-up screens: who may use them, bad input, and the happy paths."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models import Phase, PhaseKind
from tests.conftest import csrf_token_from

from .helpers import MANAGERS, REFUSED, redirect_path

PAGES = [
    "/p/{slug}/phases/new",
    "/p/{slug}/phases/{phase_id}/edit",
    "/p/{slug}/phases/{phase_id}/delete",
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
        "/p/no-such-process/phases/new",
        "/p/{slug}/phases/999999/edit",
        "/p/{slug}/phases/999999/delete",
        "/p/{slug}/phases/{other_phase_id}/edit",
        "/p/{slug}/phases/{other_phase_id}/delete",
    ],
)
def test_unknown_or_foreign_phase_is_not_found(client, cast, sign_in, url):
    """Unknown slugs and ids, and another process's phase, are 404."""
    sign_in("facilitator")
    assert client.get(cast.url(url)).status_code == 404


def test_foreign_phase_cannot_be_moved_or_deleted(client, db, cast, sign_in):
    """A phase id of another process is 404 for POSTs too, and stays."""
    sign_in("facilitator")
    base = f"/p/{cast.process.slug}/phases/{cast.other_phase.id}"
    assert client.post(f"{base}/move", data={"direction": "up"}).status_code == 404
    assert client.post(f"{base}/delete").status_code == 404
    assert db.session.get(Phase, cast.other_phase.id) is not None


@pytest.mark.parametrize("who", REFUSED)
def test_refused_people_cannot_post(client, db, cast, sign_in, who):
    """Adding, moving and deleting are 403 for non-managers and change nothing."""
    sign_in(who)
    base = f"/p/{cast.process.slug}/phases"
    assert (
        client.post(
            f"{base}/new", data={"kind": "seminar", "title-fi": "X"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"{base}/{cast.phase.id}/move", data={"direction": "down"}
        ).status_code
        == 403
    )
    assert client.post(f"{base}/{cast.phase.id}/delete").status_code == 403
    assert db.session.query(Phase).filter_by(process_id=cast.process.id).count() == 1


def test_add_phase_writes_it_with_utc_times(client, db, cast, sign_in):
    """A phase typed in Helsinki time is stored in UTC after the existing ones."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/phases/new",
        data={
            "kind": "seminar",
            "title-fi": "Aloitusseminaari",
            "title-sv": "Startseminarium",
            "description-fi": "Esittelyt *ja* työpajat",
            "starts_at": "2026-03-01T13:00",
            "ends_at": "2026-03-01T15:00",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/p/{cast.process.slug}/#phases")
    phase = (
        db.session.query(Phase).filter_by(process_id=cast.process.id, position=2).one()
    )
    assert phase.kind is PhaseKind.SEMINAR
    assert phase.title == {"fi": "Aloitusseminaari", "sv": "Startseminarium"}
    assert phase.description_html["fi"] == "<p>Esittelyt <em>ja</em> työpajat</p>"
    assert phase.starts_at == datetime(2026, 3, 1, 11, 0, tzinfo=UTC)
    assert phase.ends_at == datetime(2026, 3, 1, 13, 0, tzinfo=UTC)


def test_add_phase_without_title_keeps_what_was_typed(client, db, cast, sign_in):
    """A missing main-language title is 422, and the typed texts come back."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/phases/new",
        data={
            "kind": "discussion",
            "title-sv": "Diskussion",
            "description-fi": "Kuvaus tähän",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write this at least in the main language of the process." in html
    assert 'value="Diskussion"' in html
    assert "Kuvaus tähän" in html
    assert '<option selected value="discussion">' in html
    assert db.session.query(Phase).filter_by(process_id=cast.process.id).count() == 1


def test_add_phase_end_before_start_is_refused(client, db, cast, sign_in):
    """An end before the start is 422 with the error at the end field."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/phases/new",
        data={
            "kind": "seminar",
            "title-fi": "Seminaari",
            "starts_at": "2026-03-01T13:00",
            "ends_at": "2026-03-01T12:00",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="ends_at-error"' in html
    assert "The end must come after the start." in html
    assert 'value="2026-03-01T12:00"' in html
    assert 'value="Seminaari"' in html
    assert db.session.query(Phase).filter_by(process_id=cast.process.id).count() == 1


def test_add_phase_bad_date_is_refused(client, cast, sign_in):
    """A time that is not a date is 422 with a plain message."""
    sign_in("facilitator")
    response = client.post(
        f"/p/{cast.process.slug}/phases/new",
        data={"kind": "seminar", "title-fi": "Seminaari", "starts_at": "huomenna"},
    )
    assert response.status_code == 422
    assert (
        "Give the date and time as day, month, year, hours and minutes."
        in response.get_data(as_text=True)
    )


def test_edit_phase_shows_helsinki_times_and_saves(client, db, cast, sign_in):
    """The edit form shows stored times in Helsinki time; saving rewrites the phase."""
    cast.phase.starts_at = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    db.session.commit()
    sign_in("admin")
    url = f"/p/{cast.process.slug}/phases/{cast.phase.id}/edit"
    page = client.get(url).get_data(as_text=True)
    assert 'value="2026-06-01T13:00"' in page  # summer: UTC+3
    response = client.post(
        url,
        data={
            "kind": "followup",
            "title-fi": "Jatkotyö",
            "starts_at": "",
            "ends_at": "",
        },
    )
    assert response.status_code == 302
    phase = db.session.get(Phase, cast.phase.id)
    assert phase.kind is PhaseKind.FOLLOWUP
    assert phase.title == {"fi": "Jatkotyö"}
    assert phase.starts_at is None
    assert phase.position == 1


def test_move_phase_buttons_reorder(client, db, cast, sign_in, create_phase):
    """Move down then up over POST; positions stay dense."""
    second = create_phase(cast.process, title={"fi": "Toinen"})
    sign_in("facilitator")
    base = f"/p/{cast.process.slug}/phases"
    assert (
        client.post(
            f"{base}/{cast.phase.id}/move", data={"direction": "down"}
        ).status_code
        == 302
    )
    assert [p.id for p in cast.process.phases] == [second.id, cast.phase.id]
    assert [p.position for p in cast.process.phases] == [1, 2]
    assert (
        client.post(
            f"{base}/{cast.phase.id}/move", data={"direction": "up"}
        ).status_code
        == 302
    )
    assert [p.id for p in cast.process.phases] == [cast.phase.id, second.id]


def test_move_phase_with_a_bad_direction_is_400(client, cast, sign_in):
    """Only "up" and "down" are accepted."""
    sign_in("facilitator")
    url = f"/p/{cast.process.slug}/phases/{cast.phase.id}/move"
    assert client.post(url, data={"direction": "sideways"}).status_code == 400
    assert client.post(url).status_code == 400


def test_move_is_post_only(client, cast, sign_in):
    """Reordering never happens on a GET."""
    sign_in("facilitator")
    assert (
        client.get(f"/p/{cast.process.slug}/phases/{cast.phase.id}/move").status_code
        == 405
    )


def test_delete_phase_asks_first_then_deletes(client, db, cast, sign_in, create_phase):
    """GET shows a confirmation with a POST form; only the POST deletes."""
    second = create_phase(cast.process, title={"fi": "Toinen"})
    phase_id, second_id = cast.phase.id, second.id
    sign_in("facilitator")
    url = f"/p/{cast.process.slug}/phases/{phase_id}/delete"
    page = client.get(url).get_data(as_text=True)
    assert '<form method="post"' in page
    assert "button-danger" in page
    assert db.session.get(Phase, phase_id) is not None
    response = client.post(url, follow_redirects=True)
    assert response.status_code == 200
    assert "has been deleted" in response.get_data(as_text=True)
    assert db.session.get(Phase, phase_id) is None
    assert db.session.get(Phase, second_id).position == 1


def test_overview_lists_phases_with_kind_and_dates(
    client, db, cast, sign_in, create_phase
):
    """Everyone who may view sees kind, title and Helsinki dates; no controls for observers."""
    create_phase(
        cast.process,
        kind=PhaseKind.SEMINAR,
        title={"fi": "Työpajaseminaari"},
        starts_at=datetime(2026, 3, 1, 11, 0, tzinfo=UTC),
        ends_at=datetime(2026, 3, 1, 13, 0, tzinfo=UTC),
    )
    sign_in("observer")
    html = client.get(f"/p/{cast.process.slug}/").get_data(as_text=True)
    assert "Työpajaseminaari" in html
    assert '<span class="badge">Seminar</span>' in html
    assert "1.3.2026 13.00" in html and "15.00" in html
    assert "/phases/new" not in html
    assert "/move" not in html


def test_overview_shows_controls_to_facilitators(client, cast, sign_in, create_phase):
    """Managers get add, edit, move and delete controls named after the phase."""
    create_phase(cast.process, title={"fi": "Toinen"})
    sign_in("facilitator")
    html = client.get(f"/p/{cast.process.slug}/").get_data(as_text=True)
    assert f"/p/{cast.process.slug}/phases/new" in html
    assert f"/phases/{cast.phase.id}/edit" in html
    assert 'aria-label="Move down: ' in html
    assert 'aria-label="Move up: Toinen"' in html
    assert f"/phases/{cast.phase.id}/delete" in html


def test_post_without_csrf_token_is_400(csrf_app, db, cast):
    """With CSRF protection on, a POST without the token is refused."""
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["lang"] = "en"
        session["_user_id"] = cast.facilitator.get_id()
        session["last_seen"] = datetime.now(UTC).timestamp()
    url = f"/p/{cast.process.slug}/phases/new"
    response = client.post(url, data={"kind": "seminar", "title-fi": "Ilman tokenia"})
    assert response.status_code == 400
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    response = client.post(
        url, data={"csrf_token": token, "kind": "seminar", "title-fi": "Tokenilla"}
    )
    assert response.status_code == 302
    titles = [
        p.title["fi"]
        for p in db.session.query(Phase).filter_by(process_id=cast.process.id)
    ]
    assert "Tokenilla" in titles and "Ilman tokenia" not in titles


@pytest.mark.parametrize("action", ["move", "delete"])
def test_move_and_delete_need_the_csrf_token(csrf_app, db, cast, action):
    """Without the token, moving and deleting are 400; the page's own token works."""
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = cast.facilitator.get_id()
        session["last_seen"] = datetime.now(UTC).timestamp()
    phase_id = cast.phase.id
    url = f"/p/{cast.process.slug}/phases/{phase_id}/{action}"
    assert client.post(url, data={"direction": "down"}).status_code == 400
    assert db.session.get(Phase, phase_id) is not None
    page = client.get(f"/p/{cast.process.slug}/phases/{phase_id}/delete")
    token = csrf_token_from(page.get_data(as_text=True))
    response = client.post(url, data={"csrf_token": token, "direction": "down"})
    assert response.status_code == 302
