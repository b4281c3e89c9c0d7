"""The demo's two workshop seminars: agendas, workshops and methods as the seed has them.

The expected values below are taken from the seed document ("Osallistavan
työskentelyn menetelmäkuvaukset": "Alueellinen työpajaseminaari 1." and "2."); each
group of them quotes the seed line it comes from.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from app.demo import DemoClock, demo_spec
from app.models import (
    AgendaItem,
    AgendaKind,
    Process,
    Prompt,
    Seminar,
    Workshop,
    WorkshopMethod,
)
from tests.demo_snapshot import load_demo

from .test_demo import clock_fixture, spec_fixture  # noqa: F401  (shared fixtures)

HELSINKI = ZoneInfo("Europe/Helsinki")
TABLES = (Seminar, AgendaItem, Workshop, Prompt)
LANGUAGES = {"fi", "sv", "en"}

pytestmark = pytest.mark.usefixtures("clock")


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _counts(db) -> dict:
    return {model.__name__: _count(db, model) for model in TABLES}


def _load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result


def _demo(db) -> Process:
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


def _seminar(db, position: int) -> Seminar:
    return next(p for p in _demo(db).phases if p.position == position).seminar


def _clock(value: datetime) -> str:
    """A stored time as Helsinki wall-clock, written as the seed writes it ("9.00")."""
    local = value.astimezone(HELSINKI)
    return f"{local.hour}.{local.minute:02d}"


def _agenda(seminar: Seminar) -> list[tuple]:
    return [
        (item.kind, _clock(item.starts_at), _clock(item.ends_at), item.title["fi"])
        for item in seminar.agenda
    ]


def _block(seminar: Seminar, number: int = 1) -> AgendaItem:
    """The seminar's ``number``-th workshop block."""
    blocks = [i for i in seminar.agenda if i.kind is AgendaKind.WORKSHOPS]
    return blocks[number - 1]


@pytest.fixture()
def loaded(runner, db):
    """The demo (tests/demo_snapshot.py)."""
    load_demo(runner, db)


# The data itself ------------------------------------------------------------------


def _translated(data: dict):
    """Every translated text of a seminar's data, with where it is."""
    yield "goal", data["goal"]
    yield "expected output", data["expected_output"]
    for item in data["agenda"]:
        yield "agenda title", item["title"]
        if item["description"]:
            yield "agenda description", item["description"]
        for workshop in item["workshops"]:
            yield "workshop title", workshop["title"]
            yield "workshop description", workshop["description"]
            for question in workshop["prompts"]:
                yield "prompt", question


def test_data_is_in_three_languages(spec):
    """Every text of both seminars has Finnish, Swedish and English, none empty."""
    for data in spec["seminars"]:
        for where, texts in _translated(data):
            assert set(texts) == LANGUAGES, where
            assert all(text.strip() for text in texts.values()), where


def test_data_agendas_fill_the_phase_without_gaps(spec):
    """Each agenda runs item after item without gaps: the first seminar's from its
    phase's start to its end; today's seminar's inside its phase, which opens two
    hours before the agenda and stays open into the evening for the phones."""
    first, second = spec["seminars"]
    for data in spec["seminars"]:
        phase = spec["phases"][data["phase"] - 1]
        agenda = data["agenda"]
        if data is first:
            assert agenda[0]["starts_at"] == phase["starts_at"]
            assert agenda[-1]["ends_at"] == phase["ends_at"]
        else:
            assert agenda[0]["starts_at"] - phase["starts_at"] >= timedelta(hours=2)
            assert phase["ends_at"] - agenda[-1]["ends_at"] >= timedelta(hours=7)
        for before, after in zip(agenda, agenda[1:], strict=False):
            assert before["starts_at"] < before["ends_at"] == after["starts_at"]


# Loading ----------------------------------------------------------------------------


def test_load_creates_both_seminars(db, runner):
    """Phases 1 and 3 (the seminar phases) get place, goal and output; the rows are counted."""
    loaded = _load(runner)
    for position in (1, 3):
        seminar = _seminar(db, position)
        assert seminar.place and seminar.online_url == ""
        assert set(seminar.goal) == set(seminar.goal_html) == LANGUAGES
        assert set(seminar.expected_output) == LANGUAGES
        assert "<li>" in seminar.goal_html["fi"]
        assert "<li>" in seminar.expected_output_html["en"]
    assert _count(db, Seminar) == 2
    for label in (
        "2 seminar,",
        "12 agenda item,",
        "6 workshop,",
        "19 workshop prompt.",
    ):
        assert label in loaded.output


def test_goals_and_outputs_quote_the_seed(db, loaded):
    """The Finnish goal and output carry the seed's own sentences."""
    first, second = _seminar(db, 1), _seminar(db, 3)
    # "valmistautumaan oppilas- ja opiskelijahuoltolain uudistukseen"
    assert (
        "valmistautumaan oppilas- ja opiskelijahuoltolain uudistukseen"
        in (first.goal["fi"])
    )
    # "Alueellisen yhteistyön mahdollisuuksien kartoittaminen"
    assert "Alueellisen yhteistyön mahdollisuuksien kartoittaminen" in first.goal["fi"]
    # "Työpajaseminaarin kommenttipuheenvuoroista ja keskusteluista kootaan muistiot"
    assert first.expected_output["fi"].startswith(
        "Työpajaseminaarin kommenttipuheenvuoroista ja keskusteluista kootaan muistiot"
    )
    # "Tarkoituksena on edistää alueellista yhteistyötä ja vuorovaikutusta"
    assert "edistää alueellista yhteistyötä ja vuorovaikutusta" in second.goal["fi"]
    # "Mistä puhumme paljon, mistä vähän ja mistä ei puhuta, mutta pitäisi"
    assert "mistä ei puhuta, mutta pitäisi" in second.expected_output["fi"]


def test_first_seminar_agenda_matches_the_seed(db, loaded):
    """Three intro talks, comment talks, the workshops and the wrap-up, 13.00–15.00."""
    seminar = _seminar(db, 1)
    agenda = _agenda(seminar)
    # "Seminaari kestää iltapäivän klo 13.00-15.00"
    assert agenda[0][1] == "13.00" and agenda[-1][2] == "15.00"
    assert [kind for kind, *_ in agenda] == [
        # "Keskustelujen pohjustukseksi käydään esittelypuheenvuoroja seuraavista
        # teemoista:" (three of them)
        AgendaKind.INTRO_TALK,
        AgendaKind.INTRO_TALK,
        AgendaKind.INTRO_TALK,
        # "Puheenvuorojen jälkeen jaettiin kommenttipuheenvuoroja ja käytiin yhteistä
        # keskustelua"
        AgendaKind.COMMENT_TALK,
        # "Tämän jälkeen osallistujat jakaantuivat työpajoihin."
        AgendaKind.WORKSHOPS,
        # "Keskustelujen tuotokset esitellään kaikille. Lopuksi sovitaan alueellisen
        # yhteistyön jatkamisesta."
        AgendaKind.WRAP_UP,
    ]
    assert [title for *_, title in agenda[:3]] == [
        # " oppilas- ja opiskelijahuollon lain uudistuminen hyvinvoivan
        # oppimisympäristön edistäjänä"
        "Oppilas- ja opiskelijahuollon lain uudistuminen hyvinvoivan "
        "oppimisympäristön edistäjänä",
        # " nuorten yhteiskuntatakuun alueellinen malli"
        "Nuorten yhteiskuntatakuun alueellinen malli",
        # " oppilas- ja opiskelijahuollon lakiuudistuksen sisältö"
        "Oppilas- ja opiskelijahuollon lakiuudistuksen sisältö",
    ]
    # The seed times only the whole afternoon; the split in between is the demo's.
    assert [(start, end) for _, start, end, _ in agenda] == [
        ("13.00", "13.15"),
        ("13.15", "13.30"),
        ("13.30", "13.45"),
        ("13.45", "14.05"),
        ("14.05", "14.40"),
        ("14.40", "15.00"),
    ]
    # "Kokoava yhteiskeskustelu" (the seed's "Miten työskentelimme")
    assert agenda[-1][3] == "Kokoava yhteiskeskustelu"
    for item in seminar.agenda:
        if item.kind in (AgendaKind.INTRO_TALK, AgendaKind.COMMENT_TALK):
            assert item.speaker, "every talk names its speaker's role"


def test_second_seminar_agenda_matches_the_seed(db, loaded):
    """Two intro talks, the morning buzz groups, lunch, the workshops, the wrap-up."""
    seminar = _seminar(db, 3)
    agenda = _agenda(seminar)
    # "Seminaari kestää koko päivän klo 9-15.30"
    assert agenda[0][1] == "9.00" and agenda[-1][2] == "15.30"
    assert [kind for kind, *_ in agenda] == [
        # "Seminaarin alussa esitellään yhteinen pohjustus oppilas- ja
        # opiskelijahuoltolain uudistuksesta ja yhteisöllisen oppilaitoksen
        # kehittämisestä."
        AgendaKind.INTRO_TALK,
        AgendaKind.INTRO_TALK,
        # "aamupäivän yhteisöllisyys-työskentelyn" (with "Porinaryhmät")
        AgendaKind.WORKSHOPS,
        # Not in the seed: a full day has a lunch break.
        AgendaKind.BREAK,
        # "Sen jälkeen osallistujat valitsevat haluamansa työpajan"
        AgendaKind.WORKSHOPS,
        # "Työpajojen keskustelujen tuotoksen esitellään lopuksi kaikille.
        # Loppukoonti toteutetaan seminaarin vetäjien kootessa keskustelut"
        AgendaKind.WRAP_UP,
    ]
    assert [title for *_, title in agenda[:2]] == [
        "Oppilas- ja opiskelijahuoltolain uudistus",
        "Yhteisöllisen oppilaitoksen kehittäminen",
    ]
    # The seed times only the whole day; the split in between is the demo's.
    assert [(start, end) for _, start, end, _ in agenda] == [
        ("9.00", "9.45"),
        ("9.45", "10.30"),
        ("10.30", "11.30"),
        ("11.30", "12.15"),
        ("12.15", "14.30"),
        ("14.30", "15.30"),
    ]
    assert seminar.agenda[-1].speaker == "Seminaarin vetäjät"


def test_agenda_times_are_helsinki_wall_clock_stored_in_utc(db, loaded, clock):
    """The first seminar 13.00–15.00 seven weeks before the load day, the second
    9.00–15.30 on the load day: Helsinki wall-clock times, stored in UTC."""
    db.session.expire_all()
    first, second = _seminar(db, 1), _seminar(db, 3)

    def helsinki(days: int, hour: int, minute: int = 0) -> datetime:
        day = clock.today + timedelta(days=days)
        local = datetime.combine(day, time(hour, minute), tzinfo=HELSINKI)
        return local.astimezone(UTC)

    assert first.agenda[0].starts_at == helsinki(-49, 13) == first.phase.starts_at
    assert first.agenda[-1].ends_at == helsinki(-49, 15) == first.phase.ends_at
    assert second.agenda[0].starts_at == helsinki(0, 9)
    assert second.agenda[-1].ends_at == helsinki(0, 15, 30)
    assert second.phase.starts_at < second.agenda[0].starts_at
    assert second.agenda[-1].ends_at < second.phase.ends_at
    for seminar in (first, second):
        phase = seminar.phase
        for item in seminar.agenda:
            assert item.starts_at.utcoffset().total_seconds() == 0
            local = item.starts_at.astimezone(HELSINKI).date()
            assert local == phase.starts_at.astimezone(HELSINKI).date()


def test_first_seminar_workshops_match_the_seed(db, loaded):
    """Two workshops on the seed's topics, run as buzz groups, with their prompts."""
    workshops = _block(_seminar(db, 1)).workshops
    # "1. Palveluiden järjestäminen" / "2. Osaamisen kehittämistarpeet"
    assert [w.title["fi"] for w in workshops] == [
        "Palveluiden järjestäminen",
        "Osaamisen kehittämistarpeet",
    ]
    # The seed names no method for this seminar: "keskustella ja koota" in groups.
    assert {w.method for w in workshops} == {WorkshopMethod.BUZZ_GROUPS}
    services, competence = workshops
    # " kunnan ja koulutuksen järjestäjän yhteistyö"
    assert "Kunnan ja koulutuksen järjestäjän yhteistyö" in services.description["fi"]
    # "koota aiheisiin liittyviä tavoitteita, tahtoa, toiveita ja tarpeita"
    assert [p.question["fi"].split(":")[0] for p in services.prompts] == [
        "Tavoitteet",
        "Tahto",
        "Toiveet",
        "Tarpeet",
    ]
    # " oppilaitoksen henkilöstö", " opiskelijahuollon henkilöstö",
    # " opiskeluterveyden-huollon henkilöstö" (the seed's "Mitä tuloksena")
    assert [p.question["fi"].split(":")[0] for p in competence.prompts] == [
        "Oppilaitoksen henkilöstö",
        "Opiskelijahuollon henkilöstö",
        "Opiskeluterveydenhuollon henkilöstö",
    ]
    for workshop in workshops:
        assert workshop.facilitator_name and workshop.room
        assert workshop.seat_limit == 40


def test_second_seminar_workshops_and_methods_match_the_seed(db, loaded):
    """Morning buzz groups; afternoon workshops 1–3 with their methods."""
    seminar = _seminar(db, 3)
    morning, afternoon = _block(seminar, 1), _block(seminar, 2)
    # "Porinaryhmät", for everyone: one workshop and no seat limit.
    assert [(w.method, w.seat_limit) for w in morning.workshops] == [
        (WorkshopMethod.BUZZ_GROUPS, None)
    ]
    assert [(w.title["fi"], w.method) for w in afternoon.workshops] == [
        # "Työpaja 1. Mitä lakimuutos tarkoittaa meidän oppilaitoksessa ja minun
        # työssä?" – "menetelminä käytetään tunneriviä ja prosessikävelyä"
        (
            "Mitä lakimuutos tarkoittaa meidän oppilaitoksessa ja minun työssä?",
            WorkshopMethod.PROCESS_WALK,
        ),
        # "Työpaja 2. Opiskelijahuollon kokonaisuus lakiuudistuksen jälkeen" –
        # "tulevaisuustyöskentelyn aarrekartta -menetelmää"
        (
            "Opiskelijahuollon kokonaisuus lakiuudistuksen jälkeen",
            WorkshopMethod.TREASURE_MAP,
        ),
        # "Työpaja 3. Yhteisöllisyys käytännössä" – "open space -menetelmää"
        ("Yhteisöllisyys käytännössä", WorkshopMethod.OPEN_SPACE),
    ]
    walk, _, open_space = afternoon.workshops
    # One method per workshop: the feeling line that opens workshop 1 is described.
    assert "tunnerivillä" in walk.description["fi"]
    assert open_space.seat_limit is None
    assert all(w.facilitator_name and w.room for w in afternoon.workshops)


def test_process_walk_and_open_space_prompts_quote_the_seed(db, loaded):
    """The stations and the open-space questions are the seed's questions."""
    walk, treasure, open_space = _block(_seminar(db, 3), 2).workshops
    stations = [p.question["fi"] for p in walk.prompts]
    # " Mitkä asiat teidän oppilaitoksessa synnyttävät eniten keskustelua?"
    assert stations[0] == (
        "Mitkä asiat teidän oppilaitoksessa synnyttävät eniten keskustelua?"
    )
    # " Onko jotain lakimuutoksen vaikutusta mistä ei ole vielä keskusteltu lainkaan?"
    assert "ei ole vielä keskusteltu lainkaan" in stations[1]
    # "mitä lakimuutos tarkoittaa omassa työyhteisössäni ja työssäni?"
    assert (
        stations[2] == "Mitä lakimuutos tarkoittaa omassa työyhteisössäni ja työssäni?"
    )
    assert len(stations) == 4
    # " Kuinka kehitetään yhteisöllistä oppilaitosta?"
    # " Mitä yhteisöllisyys tarkoittaa oppilas- ja opiskelijahuollon näkökulmasta
    # käytännön tasolla?"
    # The seed's questions; the demo's open-space topics (content/notes.toml) follow them.
    seed_questions = [p for p in open_space.prompts if p.proposed_by_id is None]
    assert [p.question["fi"] for p in seed_questions] == [
        "Kuinka kehitetään yhteisöllistä oppilaitosta?",
        "Mitä yhteisöllisyys tarkoittaa oppilas- ja opiskelijahuollon näkökulmasta "
        "käytännön tasolla?",
    ]
    # " Voimmeko luoda yhteisen rakenteen hyvinvointisuunnitelmille?"
    assert "yhteisen rakenteen hyvinvointisuunnitelmille" in treasure.description["fi"]


def test_treasure_map_has_now_steps_and_goal(db, loaded):
    """The treasure map's three parts, in order, in every language."""
    treasure = _block(_seminar(db, 3), 2).workshops[1]
    assert treasure.method is WorkshopMethod.TREASURE_MAP
    prompts = treasure.prompts
    assert [p.question["fi"].split(":")[0] for p in prompts] == [
        "Nyt",
        "Askeleet",
        "Tavoite",
    ]
    assert [p.question["sv"].split(":")[0] for p in prompts] == ["Nu", "Steg", "Mål"]
    assert [p.question["en"].split(":")[0] for p in prompts] == [
        "Now",
        "Steps",
        "Goal",
    ]
    # "Missä olemme nyt?" / "Mitkä askeleet vievät työtä eteenpäin" /
    # "Missä haluan, että olemme kahden vuoden kuluttua?"
    assert "missä olemme nyt?" in prompts[0].question["fi"]
    assert "askeleet vievät työtä eteenpäin" in prompts[1].question["fi"]
    assert "kahden vuoden kuluttua" in prompts[2].question["fi"]


def test_workshop_prompts_belong_to_their_workshop_only(db, loaded):
    """Prompts are numbered from 1, owned by the workshop, in three languages."""
    process = _demo(db)
    workshops = db.session.scalars(sa.select(Workshop)).all()
    assert len(workshops) == 6
    for workshop in workshops:
        prompts = workshop.prompts
        assert [p.position for p in prompts] == list(range(1, len(prompts) + 1))
        for prompt in prompts:
            assert prompt.discussion_id is None
            # A participant's open-space topic is in the process language only.
            languages = LANGUAGES if prompt.proposed_by_id is None else {"fi"}
            assert set(prompt.question) == languages
            assert prompt.process is process
    assert "<li>" in _block(_seminar(db, 3), 2).workshops[1].description_html["fi"]


# Loading again ----------------------------------------------------------------------


def test_loading_twice_creates_nothing_new(runner, db, loaded):
    """A second load adds no seminar, agenda item, workshop or prompt, and sets none back."""
    before = _counts(db)
    result = _load(runner)
    assert "Created: nothing new." in result.output
    assert "Set back" not in result.output
    db.session.expire_all()
    assert _counts(db) == before


def test_reload_sets_changed_settings_back(runner, db, loaded):
    """Changed place, time, method and question go back; live state and extras stay."""
    seminar = _seminar(db, 3)
    seminar.place = "Muualla"
    seminar.agenda[0].starts_at -= timedelta(hours=1)
    walk = _block(seminar, 2).workshops[0]
    walk.method = WorkshopMethod.FEELING_LINE
    walk.seat_limit = 5
    walk.prompts[0].question = {"fi": "Muutettu"}
    # Things done while trying the demo: a station of one's own, the room's progress.
    extra = Prompt(workshop=walk, position=9, question={"fi": "Oma asema"})
    db.session.add(extra)
    db.session.flush()
    walk.current_prompt_id = walk.prompts[1].id
    db.session.commit()
    before = _counts(db)
    result = _load(runner)
    assert (
        "Set back to the demo data: "
        # The walk's memo, untouched by users, follows the station added in the app.
        "1 agenda item, 1 memo, 1 seminar, 1 workshop, 1 workshop prompt."
        in result.output
    )
    assert "Created: nothing new." in result.output
    db.session.expire_all()
    assert _counts(db) == before
    seminar = _seminar(db, 3)
    assert seminar.place == "Hyvinkään kaupungintalo, Hyvinkää"
    assert _clock(seminar.agenda[0].starts_at) == "9.00"
    walk = _block(seminar, 2).workshops[0]
    assert (walk.method, walk.seat_limit) == (WorkshopMethod.PROCESS_WALK, 30)
    assert walk.prompts[0].question["fi"].startswith("Mitkä asiat")
    assert walk.prompts[-1].question == {"fi": "Oma asema"}
    assert walk.current_prompt_id == walk.prompts[1].id


def test_reload_recreates_a_deleted_workshop(runner, db, loaded):
    """A workshop deleted while trying the demo comes back with its prompts."""
    treasure = _block(_seminar(db, 3), 2).workshops[1]
    db.session.delete(treasure)
    db.session.commit()
    result = _load(runner)
    # With its example notes and its memo (content/notes.toml), and its open quick
    # vote with its ballots (content/live.toml).
    assert (
        "1 memo, 1 quick vote, 9 quick vote ballot, 1 workshop, 18 workshop note, "
        "3 workshop prompt." in result.output
    )
    db.session.expire_all()
    treasure = _block(_seminar(db, 3), 2).workshops[1]
    assert treasure.method is WorkshopMethod.TREASURE_MAP
    assert len(treasure.prompts) == 3


def test_reload_recreates_a_deleted_seminar(runner, db, loaded):
    """A seminar phase without its seminar gets it back, agenda and workshops too,
    with its questions to the speakers and its closed quick vote (content/live.toml)."""
    db.session.delete(_seminar(db, 1))
    db.session.commit()
    assert _seminar(db, 1) is None
    result = _load(runner)
    assert (
        "Created: 6 agenda item, 3 memo, 1 moderation event, 53 question like, "
        "1 quick vote, 19 quick vote ballot, 1 seminar, 9 speaker question, "
        "2 workshop, 40 workshop note, 7 workshop prompt." in result.output
    )
    db.session.expire_all()
    assert len(_seminar(db, 1).agenda) == 6


def test_a_load_just_after_midnight_keeps_the_seminar_on_the_load_day():
    """Loaded at 0.30 in Helsinki, today's seminar opens at 22.00 the evening before
    (two hours before the load), and its agenda and notes stay on the load day,
    inside the phase; the first seminar's day is the one its start names."""
    clock = DemoClock(datetime(2027, 12, 7, 22, 30, tzinfo=UTC))
    spec = demo_spec(clock)
    phase = spec["phases"][2]
    assert clock.today.isoformat() == "2027-12-08"
    assert phase["starts_at"] == datetime(2027, 12, 7, 20, 0, tzinfo=UTC)
    agenda = spec["seminars"][1]["agenda"]
    assert agenda[0]["starts_at"] == clock.wall(clock.today, "09:00")
    assert agenda[-1]["ends_at"] == clock.wall(clock.today, "15:30")
    notes = [
        note["at"]
        for workshop in spec["notes"]["workshops"]
        if workshop["phase"] == 3
        for items in workshop["prompts"]
        for note in items
    ]
    assert notes
    assert all(phase["starts_at"] < at < phase["ends_at"] for at in notes)
    first = spec["seminars"][0]["agenda"][0]["starts_at"]
    assert first == clock.wall(clock.today - timedelta(days=49), "13:00")
