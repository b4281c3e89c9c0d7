"""Which phase allows what (the table), and the rules that ask it, at frozen times."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from flask_login import AnonymousUserMixin
from freezegun import freeze_time

from app.discussions import services
from app.discussions import services_comments as comments
from app.models import PhaseKind, Role, Visibility
from app.permissions import (
    PHASE_ACTIONS,
    PhaseState,
    can,
    phase_allows,
    window_state,
)

NOT_OPEN, OPEN, CLOSED = PhaseState.NOT_OPEN, PhaseState.OPEN, PhaseState.CLOSED

#: Each kind x state -> what it allows. Everything not listed is refused.
EXPECTED = {
    ("discussion", OPEN): {"comment.post", "comment.reply", "comment.edit"},
    ("discussion", CLOSED): {"comment.read"},
    ("seminar", OPEN): {"note.post", "note.mark"},
    ("survey", OPEN): {"survey.answer"},
    ("ballot", OPEN): {"ballot.vote"},
}
ACTIONS = sorted(
    {"comment.read", "note.post", "note.mark", "survey.answer", "ballot.vote"}
    | {action for allowed in EXPECTED.values() for action in allowed}
)
KINDS = ["discussion", "seminar", "survey", "ballot"]

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
END = datetime(2026, 11, 9, 16, 0, tzinfo=UTC)
BEFORE = START - timedelta(hours=1)
DURING = START + timedelta(days=1)
AFTER = END + timedelta(hours=1)


def test_the_table_covers_every_kind_and_state():
    """Every kind of phase says what each of its three states allows."""
    assert sorted(PHASE_ACTIONS) == sorted(KINDS)
    for states in PHASE_ACTIONS.values():
        assert set(states) == set(PhaseState)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", list(PhaseState))
@pytest.mark.parametrize("kind", KINDS)
def test_phase_state_allows(kind, state, action):
    """Each phase kind x state x action is allowed exactly as the policy says."""
    allowed = action in EXPECTED.get((kind, state), set())
    assert phase_allows(kind, state, action) is allowed


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "now", "state"),
    [
        (None, None, DURING, NOT_OPEN),
        (START, END, BEFORE, NOT_OPEN),
        (START, END, START, OPEN),
        (START, END, DURING, OPEN),
        (START, END, END, CLOSED),
        (START, None, AFTER, OPEN),
    ],
)
def test_window_state(starts_at, ends_at, now, state):
    """Open from the start (inclusive) to the end (exclusive); no start: not open."""
    assert window_state(starts_at, ends_at, now) is state


# The rules that ask the table, on a real discussion ----------------------------


@pytest.fixture()
def discussion(db, create_user, create_process, create_phase, create_group):
    """A discussion from START to END with two groups, an author and a comment."""
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    author = create_user(Role.PARTICIPANT)
    reader = create_user(Role.PARTICIPANT)
    process = create_process(facilitator=facilitator, observer=observer)
    group = create_group(process, members=(author,))
    other_group = create_group(process, members=(reader,))
    phase = create_phase(
        process, kind=PhaseKind.DISCUSSION, starts_at=START, ends_at=END
    )
    found = services.ensure_discussion(phase)
    found.visibility = Visibility.AFTER_OWN_ANSWER
    found.edit_window_minutes = 30
    prompt = services.add_prompt(found, question={"fi": "Mitä?"}, guidance={})
    comment, _ = comments.post_comment(
        prompt, author=author, group=group, body="Ensin", now=DURING
    )
    db.session.commit()
    return SimpleNamespace(
        prompt=prompt,
        comment=comment,
        phase=phase,
        process=process,
        other_group=other_group,
        users={
            "anonymous": AnonymousUserMixin(),
            "admin": create_user(Role.ADMIN),
            "facilitator": facilitator,
            "observer": observer,
            "author": author,
            "reader": reader,
            "outsider": create_user(Role.PARTICIPANT),
        },
    )


@pytest.mark.parametrize(
    ("when", "allowed"),
    [(BEFORE, set()), (DURING, {"author", "reader"}), (AFTER, set())],
)
def test_comment_post_needs_a_group_and_an_open_discussion(discussion, when, allowed):
    """Members of the process's groups post while the discussion is open; no one else."""
    with freeze_time(when):
        for role, user in discussion.users.items():
            assert can(user, "comment.post", discussion.prompt) is (role in allowed)


@pytest.mark.parametrize(
    ("when", "allowed"),
    [
        (DURING, {"author"}),
        (DURING + timedelta(minutes=29), {"author"}),
        (DURING + timedelta(minutes=30), set()),
        (AFTER, set()),
    ],
)
def test_comment_edit_is_the_author_within_the_window(discussion, when, allowed):
    """Only the author edits, until the edit window passes or the discussion closes."""
    with freeze_time(when):
        for role, user in discussion.users.items():
            assert can(user, "comment.edit", discussion.comment) is (role in allowed)
            assert can(user, "comment.own", discussion.comment) is (role == "author")


@pytest.mark.parametrize(
    ("when", "allowed"),
    [
        # The reader's group has not answered: others' comments wait (anchoring).
        (DURING, {"admin", "facilitator", "observer", "author"}),
        # After the close everyone reads everything.
        (AFTER, {"admin", "facilitator", "observer", "author", "reader"}),
    ],
)
def test_comment_read_follows_the_reading_rule(discussion, when, allowed):
    """Others' comments: the team always, a group after answering or after the close."""
    with freeze_time(when):
        for role, user in discussion.users.items():
            if role in ("anonymous", "outsider"):
                continue  # they never get as far as the page
            assert can(user, "comment.read", discussion.prompt) is (role in allowed)


def test_answering_opens_the_others_comments(discussion, db):
    """The reader's group answers: now it reads and may reply to the others' threads."""
    reader = discussion.users["reader"]
    with freeze_time(DURING):
        assert not can(reader, "comment.reply", discussion.comment)
        assert not can(reader, "comment.view", discussion.comment)
        comments.post_comment(
            discussion.prompt,
            author=reader,
            group=discussion.other_group,
            body="Meidän vastaus",
            now=DURING,
        )
        db.session.commit()
        assert can(reader, "comment.read", discussion.prompt)
        assert can(reader, "comment.reply", discussion.comment)
        assert can(reader, "comment.view", discussion.comment)


@pytest.mark.parametrize("when", [DURING, AFTER])
def test_comment_reply_is_for_the_groups(discussion, when):
    """Replying is for group members who read the thread; the team only reads it."""
    users = discussion.users
    with freeze_time(when):
        assert can(users["author"], "comment.reply", discussion.comment)
        for role in ("anonymous", "admin", "facilitator", "observer", "outsider"):
            assert not can(users[role], "comment.reply", discussion.comment)
        assert can(users["observer"], "comment.view", discussion.comment)


@pytest.mark.parametrize(
    ("when", "allowed"),
    [
        (DURING, {"admin", "facilitator", "observer"}),
        (AFTER, {"admin", "facilitator", "observer", "author", "reader"}),
    ],
)
def test_summary_read_waits_for_the_close(discussion, when, allowed):
    """The team reads the summary any time; participants once its scope has closed."""
    with freeze_time(when):
        for scope in (discussion.process, discussion.phase):
            for role, user in discussion.users.items():
                assert can(user, "summary.read", scope) is (role in allowed)
