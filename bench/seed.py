"""Seed the benchmark server's database through the app's own services.

Run as ``python -m bench.seed`` with the server's environment (DATABASE_URL...), in
the app's virtualenv; prints one line of JSON for the load driver. The room: one
process with a seminar happening now, a buzz-group workshop whose first prompt is
on the wall, and 30 work groups with open invite links. Participants have no
password: the driver signs them in through those links, 5 people per group for
150 clients. The projectors sign in as the facilitator.

``python -m bench.seed --quick-vote`` (the *room* mix of ``bench/run.py``) also opens
a quick vote on the workshop (one choice among 4 typed options); every seed names
the seminar's phase and its opening talk, to which phones send questions.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta

GROUPS = 30
FACILITATOR_EMAIL = "fasilitaattori.kuorma@example.fi"
#: Passes the password policy (length, zxcvbn), like the e2e seed's password.
PASSWORD = "kaunis-syksyinen-metsa-42"
PROMPTS = [
    {"fi": "Mikä kirjastojen yhteistyössä toimii jo hyvin?"},
    {"fi": "Mitä meidän pitäisi kokeilla ensi vuonna?"},
    {"fi": "Mikä estää yhteisöllistä työtä?"},
]


#: The quick vote the room mix opens: one choice among these.
VOTE_QUESTION = "Mitä kokeillaan ensin?"
VOTE_OPTIONS = ["Yhteinen kokoelma", "Lukupiirit", "Digituki", "Kesäkirjasto"]


def seed(quick_vote: bool = False) -> dict:
    """A facilitator, the process, a seminar happening now with one buzz-group
    workshop (its first prompt current) and 30 work groups with invite codes; with
    ``quick_vote``, a quick vote open on the workshop."""
    from app import create_app
    from app.auth import services as auth_services
    from app.extensions import db
    from app.groups import services as group_services
    from app.models import OrganisationKind, Role
    from app.processes import services as process_services

    app = create_app()
    with app.app_context():
        facilitator = auth_services.create_user(
            FACILITATOR_EMAIL, "Fanni Fasilitaattori", Role.FACILITATOR, PASSWORD
        )
        process = process_services.create_process(
            creator=facilitator,
            title={"fi": "Kuormitustesti: kirjastojen työpajaseminaari"},
            language="fi",
            region="Keski-Uusimaa",
        )
        workshop, prompts, talk = add_seminar(process, facilitator)
        groups = []
        for number in range(1, GROUPS + 1):
            organisation = group_services.create_organisation(
                actor=facilitator,
                name=f"Kuormakunta {number:02d}",
                kind=OrganisationKind.MUNICIPALITY,
            )
            groups.append(
                group_services.create_group(
                    process,
                    actor=facilitator,
                    name=f"Työryhmä {number:02d}",
                    organisation=organisation,
                )
            )
        vote = open_quick_vote(workshop, facilitator) if quick_vote else None
        db.session.commit()
        return {
            "slug": process.slug,
            "workshop_id": workshop.id,
            "prompt_id": prompts[0].id,
            "phase_id": talk.seminar.phase_id,
            "talk_id": talk.id,
            "vote_id": vote.id if vote else None,
            "vote_options": [option.id for option in vote.options] if vote else [],
            "invite_codes": [group.invite_code for group in groups],
            "facilitator_email": FACILITATOR_EMAIL,
            "facilitator_password": PASSWORD,
        }


def open_quick_vote(workshop, facilitator):
    """The facilitator opens a quick vote from the control page: one choice of 4."""
    from app.seminars import services_votes

    return services_votes.open_vote(
        workshop,
        question=VOTE_QUESTION,
        options=VOTE_OPTIONS,
        dots_per_person=1,
        actor=facilitator,
        now=datetime.now(UTC),
    )


def add_seminar(process, facilitator):
    """A seminar phase happening now (started 20 minutes ago, so note capture is open
    for a whole run) with one buzz-group workshop whose first prompt is current."""
    from app.extensions import db
    from app.models import Phase, PhaseKind
    from app.seminars import services as seminar_services
    from app.seminars import services_live as live
    from app.seminars import services_workshops as workshop_services

    ensure_seminar = seminar_services.ensure_seminar
    # Started 20 minutes ago, so the note capture is open for the whole run.
    starts = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=20)
    phase = Phase(
        process=process,
        kind=PhaseKind.SEMINAR,
        position=len(process.phases) + 1,
        title={"fi": "Työpajaseminaari"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    db.session.add(phase)
    db.session.flush()
    seminar = ensure_seminar(phase)
    talk = seminar_services.add_agenda_item(
        seminar,
        kind="intro_talk",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=15),
        title={"fi": "Kirjastojen yhteinen tilannekuva"},
        speaker="Kirjastotoimenjohtaja",
    )
    block = seminar_services.add_agenda_item(
        seminar,
        kind="workshops",
        starts_at=starts + timedelta(minutes=15),
        ends_at=starts + timedelta(minutes=90),
        title={"fi": "Työpajat"},
    )
    seminar_services.add_agenda_item(
        seminar,
        kind="wrap_up",
        starts_at=starts + timedelta(minutes=90),
        ends_at=starts + timedelta(hours=2),
        title={"fi": "Yhteinen purku"},
    )
    workshop = workshop_services.add_workshop(
        block,
        title={"fi": "Porinaryhmät: yhteisöllinen kirjastotyö"},
        facilitator_name="Fanni Fasilitaattori",
        method="buzz_groups",
    )
    prompts = [
        workshop_services.add_workshop_prompt(workshop, question=question)
        for question in PROMPTS
    ]
    live.set_current_prompt(workshop, prompts[0], actor=facilitator)
    return workshop, prompts, talk


if __name__ == "__main__":
    print(json.dumps(seed(quick_vote="--quick-vote" in sys.argv[1:])))
