"""Seed the end-to-end server's database through the app's own services.

Run as ``python -m tests.e2e.seed`` with the server's environment (DATABASE_URL...);
prints what the browser tests need as one line of JSON. Independent of the demo
loader on purpose: the journeys must not change when the demo content does.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from .seed_live import seed_live

FACILITATOR_EMAIL = "fasilitaattori.e2e@example.fi"
ADMIN_EMAIL = "admin.e2e@example.fi"
#: Reads the process's results as its observer (a team role), changes nothing.
OBSERVER_EMAIL = "havainnoija.e2e@example.fi"
#: Passes the password policy (length, zxcvbn), like tests.conftest.GOOD_PASSWORD.
PASSWORD = "kaunis-syksyinen-metsa-42"
PROCESS_TITLE = {
    "fi": "Keski-Uudenmaan kirjastojen kehittämisprosessi",
    "sv": "Utvecklingsprocessen för biblioteken i Mellersta Nyland",
    "en": "Central Uusimaa libraries development process",
}
GROUP_NAME = "Keravan kirjaston työryhmä"
#: The first discussion's video: YouTube's privacy-enhanced player. The browser tests
#: block the host (nothing leaves the machine); they check that nothing asks for it
#: before the reader presses "show the video".
VIDEO_URL = "https://www.youtube.com/watch?v=M7lc1UVf-VE"
#: The survey's period and the indicator values' school years.
SURVEY_PERIOD = "2025-2026"
SCHOOL_YEARS = ("2024-2025", "2025-2026")


def seed() -> dict:
    """Create an admin, a facilitator, a process with a phase and a theme, and a group."""
    from app import create_app
    from app.auth import services as auth_services
    from app.discussions import services as discussion_services
    from app.extensions import db
    from app.groups import services as group_services
    from app.models import MAX_SEATS, OrganisationKind, Phase, PhaseKind, Role, Theme
    from app.processes import services as process_services
    from app.seminars import services as seminar_services
    from app.seminars import services_workshops as workshop_services
    from app.seminars.services import ensure_seminar
    from app.voting import services as voting_services

    app = create_app()
    with app.app_context():
        auth_services.create_user(ADMIN_EMAIL, "Anna Ylläpitäjä", Role.ADMIN, PASSWORD)
        facilitator = auth_services.create_user(
            FACILITATOR_EMAIL, "Fanni Fasilitaattori", Role.FACILITATOR, PASSWORD
        )
        process = process_services.create_process(
            creator=facilitator,
            title=PROCESS_TITLE,
            language="fi",
            region="Keski-Uusimaa",
            description={"fi": "Kirjastojen yhteinen **kehittämistyö** 2026."},
        )
        start = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)
        video_phase = Phase(
            process=process,
            kind=PhaseKind.DISCUSSION,
            position=1,
            title={
                "fi": "Verkkokeskustelu",
                "sv": "Nätdiskussion",
                "en": "Online discussion",
            },
            starts_at=start,
            ends_at=start + timedelta(days=14),
        )
        db.session.add(video_phase)
        # An open discussion with two questions, for the comment journeys.
        now = datetime.now(UTC)
        open_phase = Phase(
            process=process,
            kind=PhaseKind.DISCUSSION,
            position=2,
            title={
                "fi": "Avoin keskustelu",
                "sv": "Öppen diskussion",
                "en": "Open discussion",
            },
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=30),
        )
        db.session.add(open_phase)
        db.session.flush()
        discussion = discussion_services.ensure_discussion(open_phase)
        prompt = discussion_services.add_prompt(
            discussion,
            question={"fi": "Mikä kirjastossanne toimii hyvin?"},
            guidance={"fi": "Kertokaa *esimerkki*."},
        )
        discussion_services.add_prompt(
            discussion, question={"fi": "Mitä pitäisi kehittää?"}, guidance={}
        )
        for position, title in enumerate(
            [
                {"fi": "Yhteisöllinen työ", "en": "Communal work"},
                {"fi": "Lukuharrastuksen tukeminen", "en": "Supporting reading"},
                {"fi": "Tilojen käyttö", "en": "Use of the premises"},
            ],
            start=1,
        ):
            db.session.add(Theme(process=process, position=position, title=title))
        db.session.flush()
        ballot = voting_services.save_ballot(
            None,
            open_phase,
            title={"fi": "Tärkeimmät teemat", "en": "The most important themes"},
            description={"fi": "Valitkaa *kaksi* tärkeintä."},
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=30),
            voter_unit="group",
            method="pick",
            max_choices=2,
            total_points=10,
            max_points_per_theme=3,
            results_visibility="live",
        )
        # A seminar next week with an agenda and a workshop block of two workshops.
        day = (now + timedelta(days=7)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        seminar_phase = Phase(
            process=process,
            kind=PhaseKind.SEMINAR,
            position=3,
            title={
                "fi": "Työpajaseminaari",
                "sv": "Workshopseminarium",
                "en": "Seminar",
            },
            starts_at=day,
            ends_at=day + timedelta(hours=2),
        )
        db.session.add(seminar_phase)
        db.session.flush()
        seminar = ensure_seminar(seminar_phase)
        seminar_services.add_agenda_item(
            seminar,
            kind="intro_talk",
            starts_at=day,
            ends_at=day + timedelta(minutes=30),
            title={"fi": "Kirjastojen yhteinen tilannekuva"},
            speaker="Kirjastotoimenjohtaja",
        )
        block = seminar_services.add_agenda_item(
            seminar,
            kind="workshops",
            starts_at=day + timedelta(minutes=30),
            ends_at=day + timedelta(hours=2),
            title={"fi": "Työpajat"},
        )
        workshop = workshop_services.add_workshop(
            block, title={"fi": "Tulevaisuuden kirjasto"}, method="treasure_map"
        )
        workshop_services.add_workshop(
            block, title={"fi": "Lukemisen tuki"}, method="buzz_groups", seat_limit=20
        )
        organisation = group_services.create_organisation(
            actor=facilitator,
            name="Keravan kaupunki",
            kind=OrganisationKind.MUNICIPALITY,
        )
        # Every browser test joins this group with new participants: room for all
        # (the places themselves are tested in tests/groups and tests/voting).
        group = group_services.create_group(
            process,
            actor=facilitator,
            name=GROUP_NAME,
            organisation=organisation,
            seats=MAX_SEATS,
        )
        db.session.flush()
        followup = seed_followup(
            process,
            facilitator=facilitator,
            group=group,
            organisation=organisation,
            video_phase=video_phase,
            now=now,
        )
        live = seed_live(process, facilitator=facilitator, group=group, now=now)
        db.session.commit()
        return {
            **live,
            "process_slug": process.slug,
            "process_title": PROCESS_TITLE["fi"],
            "group_name": group.name,
            "invite_code": group.invite_code,
            "group_id": group.id,
            "open_phase_id": open_phase.id,
            "prompt_id": prompt.id,
            "ballot_id": ballot.id,
            "seminar_phase_id": seminar_phase.id,
            "workshop_id": workshop.id,
            **followup,
        }


def seed_followup(process, *, facilitator, group, organisation, video_phase, now):
    """Add an observer, a video, the follow-up plan and an answered feedback survey.

    The plan: a goal with two actions (one overdue, with dated status notes) and an
    indicator with per-subgroup targets and values for two school years; a second
    indicator fed by the survey's Likert statement. The survey phase is open now; one
    member of the seeded group has answered it, so its results exist.
    """
    from app.auth import services as auth_services
    from app.discussions import services as discussion_services
    from app.groups import services as group_services
    from app.models import (
        ActionStatus,
        Direction,
        IndicatorSource,
        PeriodKind,
        PhaseKind,
        ProcessRoleKind,
        QuestionKind,
        Role,
    )
    from app.monitoring import services as monitoring_services
    from app.monitoring import services_indicators as indicator_services
    from app.processes import services_phases as phase_services
    from app.processes import services_team as team_services
    from app.surveys import services as survey_services
    from app.surveys import services_answers as survey_answering
    from app.surveys import services_questions as question_services

    auth_services.create_user(OBSERVER_EMAIL, "Olli Havainnoija", Role.MEMBER, PASSWORD)
    team_services.add_team_member(
        process,
        email=OBSERVER_EMAIL,
        role=ProcessRoleKind.OBSERVER,
        actor=facilitator,
    )

    discussion_services.update_discussion(
        discussion_services.ensure_discussion(video_phase),
        intro={"fi": "Katsokaa ensin lyhyt esittelyvideo."},
        video_url=VIDEO_URL,
        video_transcript={
            "fi": "Kirjastotoimenjohtaja esittelee videolla keskustelun aiheet."
        },
        visibility="always",
        edit_window_minutes=30,
    )

    today = now.date()
    goal = monitoring_services.add_goal(
        process,
        title={
            "fi": "Yhteisöllinen työ vahvistuu",
            "sv": "Det gemensamma arbetet stärks",
            "en": "Communal work grows stronger",
        },
        description={"fi": "Kuraattorit tekevät **enemmän** yhteisöllistä työtä."},
    )
    overdue = monitoring_services.add_action(
        goal,
        title="Työaikaseurannan malli kaikkiin kirjastoihin",
        description="Malli otetaan käyttöön *kaikissa* kirjastoissa.",
        owner=organisation,
        due_on=today - timedelta(days=20),
        status=ActionStatus.PLANNED,
    )
    note = None
    for days_ago, status, body in (
        (40, ActionStatus.IN_PROGRESS, "Malli on lähetetty kommenteille."),
        (10, ActionStatus.IN_PROGRESS, "Kaksi kirjastoa odottaa vielä koulutusta."),
    ):
        note = monitoring_services.add_note(
            overdue,
            noted_on=today - timedelta(days=days_ago),
            status=status,
            body=body,
            actor=facilitator,
            today=today,
        )
    monitoring_services.add_action(
        goal,
        title="Yhteinen koulutuspäivä",
        owner=None,
        due_on=today + timedelta(days=60),
    )
    indicator = indicator_services.add_indicator(
        goal,
        title={
            "fi": "Yhteisöllisen työn osuus työajasta",
            "sv": "Det gemensamma arbetets andel av arbetstiden",
            "en": "Share of working time in communal work",
        },
        unit="%",
        direction=Direction.HIGHER,
        source=IndicatorSource.REPORT,
        source_detail="Kirjastojen työaikaseuranta",
        period_kind=PeriodKind.SCHOOL_YEAR,
        targets=[("", 30), ("Perusopetus", 30), ("Toinen aste", 25)],
    )
    value = None
    for period, figures in zip(
        SCHOOL_YEARS,
        ({"": 21.5, "Perusopetus": 24, "Toinen aste": 18},
         {"": 27.5, "Perusopetus": 31, "Toinen aste": 22.5}),
        strict=True,
    ):  # fmt: skip
        for subgroup, figure in figures.items():
            value = indicator_services.save_value(
                indicator,
                period=period,
                value=figure,
                subgroup=subgroup,
                actor=facilitator,
            )
    satisfaction = indicator_services.add_indicator(
        goal,
        title={
            "fi": "Tyytyväisyys yhteistyöhön",
            "sv": "Nöjdhet med samarbetet",
            "en": "Satisfaction with the cooperation",
        },
        unit="1–5",
        source=IndicatorSource.SURVEY,
        period_kind=PeriodKind.SCHOOL_YEAR,
        targets=[("", 4)],
    )

    survey_phase = phase_services.add_phase(
        process,
        kind=PhaseKind.SURVEY,
        title={
            "fi": "Palautekysely 2025-2026",
            "sv": "Responsenkät 2025-2026",
            "en": "Feedback survey 2025-2026",
        },
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=30),
    )
    survey = survey_services.ensure_survey(survey_phase)
    survey_services.update_survey(
        survey,
        intro={"fi": "Vastatkaa yhdessä työryhmänne *kokouksessa*."},
        period=SURVEY_PERIOD,
    )
    statement = question_services.add_question(
        survey,
        kind=QuestionKind.LIKERT,
        text={
            "fi": "Kirjastojen yhteistyö sujuu hyvin.",
            "sv": "Samarbetet mellan biblioteken fungerar bra.",
            "en": "The libraries work well together.",
        },
        indicator_id=satisfaction.id,
    )
    second = question_services.add_question(
        survey,
        kind=QuestionKind.LIKERT,
        text={"fi": "Saamme tarpeeksi tukea kehittämistyöhön."},
    )
    question = question_services.add_question(
        survey,
        kind=QuestionKind.TEXT,
        text={"fi": "Mitä yhteistyössä pitäisi parantaa?"},
    )
    member, _group = group_services.join_group(
        group.invite_code, user=None, display_name="Kyselyn Vastaaja"
    )
    survey_answering.submit_response(
        survey,
        group=group,
        author=member,
        scores={statement.id: 4, second.id: None},
        texts={question.id: "Yhteiset *kokoukset* useammin."},
        now=now,
    )
    return {
        "observer_email": OBSERVER_EMAIL,
        "video_phase_id": video_phase.id,
        "goal_id": goal.id,
        "overdue_action_id": overdue.id,
        "note_id": note.id,
        "indicator_id": indicator.id,
        "value_id": value.id,
        "survey_phase_id": survey_phase.id,
        "statement_id": statement.id,
    }


if __name__ == "__main__":
    print(json.dumps(seed()))
