"""Live capture services: notes, moves, merges, moderation, rotation, topics, marks."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.comments import NotInGroup
from app.discussions.services_moderation import AlreadyHidden, ReasonMissing
from app.errors import NotAllowed
from app.models import (
    Comment,
    ModerationAction,
    ModerationEvent,
    Prompt,
    WorkshopChoice,
    WorkshopMethod,
)
from app.seminars import queries_live as live_queries
from app.seminars import services_live as live
from app.seminars import services_methods as live_methods
from app.seminars import services_workshops as workshops


@pytest.fixture()
def room(db, world, make_workshop):
    """A buzz-group workshop with two questions, during the seminar."""
    workshop = make_workshop("Porinat")
    first = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä toimii?"})
    second = workshops.add_workshop_prompt(workshop, question={"fi": "Mikä puuttuu?"})
    db.session.commit()
    return workshop, first, second


def note(world, prompt, body="Hyvä idea", **kwargs):
    kwargs.setdefault("author", world.member)
    kwargs.setdefault("group", world.group)
    kwargs.setdefault("now", world.at(13, 40))
    created, _new = live.add_note(prompt, body=body, **kwargs)
    return created


def version(workshop):
    live.db.session.refresh(workshop)
    return workshop.live_version


def test_note_is_rendered_and_bumps_the_version(db, world, room):
    """A note is a comment of the group, rendered once, and the wall's version grows."""
    workshop, first, _ = room
    before = version(workshop)
    created = note(world, first, body="**Tärkeä** <script>x</script>")
    db.session.commit()
    assert created.group_id == world.group.id and created.prompt_id == first.id
    assert "<strong>Tärkeä</strong>" in created.body_html
    assert "<script>" not in created.body_html
    assert version(workshop) == before + 1


@pytest.mark.parametrize(
    ("minutes", "error"),
    [(-31, live.CaptureNotOpen), (120 + 60, live.CaptureClosed)],
)
def test_notes_only_while_the_seminar_is_on(world, room, minutes, error):
    """Notes open 30 min before the start and close an hour after the end."""
    _, first, _ = room
    with pytest.raises(error):
        note(world, first, now=world.at(13) + timedelta(minutes=minutes))


def test_window_edges_are_open(world, room):
    """Exactly 30 minutes early and just before the hour after the end are fine."""
    _, first, _ = room
    note(world, first, now=world.at(12, 30))
    note(world, first, now=world.at(15, 59))


def test_note_rules(world, room, create_user):
    """Only group members, non-empty and at most 500 characters."""
    _, first, _ = room
    with pytest.raises(live.EmptyNote):
        note(world, first, body="   ")
    with pytest.raises(live.NoteTooLong):
        note(world, first, body="x" * 501)
    with pytest.raises(NotInGroup):
        note(world, first, author=world.facilitator)


def test_resend_gives_the_first_note(db, world, room):
    """The same submission key twice makes one note."""
    _, first, _ = room
    one, created = live.add_note(
        first,
        author=world.member,
        group=world.group,
        body="A",
        now=world.at(14),
        submission_key="k1",
    )
    two, again = live.add_note(
        first,
        author=world.member,
        group=world.group,
        body="A",
        now=world.at(14),
        submission_key="k1",
    )
    assert created and not again and one.id == two.id
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 1


def test_feeling_line_takes_marks_not_notes(db, world, make_workshop):
    """A statement of a feeling line refuses notes."""
    workshop = make_workshop("Tunteet", method=WorkshopMethod.FEELING_LINE)
    statement = workshops.add_workshop_prompt(
        workshop, question={"fi": "Olen toiveikas"}
    )
    with pytest.raises(live.UseMarks):
        note(world, statement)


def test_move_note_and_its_duplicates(db, world, room, make_workshop):
    """A moved note takes its duplicates along; another workshop's prompt is refused."""
    workshop, first, second = room
    target, duplicate = note(world, first, "A"), note(world, first, "A too")
    live.merge_notes(duplicate, target, actor=world.facilitator, now=world.at(14))
    assert live.move_note(target, second, actor=world.facilitator, now=world.at(14))
    db.session.commit()
    assert {target.prompt_id, duplicate.prompt_id} == {second.id}
    assert not live.move_note(target, second, actor=world.facilitator, now=world.at(14))
    other = make_workshop("Toinen")
    elsewhere = workshops.add_workshop_prompt(other, question={"fi": "Muu"})
    with pytest.raises(live.NotThisWorkshop):
        live.move_note(target, elsewhere, actor=world.facilitator, now=world.at(14))


def test_merge_rules_and_counts(db, world, room):
    """Merged notes are counted once and shown under their target; unmerge undoes it."""
    workshop, first, second = room
    target = note(world, first, "Target")
    dup1, dup2 = note(world, second, "Dup 1"), note(world, first, "Dup 2")
    with pytest.raises(live.CannotMergeIntoItself):
        live.merge_notes(target, target, actor=world.facilitator, now=world.at(14))
    live.merge_notes(dup1, target, actor=world.facilitator, now=world.at(14))
    live.merge_notes(dup2, target, actor=world.facilitator, now=world.at(14))
    with pytest.raises(live.CannotMergeIntoMerged):
        live.merge_notes(target, dup1, actor=world.facilitator, now=world.at(14))
    db.session.commit()
    assert dup1.prompt_id == first.id  # joins its target's prompt
    cards = live_queries.projector_notes(first)
    assert [card.note.id for card in cards] == [target.id]
    assert cards[0].similar == 2
    assert live_queries.note_counts(workshop) == {first.id: 1}
    live.unmerge_note(dup1, actor=world.facilitator, now=world.at(14))
    with pytest.raises(live.NotMerged):
        live.unmerge_note(dup1, actor=world.facilitator, now=world.at(14))
    assert live_queries.note_counts(workshop) == {first.id: 2}


def test_merging_a_target_moves_its_cluster(db, world, room):
    """Merging a note that has duplicates keeps clusters one level deep."""
    _, first, _ = room
    a, b, c = note(world, first, "a"), note(world, first, "b"), note(world, first, "c")
    live.merge_notes(b, a, actor=world.facilitator, now=world.at(14))
    live.merge_notes(a, c, actor=world.facilitator, now=world.at(14))
    assert a.merged_into_id == c.id and b.merged_into_id == c.id


def test_hide_and_restore_write_the_audit_log(db, world, room):
    """Hiding needs a reason; both actions are logged and change the version."""
    workshop, first, _ = room
    created = note(world, first)
    with pytest.raises(ReasonMissing):
        live.hide_note(created, actor=world.facilitator, reason="", now=world.at(14))
    before = version(workshop)
    live.hide_note(created, actor=world.facilitator, reason="Asiaton", now=world.at(14))
    db.session.commit()
    assert created.is_hidden and version(workshop) == before + 1
    assert live_queries.projector_notes(first) == []
    with pytest.raises(AlreadyHidden):
        live.hide_note(created, actor=world.facilitator, reason="x", now=world.at(14))
    live.restore_note(created, actor=world.facilitator, now=world.at(14, 5))
    db.session.commit()
    actions = db.session.scalars(
        sa.select(ModerationEvent.action).order_by(ModerationEvent.id)
    ).all()
    assert actions == [ModerationAction.HIDE, ModerationAction.RESTORE]
    assert len(live_queries.projector_notes(first)) == 1


def test_next_and_previous_prompt(db, world, room):
    """Next and previous step through the prompts in order and stop at the ends."""
    workshop, first, second = room
    assert live.next_prompt(workshop, actor=world.facilitator) == first
    assert live.next_prompt(workshop, actor=world.facilitator) == second
    assert live.next_prompt(workshop, actor=world.facilitator) is None
    assert workshop.current_prompt_id == second.id
    assert live.previous_prompt(workshop, actor=world.facilitator) == first
    live.set_current_prompt(workshop, None, actor=world.facilitator)
    assert workshop.current_prompt_id is None


def test_rotation_visits_every_station_once(db, world, make_workshop, create_group):
    """In n rounds each group is at each of the n stations exactly once."""
    workshop = make_workshop("Kävely", method=WorkshopMethod.PROCESS_WALK)
    stations = [
        workshops.add_workshop_prompt(workshop, question={"fi": f"Asema {n}"})
        for n in range(1, 5)
    ]
    groups = [world.group] + [create_group(world.process) for _ in range(3)]
    db.session.commit()
    visits = {group.id: [] for group in groups}
    for round_ in range(len(stations)):
        placed = live_queries.rotation(workshop, round_)
        assert len({prompt.id for prompt in placed.values()}) == len(stations)
        for group, station in placed.items():
            visits[group.id].append(station.id)
    for seen in visits.values():
        assert sorted(seen) == sorted(station.id for station in stations)


def test_rotation_groups_are_those_who_chose(
    db, world, make_workshop, create_group, create_user
):
    """When members chose the workshop, only their groups walk."""
    workshop = make_workshop("Kävely", method=WorkshopMethod.PROCESS_WALK)
    for n in (1, 2):
        workshops.add_workshop_prompt(workshop, question={"fi": f"Asema {n}"})
    create_group(world.process, members=(create_user(),))
    assert len(live_queries.workshop_groups(workshop)) == 2
    db.session.add(
        WorkshopChoice(
            workshop_id=workshop.id,
            agenda_item_id=workshop.agenda_item_id,
            user_id=world.member.id,
        )
    )
    db.session.commit()
    assert live_queries.workshop_groups(workshop) == [world.group]


def test_open_space_topics(db, world, make_workshop):
    """Members propose topics (at most 30); the facilitator deletes one."""
    workshop = make_workshop("Avoin tila", method=WorkshopMethod.OPEN_SPACE)
    topic = live_methods.propose_topic(
        workshop, author=world.member, question=" Opintopolut ", now=world.at(13, 40)
    )
    assert topic.proposed_by_id == world.member.id and topic.workshop_id == workshop.id
    assert topic.question == {"fi": "Opintopolut"}
    with pytest.raises(live_methods.TopicTooLong):
        live_methods.propose_topic(
            workshop, author=world.member, question="x" * 201, now=world.at(14)
        )
    with pytest.raises(NotAllowed):
        live_methods.propose_topic(
            workshop, author=world.observer, question="Q", now=world.at(14)
        )
    for n in range(29):
        live_methods.propose_topic(
            workshop, author=world.member, question=f"T{n}", now=world.at(14)
        )
    with pytest.raises(live_methods.TooManyTopics):
        live_methods.propose_topic(
            workshop, author=world.member, question="One more", now=world.at(14)
        )
    live_methods.delete_topic(topic, actor=world.facilitator)
    db.session.commit()
    assert db.session.get(Prompt, topic.id) is None
    assert len(workshop.prompts) == 29


def test_topics_only_in_open_space(world, room):
    """A buzz-group workshop takes no proposed topics."""
    workshop, _, _ = room
    with pytest.raises(live_methods.NotOpenSpace):
        live_methods.propose_topic(
            workshop, author=world.member, question="Q", now=world.at(14)
        )


def test_feeling_marks_and_distribution(db, world, make_workshop):
    """One mark per person and statement (a second replaces it); counts and mean."""
    workshop = make_workshop("Tunteet", method=WorkshopMethod.FEELING_LINE)
    statement = workshops.add_workshop_prompt(workshop, question={"fi": "Toiveikas"})
    empty = live_queries.distribution(statement)
    assert empty.total == 0 and empty.mean is None
    assert empty.counts == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    _, created = live_methods.set_mark(
        statement, user=world.member, value=2, now=world.at(14)
    )
    _, again = live_methods.set_mark(
        statement, user=world.member, value=4, now=world.at(14)
    )
    live_methods.set_mark(statement, user=world.other_member, value=5, now=world.at(14))
    db.session.commit()
    assert created and not again
    result = live_queries.distribution(statement)
    assert result.counts == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
    assert result.total == 2 and result.mean == 4.5
    with pytest.raises(live_methods.MarkOffScale):
        live_methods.set_mark(statement, user=world.member, value=6, now=world.at(14))
    with pytest.raises(NotAllowed):
        live_methods.set_mark(statement, user=world.observer, value=3, now=world.at(14))
    with pytest.raises(live.CaptureClosed):
        live_methods.set_mark(statement, user=world.member, value=3, now=world.at(17))
