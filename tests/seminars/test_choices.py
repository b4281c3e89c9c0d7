"""Workshop choices: one per person and block, seat limits, changing and cancelling."""

from datetime import UTC, datetime, timedelta

import pytest

from app.errors import NotAllowed
from app.models import AgendaKind, WorkshopChoice
from app.seminars import queries_choices, services, services_choices
from app.seminars.services_choices import choose_workshop


@pytest.fixture()
def now():
    return datetime.now(UTC)


def count_choices(db):
    return db.session.query(WorkshopChoice).count()


def test_a_member_takes_a_place(db, world, make_workshop, now):
    """The first choice creates a place; choosing again changes nothing."""
    workshop = make_workshop(seat_limit=5)
    choice, changed = choose_workshop(workshop, user=world.member, now=now)
    db.session.commit()
    assert changed and choice.workshop_id == workshop.id
    assert choice.agenda_item_id == workshop.agenda_item_id
    _again, changed = choose_workshop(workshop, user=world.member, now=now)
    assert not changed
    assert services_choices.seats_taken(workshop) == 1


def test_changing_replaces_the_earlier_choice(db, world, make_workshop, now):
    """One workshop per person and block: a new choice moves the person."""
    first, second = make_workshop("A"), make_workshop("B")
    choose_workshop(first, user=world.member, now=now)
    choose_workshop(second, user=world.member, now=now)
    db.session.commit()
    assert count_choices(db) == 1
    assert queries_choices.my_choices(world.seminar, world.member) == {
        first.agenda_item_id: second.id
    }


def test_another_block_is_a_separate_choice(db, world, make_workshop, now):
    """Two workshop blocks: one place in each."""
    later = services.add_agenda_item(
        world.seminar,
        kind=AgendaKind.WORKSHOPS,
        starts_at=world.at(14, 30),
        ends_at=world.at(15),
        title={"fi": "Toinen kierros"},
    )
    first = make_workshop("A")
    other = make_workshop("B", block=later)
    choose_workshop(first, user=world.member, now=now)
    choose_workshop(other, user=world.member, now=now)
    db.session.commit()
    assert count_choices(db) == 2


def test_a_full_workshop_refuses(db, world, make_workshop, now):
    """The last place goes to the first; the next is told the workshop is full."""
    workshop = make_workshop(seat_limit=1)
    choose_workshop(workshop, user=world.member, now=now)
    db.session.commit()
    with pytest.raises(services_choices.WorkshopFull) as error:
        choose_workshop(workshop, user=world.other_member, now=now)
    assert str(error.value) == "This workshop is full: choose another one."


def test_a_full_workshop_keeps_the_earlier_choice(db, world, make_workshop, now):
    """Changing to a full workshop fails and the person keeps their place."""
    full, mine = make_workshop("Full", seat_limit=1), make_workshop("Mine")
    choose_workshop(full, user=world.member, now=now)
    choose_workshop(mine, user=world.other_member, now=now)
    db.session.commit()
    with pytest.raises(services_choices.WorkshopFull):
        choose_workshop(full, user=world.other_member, now=now)
    db.session.rollback()
    assert queries_choices.my_choices(world.seminar, world.other_member) == {
        mine.agenda_item_id: mine.id
    }


def test_leaving_frees_a_place(db, world, make_workshop, now):
    """A cancelled or changed choice gives the place to the next person."""
    workshop, other = make_workshop("A", seat_limit=1), make_workshop("B")
    choose_workshop(workshop, user=world.member, now=now)
    choose_workshop(other, user=world.member, now=now)  # a change frees the place
    choose_workshop(workshop, user=world.other_member, now=now)
    db.session.commit()
    services_choices.cancel_choice(workshop, user=world.other_member, now=now)
    db.session.commit()
    assert services_choices.seats_taken(workshop) == 0
    with pytest.raises(services_choices.NoChoice):
        services_choices.cancel_choice(workshop, user=world.other_member, now=now)


def test_a_lower_limit_keeps_the_places_taken(db, world, make_workshop, now):
    """Lowering the limit below the places taken keeps them; it just shows full."""
    from app.seminars.services_workshops import update_workshop

    workshop = make_workshop(seat_limit=5)
    choose_workshop(workshop, user=world.member, now=now)
    choose_workshop(workshop, user=world.other_member, now=now)
    update_workshop(workshop, title={"fi": "Työpaja"}, seat_limit=1)
    db.session.commit()
    assert queries_choices.seat_counts(world.seminar) == {workshop.id: 2}
    assert services_choices.is_full(workshop, 2)


def test_only_members_choose(world, make_workshop, now):
    """Facilitators and observers have no work group: no place for them."""
    workshop = make_workshop()
    for person in (world.facilitator, world.observer, world.outsider):
        with pytest.raises(NotAllowed):
            choose_workshop(workshop, user=person, now=now)


def test_choices_close_when_the_seminar_ends(world, make_workshop):
    """After the end no one chooses, changes or cancels."""
    workshop = make_workshop()
    after = world.phase.ends_at + timedelta(minutes=1)
    with pytest.raises(services_choices.ChoicesClosed):
        choose_workshop(workshop, user=world.member, now=after)
    with pytest.raises(services_choices.ChoicesClosed):
        services_choices.cancel_choice(workshop, user=world.member, now=after)
    # On the spot is fine: during the seminar.
    choice, _ = choose_workshop(workshop, user=world.member, now=world.at(13, 40))
    assert choice.id


def test_choosers_are_listed_by_name(db, world, make_workshop, now):
    """The facilitators' list: who chose each workshop, alphabetically."""
    workshop = make_workshop()
    choose_workshop(workshop, user=world.other_member, now=now)
    choose_workshop(workshop, user=world.member, now=now)
    db.session.commit()
    people = queries_choices.choosers(world.seminar)
    assert [p.name for p in people[workshop.id]] == ["Aino Aaltonen", "Bertil Berg"]
