"""A process with an open feedback survey, work groups of two organisations, a goal
with indicators, and the people around it."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.models import Goal, Indicator, PeriodKind, PhaseKind, QuestionKind, Role
from app.surveys import services, services_questions


@pytest.fixture()
def world(
    db,
    create_user,
    create_process,
    create_phase,
    create_group,
    create_organisation,
):
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    member = create_user(Role.PARTICIPANT)
    member_b = create_user(Role.PARTICIPANT)
    member_c = create_user(Role.PARTICIPANT)
    process = create_process(facilitator=facilitator, observer=observer)
    org_1 = create_organisation(name="Koulutus Oy")
    org_2 = create_organisation(name="Kaupungin opetus")
    group_a = create_group(
        process, members=(member,), organisation=org_1, name="Ryhmä A"
    )
    group_b = create_group(
        process, members=(member_b,), organisation=org_2, name="Ryhmä B"
    )
    group_c = create_group(
        process, members=(member_c,), organisation=org_1, name="Ryhmä C"
    )
    now = datetime.now(UTC)
    phase = create_phase(
        process,
        kind=PhaseKind.SURVEY,
        title={"fi": "Palautekysely 2025-2026"},
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    survey = services.ensure_survey(phase)
    survey.period = "2025-2026"
    goal = Goal(process=process, title={"fi": "Yhteistyö toimii"}, position=1)
    indicator = Indicator(
        goal=goal,
        title={"fi": "Yhteistyön arvio"},
        period_kind=PeriodKind.SCHOOL_YEAR,
        position=1,
    )
    calendar_indicator = Indicator(
        goal=goal,
        title={"fi": "Vuosittainen arvio"},
        period_kind=PeriodKind.CALENDAR_YEAR,
        position=2,
    )
    db.session.add(goal)
    db.session.flush()
    statement = services_questions.add_question(
        survey,
        kind=QuestionKind.LIKERT,
        text={"fi": "Yhteistyö hyvinvointialueen kanssa toimii."},
        indicator_id=indicator.id,
    )
    unlinked = services_questions.add_question(
        survey, kind=QuestionKind.LIKERT, text={"fi": "Tieto kulkee."}
    )
    open_question = services_questions.add_question(
        survey, kind=QuestionKind.TEXT, text={"fi": "Mitä kehittäisitte?"}
    )
    db.session.commit()
    return SimpleNamespace(
        process=process,
        phase=phase,
        survey=survey,
        facilitator=facilitator,
        observer=observer,
        member=member,
        member_b=member_b,
        member_c=member_c,
        group_a=group_a,
        group_b=group_b,
        group_c=group_c,
        org_1=org_1,
        org_2=org_2,
        goal=goal,
        indicator=indicator,
        calendar_indicator=calendar_indicator,
        statement=statement,
        unlinked=unlinked,
        open_question=open_question,
        admin=create_user(Role.ADMIN),
        outsider=create_user(Role.FACILITATOR),
        now=now,
        base=f"/p/{process.slug}/surveys/{phase.id}",
    )


@pytest.fixture()
def answer(world):
    """Submit a group's answers through the service (scores by question object)."""
    from app.surveys.services_answers import submit_response

    def _answer(group, author, scores=None, texts=None, now=None):
        return submit_response(
            world.survey,
            group=group,
            author=author,
            scores={q.id: s for q, s in (scores or {}).items()},
            texts={q.id: t for q, t in (texts or {}).items()},
            now=now or datetime.now(UTC),
        )

    return _answer


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts; the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"
