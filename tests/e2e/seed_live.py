"""A seminar going on now, for the live phone page, the projector and the join sheet.

A workshop (buzz groups, two questions, the room on the first) with notes from a
member of the seeded work group; called by ``seed.seed`` in the same transaction.
"""

from __future__ import annotations

from datetime import timedelta


def seed_live(process, *, facilitator, group, now) -> dict:
    from app.groups import services as group_services
    from app.models import PhaseKind
    from app.processes import services_phases as phase_services
    from app.seminars import services as seminar_services
    from app.seminars import services_live as live_services
    from app.seminars import services_workshops as workshop_services

    starts = now - timedelta(minutes=20)
    phase = phase_services.add_phase(
        process,
        kind=PhaseKind.SEMINAR,
        title={"fi": "Pajapäivä", "sv": "Workshopdag", "en": "Workshop day"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    block = seminar_services.add_agenda_item(
        phase.seminar,
        kind="workshops",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        title={"fi": "Rinnakkaiset pajat"},
    )
    workshop = workshop_services.add_workshop(
        block,
        title={"fi": "Kirjaston arki", "sv": "Bibliotekets vardag"},
        method="buzz_groups",
        room="Sali 2",
    )
    first = workshop_services.add_workshop_prompt(
        workshop, question={"fi": "Mikä arjessa toimii hyvin?"}, guidance={}
    )
    workshop_services.add_workshop_prompt(
        workshop, question={"fi": "Mitä pitäisi kokeilla ensi vuonna?"}, guidance={}
    )
    live_services.set_current_prompt(workshop, first, actor=facilitator)
    writer, _group = group_services.join_group(
        group.invite_code, user=None, display_name="Pajan Kirjoittaja"
    )
    for minutes, text in enumerate(
        (
            "Yhteiset *kokoukset* kerran kuussa.",
            "Kirjastoautot tavoittavat kylät.",
            "Henkilökunta auttaa mielellään.",
        )
    ):
        live_services.add_note(
            first,
            author=writer,
            group=group,
            body=text,
            now=now - timedelta(minutes=10 - minutes),
        )
    return {
        "live_phase_id": phase.id,
        "live_workshop_id": workshop.id,
        "live_join_code": workshop.join_code,
    }
