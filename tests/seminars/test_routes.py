"""Seminar pages by role: who reads the agenda, who sets it up, who chooses."""

import pytest

from app.models import PhaseKind, WorkshopChoice
from app.seminars.services import ensure_seminar

MANAGE_PAGES = ["/settings", "/choices", "/agenda/new"]


@pytest.fixture()
def workshop(make_workshop):
    return make_workshop("Osaaminen", seat_limit=2, facilitator_name="Maija", room="A1")


def test_anonymous_is_sent_to_sign_in(client, world, workshop):
    """Anonymous visitors are asked to sign in, also to choose."""
    for page in ["/", *MANAGE_PAGES]:
        response = client.get(world.base + page)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    response = client.post(f"{world.base}/workshops/{workshop.id}/choose")
    assert "/login" in response.headers["Location"]


def test_outsiders_get_403(client, auth, world, workshop):
    """A facilitator of another process sees nothing of this seminar."""
    auth.login_as(world.outsider)
    for page in ["/", *MANAGE_PAGES, f"/workshops/{workshop.id}/edit"]:
        assert client.get(world.base + page).status_code == 403
    assert (
        client.post(f"{world.base}/workshops/{workshop.id}/choose").status_code == 403
    )


@pytest.mark.parametrize("who", ["facilitator", "admin", "observer", "member"])
def test_everyone_in_the_process_reads_the_agenda(client, auth, world, who):
    """The agenda page is for everyone in the process."""
    auth.login_as(getattr(world, who))
    assert client.get(world.base + "/").status_code == 200


@pytest.mark.parametrize("who", ["observer", "member"])
def test_set_up_is_for_facilitators(client, auth, world, workshop, who):
    """Observers and participants cannot open or send the set-up pages."""
    auth.login_as(getattr(world, who))
    for page in [*MANAGE_PAGES, f"/workshops/{workshop.id}/edit"]:
        assert client.get(world.base + page).status_code == 403
    assert client.post(world.base + "/settings", data={"place": "X"}).status_code == 403
    delete = f"{world.base}/workshops/{workshop.id}/delete"
    assert client.post(delete).status_code == 403


@pytest.mark.parametrize("who", ["facilitator", "admin"])
def test_facilitators_set_up(client, auth, world, workshop, who):
    """Facilitators and administrators open every set-up page."""
    auth.login_as(getattr(world, who))
    for page in [*MANAGE_PAGES, f"/workshops/{workshop.id}/edit"]:
        assert client.get(world.base + page).status_code == 200, page


def test_member_chooses_and_sees_the_choice(client, auth, db, world, workshop):
    """A member takes a place and the agenda says it is theirs."""
    auth.login_as(world.member)
    response = client.post(f"{world.base}/workshops/{workshop.id}/choose")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#workshop-{workshop.id}")
    html = client.get(world.base + "/").get_data(as_text=True)
    assert "Your workshop" in html
    assert "1 of 2 places taken." in html
    assert "Cancel my choice" in html
    assert db.session.query(WorkshopChoice).count() == 1


def test_member_changes_and_cancels(client, auth, db, world, workshop, make_workshop):
    """ "Change to this workshop" moves the place; "Cancel" frees it."""
    other = make_workshop("Hyvinvointi")
    auth.login_as(world.member)
    client.post(f"{world.base}/workshops/{workshop.id}/choose")
    html = client.get(world.base + "/").get_data(as_text=True)
    assert "Change to this workshop" in html
    client.post(f"{world.base}/workshops/{other.id}/choose")
    choices = db.session.query(WorkshopChoice).all()
    assert [c.workshop_id for c in choices] == [other.id]
    client.post(f"{world.base}/workshops/{other.id}/cancel")
    assert db.session.query(WorkshopChoice).count() == 0


def test_a_full_workshop_says_so(client, auth, db, world, make_workshop):
    """The agenda shows "Full"; choosing anyway gives the clear message."""
    workshop = make_workshop("Pieni", seat_limit=1)
    auth.login_as(world.other_member)
    client.post(f"{world.base}/workshops/{workshop.id}/choose")
    auth.login_as(world.member)
    html = client.get(world.base + "/").get_data(as_text=True)
    assert "Full" in html and "1 of 1 place taken." in html
    assert "Choose this workshop" not in html
    response = client.post(
        f"{world.base}/workshops/{workshop.id}/choose", follow_redirects=True
    )
    assert "This workshop is full: choose another one." in response.get_data(
        as_text=True
    )
    assert db.session.query(WorkshopChoice).count() == 1


def test_observers_and_staff_cannot_choose(client, auth, world, workshop):
    """Only work-group members choose; the others see no buttons and get 403."""
    for person in (world.observer, world.facilitator):
        auth.login_as(person)
        html = client.get(world.base + "/").get_data(as_text=True)
        assert "Choose this workshop" not in html
        url = f"{world.base}/workshops/{workshop.id}/choose"
        assert client.post(url).status_code == 403


def test_the_agenda_page_shows_the_seminar(client, auth, db, world, workshop):
    """When, where, goal, the time table and each workshop with its method."""
    from app.seminars import services, services_workshops

    services.update_seminar(
        world.seminar,
        place="Keravan lukio",
        online_url="https://meet.example.fi/s",
        goal={"fi": "Yhteinen **kuva**"},
        expected_output={"en": "A memo"},
    )
    services.add_agenda_item(
        world.seminar,
        kind="intro_talk",
        starts_at=world.at(13),
        ends_at=world.at(13, 20),
        title={"fi": "Avaus"},
        speaker="Rehtori Virtanen",
    )
    services_workshops.add_workshop_prompt(workshop, question={"fi": "Mitä tarvitaan?"})
    db.session.commit()
    auth.login_as(world.member)
    html = client.get(world.base + "/").get_data(as_text=True)
    day = world.day
    assert f"Wednesday {day.day}.{day.month}.{day.year}, 13.00–15.00" in html
    assert "Keravan lukio" in html
    assert 'href="https://meet.example.fi/s"' in html
    assert "<strong>kuva</strong>" in html and "A memo" in html
    assert '<th scope="col">Speaker</th>' in html
    assert "13.00–13.20" in html and "Rehtori Virtanen" in html
    assert "13.30–14.30" in html and "Workshop block" in html
    assert "Buzz groups" in html and "You talk about a question" in html
    assert "Maija" in html and "A1" in html and "Mitä tarvitaan?" in html
    assert "0 of 2 places taken." in html
    assert "Choose this workshop" in html
    assert "Seminar settings" not in html  # no set-up links for participants


def test_staff_see_set_up_links_and_the_choices(client, auth, db, world, workshop):
    """Facilitators get the set-up links and the names of who chose what."""
    auth.login_as(world.member)
    client.post(f"{world.base}/workshops/{workshop.id}/choose")
    auth.login_as(world.facilitator)
    html = client.get(world.base + "/").get_data(as_text=True)
    assert "Seminar settings" in html and "Who chose which workshop" in html
    html = client.get(world.base + "/choices").get_data(as_text=True)
    assert "Aino Aaltonen" in html and "1 of 2 places taken." in html


class TestNotFound:
    def test_a_discussion_phase_has_no_seminar(self, client, auth, world, create_phase):
        """Only seminar phases have a seminar page."""
        phase = create_phase(world.process, kind=PhaseKind.DISCUSSION)
        auth.login_as(world.facilitator)
        url = f"/p/{world.process.slug}/seminars/{phase.id}/"
        assert client.get(url).status_code == 404

    def test_ids_of_another_seminar_are_not_found(
        self, client, auth, db, world, create_phase, workshop, block
    ):
        """A workshop or item of another seminar is not found under this one."""
        other_phase = create_phase(world.process, kind=PhaseKind.SEMINAR)
        ensure_seminar(other_phase)
        db.session.commit()
        other = f"/p/{world.process.slug}/seminars/{other_phase.id}"
        auth.login_as(world.facilitator)
        assert client.get(f"{other}/workshops/{workshop.id}/edit").status_code == 404
        assert client.get(f"{other}/agenda/{block.id}/edit").status_code == 404
        assert client.get(f"{other}/agenda/{block.id}/delete").status_code == 404
        auth.login_as(world.member)
        assert client.post(f"{other}/workshops/{workshop.id}/choose").status_code == 404

    def test_a_phase_of_another_process_is_not_found(
        self, client, auth, db, world, create_process, create_phase
    ):
        """Another process's seminar under this process's address is not found."""
        process = create_process(facilitator=world.facilitator)
        phase = create_phase(process, kind=PhaseKind.SEMINAR)
        ensure_seminar(phase)
        db.session.commit()
        auth.login_as(world.facilitator)
        url = f"/p/{world.process.slug}/seminars/{phase.id}/settings"
        assert client.get(url).status_code == 404

    def test_a_prompt_of_another_workshop_is_not_found(
        self, client, auth, db, world, make_workshop
    ):
        """A prompt id under the wrong workshop is not found."""
        from app.seminars import services_workshops

        first, second = make_workshop("A"), make_workshop("B")
        prompt = services_workshops.add_workshop_prompt(first, question={"fi": "Q"})
        db.session.commit()
        auth.login_as(world.facilitator)
        url = f"{world.base}/workshops/{second.id}/prompts/{prompt.id}/edit"
        assert client.get(url).status_code == 404
