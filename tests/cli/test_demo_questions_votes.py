"""The demo's questions to the speakers and quick votes (content/live.toml): the
data, the load through the app's services, the memos, the live pages of today's
seminar as the right roles, and loading again without duplicates."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from flask import url_for

from app.demo import KESKI_UUSIMAA
from app.models import (
    LiveVote,
    LiveVoteBallot,
    LiveVoteDots,
    Process,
    QuestionState,
    Seminar,
    SpeakerQuestion,
    SpeakerQuestionLike,
    User,
)
from app.seminars.queries import workshops_of
from app.seminars.queries_memos import memo_for
from app.seminars.queries_questions import current_talk
from app.seminars.queries_votes import open_vote, tally
from tests.demo_snapshot import load_demo

from .test_demo import clock_fixture, spec_fixture  # noqa: F401  (shared fixtures)

LIVE = KESKI_UUSIMAA["live"]
PAST, TODAY = LIVE["seminars"]
TABLES = (SpeakerQuestion, SpeakerQuestionLike, LiveVote, LiveVoteBallot, LiveVoteDots)

pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture()
def loaded(runner, db) -> Process:
    load_demo(runner, db)
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


def _seminar(process: Process, position: int) -> Seminar:
    return next(p for p in process.phases if p.position == position).seminar


def _questions(db, seminar: Seminar) -> dict[str, SpeakerQuestion]:
    rows = db.session.scalars(
        sa.select(SpeakerQuestion).where(SpeakerQuestion.seminar_id == seminar.id)
    )
    return {question.submission_key: question for question in rows}


def _likers(db, question: SpeakerQuestion) -> list[int]:
    return list(
        db.session.scalars(
            sa.select(SpeakerQuestionLike.user_id).where(
                SpeakerQuestionLike.question_id == question.id
            )
        )
    )


def _user(db, name: str) -> User:
    return db.session.scalar(sa.select(User).where(User.name == name))


def test_the_data_is_finnish_and_as_the_issue_asks():
    """Seminar 1: nine questions (answered, one shortlisted, one hidden duplicate) and
    a closed vote of about twenty; today: questions on every talk, an open vote."""
    states = Counter(
        "hidden" if q["hidden"] else q["state"].value for q in PAST["questions"]
    )
    assert states == {"answered": 6, "shortlisted": 1, "hidden": 1, "new": 1}
    [vote] = PAST["votes"]
    assert 3 <= len(vote["options"]) <= 4 and 15 <= len(vote["ballots"]) <= 25
    assert {q["state"] for q in TODAY["questions"]} == {
        QuestionState.NEW,
        QuestionState.SHORTLISTED,
    }
    assert not any(q["hidden"] for q in TODAY["questions"])
    [today] = TODAY["votes"]
    assert "closed" not in today and today["dots"] == 3
    assert "Osallistuja Olli" not in TODAY["room"], "Olli votes and likes afresh"
    for seminar in LIVE["seminars"]:
        keys = [q["key"] for q in seminar["questions"]]
        assert len(set(keys)) == len(keys)
        for question in seminar["questions"]:
            assert len(question["body"]) <= 280
            assert question["likes"] < len(seminar["room"])


def test_seminar_1_questions_keep_their_states_and_likes(db, loaded, spec):
    """Each question as the data says: its talk, state, hidden flag and likes, one
    like per person and never the asker's own, all during the seminar."""
    seminar = _seminar(loaded, 1)
    found = _questions(db, seminar)
    assert set(found) == {q["key"] for q in PAST["questions"]}
    phase = seminar.phase
    for data in PAST["questions"]:
        question = found[data["key"]]
        assert question.talk.position == data["talk"], data["key"]
        assert question.state is data["state"]
        assert question.is_hidden is data["hidden"]
        assert question.group.name == data["group"]
        likers = _likers(db, question)
        assert len(likers) == data["likes"] == len(set(likers)), data["key"]
        assert question.author_id not in likers
        assert phase.starts_at < question.created_at < phase.ends_at
        if data["state"] is not QuestionState.NEW or data["hidden"]:
            assert question.moderated_by_id is not None
    duplicate = found["demo-q06"]
    assert duplicate.is_hidden and "voimaan" in found["demo-q05"].body


def test_seminar_1_vote_is_closed_with_its_result_stored(db, loaded):
    """Opened, voted and closed in the workshop on organising services: the result
    8/5/4/2 of 19 people is stored on the vote, and the wall went back to its notes."""
    workshop = workshops_of(_seminar(loaded, 1))[0]
    [vote] = db.session.scalars(
        sa.select(LiveVote).where(LiveVote.workshop_id == workshop.id)
    )
    assert vote.question == "Mikä näistä ensin?"
    assert not vote.is_open and not vote.on_wall
    assert vote.voters == 19 and vote.dots_per_person == 1
    assert [o.dots for o in vote.options] == [8, 5, 4, 2]
    assert [o.label for o in vote.options] == PAST["votes"][0]["options"]
    ballots = db.session.scalars(
        sa.select(LiveVoteBallot).where(LiveVoteBallot.vote_id == vote.id)
    ).all()
    assert len(ballots) == 19 == len({b.user_id for b in ballots})
    for ballot in ballots:
        assert vote.opened_at < ballot.created_at < vote.closed_at


def test_seminar_1_memos_carry_the_vote_and_the_questions(db, loaded):
    """The final workshop memo has the vote's result, most votes first; the seminar
    memo the answered and shortlisted questions, not the hidden or the new one."""
    seminar = _seminar(loaded, 1)
    memo = memo_for(seminar, workshops_of(seminar)[0])
    assert memo.final_at is not None
    results = memo.results
    assert "Mikä näistä ensin?" in results
    first, last = (f"- {label}:" for label in PAST["votes"][0]["options"][::3])
    assert results.index(first) < results.index(last)
    text = memo_for(seminar, None).results
    found = {q["key"]: q for q in PAST["questions"]}
    for key in ("demo-q01", "demo-q04", "demo-q05", "demo-q09"):
        assert found[key]["body"] in text, key
    for key in ("demo-q06", "demo-q08"):
        assert found[key]["body"] not in text, key


def test_today_every_talk_has_questions_and_a_shortlisted_one(db, loaded):
    """Whichever talk is on when the demo is opened, its phones and presenter view
    have questions; none lies after the load."""
    seminar = _seminar(loaded, 3)
    found = _questions(db, seminar)
    assert set(found) == {q["key"] for q in TODAY["questions"]}
    now = datetime.now(UTC)
    by_talk: dict[int, set] = {}
    for data in TODAY["questions"]:
        question = found[data["key"]]
        assert question.state is data["state"] and not question.is_hidden
        assert len(set(_likers(db, question))) == data["likes"]
        assert seminar.phase.starts_at < question.created_at <= now
        by_talk.setdefault(question.agenda_item_id, set()).add(question.state)
    talks = [item.id for item in seminar.agenda if item.kind.value != "workshops"]
    talks = [t for t in talks if t in by_talk]
    assert len(talks) == 3
    for states in by_talk.values():
        assert QuestionState.SHORTLISTED in states


def test_today_vote_is_open_on_the_treasure_maps_notes(db, loaded):
    """A dot vote on five notes of the "Askeleet" wall, open, on the wall, with nine
    ballots so far; Olli has not voted."""
    workshop = workshops_of(_seminar(loaded, 3))[2]
    vote = open_vote(workshop)
    assert vote is not None and vote.on_wall
    assert vote.question == "Mikä askel otetaan ensin?"
    assert vote.dots_per_person == 3
    notes = [o.comment_id for o in vote.options]
    assert None not in notes and len(notes) == 5
    result = tally(vote)
    assert result.voters == 9 and [r.dots for r in result.rows] == [11, 9, 4, 1, 2]
    olli = _user(db, "Osallistuja Olli")
    assert (
        db.session.scalar(
            sa.select(LiveVoteBallot.id).where(
                LiveVoteBallot.vote_id == vote.id, LiveVoteBallot.user_id == olli.id
            )
        )
        is None
    )
    assert vote.opened_at <= datetime.now(UTC)


def test_todays_pages_show_them_to_the_right_roles(client, auth, db, loaded):
    """The projector shows the open vote, the presenter view the talk's shortlist,
    the phone page the room's questions (never a hidden one) and the vote's form."""
    seminar = _seminar(loaded, 3)
    workshop = workshops_of(seminar)[2]
    talk = current_talk(seminar, datetime.now(UTC))
    shortlisted = [
        q
        for q in _questions(db, seminar).values()
        if q.agenda_item_id == talk.id and q.state is QuestionState.SHORTLISTED
    ]
    new = [
        q
        for q in _questions(db, seminar).values()
        if q.agenda_item_id == talk.id and q.state is QuestionState.NEW
    ]
    auth.login_as(_user(db, "Fasilitaattori Fanni"))
    projector = client.get(
        url_for("seminars.projector", slug=loaded.slug, workshop_id=workshop.id)
    )
    assert projector.status_code == 200
    assert "Mikä askel otetaan ensin?" in projector.text
    assert "Alueellinen yhteistyöryhmä" in projector.text
    for observer in ("Fasilitaattori Fanni", "Tarkkailija Tero"):
        auth.login_as(_user(db, observer))
        presenter = client.get(
            url_for(
                "seminars.question_presenter",
                slug=loaded.slug,
                phase_id=seminar.phase_id,
            )
        )
        assert presenter.status_code == 200
        for question in shortlisted:
            assert question.body in presenter.text
        for question in new:
            assert question.body not in presenter.text, "the shortlist only"
    auth.login_as(_user(db, "Osallistuja Olli"))
    phone = client.get(
        url_for("seminars.questions", slug=loaded.slug, phase_id=seminar.phase_id)
    )
    assert phone.status_code == 200
    for question in shortlisted + new:
        assert question.body in phone.text
    live = client.get(
        url_for("seminars.live", slug=loaded.slug, workshop_id=workshop.id)
    )
    vote = open_vote(workshop)
    assert vote.question in live.text and f'name="vote{vote.id}-dots_' in live.text
    past = _seminar(loaded, 1)
    hidden = _questions(db, past)["demo-q06"]
    for talk_id in (hidden.agenda_item_id,):
        page = client.get(
            url_for(
                "seminars.questions",
                slug=loaded.slug,
                phase_id=past.phase_id,
                item=talk_id,
            )
        )
        assert page.status_code == 200
        assert hidden.body not in page.text
        assert _questions(db, past)["demo-q05"].body in page.text


def test_loading_twice_adds_nothing(runner, db, loaded):
    """No second question, like, vote or ballot; nothing is set back the same day."""
    counts = [
        db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in TABLES
    ]
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Created: nothing new." in result.output
    assert "speaker question" not in result.output
    assert "quick vote" not in result.output
    db.session.expire_all()
    assert counts == [
        db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in TABLES
    ]
