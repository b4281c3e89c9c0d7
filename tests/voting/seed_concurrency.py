"""Seed a database for the concurrent-vote test through the app's own services.

Run as ``python -m tests.voting.seed_concurrency`` with the server's environment
(DATABASE_URL...); prints one line of JSON: the process slug, the open ballot, its
themes, the work group and the group's invite code (participants have no password:
the test signs them in through the join link).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta


def seed() -> dict:
    """A facilitator, a process with three themes, one work group and an open ballot
    (pick up to 2, one vote per work group)."""
    from app import create_app
    from app.auth import services as auth_services
    from app.extensions import db
    from app.groups import services as group_services
    from app.models import OrganisationKind, Phase, PhaseKind, Role, Theme, VoterUnit
    from app.processes import services as process_services
    from app.voting import services as voting_services

    app = create_app()
    with app.app_context():
        facilitator = auth_services.create_user(
            "fasilitaattori.samanaikaisuus@example.fi",
            "Fanni Fasilitaattori",
            Role.FACILITATOR,
        )
        process = process_services.create_process(
            creator=facilitator,
            title={"fi": "Samanaikainen äänestys"},
            language="fi",
            region="Keski-Uusimaa",
        )
        now = datetime.now(UTC)
        phase = Phase(
            process=process,
            kind=PhaseKind.DISCUSSION,
            position=1,
            title={"fi": "Verkkokeskustelu"},
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=7),
        )
        db.session.add(phase)
        for position in (1, 2, 3):
            db.session.add(
                Theme(
                    process=process,
                    position=position,
                    title={"fi": f"Teema {position}"},
                )
            )
        organisation = group_services.create_organisation(
            actor=facilitator,
            name="Keravan kaupunki",
            kind=OrganisationKind.MUNICIPALITY,
        )
        group = group_services.create_group(
            process,
            actor=facilitator,
            name="Keravan työryhmä",
            organisation=organisation,
        )
        db.session.flush()
        ballot = voting_services.save_ballot(
            None,
            phase,
            title={"fi": "Tärkeimmät teemat"},
            description={},
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=1),
            voter_unit=VoterUnit.GROUP,
            method="pick",
            max_choices=2,
            total_points=10,
            max_points_per_theme=3,
            results_visibility="after_close",
        )
        db.session.commit()
        return {
            "slug": process.slug,
            "ballot_id": ballot.id,
            "results_version": ballot.results_version,
            "theme_ids": [option.theme_id for option in ballot.options],
            "group_id": group.id,
            "invite_code": group.invite_code,
        }


if __name__ == "__main__":
    print(json.dumps(seed()))
