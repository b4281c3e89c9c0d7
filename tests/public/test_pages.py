"""The public pages of a public process (issue 18), as anyone reads them."""

from __future__ import annotations

from app.models import Process, Role

from ..opendata_world import DELETED_WORD, HIDDEN_WORD


def _english(client):
    with client.session_transaction() as session:
        session["lang"] = "en"


def test_front_page_lists_public_processes_only(client, open_world):
    _english(client)
    page = client.get("/").get_data(as_text=True)
    assert "Public processes" in page
    assert "/open/kuntakokeilu/" in page
    assert "/open/toinen/" not in page


def test_front_page_says_when_none_is_public(client, db):
    _english(client)
    page = client.get("/").get_data(as_text=True)
    assert "No process has been made public yet." in page


def test_public_list_paginates(client, open_world, create_process, app):
    app.config["ITEMS_PER_PAGE"] = 2
    for n in range(3):
        create_process(slug=f"julkinen-{n}", is_public=True)
    first = client.get("/open/").get_data(as_text=True)
    assert 'rel="next"' in first
    assert client.get("/open/?page=2").status_code == 200


def test_process_page_shows_phases_results_and_followup(client, open_world):
    _english(client)
    response = client.get("/open/kuntakokeilu/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<meta name="description"' in page
    assert "<title>Municipal trial – Osallistamo</title>" in page
    assert "Online talk" in page
    assert "Top themes" in page  # the closed ballot's results
    assert "/open/kuntakokeilu/summary?phase=" in page
    assert "/open/kuntakokeilu/proposal" in page
    assert "/open/kuntakokeilu/dashboard" in page
    for word in (HIDDEN_WORD, DELETED_WORD):
        assert word not in page


def test_summary_never_shows_hidden_comments_or_names(client, open_world):
    _english(client)
    phase_id = open_world.phase.id
    response = client.get(f"/open/kuntakokeilu/summary?phase={phase_id}&lang=sv")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Handledning" in page
    for word in (HIDDEN_WORD, DELETED_WORD, "Maija Meikäläinen", "Pekka Puhuja"):
        assert word not in page
    assert client.get("/open/kuntakokeilu/summary").status_code == 200


def test_names_show_only_when_the_process_shows_them(client, db, open_world):
    open_world.process.show_names = True
    db.session.commit()
    page = client.get(
        f"/open/kuntakokeilu/summary?phase={open_world.phase.id}"
    ).get_data(as_text=True)
    assert any(member.name in page for member in open_world.members[:3])


def test_summary_of_a_running_discussion_is_not_out(client, db, open_world):
    from datetime import UTC, datetime, timedelta

    open_world.phase.ends_at = datetime.now(UTC) + timedelta(days=1)
    db.session.commit()
    assert client.get("/open/kuntakokeilu/summary").status_code == 404
    page = client.get("/open/kuntakokeilu/").get_data(as_text=True)
    assert "/open/kuntakokeilu/summary" not in page


def test_proposal_and_dashboard(client, db, open_world):
    _english(client)
    page = client.get("/open/kuntakokeilu/proposal").get_data(as_text=True)
    assert "Kaksi henkilötyövuotta." in page
    dashboard = client.get("/open/kuntakokeilu/dashboard")
    assert dashboard.status_code == 200
    assert "Ohjaus kuntoon" in dashboard.get_data(as_text=True)
    assert client.get("/open/kuntakokeilu/dashboard?period=nonsense").status_code == 404


def test_draft_proposal_is_not_public(client, db, open_world):
    from app.models import ProposalStatus

    open_world.proposal.status = ProposalStatus.DRAFT
    db.session.commit()
    assert client.get("/open/kuntakokeilu/proposal").status_code == 404


def test_private_process_is_not_found(client, open_world):
    for path in ("/", "/summary", "/proposal", "/dashboard"):
        assert client.get(f"/open/toinen{path}").status_code == 404


def test_facilitator_makes_a_process_public_and_private(
    client, auth, db, create_user, create_process
):
    _english(client)
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator, slug="avattava")
    assert process.is_public is False
    auth.login_as(facilitator)
    page = client.get("/p/avattava/publicity").get_data(as_text=True)
    assert "What a public process shows to anyone" in page
    assert "What stays private" in page
    response = client.post("/p/avattava/publicity", data={"is_public": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    process = db.session.get(Process, process.id)
    assert process.is_public and process.public_since is not None
    assert client.get("/open/avattava/").status_code == 200
    client.post("/p/avattava/publicity", data={})
    db.session.expire_all()
    process = db.session.get(Process, process.id)
    assert not process.is_public and process.public_since is None


def test_public_pages_have_a_language_for_every_locale(client, open_world):
    for lang in ("fi", "sv", "en"):
        with client.session_transaction() as session:
            session["lang"] = lang
        page = client.get("/open/kuntakokeilu/").get_data(as_text=True)
        assert f'<html lang="{lang}">' in page


def test_public_quotes_do_not_link_to_pages_a_visitor_cannot_open(
    client, db, open_world
):
    """A quote on the public summary has no "whole comment" link (that page is for
    signed-in readers); the same summary for the team keeps it."""
    from app.exports.summary import build_summary

    page = client.get(
        f"/open/kuntakokeilu/summary?phase={open_world.phase.id}"
    ).get_data(as_text=True)
    assert "<figure" in page or "<blockquote" in page
    assert "/comments/" not in page
    team = build_summary(open_world.process, phase=open_world.phase)
    quotes = [quote for theme in team.themes for quote in theme.quotes]
    assert quotes and all(quote.url and "/comments/" in quote.url for quote in quotes)
