"""The live seminar in one's own data (GDPR art. 15, 20) and in the account's
deletion: quick-vote ballots, questions to the speakers and likes as a participant,
votes opened and questions moderated as a facilitator."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from app.models import (
    LiveVote,
    LiveVoteBallot,
    LiveVoteDots,
    QuestionState,
    SpeakerQuestion,
    SpeakerQuestionLike,
)
from app.privacy.queries_own_data import own_data
from app.privacy.services import delete_account
from app.seminars import services_questions as questions
from app.seminars import services_votes as votes


def _live_traces(db, world, live_room, talks):
    workshop, _, _ = live_room
    now = datetime.now(UTC)
    vote = votes.open_vote(
        workshop,
        question="Mihin panostetaan?",
        options=["Kirjasto", "Uimahalli"],
        dots_per_person=1,
        actor=world.facilitator,
        now=now,
    )
    db.session.flush()
    votes.cast(vote, voter=world.member, dots={vote.options[1].id: 1}, now=now)
    on_now, _later = talks
    asked, _ = questions.ask(
        world.seminar,
        talk=on_now,
        author=world.member,
        group=world.group,
        body="Miten tämä rahoitetaan?",
        now=now,
    )
    questions.like(asked, user=world.other_member, now=now)
    questions.set_state(asked, QuestionState.ANSWERED, actor=world.facilitator, now=now)
    db.session.commit()
    return vote, asked


def test_the_download_has_the_live_seminar(db, world, live_room, talks):
    _live_traces(db, world, live_room, talks)
    mine = own_data(world.member)["live_seminar"]
    assert [b["question"] for b in mine["quick_vote_ballots"]] == ["Mihin panostetaan?"]
    assert mine["quick_vote_ballots"][0]["dots"] == [{"option": "Uimahalli", "dots": 1}]
    assert [q["question"] for q in mine["questions_to_speakers"]] == [
        "Miten tämä rahoitetaan?"
    ]
    assert mine["question_likes"] == []
    liker = own_data(world.other_member)["live_seminar"]
    assert [like["question"] for like in liker["question_likes"]] == [
        "Miten tämä rahoitetaan?"
    ]
    assert liker["questions_to_speakers"] == [] and liker["quick_vote_ballots"] == []
    staff = own_data(world.facilitator)["live_seminar"]
    assert [v["question"] for v in staff["quick_votes_opened"]] == [
        "Mihin panostetaan?"
    ]
    assert [q["state"] for q in staff["questions_moderated"]] == ["answered"]


def test_deleting_accounts_keeps_the_question_and_drops_the_personal_rows(
    db, world, live_room, talks
):
    vote, asked = _live_traces(db, world, live_room, talks)
    vote_id, question_id = vote.id, asked.id
    for person in (world.member, world.other_member, world.facilitator):
        delete_account(person, now=datetime.now(UTC))
        db.session.commit()
    count = lambda model: db.session.scalar(  # noqa: E731
        sa.select(sa.func.count()).select_from(model)
    )
    assert count(LiveVoteBallot) == 0 and count(LiveVoteDots) == 0
    assert count(SpeakerQuestionLike) == 0
    question = db.session.get(SpeakerQuestion, question_id)
    assert question.body == "Miten tämä rahoitetaan?"  # the group's, nameless
    assert question.author_id is None and question.moderated_by_id is None
    assert db.session.get(LiveVote, vote_id).opened_by_id is None
