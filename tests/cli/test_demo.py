"""``flask demo load`` and ``flask demo accounts``: the Keski-Uusimaa demo process."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from freezegun import freeze_time

from app.auth.passwords import password_problems
from app.demo import DEMO_PASSWORD, KESKI_UUSIMAA, DemoClock, demo_spec
from app.groups.services import format_invite_code
from app.models import (
    GroupMembership,
    Organisation,
    OrganisationKind,
    Phase,
    PhaseKind,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Role,
    Theme,
    User,
    WorkGroup,
)
from tests.demo_snapshot import load_demo

HELSINKI = ZoneInfo("Europe/Helsinki")
TABLES = (
    User,
    Organisation,
    Process,
    ProcessRole,
    Phase,
    Theme,
    WorkGroup,
    GroupMembership,
)


@pytest.fixture(name="clock")
def clock_fixture():
    """Noon today in Helsinki, ticking on: every demo time counts from the load day,
    and the load and a test's expectations must share it (a run across midnight
    could otherwise split them). The other demo test modules import it."""
    real = DemoClock.current()
    with freeze_time(real.wall(real.today, "12:00"), tick=True):
        yield DemoClock.current()


@pytest.fixture(name="spec")
def spec_fixture(clock) -> dict:
    """The demo's data with its times placed on the load day's calendar."""
    return demo_spec(clock)


pytestmark = pytest.mark.usefixtures("clock")


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _counts(db) -> dict:
    return {model.__name__: _count(db, model) for model in TABLES}


def _participant_names() -> set[tuple[str, str]]:
    """(group, name) of every participant the demo data names: Olli and the authors."""
    names = {(p["group"], p["name"]) for p in KESKI_UUSIMAA["participants"]}
    for comment in KESKI_UUSIMAA["comments"]:
        names.add((comment["group"], comment["author"]))
        if comment.get("flag"):
            names.add((comment["flag"]["group"], comment["flag"]["by"]))
    return names


def _demo(db) -> Process:
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


def _user(db, email) -> User:
    return db.session.scalar(sa.select(User).where(User.email == email))


@pytest.fixture()
def loaded(runner, db):
    load_demo(runner, db)
    return _demo(db)


def test_load_creates_the_process(loaded):
    """The process has its slug, region, main language and three-language title."""
    assert loaded.region == "Keski-Uusimaa" and loaded.language == "fi"
    assert loaded.title["fi"] == "Alueellinen opiskeluhuollon kehittämisprosessi"
    assert set(loaded.title) == {"fi", "sv", "en"}
    assert set(loaded.description) == {"fi", "sv", "en"}
    assert "<li>" in loaded.description_html["fi"]


def test_load_creates_four_phases_in_the_seeds_order(loaded):
    """Seminar, discussion, seminar, discussion, numbered 1..4, each in three languages;
    then the feedback survey (app/demo/content/survey.toml) as phase 5."""
    phases = loaded.phases[:4]
    assert [p.kind for p in loaded.phases[4:]] == [PhaseKind.SURVEY]
    assert [p.position for p in phases] == [1, 2, 3, 4]
    assert [p.kind for p in phases] == [
        PhaseKind.SEMINAR,
        PhaseKind.DISCUSSION,
        PhaseKind.SEMINAR,
        PhaseKind.DISCUSSION,
    ]
    assert [p.title["fi"] for p in phases] == [
        "Alueellinen työpajaseminaari 1",
        "Alueellisen yhteistyön pohjustus – verkkokeskustelu",
        "Alueellinen työpajaseminaari 2",
        "Alueellisen yhteistyön jatkotyöstäminen – verkkokeskustelu",
    ]
    for phase in phases:
        assert set(phase.title) == set(phase.description) == {"fi", "sv", "en"}
        assert set(phase.description_html) == {"fi", "sv", "en"}


def test_phase_descriptions_carry_the_essentials(loaded):
    """Workshops, methods and questions of the seed are in the Finnish descriptions."""
    seminar_1, discussion_1, seminar_2, discussion_2 = (
        p.description["fi"] for p in loaded.phases[:4]
    )
    assert "13.00–15.00" in seminar_1
    assert (
        "Palveluiden järjestäminen" in seminar_1
        and "Osaamisen kehittämistarpeet" in seminar_1
    )
    assert "merkityksellistä kuulit videon keskustelussa" in discussion_1
    assert discussion_1.count("\n1. ") == 1 and "\n3. " in discussion_1
    assert "9.00–15.30" in seminar_2
    for method in ("tunnerivi", "prosessikävely", "aarrekartta", "open space"):
        assert method in seminar_2
    assert (
        "hyötyä yhteisestä työstämisestä" in discussion_2 and "Äänestys" in discussion_2
    )
    assert "<strong>Äänestys:</strong>" in loaded.phases[3].description_html["fi"]


def test_phase_times_are_helsinki_times_stored_in_utc(loaded, clock):
    """Counted from the load day: seminar 1 seven weeks ago 13.00–15.00, discussion 1
    closed 26 days ago, seminar 2 today (its phase 7.00–23.00 around the seed's
    9.00–15.30) and discussion 2 open from nine days ago for two weeks more."""
    seminar_1, discussion_1, seminar_2, discussion_2 = loaded.phases[:4]
    today = clock.today

    def local(value):
        assert value.utcoffset().total_seconds() == 0
        value = value.astimezone(HELSINKI)
        return (value.date() - today).days, value.hour, value.minute

    assert local(seminar_1.starts_at) == (-49, 13, 0)
    assert local(seminar_1.ends_at) == (-49, 15, 0)
    assert local(discussion_1.starts_at) == (-44, 9, 0)
    assert local(discussion_1.ends_at) == (-26, 16, 0)
    assert local(seminar_2.starts_at) == (0, 7, 0)
    assert local(seminar_2.ends_at) == (0, 23, 0)
    assert local(discussion_2.starts_at) == (-9, 9, 0)
    assert local(discussion_2.ends_at) == (14, 16, 0)
    assert discussion_1.ends_at < clock.now < discussion_2.ends_at
    assert seminar_2.starts_at + timedelta(hours=2) <= clock.now


def test_load_creates_the_twelve_themes_of_the_vote(loaded):
    """The twelve vote themes in the seed's order, Finnish exactly as written, translated."""
    themes = loaded.themes
    assert [t.position for t in themes] == list(range(1, 13))
    assert themes[0].title["fi"].startswith("Yhteinen alueellinen runkoehdotus")
    assert themes[7].title["fi"] == (
        "Lasten ja nuorten äänen kuuleminen – Mitä he odottavat hyvinvoinnin tuelta?"
    )
    assert themes[11].title["fi"] == (
        "Opiskelijahuollon henkilöstö, työn jatkuvuus, kelpoisuudet, rekrytointi, osaaminen"
    )
    assert all(set(t.title) == {"fi", "sv", "en"} for t in themes)


def test_load_creates_organisations_and_groups(loaded, db):
    """Eight organisations of three kinds; eight open groups with a contact person."""
    organisations = db.session.scalars(sa.select(Organisation)).all()
    assert len(organisations) == 8
    kinds = {o.name: o.kind for o in organisations}
    assert kinds["Keuda"] is OrganisationKind.EDUCATION_PROVIDER
    assert kinds["Nurmijärven kunta"] is OrganisationKind.MUNICIPALITY
    assert kinds["Keski-Uudenmaan hyvinvointialue"] is OrganisationKind.WELLBEING_COUNTY
    groups = loaded.work_groups
    assert len(groups) == 8
    assert all(g.invite_open and g.contact_name for g in groups)
    assert all(g.contact_email.endswith("@example.fi") for g in groups)
    hyvinkaa = next(g for g in groups if g.name == "Hyvinkään 0–25-ryhmä")
    assert hyvinkaa.organisation.name == "Hyvinkään kaupunki"


def test_load_creates_accounts_and_the_participant(loaded, db):
    """Three demo accounts with their roles and Olli, a participant in Validia's group."""
    assert _count(db, User) == 3 + len(_participant_names())
    admin = _user(db, "admin@example.fi")
    facilitator = _user(db, "fasilitaattori@example.fi")
    observer = _user(db, "tarkkailija@example.fi")
    assert (admin.role, admin.name) == (Role.ADMIN, "Ylläpitäjä")
    assert (facilitator.role, facilitator.name) == (
        Role.FACILITATOR,
        "Fasilitaattori Fanni",
    )
    assert (observer.role, observer.name) == (Role.MEMBER, "Tarkkailija Tero")
    assert loaded.role_of(facilitator) is ProcessRoleKind.FACILITATOR
    assert loaded.role_of(observer) is ProcessRoleKind.OBSERVER
    assert loaded.role_of(admin) is None
    for user in (admin, facilitator, observer):
        assert user.check_password(DEMO_PASSWORD)
    olli = db.session.scalar(sa.select(User).where(User.name == "Osallistuja Olli"))
    assert olli.role is Role.PARTICIPANT and olli.email is None
    assert [m.group.name for m in olli.memberships] == ["Validian opiskeluhuoltoryhmä"]


def test_demo_password_passes_the_policy():
    """The printed demo password is accepted by the password policy for every account."""
    for account in KESKI_UUSIMAA["accounts"]:
        assert password_problems(DEMO_PASSWORD, account["email"]) == []


def test_loading_twice_changes_no_counts(runner, db, loaded):
    """A second load creates nothing and keeps the invite codes."""
    before = _counts(db)
    codes = {g.name: g.invite_code for g in loaded.work_groups}
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Created: nothing new." in result.output
    db.session.expire_all()
    assert _counts(db) == before
    assert {g.name: g.invite_code for g in _demo(db).work_groups} == codes


def test_reload_sets_changed_texts_back(runner, db, loaded):
    """A phase title and a demo password changed since loading are set back."""
    loaded.phases[0].title = {"fi": "Muutettu"}
    _user(db, "tarkkailija@example.fi").set_password("toinen-pitka-salasana-77")
    db.session.commit()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Set back to the demo data" in result.output
    db.session.expire_all()
    assert _demo(db).phases[0].title["fi"] == "Alueellinen työpajaseminaari 1"
    assert _user(db, "tarkkailija@example.fi").check_password(DEMO_PASSWORD)


def test_if_empty_skips_when_a_process_exists(runner, db, create_process):
    """--if-empty leaves a database with any process alone."""
    create_process()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0
    assert "not loaded" in result.output
    assert _demo(db) is None
    assert _count(db, Process) == 1


def test_if_empty_loads_into_an_empty_database(runner, db):
    """--if-empty loads when there are no processes."""
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert _demo(db) is not None


def test_accounts_prints_emails_password_and_codes(runner, loaded):
    """The accounts command lists each demo account, its password and every group's code."""
    result = runner.invoke(args=["demo", "accounts"])
    assert result.exit_code == 0, result.output
    for email in (
        "admin@example.fi",
        "fasilitaattori@example.fi",
        "tarkkailija@example.fi",
    ):
        assert email in result.output
    assert DEMO_PASSWORD in result.output
    assert "http://127.0.0.1:5000/join" in result.output
    for group in loaded.work_groups:
        code = group.invite_code
        assert f"{format_invite_code(code)}  {group.name}" in result.output


def test_accounts_marks_a_changed_password(runner, db, loaded):
    """A password changed after loading is not printed as if it still worked."""
    _user(db, "admin@example.fi").set_password("toinen-pitka-salasana-77")
    db.session.commit()
    result = runner.invoke(args=["demo", "accounts"])
    admin_line = next(
        line for line in result.output.splitlines() if "admin@example.fi" in line
    )
    assert "changed since loading" in admin_line and DEMO_PASSWORD not in admin_line


def test_accounts_without_the_demo(runner, db):
    """Before loading, the command says how to load (and still succeeds, for make run)."""
    result = runner.invoke(args=["demo", "accounts"])
    assert result.exit_code == 0
    assert "flask --app app demo load" in result.output


def test_demo_accounts_can_sign_in_and_see_the_process(runner, client, auth, loaded):
    """The facilitator signs in with the demo password and sees the process page."""
    response = auth.login("fasilitaattori@example.fi", DEMO_PASSWORD)
    assert response.status_code == 302
    page = client.get("/p/keski-uusimaa/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert (
        "Alueellinen työpajaseminaari 2" in html
        or "Regional workshop seminar 2" in html
    )


def test_load_refuses_production_settings_without_the_flag(runner, app, db):
    """The demo's published password never reaches production by accident."""
    import sqlalchemy as sa

    from app.models import Process

    app.config["ENV_NAME"] = "production"
    try:
        refused = runner.invoke(args=["demo", "load"])
        assert refused.exit_code == 1
        assert "--allow-production" in refused.output
        assert db.session.scalar(sa.select(sa.func.count(Process.id))) == 0
        allowed = runner.invoke(args=["demo", "load", "--allow-production"])
        assert allowed.exit_code == 0, allowed.output
    finally:
        app.config["ENV_NAME"] = "testing"
    assert db.session.scalar(sa.select(sa.func.count(Process.id))) == 1


def test_demo_discussions_have_the_seed_questions(loaded, db):
    """Both online discussions carry their questions from the seed, in order."""
    import sqlalchemy as sa

    from app.models import Phase, PhaseKind

    phases = db.session.scalars(
        sa.select(Phase)
        .where(Phase.kind == PhaseKind.DISCUSSION)
        .order_by(Phase.position)
    ).all()
    questions = [
        [p.question["fi"] for p in phase.discussion.prompts] for phase in phases
    ]
    assert [len(q) for q in questions] == [3, 2]
    assert (
        questions[0][0] == "Mitä sinulle merkityksellistä kuulit videon keskustelussa?"
    )
    assert questions[1][1].startswith("Mihin asioihin kannattaisi")
