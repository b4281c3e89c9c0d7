"""Workshops: adding, ordering, methods as templates and the workshop's prompts."""

import pytest

from app.models import AgendaKind, Prompt, WorkshopMethod
from app.seminars import methods, services, services_workshops
from app.seminars.methods import structure_warning


def questions(workshop, lang="fi"):
    return [prompt.question[lang] for prompt in workshop.prompts]


class TestWorkshops:
    def test_workshops_are_added_at_the_end_and_move(self, db, block, make_workshop):
        """New workshops come last; moving swaps neighbours; the ends say no."""
        first, second, third = (make_workshop(t) for t in ("A", "B", "C"))
        assert [w.title["fi"] for w in block.workshops] == ["A", "B", "C"]
        assert services_workshops.move_workshop(third, "up")
        db.session.commit()
        assert [w.title["fi"] for w in block.workshops] == ["A", "C", "B"]
        assert not services_workshops.move_workshop(first, "up")
        services_workshops.delete_workshop(third)
        db.session.commit()
        assert [(w.title["fi"], w.position) for w in block.workshops] == [
            ("A", 1),
            ("B", 2),
        ]

    def test_only_a_workshop_block_takes_workshops(self, db, world):
        """A talk has no workshops."""
        talk = services.add_agenda_item(
            world.seminar,
            kind=AgendaKind.INTRO_TALK,
            starts_at=world.at(13),
            ends_at=world.at(13, 20),
            title={"fi": "Avaus"},
        )
        with pytest.raises(services_workshops.NotAWorkshopBlock):
            services_workshops.add_workshop(talk, title={"fi": "X"})

    @pytest.mark.parametrize("limit", [0, 501])
    def test_seat_limit_is_from_1_to_500(self, block, limit):
        """A seat limit outside 1–500 is refused; none means no limit."""
        with pytest.raises(services_workshops.InvalidSeatLimit):
            services_workshops.add_workshop(block, title={"fi": "X"}, seat_limit=limit)

    def test_fields_are_saved(self, db, make_workshop):
        """Every field is kept; the description is rendered once when saved."""
        workshop = make_workshop(
            "Osaaminen",
            description={"fi": "*Tärkeä*"},
            facilitator_name=" Maija Virtanen ",
            room="A 101",
            method=WorkshopMethod.PROCESS_WALK,
            seat_limit=20,
        )
        assert workshop.facilitator_name == "Maija Virtanen"
        assert workshop.description_html == {"fi": "<p><em>Tärkeä</em></p>"}
        assert workshop.method is WorkshopMethod.PROCESS_WALK
        assert workshop.seat_limit == 20


class TestMethods:
    def test_every_method_has_a_template(self):
        """Each method has a name, an explanation and a name for its prompts."""
        for method in WorkshopMethod:
            template = methods.spec(method)
            assert str(template.name) and str(template.explanation)
            assert str(template.prompts_label) and str(template.prompts_hint)

    def test_a_treasure_map_gets_its_three_parts(self, db, make_workshop):
        """Now, Steps and Goal in three languages; the goal asks the vision question."""
        workshop = make_workshop(method=WorkshopMethod.TREASURE_MAP)
        assert questions(workshop, "en") == ["Now", "Steps", "Goal"]
        assert questions(workshop, "fi") == ["Nyt", "Askeleet", "Tavoite"]
        goal = workshop.prompts[2]
        assert goal.guidance["en"] == "Where do we want to be in two years?"
        assert "kahden vuoden" in goal.guidance_html["fi"]
        assert [p.position for p in workshop.prompts] == [1, 2, 3]
        assert structure_warning(workshop) is None

    def test_a_treasure_map_has_no_fourth_part(self, db, make_workshop):
        """Adding a fourth part is refused; the three parts are edited instead."""
        workshop = make_workshop(method=WorkshopMethod.TREASURE_MAP)
        with pytest.raises(services_workshops.TreasureMapIsComplete):
            services_workshops.add_workshop_prompt(workshop, question={"fi": "Neljäs"})

    def test_switching_to_a_treasure_map_adds_the_parts_when_empty(
        self, db, make_workshop
    ):
        """A workshop without prompts gets the parts; one with prompts keeps them."""
        empty = make_workshop()
        services_workshops.update_workshop(
            empty, title={"fi": "T"}, method=WorkshopMethod.TREASURE_MAP
        )
        assert len(empty.prompts) == 3
        busy = make_workshop()
        services_workshops.add_workshop_prompt(busy, question={"fi": "Oma"})
        services_workshops.update_workshop(
            busy, title={"fi": "T"}, method=WorkshopMethod.TREASURE_MAP
        )
        assert questions(busy) == ["Oma"]
        assert "three parts" in structure_warning(busy)

    def test_other_methods_start_without_prompts(self, make_workshop):
        """Only the treasure map has fixed prompts."""
        for method in WorkshopMethod:
            if method is not WorkshopMethod.TREASURE_MAP:
                assert make_workshop(method=method).prompts == []

    def test_a_process_walk_needs_two_stations(self, db, make_workshop):
        """Fewer than two stations is warned about; two are enough."""
        walk = make_workshop(method=WorkshopMethod.PROCESS_WALK)
        assert "at least 2 stations" in structure_warning(walk)
        services_workshops.add_workshop_prompt(walk, question={"fi": "Asema 1"})
        assert "has 1 station." in structure_warning(walk)
        services_workshops.add_workshop_prompt(walk, question={"fi": "Asema 2"})
        assert structure_warning(walk) is None

    def test_buzz_groups_and_feeling_line_need_a_prompt(self, db, make_workshop):
        """A question (or a statement) is needed; an open space needs none."""
        assert "question" in structure_warning(make_workshop())
        feeling = make_workshop(method=WorkshopMethod.FEELING_LINE)
        assert "statement" in structure_warning(feeling)
        assert (
            structure_warning(make_workshop(method=WorkshopMethod.OPEN_SPACE)) is None
        )


class TestPrompts:
    def test_prompts_are_added_moved_and_removed(self, db, make_workshop):
        """A workshop's prompts keep a dense order like a discussion's."""
        workshop = make_workshop(method=WorkshopMethod.PROCESS_WALK)
        one, two, three = (
            services_workshops.add_workshop_prompt(
                workshop, question={"fi": f"Asema {n}"}, guidance={"fi": "**Ohje**"}
            )
            for n in (1, 2, 3)
        )
        db.session.commit()
        assert one.workshop_id == workshop.id and one.discussion_id is None
        assert one.guidance_html == {"fi": "<p><strong>Ohje</strong></p>"}
        assert services_workshops.move_workshop_prompt(three, "up")
        db.session.commit()
        assert questions(workshop) == ["Asema 1", "Asema 3", "Asema 2"]
        services_workshops.delete_workshop_prompt(one)
        db.session.commit()
        assert [(p.question["fi"], p.position) for p in workshop.prompts] == [
            ("Asema 3", 1),
            ("Asema 2", 2),
        ]
        assert two.process is workshop.process

    def test_a_prompt_needs_the_main_language(self, make_workshop):
        """A question only in Swedish is refused in a Finnish process."""
        with pytest.raises(services_workshops.MissingPromptText):
            services_workshops.add_workshop_prompt(
                make_workshop(), question={"sv": "Fråga"}
            )

    def test_editing_keeps_the_place(self, db, make_workshop):
        """Changing the texts does not move the prompt."""
        workshop = make_workshop()
        services_workshops.add_workshop_prompt(workshop, question={"fi": "Yksi"})
        second = services_workshops.add_workshop_prompt(
            workshop, question={"fi": "Kaksi"}
        )
        services_workshops.update_workshop_prompt(second, question={"fi": "Toinen"})
        db.session.commit()
        assert questions(workshop) == ["Yksi", "Toinen"]

    def test_removing_the_current_prompt_clears_it(self, db, make_workshop):
        """The room leaves a prompt that is removed."""
        workshop = make_workshop()
        prompt = services_workshops.add_workshop_prompt(workshop, question={"fi": "Q"})
        workshop.current_prompt_id = prompt.id
        db.session.commit()
        services_workshops.delete_workshop_prompt(prompt)
        db.session.commit()
        assert workshop.current_prompt_id is None
        assert db.session.get(Prompt, prompt.id) is None
