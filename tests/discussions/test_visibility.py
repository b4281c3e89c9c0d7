"""The reading rule and the read-side counts, tested on the services directly."""

from datetime import UTC, datetime, timedelta

import pytest

from app.comments import answered_group_ids
from app.discussions import queries_threads as visibility
from app.discussions import services
from app.discussions import services_comments as comments
from app.extensions import db as _db
from app.models import Role, Visibility
from app.permissions import may_read_others


@pytest.fixture()
def two_groups(world, db, create_user, create_group):
    world.prompts = [
        services.add_prompt(world.discussion, question={"fi": f"K{n}?"}, guidance={})
        for n in (1, 2)
    ]
    db.session.commit()
    world.group = world.process.work_groups[0]
    world.other = create_user(Role.PARTICIPANT)
    world.other_group = create_group(world.process, members=(world.other,))
    return world


def answer(world, prompt, user, group, body="Vastaus"):
    comment, _ = comments.post_comment(
        prompt, author=user, group=group, body=body, now=datetime.now(UTC)
    )
    _db.session.commit()
    return comment


def test_after_own_answer_opens_only_that_prompt(two_groups):
    """Answering the first prompt opens the others' comments there, not on the second."""
    w, now = two_groups, datetime.now(UTC)
    first, second = w.prompts
    assert not may_read_others(first, [w.group], now)
    answer(w, first, w.member, w.group)
    assert may_read_others(first, [w.group], now)
    assert not may_read_others(second, [w.group], now)


def test_a_hidden_or_deleted_answer_does_not_count(two_groups, db):
    """Only a visible top-level comment counts as the group's answer."""
    w, now = two_groups, datetime.now(UTC)
    first = w.prompts[0]
    comment = answer(w, first, w.member, w.group)
    comment.hidden_at = now
    db.session.commit()
    assert not may_read_others(first, [w.group], now)
    assert visibility.answer_counts(w.discussion) == {}
    comment.hidden_at = None
    comment.deleted_at = now
    db.session.commit()
    assert answered_group_ids(first) == set()


def test_a_reply_is_not_an_answer(two_groups, db):
    """Replying under another group's comment does not answer the prompt."""
    w = two_groups
    w.discussion.visibility = Visibility.ALWAYS
    db.session.commit()
    first = w.prompts[0]
    top = answer(w, first, w.other, w.other_group)
    comments.post_comment(
        first,
        author=w.member,
        group=w.group,
        body="Vastaus",
        now=datetime.now(UTC),
        reply_to=top,
    )
    _db.session.commit()
    assert answered_group_ids(first) == {w.other_group.id}
    assert [p.id for p in visibility.unanswered_prompts(w.discussion, [w.group])] == [
        p.id for p in w.prompts
    ]


def test_everyone_reads_everything_after_the_close(two_groups):
    """Anchoring no longer matters once the discussion has closed."""
    w = two_groups
    after = w.phase.ends_at + timedelta(minutes=1)
    assert may_read_others(w.prompts[0], [w.group], after)


def test_counts_and_unanswered_prompts(two_groups):
    """Counts per prompt and the prompts a group still owes."""
    w = two_groups
    first, second = w.prompts
    answer(w, first, w.member, w.group)
    answer(w, first, w.other, w.other_group)
    answer(w, second, w.other, w.other_group)
    assert visibility.answer_counts(w.discussion) == {first.id: 2, second.id: 1}
    assert visibility.unanswered_prompts(w.discussion, [w.group]) == [second]
    assert visibility.unanswered_prompts(w.discussion, [w.other_group]) == []
    assert visibility.unanswered_prompts(w.discussion, []) == []


def test_the_thread_query_narrows_to_ones_own_group(two_groups):
    """When the rule hides others, the list holds the reader's own group only."""
    w = two_groups
    first = w.prompts[0]
    own = answer(w, first, w.member, w.group, "Oma")
    answer(w, first, w.other, w.other_group, "Toisen")
    stmt = visibility.thread_query(first, only_group_ids=[w.group.id])
    assert list(_db.session.scalars(stmt)) == [own]
    newest = visibility.thread_query(first, order=visibility.Order.NEWEST)
    assert [c.body for c in _db.session.scalars(newest)] == ["Toisen", "Oma"]
