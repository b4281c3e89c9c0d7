"""Seed the end-to-end server's database through the app's own services.

Run as ``python -m tests.e2e.seed`` with the server's environment (DATABASE_URL...);
prints what the browser tests need as one line of JSON. Independent of the demo
loader on purpose: the journeys must not change when the demo content does.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

FACILITATOR_EMAIL = "fasilitaattori.e2e@example.fi"
ADMIN_EMAIL = "admin.e2e@example.fi"
#: Passes the password policy (length, zxcvbn), like tests.conftest.GOOD_PASSWORD.
PASSWORD = "kaunis-syksyinen-metsa-42"
PROCESS_TITLE = {
    "fi": "Keski-Uudenmaan kirjastojen kehittämisprosessi",
    "sv": "Utvecklingsprocessen för biblioteken i Mellersta Nyland",
    "en": "Central Uusimaa libraries development process",
}
GROUP_NAME = "Keravan kirjaston työryhmä"


def seed() -> dict:
    """Create an admin, a facilitator, a process with a phase and a theme, and a group."""
    from app import create_app
    from app.auth import services as auth_services
    from app.discussions import services as discussion_services
    from app.extensions import db
    from app.groups import services as group_services
    from app.models import OrganisationKind, Phase, PhaseKind, Role, Theme
    from app.processes import services as process_services
    from app.seminars import services as seminar_services
    from app.seminars import services_workshops as workshop_services
    from app.seminars.setup import ensure_seminar
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
        db.session.add(
            Phase(
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
        )
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
        group = group_services.create_group(
            process, actor=facilitator, name=GROUP_NAME, organisation=organisation
        )
        db.session.commit()
        return {
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
        }


if __name__ == "__main__":
    print(json.dumps(seed()))
