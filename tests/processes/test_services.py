"""Phase, theme and team rules, tested without HTTP."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from flask_babel import force_locale

from app.errors import (
    AccountNotFound,
    AlreadyInTeam,
    InvalidSchedule,
    LastFacilitator,
    MissingTitle,
    NotTeamEligible,
)
from app.i18n import clean_texts
from app.models import Phase, PhaseKind, ProcessRole, ProcessRoleKind, Role, Theme
from app.processes import services_phases, services_team, services_themes

HELSINKI = ZoneInfo("Europe/Helsinki")


def positions(items) -> list[tuple[str, int]]:
    """(Finnish title, position) in the stored order."""
    return [(item.title["fi"], item.position) for item in items]


def titles(process, attr="phases") -> list[str]:
    return [item.title["fi"] for item in getattr(process, attr)]


@pytest.fixture()
def process(create_user, create_process):
    return create_process(facilitator=create_user(Role.FACILITATOR), language="fi")


@pytest.fixture()
def three_phases(db, process):
    for name in ("A", "B", "C"):
        services_phases.add_phase(process, kind="seminar", title={"fi": name})
    db.session.commit()
    return process


@pytest.fixture()
def three_themes(db, process):
    for name in ("A", "B", "C"):
        services_themes.add_theme(process, title={"fi": name})
    db.session.commit()
    return process


# Texts ----------------------------------------------------------------------


def test_clean_texts_drops_blanks_and_unknown_languages():
    """Only fi/sv/en with real text survive, stripped."""
    assert clean_texts({"fi": "  Hei ", "sv": "   ", "de": "Hallo", "en": ""}) == {
        "fi": "Hei"
    }


# Phases ---------------------------------------------------------------------


def test_add_phase_appends_in_dense_order_and_renders_markdown(db, process):
    """New phases go last, numbered 1..n, with the description's HTML stored."""
    first = services_phases.add_phase(
        process,
        kind=PhaseKind.SEMINAR,
        title={"fi": "Seminaari"},
        description={"fi": "Esittely *ja* työpajat", "sv": " "},
    )
    second = services_phases.add_phase(
        process, kind="discussion", title={"fi": "Keskustelu"}
    )
    db.session.commit()
    assert (first.position, second.position) == (1, 2)
    assert second.kind is PhaseKind.DISCUSSION
    assert first.description == {"fi": "Esittely *ja* työpajat"}
    assert first.description_html == {"fi": "<p>Esittely <em>ja</em> työpajat</p>"}
    assert titles(process) == ["Seminaari", "Keskustelu"]


def test_add_phase_stores_helsinki_times_in_utc(db, process):
    """13.00 Helsinki time in March (UTC+2) is stored as 11.00 UTC."""
    phase = services_phases.add_phase(
        process,
        kind="seminar",
        title={"fi": "Seminaari"},
        starts_at=datetime(2026, 3, 1, 13, 0, tzinfo=HELSINKI),
        ends_at=datetime(2026, 3, 1, 15, 0, tzinfo=HELSINKI),
    )
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Phase, phase.id)
    assert stored.starts_at == datetime(2026, 3, 1, 11, 0, tzinfo=UTC)
    assert stored.ends_at.tzinfo is not None


def test_add_phase_needs_a_title_in_the_main_language(db, process):
    """A Finnish process refuses a phase titled only in Swedish, and writes nothing."""
    with pytest.raises(MissingTitle):
        services_phases.add_phase(
            process, kind="seminar", title={"sv": "Seminarium", "fi": "  "}
        )
    db.session.rollback()
    assert db.session.query(Phase).count() == 0


@pytest.mark.parametrize("end_hour", [12, 13])
def test_add_phase_end_must_come_after_start(process, end_hour):
    """An end before, or equal to, the start is refused."""
    with pytest.raises(InvalidSchedule):
        services_phases.add_phase(
            process,
            kind="seminar",
            title={"fi": "Seminaari"},
            starts_at=datetime(2026, 3, 1, 13, tzinfo=HELSINKI),
            ends_at=datetime(2026, 3, 1, end_hour, tzinfo=HELSINKI),
        )


def test_add_phase_allows_an_end_without_a_start(db, process):
    """A discussion may have only a closing time."""
    phase = services_phases.add_phase(
        process,
        kind="discussion",
        title={"fi": "Keskustelu"},
        ends_at=datetime(2026, 4, 1, 12, tzinfo=HELSINKI),
    )
    assert phase.starts_at is None and phase.ends_at is not None


def test_add_phase_refuses_naive_times(process):
    """Times without a zone are a programming error, never guessed."""
    with pytest.raises(ValueError):
        services_phases.add_phase(
            process,
            kind="seminar",
            title={"fi": "Seminaari"},
            starts_at=datetime(2026, 3, 1, 13),
        )


def test_add_phase_refuses_an_unknown_kind(process):
    """Only seminar, discussion and followup are phase kinds."""
    with pytest.raises(ValueError):
        services_phases.add_phase(process, kind="party", title={"fi": "Juhlat"})


def test_update_phase_keeps_its_place(db, three_phases):
    """Editing changes texts and kind but not the position."""
    phase = three_phases.phases[1]
    services_phases.update_phase(
        phase, kind="followup", title={"fi": "B2"}, description={"fi": "**tärkeä**"}
    )
    db.session.commit()
    assert positions(three_phases.phases) == [("A", 1), ("B2", 2), ("C", 3)]
    assert phase.kind is PhaseKind.FOLLOWUP
    assert phase.description_html == {"fi": "<p><strong>tärkeä</strong></p>"}


def test_move_phase_down_and_up_keeps_positions_dense(db, three_phases):
    """Moving swaps neighbours; positions stay 1..n."""
    a, _b, c = three_phases.phases
    assert services_phases.move_phase(a, "down") is True
    db.session.commit()
    assert positions(three_phases.phases) == [("B", 1), ("A", 2), ("C", 3)]
    assert services_phases.move_phase(c, "up") is True
    db.session.commit()
    assert positions(three_phases.phases) == [("B", 1), ("C", 2), ("A", 3)]


def test_moving_the_first_phase_up_is_a_no_op(db, three_phases):
    """The first phase cannot go higher; nothing changes."""
    first = three_phases.phases[0]
    assert services_phases.move_phase(first, "up") is False
    db.session.commit()
    assert positions(three_phases.phases) == [("A", 1), ("B", 2), ("C", 3)]


def test_moving_the_last_phase_down_is_a_no_op(db, three_phases):
    """The last phase cannot go lower; nothing changes."""
    assert services_phases.move_phase(three_phases.phases[-1], "down") is False
    db.session.commit()
    assert titles(three_phases) == ["A", "B", "C"]


def test_move_phase_refuses_an_unknown_direction(three_phases):
    """Only "up" and "down" are directions."""
    with pytest.raises(ValueError):
        services_phases.move_phase(three_phases.phases[0], "sideways")


def test_move_phase_repairs_gaps_and_ties(db, process, create_phase):
    """Positions left with gaps or ties by older data become dense on the next move."""
    a = create_phase(process, title={"fi": "A"}, position=3)
    b = create_phase(process, title={"fi": "B"}, position=3)
    c = create_phase(process, title={"fi": "C"}, position=9)
    services_phases.move_phase(c, "up")
    db.session.commit()
    assert positions(process.phases) == [("A", 1), ("C", 2), ("B", 3)]
    assert {a.position, b.position, c.position} == {1, 2, 3}


def test_delete_phase_closes_the_gap(db, three_phases):
    """Deleting the middle phase renumbers the rest 1..n."""
    middle = three_phases.phases[1]
    services_phases.delete_phase(middle)
    db.session.commit()
    assert positions(three_phases.phases) == [("A", 1), ("C", 2)]
    assert db.session.query(Phase).count() == 2


def test_delete_then_add_continues_the_order(db, three_phases):
    """After a delete, a new phase takes the next dense position."""
    services_phases.delete_phase(three_phases.phases[0])
    db.session.commit()
    phase = services_phases.add_phase(three_phases, kind="seminar", title={"fi": "D"})
    db.session.commit()
    assert phase.position == 3
    assert positions(three_phases.phases) == [("B", 1), ("C", 2), ("D", 3)]


# Themes ---------------------------------------------------------------------


def test_add_theme_cleans_the_description(db, process):
    """Markdown becomes HTML through bleach: scripts never survive."""
    theme = services_themes.add_theme(
        process,
        title={"fi": "Hyvinvointi"},
        description={"fi": "Yhteisöllinen <script>alert(1)</script> työ"},
    )
    db.session.commit()
    assert theme.position == 1
    assert "<script>" not in theme.description_html["fi"]
    assert "Yhteisöllinen" in theme.description_html["fi"]


def test_add_theme_needs_a_title_in_the_main_language(process):
    """A theme without a Finnish title is refused in a Finnish process."""
    with pytest.raises(MissingTitle):
        services_themes.add_theme(process, title={"en": "Wellbeing"})


def test_themes_move_and_delete_keep_positions_dense(db, three_themes):
    """Moves and removals keep themes numbered 1..n; the first cannot move up."""
    a, _b, c = three_themes.themes
    assert services_themes.move_theme(a, "up") is False
    assert services_themes.move_theme(c, "up") is True
    db.session.commit()
    assert positions(three_themes.themes) == [("A", 1), ("C", 2), ("B", 3)]
    services_themes.delete_theme(three_themes.themes[0])
    db.session.commit()
    assert positions(three_themes.themes) == [("C", 1), ("B", 2)]
    assert db.session.query(Theme).count() == 2


def test_update_theme_changes_texts(db, three_themes):
    """Editing a theme rewrites its title and HTML, not its place."""
    theme = three_themes.themes[2]
    services_themes.update_theme(
        theme, title={"fi": "C2", "sv": "C2 sv"}, description={}
    )
    db.session.commit()
    assert theme.position == 3
    assert theme.title == {"fi": "C2", "sv": "C2 sv"}
    assert theme.description_html == {}


# Team -----------------------------------------------------------------------


def test_add_team_member_by_email_any_case(db, process, create_user):
    """An account is found by its email however it is typed."""
    user = create_user(Role.MEMBER, email="maija@example.fi")
    member = services_team.add_team_member(
        process, email="  Maija@Example.FI ", role="observer"
    )
    db.session.commit()
    assert member.user_id == user.id
    assert process.role_of(user) is ProcessRoleKind.OBSERVER


def test_add_team_member_unknown_email(process):
    """No account with the email: a clear refusal naming the way forward."""
    with pytest.raises(AccountNotFound) as caught:
        services_team.add_team_member(
            process, email="nobody@example.fi", role="observer"
        )
    with force_locale("en"):
        assert (
            str(caught.value)
            == "No account has this email. Ask an administrator to create it."
        )


def test_add_team_member_refuses_participants(process, create_user):
    """Participants take part through their work group, never as staff."""
    create_user(Role.PARTICIPANT, email="pekka@example.fi")
    with pytest.raises(NotTeamEligible):
        services_team.add_team_member(
            process, email="pekka@example.fi", role="observer"
        )


def test_add_team_member_twice_is_refused(db, process, create_user):
    """One role per person and process."""
    create_user(Role.MEMBER, email="olli@example.fi")
    services_team.add_team_member(process, email="olli@example.fi", role="observer")
    db.session.commit()
    with pytest.raises(AlreadyInTeam):
        services_team.add_team_member(
            process, email="olli@example.fi", role="facilitator"
        )


def test_change_role_and_last_facilitator(db, process, create_user):
    """A facilitator may step down only while another facilitator remains."""
    create_user(Role.MEMBER, email="toinen@example.fi")
    first = process.roles[0]
    with pytest.raises(LastFacilitator):
        services_team.change_team_role(first, "observer")
    second = services_team.add_team_member(
        process, email="toinen@example.fi", role="facilitator"
    )
    services_team.change_team_role(first, ProcessRoleKind.OBSERVER)
    db.session.commit()
    assert first.role is ProcessRoleKind.OBSERVER
    with pytest.raises(LastFacilitator):
        services_team.change_team_role(second, "observer")


def test_remove_team_member_but_never_the_last_facilitator(db, process, create_user):
    """Observers and extra facilitators can be removed; the last facilitator stays."""
    create_user(Role.MEMBER, email="olli@example.fi")
    observer = services_team.add_team_member(
        process, email="olli@example.fi", role="observer"
    )
    db.session.commit()
    services_team.remove_team_member(observer)
    db.session.commit()
    assert db.session.query(ProcessRole).filter_by(process_id=process.id).count() == 1
    with pytest.raises(LastFacilitator):
        services_team.remove_team_member(process.roles[0])
    assert services_team.facilitator_count(process) == 1
