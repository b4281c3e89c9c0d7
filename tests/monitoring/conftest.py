"""A process with a follow-up plan: a goal, an indicator with targets, and people.

The indicator follows communal work as a share of working time by school year:
psychologists and curators 30 %, school nurses 15 %, everyone else 20 % (the
general target), higher is better.
"""

from types import SimpleNamespace

import pytest

from app.models import Direction, PeriodKind, Role
from app.monitoring import services, services_indicators


@pytest.fixture()
def plan(db, create_user, create_process, create_group, create_organisation):
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    member = create_user(Role.PARTICIPANT)
    outsider = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator, observer=observer, language="fi")
    create_process(facilitator=outsider)
    school = create_organisation(name="Järvenpään kaupunki")
    create_group(process, members=(member,), organisation=school)
    other = create_organisation(name="Keuda")
    goal = services.add_goal(
        process,
        title={"fi": "Yhteisöllinen työ", "en": "Communal work"},
        description={"fi": "Lisää *yhteisöllistä* työtä."},
    )
    indicator = services_indicators.add_indicator(
        goal,
        title={"fi": "Yhteisöllisen työn osuus", "en": "Share of communal work"},
        unit="%",
        direction=Direction.HIGHER,
        period_kind=PeriodKind.SCHOOL_YEAR,
        targets=[
            ("", 20),
            ("psykologit ja kuraattorit", 30),
            ("terveydenhoitajat", 15),
        ],
    )
    db.session.commit()
    return SimpleNamespace(
        process=process,
        goal=goal,
        indicator=indicator,
        school=school,
        other=other,
        facilitator=facilitator,
        observer=observer,
        member=member,
        outsider=outsider,
        admin=create_user(Role.ADMIN),
        base=f"/p/{process.slug}/monitoring",
    )


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts (pages and the services' messages);
    the catalogues are tested elsewhere."""
    from flask_babel import force_locale

    with client.session_transaction() as session:
        session["lang"] = "en"
    with force_locale("en"):
        yield
