"""Participation overview: the numbers, who may read it, and reminders once a day."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from freezegun import freeze_time

from app.discussions import queries_participation as participation
from app.discussions import services
from app.discussions import services_reminders as reminders
from app.models import Comment, OutboxMessage, Role


def _comment(db, prompt, group, author, *, at, parent=None, **extra):
    comment = Comment(
        prompt_id=prompt.id,
        group_id=group.id,
        author_id=author.id,
        parent_id=parent.id if parent is not None else None,
        reply_to_id=parent.id if parent is not None else None,
        body="Teksti",
        body_html="<p>Teksti</p>",
        created_at=at,
        updated_at=at,
        **extra,
    )
    db.session.add(comment)
    db.session.flush()
    return comment


@pytest.fixture()
def scene(world, db, create_user, create_group):
    """Four groups, three prompts; answers, replies, a deleted and a hidden comment.

    A answers all three and replies to B; B answers Q1 only (its Q2 answer is deleted,
    its Q3 answer hidden, and it replies in A's Q2 thread); C says nothing; D answers
    Q2 and edits it later.
    """
    p1 = services.add_prompt(
        world.discussion, question={"fi": "Kysymys 1?"}, guidance={}
    )
    p2 = services.add_prompt(
        world.discussion, question={"fi": "Kysymys 2?", "sv": "Fråga 2?"}, guidance={}
    )
    p3 = services.add_prompt(
        world.discussion, question={"fi": "Kysymys 3?"}, guidance={}
    )
    a = world.process.work_groups[0]
    a.name = "A-ryhmä"
    b_user, d_user = create_user(Role.PARTICIPANT), create_user(Role.PARTICIPANT)
    b = create_group(world.process, name="B-ryhmä", members=(b_user,))
    b.contact_email = "b@example.fi"
    c = create_group(world.process, name="C-ryhmä", contact_email="c@example.fi")
    d = create_group(world.process, name="D-ryhmä", members=(d_user,))
    d.contact_email = "d@example.fi"
    t0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    hour = timedelta(hours=1)
    m = world.member
    _comment(db, p1, a, m, at=t0)
    a2 = _comment(db, p2, a, m, at=t0 + hour)
    _comment(db, p3, a, m, at=t0 + 2 * hour)
    b1 = _comment(db, p1, b, b_user, at=t0 + 3 * hour)
    a_reply = _comment(db, p1, a, m, at=t0 + 4 * hour, parent=b1)
    _comment(db, p2, b, b_user, at=t0 + 9 * hour, deleted_at=t0 + 9 * hour)
    _comment(db, p3, b, b_user, at=t0 + 5 * hour, hidden_at=t0 + 6 * hour)
    _comment(db, p2, b, b_user, at=t0 + 7 * hour, parent=a2)
    _comment(db, p2, d, d_user, at=t0 + hour, edited_at=t0 + 8 * hour)
    db.session.commit()
    return SimpleNamespace(
        prompts=[p1, p2, p3], a=a, b=b, c=c, d=d, t0=t0, hour=hour, a_reply=a_reply
    )


def test_overview_counts_answers_comments_activity_and_members(scene, world):
    """Deleted and hidden comments are no answers; replies count as comments only."""
    overview = participation.build_overview(world.discussion)
    p1, p2, p3 = (p.id for p in scene.prompts)
    rows = {row.group.name: row for row in overview.rows}
    assert list(rows) == ["A-ryhmä", "B-ryhmä", "C-ryhmä", "D-ryhmä"]

    assert rows["A-ryhmä"].answered == {p1: True, p2: True, p3: True}
    assert rows["B-ryhmä"].answered == {p1: True, p2: False, p3: False}
    assert rows["C-ryhmä"].answered == {p1: False, p2: False, p3: False}
    assert rows["D-ryhmä"].answered == {p1: False, p2: True, p3: False}

    # B: its answer, its hidden answer and its reply; not the deleted one.
    counts = {name: row.comment_count for name, row in rows.items()}
    assert counts == {"A-ryhmä": 4, "B-ryhmä": 3, "C-ryhmä": 0, "D-ryhmä": 1}

    t0, hour = scene.t0, scene.hour
    assert rows["A-ryhmä"].last_activity == t0 + 4 * hour
    assert rows["B-ryhmä"].last_activity == t0 + 7 * hour  # the deleted one is later
    assert rows["C-ryhmä"].last_activity is None
    assert rows["D-ryhmä"].last_activity == t0 + 8 * hour  # the edit
    assert overview.last_activity == t0 + 8 * hour

    assert [row.member_count for row in rows.values()] == [1, 1, 0, 1]
    assert [(t.answered, t.total) for t in overview.prompt_totals] == [
        (2, 4),
        (2, 4),
        (1, 4),
    ]
    assert overview.all_answered == 1
    assert overview.none_answered == 1
    assert overview.comment_count == 8
    assert [row.group.name for row in overview.missing_rows()] == [
        "B-ryhmä",
        "C-ryhmä",
        "D-ryhmä",
    ]


def test_groups_to_remind_need_a_contact_email(scene, world):
    """A group without a contact email is not reminded; one that answered all neither."""
    scene.a.contact_email = "a@example.fi"
    assert reminders.groups_to_remind(world.discussion) == [
        scene.b,
        scene.c,
        scene.d,
    ]
    scene.b.contact_email = ""
    plan = reminders.reminder_plan(world.discussion, datetime.now(UTC))
    assert [r.group for r in plan.to_remind] == [scene.c, scene.d]
    assert [r.group for r in plan.without_contact] == [scene.b]
    assert [p.id for p in plan.without_contact[0].missing] == [
        scene.prompts[1].id,
        scene.prompts[2].id,
    ]


def test_the_letter_names_the_missing_questions_link_and_close_time(scene, world, db):
    """The letter is in the process's language and has the join link and the end."""
    world.process.language = "sv"
    result = reminders.queue_reminders(world.discussion, now=datetime.now(UTC))
    assert result == (3, 0, 0)
    letter = db.session.scalar(
        sa.select(OutboxMessage).where(OutboxMessage.recipient == "d@example.fi")
    )
    assert letter.kind == "reminder"
    assert letter.process_id == world.process.id
    assert "Kysymys 1?" in letter.body_text  # no Swedish text: the fallback
    assert "Fråga 2?" not in letter.body_text  # D has answered Q2
    assert "Kysymys 3?" in letter.body_text
    assert f"/join/{scene.d.invite_code}" in letter.body_text
    assert f"/p/{world.process.slug}/discussions/{world.phase.id}/" in letter.body_text
    assert str(world.phase.ends_at.year) in letter.body_text


def test_a_closed_invite_is_not_offered(scene, world, db):
    """The join link is left out while the group's invitation is closed."""
    scene.c.invite_open = False
    reminders.queue_reminders(world.discussion, now=datetime.now(UTC))
    letter = db.session.scalar(
        sa.select(OutboxMessage).where(OutboxMessage.recipient == "c@example.fi")
    )
    assert "/join/" not in letter.body_text


def test_no_reminders_outside_the_open_time(scene, world):
    """Before the start and after the end the service refuses."""
    with pytest.raises(reminders.DiscussionNotOpen):
        reminders.queue_reminders(
            world.discussion, now=world.phase.ends_at + timedelta(minutes=1)
        )
    with pytest.raises(reminders.DiscussionNotOpen):
        reminders.queue_reminders(
            world.discussion, now=world.phase.starts_at - timedelta(minutes=1)
        )


def test_empty_discussion_has_an_empty_overview(world, client, auth):
    """Without prompts nobody is missing anything and the page says so."""
    overview = participation.build_overview(world.discussion)
    assert overview.prompts == [] and overview.missing_rows() == []
    assert reminders.groups_to_remind(world.discussion) == []
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/participation").get_data(as_text=True)
    assert "The discussion has no questions yet." in page


def test_no_groups_empty_state(
    client, auth, create_user, create_process, create_phase, db
):
    """A process without work groups shows an empty state, not an empty table."""
    facilitator = create_user(Role.FACILITATOR)
    process = create_process(facilitator=facilitator)
    now = datetime.now(UTC)
    phase = create_phase(process, starts_at=now, ends_at=now + timedelta(days=1))
    discussion = services.ensure_discussion(phase)
    services.add_prompt(discussion, question={"fi": "K?"}, guidance={})
    db.session.commit()
    auth.login_as(facilitator)
    page = client.get(f"/p/{process.slug}/discussions/{phase.id}/participation")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "This process has no work groups yet." in text
    assert "<table" not in text


# Routes ----------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, world):
    """Both pages ask anonymous visitors to sign in."""
    for page in ("/participation", "/participation/remind"):
        response = client.get(world.base + page)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("who", "overview", "remind"),
    [
        ("facilitator", 200, 200),
        ("admin", 200, 200),
        ("observer", 200, 403),
        ("member", 403, 403),
        ("outsider", 403, 403),
    ],
)
def test_who_may_read_and_remind(client, auth, world, scene, who, overview, remind):
    """Facilitators and admins do both, observers only read, others neither."""
    auth.login_as(getattr(world, who))
    assert client.get(world.base + "/participation").status_code == overview
    assert client.get(world.base + "/participation/remind").status_code == remind
    if remind == 403:
        assert client.post(world.base + "/participation/remind").status_code == 403


def test_the_table_says_answered_in_text(client, auth, world, scene):
    """Cells say "Answered"/"Not answered"; totals; the legend; a scrollable region."""
    auth.login_as(world.observer)
    page = client.get(world.base + "/participation").get_data(as_text=True)
    assert page.count(">Answered<") == 5
    assert page.count(">Not answered<") == 7
    assert "2 / 4 answered" in page and "1 / 4 answered" in page
    assert 'role="region"' in page and 'tabindex="0"' in page
    assert '<abbr title="Kysymys 1?">Q1</abbr>' in page
    assert "no activity" in page
    # Observers read but do not remind.
    assert "/participation/remind" not in page


def test_filter_shows_only_groups_missing_answers(client, auth, world, scene):
    """?show=missing leaves out the group that has answered everything."""
    auth.login_as(world.facilitator)
    everyone = client.get(world.base + "/participation").get_data(as_text=True)
    missing = client.get(world.base + "/participation?show=missing").get_data(
        as_text=True
    )
    assert "A-ryhmä" in everyone and "A-ryhmä" not in missing
    assert "B-ryhmä" in missing and "C-ryhmä" in missing
    assert "/participation/remind" in everyone


def test_confirmation_lists_recipients_and_skipped(client, auth, world, scene):
    """The confirmation page names who gets a letter and who lacks a contact email."""
    scene.b.contact_email = ""
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/participation/remind").get_data(as_text=True)
    assert "c@example.fi" in page and "d@example.fi" in page
    assert "Skipped: no contact email" in page
    assert "B-ryhmä" in page and "A-ryhmä" not in page
    assert "Send the reminders" in page


def _reminders(db):
    return list(
        db.session.scalars(
            sa.select(OutboxMessage).where(OutboxMessage.kind == "reminder")
        )
    )


def test_reminders_go_once_a_day(client, auth, world, scene, db):
    """Sending twice the same day queues one letter a group; the next day new ones."""
    scene.b.contact_email = ""
    db.session.commit()
    auth.login_as(world.facilitator)
    today = datetime.now(UTC)
    with freeze_time(today):
        first = client.post(world.base + "/participation/remind")
        assert first.status_code == 302
        assert first.headers["Location"].endswith("/participation")
        client.post(world.base + "/participation/remind")
        follow = client.get(world.base + "/participation").get_data(as_text=True)
    letters = _reminders(db)
    assert sorted(m.recipient for m in letters) == ["c@example.fi", "d@example.fi"]
    assert all(m.sent_at is not None for m in letters)
    assert "groups had already been reminded today" in follow
    with freeze_time(today + timedelta(days=1)):
        auth.login_as(world.facilitator)  # the idle timeout ended the first session
        assert client.post(world.base + "/participation/remind").status_code == 302
    assert len(_reminders(db)) == 4


def test_the_summary_is_flashed(client, auth, world, scene):
    """After sending, the overview says how many went and how many were skipped."""
    scene.b.contact_email = ""
    auth.login_as(world.facilitator)
    page = client.post(
        world.base + "/participation/remind", follow_redirects=True
    ).get_data(as_text=True)
    assert "2 reminders sent." in page
    assert "1 group has no contact email and was skipped." in page


@pytest.mark.parametrize("shift", [timedelta(days=-30), timedelta(days=30)])
def test_refused_when_the_discussion_is_not_open(client, auth, world, scene, db, shift):
    """Before the start or after the end: a message, no form, and POST queues nothing."""
    # Move the discussion rather than the clock: the sign-in session keeps working.
    world.phase.starts_at += shift
    world.phase.ends_at += shift
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/participation/remind")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "only while the discussion is open" in text
    assert "Send the reminders" not in text
    assert client.post(world.base + "/participation/remind").status_code == 409
    assert _reminders(db) == []


def test_a_failed_letter_stays_queued(client, auth, world, scene, db, monkeypatch):
    """When the mail server fails the reminders stay in the outbox and the page says so."""

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("app.outbox.services.send_mail", broken)
    auth.login_as(world.facilitator)
    page = client.post(
        world.base + "/participation/remind", follow_redirects=True
    ).get_data(as_text=True)
    assert "could not be sent now" in page
    letters = _reminders(db)
    assert len(letters) == 3 and all(m.sent_at is None for m in letters)


def test_sending_needs_the_csrf_token(csrf_app, world, scene, db):
    """With CSRF protection on, a POST without the token queues nothing."""
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = world.facilitator.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
    assert client.post(world.base + "/participation/remind").status_code == 400
    assert _reminders(db) == []
