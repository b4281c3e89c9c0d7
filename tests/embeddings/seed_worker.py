"""Seed a database for the embedding-worker test through the app's own services.

Run as ``python -m tests.embeddings.seed_worker`` with the server's environment;
prints one line of JSON: the thread's path, the group's id and its invite code.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta


def seed() -> dict:
    from app import create_app
    from app.auth import services as auth_services
    from app.discussions import services as discussions
    from app.extensions import db
    from app.groups import services as group_services
    from app.models import OrganisationKind, Phase, PhaseKind, Role
    from app.processes import services as process_services

    app = create_app()
    with app.app_context():
        facilitator = auth_services.create_user(
            "fasilitaattori.upotus@example.fi", "Fanni Fasilitaattori", Role.FACILITATOR
        )
        process = process_services.create_process(
            creator=facilitator,
            title={"fi": "Upotusten prosessi"},
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
        db.session.flush()
        discussion = discussions.ensure_discussion(phase)
        prompt = discussions.add_prompt(
            discussion, question={"fi": "Mikä toimii?"}, guidance={}
        )
        organisation = group_services.create_organisation(
            actor=facilitator, name="Tuusulan kunta", kind=OrganisationKind.MUNICIPALITY
        )
        group = group_services.create_group(
            process,
            actor=facilitator,
            name="Tuusulan työryhmä",
            organisation=organisation,
        )
        db.session.commit()
        return {
            "thread": f"/p/{process.slug}/discussions/{phase.id}/prompts/{prompt.id}/",
            "group_id": group.id,
            "invite_code": group.invite_code,
        }


if __name__ == "__main__":
    print(json.dumps(seed()))
