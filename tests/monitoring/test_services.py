"""Monitoring services: goals from the proposal, notes and status, values, targets."""

from datetime import UTC, date, datetime

import pytest

from app.errors import MissingTitle
from app.models import (
    ActionStatus,
    FollowUpProposal,
    IndicatorValue,
    PeriodKind,
    ProposalStatus,
    ProposalVersion,
    ValueOrigin,
)
from app.monitoring import queries, services, services_indicators


def _proposal(db, process, themes, status=ProposalStatus.PUBLISHED):
    proposal = FollowUpProposal(status=status)
    db.session.add(proposal)
    proposal.process = process
    proposal.versions.append(
        ProposalVersion(
            number=1,
            sections={"title": "Ehdotus"},
            sections_html={},
            themes=[{"theme_id": t.id, "why": why} for t, why in themes],
        )
    )
    db.session.commit()
    return proposal


def test_goals_from_published_proposal(db, plan, create_theme):
    """Each theme taken up becomes a goal with the reason as its description."""
    wellbeing = create_theme(plan.process, title={"fi": "Hyvinvoivat oppilaat"})
    services_theme = create_theme(plan.process, title={"fi": "Tasavertaiset palvelut"})
    create_theme(plan.process, title={"fi": "Ei mukana"})
    proposal = _proposal(
        db,
        plan.process,
        [(wellbeing, "Kouluterveyskysely näyttää **huolta**."), (services_theme, "")],
    )
    goals = services.goals_from_proposal(plan.process)
    db.session.commit()
    assert [g.title["fi"] for g in goals] == [
        "Hyvinvoivat oppilaat",
        "Tasavertaiset palvelut",
    ]
    assert all(g.proposal_id == proposal.id for g in goals)
    assert goals[0].description == {"fi": "Kouluterveyskysely näyttää **huolta**."}
    assert "<strong>huolta</strong>" in goals[0].description_html["fi"]
    assert [g.position for g in plan.process.goals] == [1, 2, 3]


def test_goals_from_proposal_skip_themes_with_a_goal(db, plan, create_theme):
    """Drawing again adds nothing for themes that already have a goal."""
    theme = create_theme(plan.process, title={"fi": "Yhteisöllinen työ"})
    other = create_theme(plan.process, title={"fi": "Yhteistyö"})
    _proposal(db, plan.process, [(theme, ""), (other, "")])
    new, existing = services.proposal_themes(plan.process)
    assert [t for t, _why in new] == [other]
    assert existing == [theme]
    services.goals_from_proposal(plan.process)
    db.session.commit()
    assert services.goals_from_proposal(plan.process) == []
    assert len(plan.process.goals) == 2


def test_a_drawn_goal_renamed_is_not_drawn_again(db, plan, create_theme):
    """The goal remembers its theme: renaming it does not make the theme new again."""
    theme = create_theme(plan.process, title={"fi": "Ennaltaehkäisevä työ"})
    _proposal(db, plan.process, [(theme, "")])
    (goal,) = services.goals_from_proposal(plan.process)
    assert goal.theme_id == theme.id
    services.update_goal(goal, title={"fi": "Ennaltaehkäisy vahvistuu"})
    db.session.commit()
    count = len(plan.process.goals)
    assert services.goals_from_proposal(plan.process) == []
    assert len(plan.process.goals) == count


def test_goals_from_proposal_need_a_published_one(db, plan, create_theme):
    """No proposal, or only a draft: a clear refusal and no goals."""
    with pytest.raises(services.NoPublishedProposal):
        services.goals_from_proposal(plan.process)
    _proposal(
        db, plan.process, [(create_theme(plan.process), "")], ProposalStatus.DRAFT
    )
    with pytest.raises(services.NoPublishedProposal):
        services.goals_from_proposal(plan.process)


def test_goal_needs_title_in_main_language(db, plan):
    """A goal without a title in the process's language is refused."""
    with pytest.raises(MissingTitle):
        services.add_goal(plan.process, title={"en": "Only English"})


def test_move_and_delete_goal_keep_positions(db, plan):
    """Goals keep dense positions when moved and removed; values go with the goal."""
    second = services.add_goal(plan.process, title={"fi": "Toinen"})
    third = services.add_goal(plan.process, title={"fi": "Kolmas"})
    assert services.move_goal(third, "up")
    db.session.commit()
    assert [g.title["fi"] for g in plan.process.goals] == [
        "Yhteisöllinen työ",
        "Kolmas",
        "Toinen",
    ]
    services_indicators.save_value(plan.indicator, period="2025-2026", value=25)
    db.session.commit()
    assert queries.goal_counts(plan.goal)["values"] == 1
    services.delete_goal(plan.goal)
    db.session.commit()
    assert [(g.position, g.title["fi"]) for g in plan.process.goals] == [
        (1, "Kolmas"),
        (2, "Toinen"),
    ]
    assert db.session.query(IndicatorValue).count() == 0
    assert second.position == 2


def test_newest_note_sets_the_status(db, plan):
    """The action takes the status of its newest note by date, then by id."""
    action = services.add_action(
        plan.goal, title="Vuosikello", due_on=date(2026, 5, 31)
    )
    today = date(2026, 3, 1)
    services.add_note(
        action,
        noted_on=date(2026, 2, 1),
        status=ActionStatus.IN_PROGRESS,
        body="Aloitettu",
        actor=plan.facilitator,
        today=today,
    )
    assert action.status is ActionStatus.IN_PROGRESS
    # An older note is history: the status stays.
    services.add_note(
        action,
        noted_on=date(2026, 1, 10),
        status=ActionStatus.PLANNED,
        body="",
        actor=None,
        today=today,
    )
    assert action.status is ActionStatus.IN_PROGRESS
    # Same day: the later note wins.
    done = services.add_note(
        action,
        noted_on=date(2026, 2, 1),
        status=ActionStatus.DONE,
        body="Valmis **nyt**",
        actor=None,
        today=today,
    )
    db.session.commit()
    assert action.status is ActionStatus.DONE
    assert "<strong>nyt</strong>" in done.body_html
    assert [n.status for n in action.notes] == [
        ActionStatus.DONE,
        ActionStatus.IN_PROGRESS,
        ActionStatus.PLANNED,
    ]
    services.delete_note(done)
    db.session.commit()
    assert action.status is ActionStatus.IN_PROGRESS


def test_note_cannot_be_in_the_future(db, plan):
    """A status note dated after today is refused."""
    action = services.add_action(plan.goal, title="Koulutus")
    with pytest.raises(services.NoteInFuture):
        services.add_note(
            action,
            noted_on=date(2026, 3, 2),
            status=ActionStatus.DONE,
            body="",
            actor=None,
            today=date(2026, 3, 1),
        )


def test_overdue_only_while_open(plan):
    """Late when the due date has passed and the action is not done or dropped."""
    action = services.add_action(plan.goal, title="X", due_on=date(2026, 1, 31))
    assert services.is_overdue(action, date(2026, 2, 1))
    assert not services.is_overdue(action, date(2026, 1, 31))
    action.status = ActionStatus.DONE
    assert not services.is_overdue(action, date(2026, 2, 1))


def test_targets_are_replaced(db, plan):
    """Saving targets updates, adds and removes rows by subgroup."""
    services_indicators.set_targets(
        plan.indicator, [("terveydenhoitajat", 18), ("kuraattorit", 25)]
    )
    db.session.commit()
    assert {t.subgroup: t.value for t in plan.indicator.targets} == {
        "terveydenhoitajat": 18,
        "kuraattorit": 25,
    }


def test_value_scope_key_and_subgroup_spelling(db, plan):
    """Values get their scope key; a subgroup in any case takes the target's spelling."""
    region = services_indicators.save_value(
        plan.indicator, period="2025-2026", value=22
    )
    org = services_indicators.save_value(
        plan.indicator,
        period="2025-2026",
        value=31.5,
        organisation=plan.school,
        subgroup="Psykologit  ja KURAATTORIT",
    )
    area = services_indicators.save_value(
        plan.indicator, period="2025-2026", value=12, area=" Pohjoinen  alue "
    )
    db.session.commit()
    assert region.scope_key == "region"
    assert org.scope_key == f"org:{plan.school.id}"
    assert org.subgroup == "psykologit ja kuraattorit"
    assert area.scope_key == "area:pohjoinen alue" and area.area == "Pohjoinen alue"
    assert region.origin is ValueOrigin.MANUAL


def test_duplicate_value_is_refused_and_upsert_updates(db, plan):
    """A second value for the same period, place and subgroup is refused by
    save_value and replaces the first with upsert_value."""
    first = services_indicators.save_value(plan.indicator, period="2025-2026", value=22)
    db.session.commit()
    with pytest.raises(services_indicators.DuplicateValue) as raised:
        services_indicators.save_value(plan.indicator, period="2025-2026", value=23)
    assert raised.value.existing is first
    row, added = services_indicators.upsert_value(
        plan.indicator, period="2025-2026", value=24, origin=ValueOrigin.IMPORT
    )
    db.session.commit()
    assert (row.id, added, row.value, row.origin) == (
        first.id,
        False,
        24,
        ValueOrigin.IMPORT,
    )


def test_value_checks_period_and_place(db, plan):
    """The period must match the indicator's kind; organisation and area exclude."""
    with pytest.raises(services_indicators.InvalidPeriod):
        services_indicators.save_value(plan.indicator, period="2026", value=1)
    with pytest.raises(services_indicators.BothOrganisationAndArea):
        services_indicators.save_value(
            plan.indicator,
            period="2025-2026",
            value=1,
            organisation=plan.school,
            area="Etelä",
        )


def test_period_kind_locked_once_there_are_values(db, plan):
    """An indicator with values keeps its kind of period."""
    services_indicators.save_value(plan.indicator, period="2025-2026", value=1)
    db.session.commit()
    with pytest.raises(services_indicators.PeriodKindLocked):
        services_indicators.update_indicator(
            plan.indicator,
            title={"fi": "Muu"},
            period_kind=PeriodKind.CALENDAR_YEAR,
        )


def test_latest_figures_show_newest_period_with_verdicts(db, plan):
    """The plan's latest value: the newest period's whole-region values, verdicts."""
    services_indicators.save_value(plan.indicator, period="2024-2025", value=10)
    services_indicators.save_value(
        plan.indicator, period="2025-2026", value=14, subgroup="terveydenhoitajat"
    )
    services_indicators.save_value(
        plan.indicator, period="2025-2026", value=40, organisation=plan.school
    )
    db.session.commit()
    figures = queries.latest_figures([plan.indicator])[plan.indicator.id]
    assert figures.period == "2025-2026"
    assert [(row.value, verdict.value) for row, verdict in figures.region] == [
        (14, "not_met")
    ]
    assert figures.local_count == 1
    assert datetime.now(UTC)  # the test uses no clock
