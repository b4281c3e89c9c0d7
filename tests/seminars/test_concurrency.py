"""The seat limit holds when many people press "Choose" at the same moment."""

import threading
from datetime import UTC, datetime

import sqlalchemy as sa

from app.extensions import db as _db
from app.models import GroupMembership, Role, WorkshopChoice

PEOPLE = 8
SEATS = 3


def test_simultaneous_choices_never_overfill(
    app, db, world, create_user, make_workshop
):
    """Eight members race for three places: three get one, five are told it is full."""
    workshop = make_workshop("Suosittu", seat_limit=SEATS)
    people = [create_user(Role.PARTICIPANT) for _ in range(PEOPLE)]
    for person in people:
        db.session.add(GroupMembership(group=world.group, user=person))
    db.session.commit()
    url = f"{world.base}/workshops/{workshop.id}/choose"
    user_ids = [person.get_id() for person in people]
    db.session.commit()  # end this thread's transaction: the writers need the lock
    barrier = threading.Barrier(PEOPLE, timeout=30)
    answers, errors = [], []

    def press(user_id: str) -> None:
        with app.app_context():
            client = app.test_client()
            with client.session_transaction() as session:
                session["_user_id"] = user_id
                session["_fresh"] = True
                session["last_seen"] = datetime.now(UTC).timestamp()
                session["lang"] = "en"
            try:
                barrier.wait()
                response = client.post(url, follow_redirects=True)
                answers.append(response.get_data(as_text=True))
            except Exception as error:  # collected and asserted below
                errors.append(error)
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=press, args=(uid,)) for uid in user_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    taken = _db.session.scalar(
        sa.select(sa.func.count(WorkshopChoice.id)).where(
            WorkshopChoice.workshop_id == workshop.id
        )
    )
    assert taken == SEATS
    full = [a for a in answers if "This workshop is full: choose another one." in a]
    assert len(full) == PEOPLE - SEATS
