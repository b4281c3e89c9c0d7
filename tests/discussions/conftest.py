"""A process with a discussion phase and the people around it."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.discussions import services
from app.models import PhaseKind, Role


@pytest.fixture()
def world(db, create_user, create_process, create_phase, create_group):
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    member = create_user(Role.PARTICIPANT)
    process = create_process(facilitator=facilitator, observer=observer)
    create_group(process, members=(member,))
    now = datetime.now(UTC)
    phase = create_phase(
        process,
        kind=PhaseKind.DISCUSSION,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    discussion = services.ensure_discussion(phase)
    db.session.commit()
    return SimpleNamespace(
        process=process,
        phase=phase,
        discussion=discussion,
        facilitator=facilitator,
        observer=observer,
        member=member,
        admin=create_user(Role.ADMIN),
        outsider=create_user(Role.FACILITATOR),
        base=f"/p/{process.slug}/discussions/{phase.id}",
    )


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts; the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"
