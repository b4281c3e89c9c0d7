"""A process with a seminar phase (13.00–15.00 Helsinki, on a Wednesday to come)."""

from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace

import pytest

from app.i18n import HELSINKI
from app.models import AgendaKind, PhaseKind, Role
from app.seminars import services, services_workshops
from app.seminars.services import ensure_seminar


def seminar_day() -> date:
    """A Wednesday at least a month ahead, so the seminar is always in the future."""
    day = date.today() + timedelta(days=30)
    return day + timedelta(days=(2 - day.weekday()) % 7)


@pytest.fixture()
def world(db, create_user, create_process, create_phase, create_group):
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    member = create_user(Role.PARTICIPANT, name="Aino Aaltonen")
    other_member = create_user(Role.PARTICIPANT, name="Bertil Berg")
    process = create_process(facilitator=facilitator, observer=observer)
    group = create_group(process, members=(member, other_member))
    day = seminar_day()

    def at(hour: int, minute: int = 0, on: date | None = None) -> datetime:
        return datetime.combine(on or day, time(hour, minute), tzinfo=HELSINKI)

    def typed(hour: int, minute: int = 0, on: date | None = None) -> str:
        """The value a datetime-local input sends."""
        return f"{(on or day).isoformat()}T{hour:02d}:{minute:02d}"

    phase = create_phase(
        process,
        kind=PhaseKind.SEMINAR,
        title={"fi": "Työpajaseminaari", "en": "Workshop seminar"},
        starts_at=at(13),
        ends_at=at(15),
    )
    seminar = ensure_seminar(phase)
    db.session.commit()
    return SimpleNamespace(
        process=process,
        group=group,
        phase=phase,
        seminar=seminar,
        day=day,
        at=at,
        typed=typed,
        facilitator=facilitator,
        observer=observer,
        member=member,
        other_member=other_member,
        admin=create_user(Role.ADMIN),
        outsider=create_user(Role.FACILITATOR),
        base=f"/p/{process.slug}/seminars/{phase.id}",
    )


@pytest.fixture()
def block(db, world):
    """A workshop block 13.30–14.30."""
    item = services.add_agenda_item(
        world.seminar,
        kind=AgendaKind.WORKSHOPS,
        starts_at=world.at(13, 30),
        ends_at=world.at(14, 30),
        title={"fi": "Työpajat", "en": "Workshops"},
    )
    db.session.commit()
    return item


@pytest.fixture()
def make_workshop(db, block):
    """Add a workshop to the block: make_workshop("Title", seat_limit=2, ...)."""

    def _make(title: str = "Työpaja", **kwargs):
        workshop = services_workshops.add_workshop(
            kwargs.pop("block", block), title={"fi": title}, **kwargs
        )
        db.session.commit()
        return workshop

    return _make


@pytest.fixture()
def live_room(db, world, make_workshop):
    """A buzz-group workshop going on now, its first question on the wall:
    (workshop, first prompt, the workshop's address)."""
    from app.seminars import services_live

    now = datetime.now(UTC)
    world.phase.starts_at = now - timedelta(minutes=10)
    world.phase.ends_at = now + timedelta(hours=2)
    workshop = make_workshop("Porinat")
    first = services_workshops.add_workshop_prompt(
        workshop, question={"fi": "Mikä toimii?"}
    )
    services_live.set_current_prompt(workshop, first, actor=world.facilitator)
    db.session.commit()
    return workshop, first, f"/p/{world.process.slug}/workshops/{workshop.id}"


@pytest.fixture()
def talks(db, world):
    """The seminar going on now: an intro talk on now, a comment talk after it."""
    now = datetime.now(UTC)
    world.phase.starts_at = now - timedelta(minutes=10)
    world.phase.ends_at = now + timedelta(hours=2)
    on_now = services.add_agenda_item(
        world.seminar,
        kind=AgendaKind.INTRO_TALK,
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(minutes=20),
        title={"fi": "Alustus"},
        speaker="Anna Puhuja",
    )
    later = services.add_agenda_item(
        world.seminar,
        kind=AgendaKind.COMMENT_TALK,
        starts_at=now + timedelta(minutes=20),
        ends_at=now + timedelta(minutes=40),
        title={"fi": "Kommentti"},
    )
    db.session.commit()
    return on_now, later


@pytest.fixture()
def people(db, world, create_user, create_process, create_group):
    """A participant of another process, on top of the seminar's own people."""
    stranger = create_user(Role.PARTICIPANT)
    create_group(create_process(facilitator=world.outsider), members=(stranger,))
    db.session.commit()
    return {
        "facilitator": world.facilitator,
        "admin": world.admin,
        "observer": world.observer,
        "member": world.member,
        "other_facilitator": world.outsider,
        "stranger": stranger,
    }


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts (pages and the services' messages);
    the catalogues are tested elsewhere."""
    from flask_babel import force_locale

    with client.session_transaction() as session:
        session["lang"] = "en"
    with force_locale("en"):
        yield
