"""The demo is live whenever it is loaded: its second discussion takes comments, its
ballot takes votes and today's seminar takes notes, quick votes and questions to the
speakers from phones, on any day and at any hour.

Every demo time counts from the day of loading (app/demo/clock.py), so these tests
load the demo with the clock moved (a year ahead of now, late on a summer night, in
the night summer time ends and just after midnight) and act at once through the app's
own services and pages, as a participant would.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import url_for
from freezegun import freeze_time

from app.discussions.services import DiscussionState
from app.discussions.services import state as discussion_state
from app.discussions.services_comments import post_comment
from app.models import (
    Ballot,
    Comment,
    LiveVoteBallot,
    Phase,
    Process,
    QuestionState,
    SpeakerQuestion,
    User,
    Vote,
    WorkGroup,
)
from app.permissions import PhaseState, can
from app.seminars import services_live as live
from app.seminars.queries import workshops_of
from app.seminars.queries_questions import current_talk, shortlist
from app.seminars.queries_votes import dots_of, open_vote
from app.seminars.services_questions import questions_state
from app.voting.services import BallotState, cast_vote
from app.voting.services import state as ballot_state

VALIDIA = "Validian opiskeluhuoltoryhmä"
NURMIJARVI = "Nurmijärven sivistystoimen johto"

MOMENTS = [
    pytest.param(None, id="a-year-ahead"),
    # 23.50 in Helsinki (summer time): the seminar's room must stay open past midnight.
    pytest.param(datetime(2030, 6, 28, 20, 50, tzinfo=UTC), id="summer-night"),
    # 3.30 in Helsinki, half an hour after the clocks went back from 4.00 to 3.00.
    pytest.param(datetime(2027, 10, 31, 1, 30, tzinfo=UTC), id="summer-time-ends"),
    # 0.30 in Helsinki: the seminar opens the evening before, its day stays today.
    pytest.param(datetime(2027, 12, 7, 22, 30, tzinfo=UTC), id="just-after-midnight"),
]


@pytest.fixture(params=MOMENTS)
def demo(request, runner, db):
    """The demo loaded at the moment; the test runs on at that moment (ticking)."""
    moment = request.param or datetime.now(UTC) + timedelta(days=365)
    with freeze_time(moment, tick=True):
        result = runner.invoke(args=["demo", "load"])
        assert result.exit_code == 0, result.output
        yield db.session.scalar(
            sa.select(Process).where(Process.slug == "keski-uusimaa")
        )


def _group(db, name: str) -> WorkGroup:
    return db.session.scalar(sa.select(WorkGroup).where(WorkGroup.name == name))


def _participant(db, name: str) -> User:
    return db.session.scalar(sa.select(User).where(User.name == name))


def _phase(process: Process, position: int) -> Phase:
    return next(p for p in process.phases if p.position == position)


def test_commenting_voting_and_notes_are_open_at_once(client, auth, db, demo):
    """A participant comments in the second discussion, a group that has not voted
    votes, and a note sent from a phone lands in each of today's workshops."""
    now = datetime.now(UTC)
    olli, validia = _participant(db, "Osallistuja Olli"), _group(db, VALIDIA)
    discussion = _phase(demo, 4).discussion
    prompt = discussion.prompts[0]
    assert discussion_state(discussion, now) is DiscussionState.OPEN
    assert discussion.phase.ends_at - now > timedelta(days=13)
    assert can(olli, "prompt.comment", prompt)
    comment, created = post_comment(
        prompt, author=olli, group=validia, body="Yhteinen pohja ensin.", now=now
    )
    assert created and comment.created_at == now

    ballot = db.session.scalar(sa.select(Ballot))
    oona, nurmijarvi = _participant(db, "Opetuspäällikkö Oona"), _group(db, NURMIJARVI)
    assert ballot_state(ballot, now) is BallotState.OPEN
    assert can(oona, "ballot.vote", ballot)
    theme = demo.themes[1]
    vote, first = cast_vote(
        ballot, voter=oona, group=nurmijarvi, choice={theme.id: 1}, now=now
    )
    assert first and vote.cast_at == now
    db.session.commit()

    seminar = _phase(demo, 3).seminar
    workshops = workshops_of(seminar)
    assert len(workshops) == 4
    auth.login_as(olli)
    for workshop in workshops:
        # Open now, since two hours ago, and for three hours more.
        for moment in (now, now - timedelta(hours=2), now + timedelta(hours=3)):
            assert live.capture_open(workshop, moment), (workshop.title, moment)
        url = url_for("seminars.live", slug=demo.slug, workshop_id=workshop.id)
        page = client.get(url)
        assert page.status_code == 200
        assert "Notes can be added from 30 minutes" not in page.text
        body = f"Puhelimelta: {workshop.title['fi']}"
        sent = client.post(
            url,
            data={
                "note-body": body,
                "note-prompt_id": workshop.prompts[0].id,
                "note-group_id": validia.id,
                "note-submission_key": f"live-{workshop.id}",
                "note-submit": "Add the note",
            },
        )
        assert sent.status_code == 302, sent.text
        note = db.session.scalar(sa.select(Comment).where(Comment.body == body))
        assert note.prompt.workshop_id == workshop.id and note.group == validia


def test_todays_quick_vote_and_questions_are_open_at_once(client, auth, db, demo):
    """Today's quick vote is open and Olli votes in it from the phone page; the talk
    on now (or next) takes his question and has a shortlist for the presenter view."""
    now = datetime.now(UTC)
    seminar = _phase(demo, 3).seminar
    workshop = workshops_of(seminar)[2]
    vote = open_vote(workshop)
    assert vote is not None and vote.on_wall, "the projector shows it"
    olli = _participant(db, "Osallistuja Olli")
    assert can(olli, "live_vote.cast", demo)
    auth.login_as(olli)
    base = url_for("seminars.live", slug=demo.slug, workshop_id=workshop.id)
    page = client.get(base)
    assert vote.question in page.text and f'name="vote{vote.id}-dots_' in page.text
    first = vote.options[0]
    sent = client.post(
        base.replace("/live", f"/votes/{vote.id}"),
        data={f"vote{vote.id}-dots_{first.id}": "3"},
    )
    assert sent.status_code == 302, sent.text
    assert dots_of(vote, olli) == {first.id: 3}
    ballots = db.session.scalars(
        sa.select(LiveVoteBallot).where(LiveVoteBallot.vote_id == vote.id)
    ).all()
    assert len(ballots) == 10
    for ballot in ballots:
        assert seminar.phase.starts_at < ballot.created_at <= now + timedelta(minutes=1)

    assert questions_state(seminar, now) is PhaseState.OPEN
    talk = current_talk(seminar, now)
    assert talk is not None and shortlist(seminar, talk), talk.title
    url = url_for("seminars.questions", slug=demo.slug, phase_id=seminar.phase_id)
    sent = client.post(
        url,
        data={
            "ask-body": "Miten tämä näkyy meidän arjessa?",
            "ask-group_id": _group(db, VALIDIA).id,
        },
    )
    assert sent.status_code == 302, sent.text
    asked = db.session.scalar(
        sa.select(SpeakerQuestion).where(SpeakerQuestion.author_id == olli.id)
    )
    assert asked.agenda_item_id == talk.id and asked.state is QuestionState.NEW
    presenter = client.get(url + "/presenter")
    assert presenter.status_code == 200
    for row in shortlist(seminar, talk):
        assert row.question.body in presenter.text


def test_examples_fall_inside_their_phases(db, demo):
    """The first discussion's comments, the ballot's votes and the seminars' notes
    carry times inside their phases; comments and votes lie before the load."""
    _assert_inside_phases(db, demo, datetime.now(UTC))


def test_a_reload_weeks_later_moves_the_demo_to_the_new_day(runner, db):
    """Loaded, then loaded again five weeks later: nothing new is created, the phases,
    comments, votes and notes move with the load day, and the demo is live again."""
    first = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
    for moment, created in ((first, "3 account"), (first + timedelta(days=35), None)):
        with freeze_time(moment, tick=True):
            result = runner.invoke(args=["demo", "load"])
            assert result.exit_code == 0, result.output
            assert (created or "Created: nothing new.") in result.output
            db.session.expire_all()
            process = db.session.scalar(sa.select(Process))
            now = datetime.now(UTC)
            _assert_inside_phases(db, process, now)
            ballot = db.session.scalar(sa.select(Ballot))
            assert ballot_state(ballot, now) is BallotState.OPEN
            for workshop in workshops_of(_phase(process, 3).seminar):
                assert live.capture_open(workshop, now)
    assert "Set back to the demo data: " in result.output
    # The survey's phase stays: it belongs to the same school year.
    moved = result.output.split("Set back to the demo data: ")[1]
    for rows in ("4 phase", "27 comment", "7 vote", "1 ballot", "126 workshop note"):
        assert rows in moved, rows


def _assert_inside_phases(db, process: Process, now: datetime) -> None:
    discussion_1, discussion_2 = _phase(process, 2), _phase(process, 4)
    # Seminar 1 and the coded discussion are over, seminar 2 is today's.
    assert _phase(process, 1).ends_at < discussion_1.starts_at
    assert discussion_1.ends_at < discussion_2.starts_at < now < discussion_2.ends_at
    assert _phase(process, 3).starts_at < now < _phase(process, 3).ends_at
    comments = db.session.scalars(
        sa.select(Comment).where(Comment.submission_key.like("demo-c%"))
    ).all()
    assert len(comments) == 27
    for comment in comments:
        assert discussion_1.starts_at < comment.created_at < discussion_1.ends_at
    votes = db.session.scalars(sa.select(Vote)).all()
    assert len(votes) == 7
    for vote in votes:
        assert discussion_2.starts_at < vote.cast_at < now
    notes = db.session.scalars(
        sa.select(Comment).where(Comment.submission_key.like("demo-n%"))
    ).all()
    seminars = {note.prompt.workshop.block.seminar.phase for note in notes}
    assert {phase.position for phase in seminars} == {1, 3}
    for note in notes:
        phase = note.prompt.workshop.block.seminar.phase
        assert phase.starts_at < note.created_at < phase.ends_at, note.submission_key
    # Questions to the speakers and quick votes: inside their seminars, today's
    # never after the load.
    questions = db.session.scalars(sa.select(SpeakerQuestion)).all()
    assert len(questions) == 19
    for question in questions:
        phase = question.seminar.phase
        assert phase.starts_at < question.created_at < min(now, phase.ends_at)
    for ballot in db.session.scalars(sa.select(LiveVoteBallot)):
        assert ballot.created_at <= now
