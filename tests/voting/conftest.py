"""A process ready for voting: people in every role, themes, groups and a ballot factory.

Shared by every voting test module; add fixtures here only if they are new (never
rename or change the meaning of the existing ones, other modules rely on them).
"""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.models import PhaseKind, Role
from app.voting import services


@pytest.fixture()
def ballot_world(
    db,
    create_user,
    create_process,
    create_phase,
    create_group,
    create_organisation,
    create_theme,
    create_ballot,
):
    """A process (main language fi) with a discussion phase open now.

    People: ``facilitator``, ``observer`` (process roles), ``admin``, ``outsider``
    (a facilitator of no role here); ``member`` and ``teammate`` in ``group``
    (organisation ``organisation``), ``other_member`` in ``other_group``
    (``other_organisation``). ``themes``: four themes in order.
    ``make_ballot(**overrides)`` saves a ballot through ``services.save_ballot``
    (default: pick up to 2 of all themes, per work group, open from an hour ago
    for a day, results after the close) and commits. ``cast(ballot, voter, group,
    choice, now=None)`` casts a vote through ``services.cast_vote`` and commits.
    """
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    member = create_user(Role.PARTICIPANT, name="Maija Meikäläinen")
    teammate = create_user(Role.PARTICIPANT, name="Teemu Tiimiläinen")
    other_member = create_user(Role.PARTICIPANT, name="Olli Muu")
    process = create_process(facilitator=facilitator, observer=observer)
    organisation = create_organisation(name="Keski-Uudenmaan koulutus")
    other_organisation = create_organisation(name="Järvenpään kaupunki")
    group = create_group(
        process,
        name="Ryhmä Aalto",
        organisation=organisation,
        members=(member, teammate),
    )
    other_group = create_group(
        process,
        name="Ryhmä Bore",
        organisation=other_organisation,
        members=(other_member,),
    )
    themes = [
        create_theme(process, title={"fi": f"Teema {n}", "en": f"Theme {n}"})
        for n in range(1, 5)
    ]
    now = datetime.now(UTC)
    phase = create_phase(
        process,
        kind=PhaseKind.DISCUSSION,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    db.session.commit()

    def make_ballot(**overrides):
        values = {
            "description": {"fi": "Valitkaa *kaksi* tärkeintä."},
            "opens_at": now - timedelta(hours=1),
            "closes_at": now + timedelta(days=1),
        }
        target_phase = overrides.pop("phase", phase)
        values.update(overrides)
        return create_ballot(target_phase, **values)

    def cast(ballot, voter, group, choice, now=None):
        vote, _created = services.cast_vote(
            ballot,
            voter=voter,
            group=group,
            choice=choice,
            now=now or datetime.now(UTC),
        )
        db.session.commit()
        return vote

    return SimpleNamespace(
        process=process,
        phase=phase,
        facilitator=facilitator,
        observer=observer,
        admin=create_user(Role.ADMIN),
        outsider=create_user(Role.FACILITATOR),
        member=member,
        teammate=teammate,
        other_member=other_member,
        group=group,
        other_group=other_group,
        organisation=organisation,
        other_organisation=other_organisation,
        themes=themes,
        now=now,
        make_ballot=make_ballot,
        cast=cast,
        base=f"/p/{process.slug}",
    )


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts; the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"
