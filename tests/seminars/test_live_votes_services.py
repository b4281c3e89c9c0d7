"""Quick votes' services: opening, casting and changing, dots, closing, one open at a
time, and the database's unique rules under concurrency."""

import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.errors import NotAllowed
from app.extensions import db as _db
from app.models import LiveVote, LiveVoteBallot, LiveVoteDots, Role
from app.seminars import queries_votes as queries
from app.seminars import services_live as live
from app.seminars import services_memos as memos
from app.seminars import services_votes as votes


@pytest.fixture()
def room(live_room):
    """The workshop and its first prompt."""
    return live_room[:2]


def opened(world, workshop, options=("Kirjasto", "Uimahalli", "Puisto"), dots=1):
    vote = votes.open_vote(
        workshop,
        question="Mihin panostetaan ensin?",
        options=list(options),
        dots_per_person=dots,
        actor=world.facilitator,
        now=datetime.now(UTC),
    )
    votes.db.session.commit()
    return vote


def cast(vote, user, dots):
    result = votes.cast(vote, voter=user, dots=dots, now=datetime.now(UTC))
    votes.db.session.commit()
    return result


def test_open_a_vote_with_typed_options(db, world, room):
    """Blank lines go, the options keep their order, the wall's version grows."""
    workshop, _ = room
    before = workshop.live_version
    vote = opened(world, workshop, options=(" Kirjasto ", "", "Uimahalli  "))
    assert [o.label for o in vote.options] == ["Kirjasto", "Uimahalli"]
    assert vote.is_open and vote.on_wall and vote.dots_per_person == 1
    assert workshop.live_version > before
    assert queries.open_vote(workshop).id == vote.id


@pytest.mark.parametrize(
    "options, error",
    [
        (["Yksi"], votes.TooFewOptions),
        ([f"Vaihtoehto {n}" for n in range(11)], votes.TooManyOptions),
        (["Sama", "sama"], votes.SameOptionTwice),
        (["x" * 201, "Toinen"], votes.OptionTooLong),
    ],
)
def test_typed_options_are_checked(db, world, room, options, error):
    with pytest.raises(error):
        opened(world, room[0], options=options)


@pytest.mark.parametrize(
    "question, dots, error",
    [
        ("  ", 1, votes.EmptyQuestion),
        ("k" * 301, 1, votes.QuestionTooLong),
        ("Kysymys", 0, votes.DotsOutOfRange),
        ("Kysymys", 6, votes.DotsOutOfRange),
    ],
)
def test_question_and_dots_are_checked(db, world, room, question, dots, error):
    with pytest.raises(error):
        votes.open_vote(
            room[0],
            question=question,
            options=["A", "B"],
            dots_per_person=dots,
            actor=world.facilitator,
            now=datetime.now(UTC),
        )


def test_only_one_open_vote_per_workshop(db, world, room, make_workshop):
    """A second vote waits for the first to close; another workshop is not held up."""
    workshop, _ = room
    first = opened(world, workshop)
    with pytest.raises(votes.VoteAlreadyOpen):
        opened(world, workshop)
    db.session.rollback()
    opened(world, make_workshop("Toinen"))
    votes.close_vote(first, actor=world.facilitator, now=datetime.now(UTC))
    db.session.commit()
    second = opened(world, workshop)
    assert second.is_open
    db.session.refresh(first)
    assert not first.on_wall, "the new vote takes the wall"


def test_the_database_refuses_a_second_open_vote(db, world, room):
    """The partial unique index holds even when the service's check is skipped."""
    workshop, _ = room
    opened(world, workshop)
    db.session.add(LiveVote(workshop_id=workshop.id, question="Ohi", options=[]))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_options_from_the_wall_notes(db, world, room, make_workshop):
    """Notes become options with their text and their id; too few are refused, and
    another workshop's notes are not taken."""
    workshop, first = room
    notes = [
        live.add_note(
            first,
            author=world.member,
            group=world.group,
            body=f"Idea  {n}\nlisää",
            now=datetime.now(UTC),
        )[0]
        for n in range(3)
    ]
    with pytest.raises(votes.TooFewNotes):
        votes.open_vote_from_notes(
            workshop,
            question="Mikä idea?",
            notes=notes[:1],
            actor=world.facilitator,
            now=datetime.now(UTC),
        )
    other = make_workshop("Muu")
    with pytest.raises(live.NotThisWorkshop):
        votes.open_vote_from_notes(
            other,
            question="Mikä idea?",
            notes=notes,
            actor=world.facilitator,
            now=datetime.now(UTC),
        )
    vote = votes.open_vote_from_notes(
        workshop,
        question="Mikä idea?",
        notes=notes,
        dots_per_person=3,
        actor=world.facilitator,
        now=datetime.now(UTC),
    )
    assert [o.label for o in vote.options] == [f"Idea {n} lisää" for n in range(3)]
    assert [o.comment_id for o in vote.options] == [n.id for n in notes]


def test_cast_change_and_tally(db, world, room):
    """One ballot per person: a second vote replaces the first; the tally counts."""
    workshop, _ = room
    vote = opened(world, workshop)
    a, b, c = vote.options
    version = workshop.live_version
    _, created = cast(vote, world.member, {a.id: 1})
    assert created and workshop.live_version > version
    cast(vote, world.other_member, {a.id: 1})
    _, created = cast(vote, world.member, {b.id: 1})
    assert not created
    result = queries.tally(vote)
    assert [row.dots for row in result.rows] == [1, 1, 0]
    assert result.voters == 2 and [row.share for row in result.rows] == [50, 50, 0]
    assert queries.dots_of(vote, world.member) == {b.id: 1}
    assert db.session.scalar(sa.select(sa.func.count(LiveVoteBallot.id))) == 2


def test_dots_limits(db, world, room):
    """Up to N dots over the options, several on one if wished; not more, not none,
    not on another vote's option."""
    workshop, _ = room
    vote = opened(world, workshop, dots=3)
    a, b, c = vote.options
    cast(vote, world.member, {a.id: 2, b.id: 1, c.id: 0})
    assert queries.dots_of(vote, world.member) == {a.id: 2, b.id: 1}
    with pytest.raises(votes.TooManyDots):
        votes.cast(
            vote, voter=world.member, dots={a.id: 2, b.id: 2}, now=datetime.now(UTC)
        )
    with pytest.raises(votes.TooManyDots):
        votes.cast(vote, voter=world.member, dots={a.id: 4}, now=datetime.now(UTC))
    with pytest.raises(votes.NothingChosen):
        votes.cast(vote, voter=world.member, dots={a.id: 0}, now=datetime.now(UTC))
    with pytest.raises(votes.NotAnOption):
        votes.cast(vote, voter=world.member, dots={99999: 1}, now=datetime.now(UTC))
    db.session.rollback()
    assert queries.dots_of(vote, world.member) == {a.id: 2, b.id: 1}


def test_only_members_of_the_process_vote(db, world, room, create_user):
    vote = opened(world, room[0])
    for person in (world.observer, world.outsider, create_user(Role.PARTICIPANT)):
        with pytest.raises(NotAllowed):
            votes.cast(
                vote,
                voter=person,
                dots={vote.options[0].id: 1},
                now=datetime.now(UTC),
            )


def test_close_stores_the_result_and_stops_votes(db, world, room):
    workshop, _ = room
    vote = opened(world, workshop, dots=2)
    a, b, _c = vote.options
    cast(vote, world.member, {a.id: 2})
    cast(vote, world.other_member, {a.id: 1, b.id: 1})
    votes.close_vote(vote, actor=world.facilitator, now=datetime.now(UTC))
    db.session.commit()
    assert [o.dots for o in vote.options] == [3, 1, 0] and vote.voters == 2
    assert queries.open_vote(workshop) is None
    assert queries.wall_vote(workshop).id == vote.id, "the result stays on the wall"
    with pytest.raises(votes.VoteClosed):
        votes.cast(vote, voter=world.member, dots={b.id: 1}, now=datetime.now(UTC))
    with pytest.raises(votes.VoteClosed):
        votes.close_vote(vote, actor=world.facilitator, now=datetime.now(UTC))
    db.session.rollback()
    # The stored result is what the tally reads from now on.
    db.session.execute(sa.delete(LiveVoteDots))
    assert [row.dots for row in queries.tally(vote).rows] == [3, 1, 0]
    votes.take_off_wall(vote, actor=world.facilitator)
    assert queries.wall_vote(workshop) is None


def test_delete_a_vote_with_its_ballots(db, world, room):
    workshop, _ = room
    vote = opened(world, workshop)
    cast(vote, world.member, {vote.options[0].id: 1})
    votes.delete_vote(vote, actor=world.facilitator)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(LiveVoteBallot.id))) == 0
    assert queries.votes_of(workshop) == []


def test_the_memo_draft_has_the_results(db, world, room):
    """A closed vote's result goes into the workshop memo, most votes first."""
    workshop, _ = room
    vote = opened(world, workshop)
    a, b, _c = vote.options
    cast(vote, world.member, {b.id: 1})
    cast(vote, world.other_member, {b.id: 1})
    open_text = memos.draft_texts(world.seminar, workshop)["results"]
    assert "Mihin panostetaan ensin?" not in open_text, "an open vote has no result"
    votes.close_vote(vote, actor=world.facilitator, now=datetime.now(UTC))
    db.session.commit()
    results = memos.draft_texts(world.seminar, workshop)["results"]
    assert "Mihin panostetaan ensin?" in results
    assert results.index("Uimahalli") < results.index("Kirjasto")
    assert "Uimahalli: 2" in results and "(100 %)" in results


def together(app, count: int, work) -> list:
    """Run ``work(n)`` in ``count`` threads released at the same moment, each with
    its own session; what each returned or raised, in no particular order."""
    barrier = threading.Barrier(count, timeout=30)
    outcomes = []

    def run(n: int) -> None:
        with app.app_context():
            try:
                barrier.wait()
                outcomes.append(work(n))
                _db.session.commit()
            except Exception as error:  # collected and asserted by the caller
                outcomes.append(error)
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_same_person_voting_twice_at_once_keeps_one_ballot(app, db, world, room):
    """Two tabs send at the same moment: one ballot, with one tab's dots."""
    workshop, _ = room
    vote = opened(world, workshop, dots=1)
    vote_id, user_id = vote.id, world.member.id
    option_ids = [o.id for o in vote.options]
    db.session.commit()  # the writers need the lock

    def send(n: int) -> str:
        votes.cast(
            _db.session.get(LiveVote, vote_id),
            voter=_db.session.get(type(world.member), user_id),
            dots={option_ids[n % 2]: 1},
            now=datetime.now(UTC),
        )
        return "sent"

    assert together(app, 4, send) == ["sent"] * 4
    ballots = _db.session.scalar(
        sa.select(sa.func.count(LiveVoteBallot.id)).where(
            LiveVoteBallot.vote_id == vote_id
        )
    )
    dots = _db.session.scalar(sa.select(sa.func.sum(LiveVoteDots.dots)))
    assert ballots == 1 and dots == 1


def test_the_database_refuses_a_second_ballot(db, world, room):
    vote = opened(world, room[0])
    cast(vote, world.member, {vote.options[0].id: 1})
    db.session.add(LiveVoteBallot(vote_id=vote.id, user_id=world.member.id))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_two_facilitators_opening_at_once_open_one_vote(app, db, world, room):
    """Three presses of "Open the vote" at the same moment: one vote opens, the
    others are told a vote is open already."""
    workshop, _ = room
    workshop_id, user_id = workshop.id, world.facilitator.id
    db.session.commit()

    def press(n: int) -> str:
        try:
            votes.open_vote(
                _db.session.get(type(workshop), workshop_id),
                question="Kumpi?",
                options=["A", "B"],
                actor=_db.session.get(type(world.facilitator), user_id),
                now=datetime.now(UTC),
            )
        except votes.VoteAlreadyOpen:
            return "refused"
        return "opened"

    assert sorted(together(app, 3, press)) == ["opened", "refused", "refused"]
    opened_now = _db.session.scalar(
        sa.select(sa.func.count(LiveVote.id)).where(LiveVote.workshop_id == workshop_id)
    )
    assert opened_now == 1


def rendered(summary) -> tuple[str, dict, str]:
    """The summary as Markdown, as JSON (valid by docs/summary.schema.json) and the
    text of its Word document's tables."""
    import io
    import json
    from pathlib import Path

    import jsonschema
    from docx import Document

    from app.exports.docx import to_docx
    from app.exports.json import to_json
    from app.exports.markdown import to_markdown

    data = json.loads(to_json(summary))
    schema = json.loads(
        (Path(__file__).parents[2] / "docs/summary.schema.json").read_text()
    )
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    text = "\n".join(
        cell.text
        for table in Document(io.BytesIO(to_docx(summary))).tables
        for row in table.rows
        for cell in row.cells
    )
    return to_markdown(summary), data, text


def test_the_exports_have_the_results(db, world, room):
    """A closed vote is in the summary's data and in its Markdown, Word and JSON."""
    from app.exports.summary import build_summary

    workshop, _ = room
    vote = opened(world, workshop, dots=2)
    a, b, _c = vote.options
    cast(vote, world.member, {b.id: 2})
    cast(vote, world.other_member, {a.id: 1, b.id: 1})
    assert build_summary(world.process, language="en").quick_votes == []
    votes.close_vote(vote, actor=world.facilitator, now=datetime.now(UTC))
    db.session.commit()
    summary = build_summary(world.process, language="en")
    [result] = summary.quick_votes
    assert result.question == "Mihin panostetaan ensin?" and result.voters == 2
    assert [(r.label, r.dots) for r in result.rows][:2] == [
        ("Uimahalli", 3),
        ("Kirjasto", 1),
    ]
    markdown, data, text = rendered(summary)
    assert "## Quick votes in the workshops" in markdown
    assert "| Uimahalli | 3 | 75" in markdown
    assert data["quick_votes"][0]["rows"][0]["dots"] == 3
    assert "Uimahalli" in text and "Dots" in text
