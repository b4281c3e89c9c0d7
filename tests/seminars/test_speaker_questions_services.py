"""Questions to the speakers' services: asking (limits, hours, talks), likes (one per
person, taken back, a race), moderation states, what the room sees, sorting, the
memo and the summary exports."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.comments import NotInGroup
from app.errors import NotAllowed
from app.extensions import db as _db
from app.models import (
    AgendaKind,
    QuestionState,
    Role,
    SpeakerQuestion,
    SpeakerQuestionLike,
)
from app.seminars import queries_questions as queries
from app.seminars import services
from app.seminars import services_memos as memos
from app.seminars import services_questions as questions

from .test_live_votes_services import rendered, together


def ask(world, talk, body="Miten tämä rahoitetaan?", who=None, **kwargs):
    question, _ = questions.ask(
        world.seminar,
        talk=talk,
        author=who or world.member,
        group=world.group,
        body=body,
        now=kwargs.pop("now", datetime.now(UTC)),
        **kwargs,
    )
    _db.session.commit()
    return question


def like(question, user):
    result = questions.like(question, user=user, now=datetime.now(UTC))
    _db.session.commit()
    return result


def test_the_talk_on_now_by_the_agenda(db, world, talks):
    """On now; between talks the next; after the last the last; none without talks."""
    on_now, later = talks
    now = datetime.now(UTC)
    assert queries.current_talk(world.seminar, now) == on_now
    assert queries.current_talk(world.seminar, now + timedelta(minutes=25)) == later
    assert queries.current_talk(world.seminar, now - timedelta(hours=1)) == on_now
    assert queries.current_talk(world.seminar, now + timedelta(hours=3)) == later


def test_ask_a_question(db, world, talks):
    """Trimmed, to the talk, with the group; the version grows; a resend is one."""
    on_now, _ = talks
    before = world.seminar.live_version
    question = ask(world, on_now, "  Miten tämä rahoitetaan?\r\n ", submission_key="k1")
    assert question.body == "Miten tämä rahoitetaan?"
    assert question.agenda_item_id == on_now.id and question.group_id == world.group.id
    assert question.state is QuestionState.NEW
    assert world.seminar.live_version > before
    again, created = questions.ask(
        world.seminar,
        talk=on_now,
        author=world.member,
        group=world.group,
        body="Miten tämä rahoitetaan?",
        now=datetime.now(UTC),
        submission_key="k1",
    )
    assert not created and again.id == question.id


@pytest.mark.parametrize(
    "body, error",
    [("   ", questions.EmptyQuestion), ("k" * 281, questions.QuestionTooLong)],
)
def test_the_text_is_checked(db, world, talks, body, error):
    with pytest.raises(error):
        ask(world, talks[0], body)


def test_280_characters_is_allowed(db, world, talks):
    assert len(ask(world, talks[0], "k" * 280).body) == 280


def test_only_a_talk_of_this_seminar(db, world, talks):
    """A workshop block is not a talk; with talks on the agenda, None is refused."""
    block = services.add_agenda_item(
        world.seminar,
        kind=AgendaKind.WORKSHOPS,
        starts_at=talks[1].ends_at,
        ends_at=None,
        title={"fi": "Työpajat"},
    )
    with pytest.raises(questions.NotATalk):
        ask(world, block)
    with pytest.raises(questions.NotATalk):
        ask(world, None)


def test_to_the_seminar_without_talks(db, world):
    now = datetime.now(UTC)
    world.phase.starts_at = now - timedelta(minutes=10)
    world.phase.ends_at = now + timedelta(hours=2)
    question = ask(world, None)
    assert question.agenda_item_id is None
    assert [
        r.question for r in queries.visible_questions(world.seminar, None, world.member)
    ] == [question]


def test_the_seminars_hours(db, world, talks):
    """From 30 minutes before the start to an hour after the end."""
    on_now, _ = talks
    with pytest.raises(questions.QuestionsNotOpen):
        ask(world, on_now, now=world.phase.starts_at - timedelta(minutes=31))
    with pytest.raises(questions.QuestionsClosed):
        ask(world, on_now, now=world.phase.ends_at + timedelta(minutes=61))


def test_only_members_ask_and_like(db, world, talks, create_user):
    on_now, _ = talks
    with pytest.raises(NotInGroup):
        ask(world, on_now, who=world.observer)
    _db.session.rollback()
    question = ask(world, on_now)
    for person in (world.observer, world.outsider, create_user(Role.PARTICIPANT)):
        with pytest.raises(NotAllowed):
            questions.like(question, user=person, now=datetime.now(UTC))


def test_like_once_and_take_it_back(db, world, talks):
    """A second like changes nothing; the like is taken back; one's own is refused."""
    question = ask(world, talks[0])
    version = world.seminar.live_version
    assert like(question, world.other_member) is True
    assert world.seminar.live_version > version
    assert like(question, world.other_member) is False
    [row] = queries.visible_questions(world.seminar, talks[0], world.other_member)
    assert row.likes == 1 and row.liked and not row.mine
    with pytest.raises(questions.OwnQuestion):
        questions.like(question, user=world.member, now=datetime.now(UTC))
    assert questions.unlike(question, user=world.other_member, now=datetime.now(UTC))
    assert not questions.unlike(
        question, user=world.other_member, now=datetime.now(UTC)
    )
    _db.session.commit()
    [row] = queries.visible_questions(world.seminar, talks[0], world.other_member)
    assert row.likes == 0 and not row.liked


def test_the_database_refuses_a_second_like(db, world, talks):
    question = ask(world, talks[0])
    like(question, world.other_member)
    _db.session.add(
        SpeakerQuestionLike(question_id=question.id, user_id=world.other_member.id)
    )
    with pytest.raises(IntegrityError):
        _db.session.flush()
    _db.session.rollback()


def test_liking_at_once_from_two_tabs_keeps_one_like(app, db, world, talks):
    """Four taps at the same moment: one like, every tap answered without an error."""
    question = ask(world, talks[0])
    question_id, user_id = question.id, world.other_member.id
    _db.session.commit()

    def tap(n: int) -> bool:
        return questions.like(
            _db.session.get(SpeakerQuestion, question_id),
            user=_db.session.get(type(world.other_member), user_id),
            now=datetime.now(UTC),
        )

    outcomes = together(app, 4, tap)
    assert sorted(outcomes) == [False, False, False, True], outcomes
    likes = _db.session.scalar(
        sa.select(sa.func.count(SpeakerQuestionLike.id)).where(
            SpeakerQuestionLike.question_id == question_id
        )
    )
    assert likes == 1


def test_sorting_by_likes_or_newest(db, world, talks, create_user, create_group):
    on_now, later = talks
    first = ask(world, on_now, "Ensimmäinen")
    second = ask(world, on_now, "Toinen")
    third = ask(world, on_now, "Kolmas")
    ask(world, later, "Toiselle puhujalle")
    fans = [create_user(Role.PARTICIPANT) for _ in range(2)]
    create_group(world.process, members=tuple(fans))
    for fan in fans:
        like(second, fan)
    like(first, fans[0])
    by_likes = queries.visible_questions(world.seminar, on_now, world.other_member)
    assert [r.question.body for r in by_likes] == ["Toinen", "Ensimmäinen", "Kolmas"]
    assert [r.likes for r in by_likes] == [2, 1, 0]
    newest = queries.visible_questions(
        world.seminar, on_now, world.other_member, "newest"
    )
    assert [r.question.id for r in newest] == [third.id, second.id, first.id]


def test_moderation_states(db, world, talks):
    """Shortlisted questions are the presenter's; answered leave it; hidden leave the
    room's list (the asker still sees theirs) and come back in their state."""
    on_now, _ = talks
    question = ask(world, on_now)
    other = ask(world, on_now, "Toinen kysymys")
    now = datetime.now(UTC)
    version = world.seminar.live_version
    questions.set_state(
        question, QuestionState.SHORTLISTED, actor=world.facilitator, now=now
    )
    _db.session.commit()
    assert world.seminar.live_version > version
    assert [r.question for r in queries.shortlist(world.seminar, on_now)] == [question]
    with pytest.raises(questions.SameState):
        questions.set_state(
            question, QuestionState.SHORTLISTED, actor=world.facilitator, now=now
        )
    questions.hide(question, actor=world.facilitator, now=now)
    _db.session.commit()
    assert queries.shortlist(world.seminar, on_now) == []
    seen = queries.visible_questions(world.seminar, on_now, world.other_member)
    assert [r.question for r in seen] == [other]
    assert question in queries.own_questions(world.seminar, on_now, world.member)
    with pytest.raises(questions.QuestionNotShown):
        questions.like(question, user=world.other_member, now=now)
    questions.restore(question, actor=world.facilitator, now=now)
    assert question.state is QuestionState.SHORTLISTED
    questions.set_state(
        question, QuestionState.ANSWERED, actor=world.facilitator, now=now
    )
    _db.session.commit()
    assert queries.shortlist(world.seminar, on_now) == []
    assert question.moderated_by_id == world.facilitator.id


def test_delete_a_question_with_its_likes(db, world, talks):
    question = ask(world, talks[0])
    like(question, world.other_member)
    questions.delete_question(question, actor=world.facilitator)
    _db.session.commit()
    assert _db.session.scalar(sa.select(sa.func.count(SpeakerQuestionLike.id))) == 0
    assert queries.all_questions(world.seminar) == {}


def _answered_and_shortlisted(world, talks):
    on_now, later = talks
    now = datetime.now(UTC)
    answered = ask(world, on_now, "Miten tämä rahoitetaan?")
    shortlisted = ask(world, later, "Kuka vastaa jatkosta?")
    ask(world, on_now, "Uusi, ei valittu")
    hidden = ask(world, on_now, "Piilotettu kysymys")
    like(answered, world.other_member)
    questions.set_state(
        answered, QuestionState.ANSWERED, actor=world.facilitator, now=now
    )
    questions.set_state(
        shortlisted, QuestionState.SHORTLISTED, actor=world.facilitator, now=now
    )
    questions.set_state(
        hidden, QuestionState.ANSWERED, actor=world.facilitator, now=now
    )
    questions.hide(hidden, actor=world.facilitator, now=now)
    _db.session.commit()


def test_the_seminar_memo_has_the_questions(db, world, talks):
    """Answered and shortlisted questions per talk; new and hidden ones are left out."""
    _answered_and_shortlisted(world, talks)
    results = memos.draft_texts(world.seminar)["results"]
    # Drafted in the process's language, Finnish.
    assert "**Kysymykset puhujille**" in results
    assert "Miten tämä rahoitetaan? (1 tykkäys; vastattu)" in results
    assert "Miten tämä rahoitetaan?" in results and "Kuka vastaa jatkosta?" in results
    assert "Anna Puhuja" in results
    assert results.index("Alustus") < results.index("Kommentti")
    assert "Uusi, ei valittu" not in results and "Piilotettu" not in results


def test_the_exports_have_the_questions(db, world, talks):
    """In the summary's data, its Markdown, HTML, Word and JSON (valid by the schema)."""
    from app.exports.html import to_html
    from app.exports.summary import build_summary

    assert build_summary(world.process, language="en").speaker_questions == []
    _answered_and_shortlisted(world, talks)
    summary = build_summary(world.process, language="en")
    rows = summary.speaker_questions
    assert [(q.question, q.state, q.likes) for q in rows] == [
        ("Miten tämä rahoitetaan?", "answered", 1),
        ("Kuka vastaa jatkosta?", "shortlisted", 0),
    ]
    assert rows[0].talk == "Alustus (Anna Puhuja)"
    # The open pages' summary leaves the audience's questions to the team.
    assert (
        build_summary(world.process, language="en", public=True).speaker_questions == []
    )
    markdown, data, text = rendered(summary)
    assert "## Questions to the speakers" in markdown
    assert "### Alustus (Anna Puhuja)" in markdown
    assert "| Miten tämä rahoitetaan? | 1 | Answered |" in markdown
    assert "Kuka vastaa jatkosta?" in to_html(summary)
    assert data["speaker_questions"][0]["likes"] == 1
    assert "Kuka vastaa jatkosta?" in text and "On the shortlist" in text
