"""A process with goals, indicators, two periods of values and actions with notes.

Test modules import the fixtures by name: ``dashboard_world`` builds the data,
``english_pages`` reads the pages in English.

The numbers, and what the dashboard must make of them (today = 1.3.2026):

communal work (%, higher is better; targets psychologists 30, nurses 15)
  region  psychologists 2024-2025 27.5 -> 2025-2026 31.5  met, better, newly met
          nurses        16 -> 14                          not met by 1, worse, newly missed
  Org A   psychologists 2025-2026 25                      not met by 5, new
waiting time (days, lower is better; target 7)
  region  10 -> 9                                         not met by 2, better
survey average (1-5, no target), 2025-2026 3.8 from a survey
actions: overdue (in progress, due 1.9.2025), done (two status changes in
2025-2026), dropped (due before today, not overdue), planned without a due date.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from app.models import (
    Action,
    ActionNote,
    ActionStatus,
    Direction,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    IndicatorValue,
    Role,
    ValueOrigin,
    scope_key_for,
)

TODAY = date(2026, 3, 1)
PSY = "psykologit ja kuraattorit"
NURSE = "terveydenhoitajat"


def add_value(
    db,
    indicator,
    period,
    value,
    *,
    subgroup="",
    organisation=None,
    area="",
    origin=ValueOrigin.MANUAL,
):
    row = IndicatorValue(
        indicator=indicator,
        period=period,
        organisation=organisation,
        area=area,
        scope_key=scope_key_for(organisation.id if organisation else None, area),
        subgroup=subgroup,
        value=value,
        origin=origin,
    )
    db.session.add(row)
    return row


def add_action(
    db,
    goal,
    position,
    title,
    *,
    owner=None,
    due_on=None,
    status=ActionStatus.PLANNED,
    notes=(),
):
    action = Action(
        goal=goal,
        position=position,
        title=title,
        owner=owner,
        due_on=due_on,
        status=status,
    )
    db.session.add(action)
    for noted_on, note_status, body in notes:
        db.session.add(
            ActionNote(action=action, noted_on=noted_on, status=note_status, body=body)
        )
    return action


@pytest.fixture()
def english_pages(client):
    """Pages in English (the source texts); the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"


@pytest.fixture()
def dashboard_world(db, create_user, create_process, create_group, create_organisation):
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    member = create_user(Role.PARTICIPANT)
    process = create_process(facilitator=facilitator, observer=observer)
    org_a = create_organisation(name="Oppilaitos A")
    create_group(process, members=(member,), organisation=org_a)

    communal_goal = Goal(
        process=process,
        position=1,
        title={"fi": "Yhteisöllinen työ", "en": "Communal work"},
    )
    service_goal = Goal(
        process=process,
        position=2,
        title={"fi": "Palvelut", "en": "Services"},
    )
    db.session.add_all([communal_goal, service_goal])
    communal = Indicator(
        goal=communal_goal,
        position=1,
        unit="%",
        direction=Direction.HIGHER,
        source=IndicatorSource.REPORT,
        source_detail="Omavalvonta",
        title={"fi": "Yhteisöllisen työn osuus", "en": "Share of communal work"},
    )
    communal.targets = [
        IndicatorTarget(subgroup=PSY, value=30),
        IndicatorTarget(subgroup=NURSE, value=15),
    ]
    waiting = Indicator(
        goal=communal_goal,
        position=2,
        unit="days",
        direction=Direction.LOWER,
        title={"fi": "Odotusaika", "en": "Waiting time"},
    )
    waiting.targets = [IndicatorTarget(subgroup="", value=7)]
    feedback = Indicator(
        goal=service_goal,
        position=1,
        unit="1–5",
        direction=Direction.HIGHER,
        source=IndicatorSource.SURVEY,
        title={"fi": "Palaute", "en": "Feedback average"},
    )
    db.session.add_all([communal, waiting, feedback])
    add_value(db, communal, "2024-2025", 27.5, subgroup=PSY)
    add_value(db, communal, "2025-2026", 31.5, subgroup=PSY)
    add_value(db, communal, "2024-2025", 16, subgroup=NURSE)
    add_value(db, communal, "2025-2026", 14, subgroup=NURSE)
    add_value(db, communal, "2025-2026", 25, subgroup=PSY, organisation=org_a)
    add_value(db, waiting, "2024-2025", 10)
    add_value(db, waiting, "2025-2026", 9)
    add_value(db, feedback, "2025-2026", 3.8, origin=ValueOrigin.SURVEY)

    overdue = add_action(
        db,
        service_goal,
        1,
        "Palveluketjun kuvaus",
        owner=org_a,
        due_on=date(2025, 9, 1),
        status=ActionStatus.IN_PROGRESS,
        notes=[
            (date(2025, 6, 1), ActionStatus.IN_PROGRESS, "Aloitettu."),
            (date(2025, 10, 1), ActionStatus.IN_PROGRESS, "Luonnos valmis."),
        ],
    )
    done = add_action(
        db,
        service_goal,
        2,
        "Yhteistyöryhmän palaute",
        due_on=date(2026, 12, 31),
        status=ActionStatus.DONE,
        notes=[
            (date(2025, 9, 15), ActionStatus.IN_PROGRESS, "Kysely lähetetty."),
            (date(2026, 2, 1), ActionStatus.DONE, "Tulokset käsitelty."),
        ],
    )
    dropped = add_action(
        db,
        service_goal,
        3,
        "Vanha malli",
        due_on=date(2025, 12, 1),
        status=ActionStatus.DROPPED,
        notes=[(date(2024, 11, 1), ActionStatus.DROPPED, "Luovuttu.")],
    )
    planned = add_action(db, service_goal, 4, "Uusi mittari")
    db.session.commit()
    return SimpleNamespace(
        process=process,
        facilitator=facilitator,
        observer=observer,
        member=member,
        outsider=create_user(Role.MEMBER),
        org_a=org_a,
        communal_goal=communal_goal,
        service_goal=service_goal,
        communal=communal,
        waiting=waiting,
        feedback=feedback,
        overdue=overdue,
        done=done,
        dropped=dropped,
        planned=planned,
        url=f"/p/{process.slug}/monitoring/dashboard",
    )
