"""Erasing a process: everything under it goes, other processes stay untouched."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db as _db
from app.models import Comment, Process, Role, User


def table_counts(db) -> dict[str, int]:
    """Rows per table, for comparing the whole database before and after."""
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in _db.metadata.sorted_tables
    }


def test_erasing_removes_everything_under_the_process(
    client, auth, db, people, create_user, build_process
):
    """After erasing, every table holds exactly what it held before the process was
    made: phases, groups, comments, votes, seminars, surveys, follow-up, monitoring,
    letters and the participants of this process alone are gone; another process,
    the organisations and the staff accounts stay."""
    control = build_process(
        author=people.other,
        other=people.participant,
        facilitator=people.facilitator,
        words="Säilyy",
    )
    only_here = create_user(Role.PARTICIPANT, name="Vain Täällä")
    only_here_id = only_here.id
    before = table_counts(db)
    doomed = build_process(
        author=only_here,
        other=people.participant,
        facilitator=people.facilitator,
        words="Poistuu",
    )
    assert table_counts(db) != before
    slug = doomed.process.slug
    auth.login_as(people.facilitator)

    page = client.get(f"/p/{slug}/erase")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Participant accounts that belong only to this process" in html
    assert f"type the web address of the process: {slug}" in html

    wrong = client.post(f"/p/{slug}/erase", data={"slug": control.process.slug})
    assert wrong.status_code == 422
    assert "The web address does not match. Nothing was erased." in wrong.get_data(
        as_text=True
    )
    assert db.session.scalar(sa.select(Process.id).where(Process.slug == slug))

    response = client.post(f"/p/{slug}/erase", data={"slug": f" {slug} "})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/p/")
    db.session.expire_all()
    after = table_counts(db)
    # The only-here participant was created before the snapshot: one user fewer.
    # The group's organisation (made with the process) stays: organisations outlive
    # processes.
    assert after == {
        **before,
        "users": before["users"] - 1,
        "organisations": before["organisations"] + 1,
    }
    assert db.session.get(User, only_here_id) is None
    assert db.session.get(User, people.participant.id) is not None
    assert db.session.get(User, people.facilitator.id) is not None
    assert (
        db.session.get(Comment, control.mine.id).body
        == "Säilyy: oma kommentti ääkkösin"
    )
    listing = client.get("/p/").get_data(as_text=True)
    assert "has been erased." in listing


def test_the_confirmation_page_counts_what_goes(
    client, auth, db, people, build_process
):
    """The counts: phases, groups, comments, votes, values, accounts of this process."""
    world = build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    auth.login_as(people.admin)
    html = client.get(f"/p/{world.process.slug}/erase").get_data(as_text=True)
    facts = dict(
        (label, number)
        for label, number in __import__("re").findall(
            r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html
        )
    )
    assert facts == {
        "Phases": "3",
        "Work groups and their memberships": "1",
        "Comments": "5",
        "Votes": "2",
        "Survey responses": "1",
        "Indicator values": "1",
        "Participant accounts that belong only to this process": "2",
    }


def test_a_participant_of_two_processes_keeps_the_account(
    client, auth, db, people, build_process
):
    """Accounts that also belong to another process are not erased with this one."""
    build_process(
        author=people.participant,
        other=people.admin,
        facilitator=people.facilitator,
        words="Toinen",
    )
    world = build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    other_id = people.other.id
    auth.login_as(people.facilitator)
    response = client.post(
        f"/p/{world.process.slug}/erase", data={"slug": world.process.slug}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, people.participant.id) is not None
    assert len(people.participant.memberships) == 1
    assert db.session.get(User, other_id) is None


def test_only_admins_and_the_facilitators_may_erase(
    client, auth, db, people, create_user, create_process, build_process
):
    """A facilitator of another process, an observer and a member get 403."""
    world = build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    stranger = create_user(Role.FACILITATOR)
    create_process(facilitator=stranger)
    url = f"/p/{world.process.slug}/erase"
    for user in (stranger, people.participant):
        auth.login_as(user)
        assert client.get(url).status_code == 403
        assert client.post(url, data={"slug": world.process.slug}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Process, world.process.id) is not None
    auth.login_as(people.facilitator)
    detail = client.get(f"/p/{world.process.slug}/").get_data(as_text=True)
    assert f'href="{url}"' in detail
    auth.login_as(people.participant)
    detail = client.get(f"/p/{world.process.slug}/").get_data(as_text=True)
    assert f'href="{url}"' not in detail


def test_an_unknown_process_is_404(client, auth, people):
    """Erasing a process that does not exist: 404."""
    auth.login_as(people.admin)
    assert client.get("/p/ei-ole/erase").status_code == 404


def test_erasing_is_set_apart_from_editing_and_marked_as_dangerous(
    client, auth, db, people, build_process
):
    """The process page offers erasing only in a red section of its own at the end,
    never among the editing buttons, and says what goes before the confirmation."""
    world = build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    auth.login_as(people.facilitator)
    html = client.get(f"/p/{world.process.slug}/").get_data(as_text=True)
    erase_url = f"/p/{world.process.slug}/erase"
    actions = html.split('<div class="page-actions">')[1].split("</div>")[0]
    assert "/edit" in actions and erase_url not in actions
    zone = html.split('<section class="danger-zone"')[1].split("</section>")[0]
    assert f'class="button button-danger" href="{erase_url}"' in zone
    assert "cannot be undone" in zone
    assert html.index('class="danger-zone"') > html.index('id="groups')


def test_participants_see_no_erasing(client, auth, db, people, build_process):
    """Without the right, the process page has no danger section at all."""
    world = build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    auth.login_as(people.participant)
    html = client.get(f"/p/{world.process.slug}/").get_data(as_text=True)
    assert "danger-zone" not in html and "/erase" not in html
