"""Setting up a seminar through its pages: settings, agenda, workshops, prompts."""

from app.models import AgendaItem, Prompt, Workshop, WorkshopMethod
from app.seminars import services_workshops


def item_data(world, **overrides):
    data = {
        "kind": "intro_talk",
        "starts_at": world.typed(13),
        "ends_at": world.typed(13, 20),
        "title-fi": "Avauspuheenvuoro",
        "speaker": "Rehtori",
    }
    data.update(overrides)
    return data


def workshop_data(**overrides):
    data = {"title-fi": "Osaaminen", "method": "buzz_groups", "seat_limit": ""}
    data.update(overrides)
    return data


class TestSettings:
    def test_settings_are_saved(self, client, auth, db, world):
        """Place, online address and goal are saved; the page goes back to itself."""
        auth.login_as(world.facilitator)
        response = client.post(
            world.base + "/settings",
            data={
                "place": "Kerava",
                "online_url": "https://meet.example.fi/x",
                "goal-fi": "Tavoite",
            },
        )
        assert response.status_code == 302
        db.session.refresh(world.seminar)
        assert world.seminar.online_url == "https://meet.example.fi/x"
        assert world.seminar.goal_html == {"fi": "<p>Tavoite</p>"}

    def test_an_http_address_is_refused_and_the_input_kept(
        self, client, auth, db, world
    ):
        """422, a clear message by the field, every typed value still there."""
        auth.login_as(world.facilitator)
        response = client.post(
            world.base + "/settings",
            data={
                "place": "Keravan lukio",
                "online_url": "http://meet.example.fi/x",
                "goal-fi": "Oma tavoite",
            },
        )
        html = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "beginning with https://" in html
        assert 'value="http://meet.example.fi/x"' in html
        assert 'value="Keravan lukio"' in html and "Oma tavoite" in html
        db.session.refresh(world.seminar)
        assert world.seminar.online_url == ""

    def test_the_page_links_to_the_phase_for_the_times(self, client, auth, world):
        """The date and hours are the phase's: the page says so and links there."""
        auth.login_as(world.facilitator)
        html = client.get(world.base + "/settings").get_data(as_text=True)
        assert f"/p/{world.process.slug}/phases/{world.phase.id}/edit" in html
        assert "13.00–15.00" in html


class TestAgendaItems:
    def test_the_new_item_form_starts_on_the_seminar_day(self, client, auth, world):
        """The start is filled in: the seminar's day and start time."""
        auth.login_as(world.facilitator)
        html = client.get(world.base + "/agenda/new").get_data(as_text=True)
        assert f'value="{world.typed(13)}"' in html

    def test_an_item_is_added_and_listed(self, client, auth, db, world):
        """The item is saved in Helsinki time and shown on the set-up page."""
        auth.login_as(world.facilitator)
        response = client.post(world.base + "/agenda/new", data=item_data(world))
        assert response.status_code == 302
        item = db.session.query(AgendaItem).one()
        assert item.starts_at == world.at(13) and item.ends_at == world.at(13, 20)
        html = client.get(world.base + "/settings").get_data(as_text=True)
        assert "Avauspuheenvuoro" in html and "13.00–13.20" in html

    def test_an_item_outside_the_hours_is_refused(self, client, auth, db, world):
        """422 with the seminar's hours in the message; the typed values stay."""
        auth.login_as(world.facilitator)
        response = client.post(
            world.base + "/agenda/new",
            data=item_data(world, starts_at=world.typed(12, 30)),
        )
        html = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "The seminar starts at 13.00" in html
        assert f'value="{world.typed(12, 30)}"' in html
        assert 'value="Avauspuheenvuoro"' in html and 'value="Rehtori"' in html
        assert db.session.query(AgendaItem).count() == 0

    def test_an_end_before_the_start_is_refused(self, client, auth, world):
        """The end field says the end must come after the start."""
        auth.login_as(world.facilitator)
        response = client.post(
            world.base + "/agenda/new",
            data=item_data(world, ends_at=world.typed(13)),
        )
        assert response.status_code == 422
        assert "The end must come after the start." in response.get_data(as_text=True)

    def test_a_late_end_is_refused(self, client, auth, world):
        """An item running past 15.00 is refused."""
        auth.login_as(world.facilitator)
        response = client.post(
            world.base + "/agenda/new",
            data=item_data(world, ends_at=world.typed(15, 30)),
        )
        assert response.status_code == 422
        assert "The seminar ends at 15.00" in response.get_data(as_text=True)

    def test_an_item_is_edited(self, client, auth, db, world, block):
        """The edit form shows the item and saves changes."""
        auth.login_as(world.facilitator)
        url = f"{world.base}/agenda/{block.id}/edit"
        html = client.get(url).get_data(as_text=True)
        assert f'value="{world.typed(13, 30)}"' in html
        response = client.post(
            url,
            data=item_data(
                world,
                kind="workshops",
                starts_at=world.typed(13, 45),
                ends_at=world.typed(14, 45),
            ),
        )
        assert response.status_code == 302
        db.session.refresh(block)
        assert block.starts_at == world.at(13, 45)

    def test_a_block_with_workshops_keeps_its_kind(
        self, client, auth, world, block, make_workshop
    ):
        """Changing the kind of a block with workshops is refused at the kind field."""
        make_workshop()
        auth.login_as(world.facilitator)
        response = client.post(
            f"{world.base}/agenda/{block.id}/edit",
            data=item_data(world, kind="break"),
        )
        assert response.status_code == 422
        assert "Remove them before changing the kind" in response.get_data(as_text=True)

    def test_an_item_is_removed_after_confirmation(
        self, client, auth, db, world, block, make_workshop
    ):
        """The confirmation page warns about the workshops; POST removes."""
        make_workshop()
        auth.login_as(world.facilitator)
        url = f"{world.base}/agenda/{block.id}/delete"
        html = client.get(url).get_data(as_text=True)
        assert "with its workshops" in html
        assert db.session.query(AgendaItem).count() == 1
        assert client.post(url).status_code == 302
        assert db.session.query(AgendaItem).count() == 0


class TestWorkshops:
    def test_a_treasure_map_is_added_with_its_parts(
        self, client, auth, db, world, block
    ):
        """After saving, the workshop page lists Now, Steps and Goal."""
        auth.login_as(world.facilitator)
        response = client.post(
            f"{world.base}/agenda/{block.id}/workshops/new",
            data=workshop_data(method="treasure_map", seat_limit="20"),
        )
        assert response.status_code == 302
        assert response.headers["Location"].endswith("#prompts")
        workshop = db.session.query(Workshop).one()
        assert workshop.seat_limit == 20
        html = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "Now" in html and "Steps" in html and "Goal" in html  # English page
        assert "Add a part" not in html  # three parts, no more

    def test_the_method_choice_explains_each_method(self, client, auth, world, block):
        """Each radio button has its one-line explanation tied to it."""
        auth.login_as(world.facilitator)
        html = client.get(f"{world.base}/agenda/{block.id}/workshops/new").get_data(
            as_text=True
        )
        assert html.count('type="radio"') == len(WorkshopMethod)
        assert 'aria-describedby="method-1-hint"' in html
        assert "Groups move from station to station" in html

    def test_a_bad_seat_limit_keeps_the_input(self, client, auth, db, world, block):
        """422 with the limit's rule; the title stays."""
        auth.login_as(world.facilitator)
        response = client.post(
            f"{world.base}/agenda/{block.id}/workshops/new",
            data=workshop_data(seat_limit="0", **{"title-fi": "Oma otsikko"}),
        )
        html = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "Give a number from 1 to 500" in html
        assert 'value="Oma otsikko"' in html
        assert db.session.query(Workshop).count() == 0

    def test_only_a_block_takes_workshops(self, client, auth, db, world):
        """A talk's id in the workshop address is not found."""
        from app.seminars import services

        talk = services.add_agenda_item(
            world.seminar,
            kind="intro_talk",
            starts_at=world.at(13),
            ends_at=world.at(13, 10),
            title={"fi": "Avaus"},
        )
        db.session.commit()
        auth.login_as(world.facilitator)
        url = f"{world.base}/agenda/{talk.id}/workshops/new"
        assert client.get(url).status_code == 404

    def test_the_structure_warning_shows_on_set_up(
        self, client, auth, world, make_workshop
    ):
        """A process walk with one station is flagged on both set-up pages."""
        walk = make_workshop("Kävely", method=WorkshopMethod.PROCESS_WALK)
        services_workshops.add_workshop_prompt(walk, question={"fi": "Asema"})
        auth.login_as(world.facilitator)
        for url in (
            world.base + "/settings",
            f"{world.base}/workshops/{walk.id}/edit",
        ):
            html = client.get(url).get_data(as_text=True)
            assert "A process walk needs at least 2 stations" in html

    def test_workshops_are_edited_moved_and_removed(
        self, client, auth, db, world, block, make_workshop
    ):
        """Edit, move down, remove after confirmation."""
        first, second = make_workshop("A"), make_workshop("B")
        auth.login_as(world.facilitator)
        response = client.post(
            f"{world.base}/workshops/{first.id}/edit",
            data=workshop_data(method="open_space", room="B2", **{"title-fi": "A2"}),
        )
        assert response.status_code == 302
        client.post(
            f"{world.base}/workshops/{first.id}/move", data={"direction": "down"}
        )
        db.session.expire_all()
        assert [w.title["fi"] for w in block.workshops] == ["B", "A2"]
        assert block.workshops[1].room == "B2"
        assert (
            client.post(
                f"{world.base}/workshops/{first.id}/move",
                data={"direction": "sideways"},
            ).status_code
            == 400
        )
        html = client.get(f"{world.base}/workshops/{second.id}/delete").get_data(
            as_text=True
        )
        assert "Remove the workshop" in html
        client.post(f"{world.base}/workshops/{second.id}/delete")
        assert [w.title["fi"] for w in db.session.query(Workshop)] == ["A2"]


class TestPrompts:
    def test_prompts_are_named_after_the_method(
        self, client, auth, db, world, make_workshop
    ):
        """A process walk's prompts are stations, from the form to the list."""
        walk = make_workshop("Kävely", method=WorkshopMethod.PROCESS_WALK)
        auth.login_as(world.facilitator)
        base = f"{world.base}/workshops/{walk.id}"
        html = client.get(base + "/prompts/new").get_data(as_text=True)
        assert "<h1>Add a station</h1>" in html and "<legend>Station</legend>" in html
        for n in (1, 2):
            response = client.post(
                base + "/prompts/new", data={"question-fi": f"Asema {n}"}
            )
            assert response.status_code == 302
        assert [p.question["fi"] for p in walk.prompts] == ["Asema 1", "Asema 2"]
        html = client.get(base + "/edit").get_data(as_text=True)
        assert '<h2 id="prompts-heading">Stations</h2>' in html

    def test_a_prompt_without_the_main_language_keeps_the_input(
        self, client, auth, db, world, make_workshop
    ):
        """422 and the Swedish text stays."""
        workshop = make_workshop()
        auth.login_as(world.facilitator)
        response = client.post(
            f"{world.base}/workshops/{workshop.id}/prompts/new",
            data={"question-sv": "Bara svenska"},
        )
        assert response.status_code == 422
        assert 'value="Bara svenska"' in response.get_data(as_text=True)
        assert db.session.query(Prompt).count() == 0

    def test_prompts_are_edited_moved_and_removed(
        self, client, auth, db, world, make_workshop
    ):
        """Edit, move up, remove after confirmation."""
        workshop = make_workshop()
        one = services_workshops.add_workshop_prompt(workshop, question={"fi": "Yksi"})
        two = services_workshops.add_workshop_prompt(workshop, question={"fi": "Kaksi"})
        db.session.commit()
        auth.login_as(world.facilitator)
        base = f"{world.base}/workshops/{workshop.id}/prompts"
        assert 'value="Kaksi"' in client.get(f"{base}/{two.id}/edit").get_data(
            as_text=True
        )
        client.post(f"{base}/{two.id}/edit", data={"question-fi": "Toinen"})
        client.post(f"{base}/{two.id}/move", data={"direction": "up"})
        db.session.expire_all()
        assert [p.question["fi"] for p in workshop.prompts] == ["Toinen", "Yksi"]
        assert "Remove" in client.get(f"{base}/{one.id}/delete").get_data(as_text=True)
        client.post(f"{base}/{one.id}/delete")
        db.session.expire_all()
        assert [p.question["fi"] for p in workshop.prompts] == ["Toinen"]
