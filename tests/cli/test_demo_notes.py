"""The demo's workshop notes, open-space topics and memos: the data, the load, the
projector of a demo workshop, and loading again without duplicates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import url_for

from app.demo import KESKI_UUSIMAA
from app.demo.loader_notes import drafted_texts
from app.i18n import HELSINKI
from app.models import (
    Comment,
    GroupMembership,
    ModerationAction,
    ModerationEvent,
    Process,
    Prompt,
    Role,
    Seminar,
    User,
    Workshop,
    WorkshopMemo,
    WorkshopMethod,
)
from app.seminars import queries_live as live_queries
from app.seminars import services_memos as memos
from app.seminars.queries import workshops_of
from app.seminars.queries_memos import memo_for
from app.seminars.services_memos import reopen, save_memo
from app.seminars.urls import memo_url
from app.text import render_markdown
from tests.demo_snapshot import load_demo

from .test_demo import clock_fixture, spec_fixture  # noqa: F401  (shared fixtures)

TABLES = (Comment, Prompt, WorkshopMemo, ModerationEvent, User, GroupMembership)
GROUP_NAMES = {g["name"] for g in KESKI_UUSIMAA["groups"]}
AUTHORS = KESKI_UUSIMAA["authors"]
FACILITATOR = KESKI_UUSIMAA["process"]["creator"]

pytestmark = pytest.mark.usefixtures("clock")


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _counts(db) -> dict:
    return {model.__name__: _count(db, model) for model in TABLES}


def _load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result


def _all_notes(notes_data: dict) -> list[dict]:
    """Every note of the data, on seed prompts and open-space topics alike."""
    return [
        note
        for workshop in notes_data["workshops"]
        for notes in [*workshop["prompts"], *(t["notes"] for t in workshop["topics"])]
        for note in notes
    ]


def _demo(db) -> Process:
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


def _seminar(db, position: int) -> Seminar:
    return next(p for p in _demo(db).phases if p.position == position).seminar


def _by_key(db) -> dict[str, Comment]:
    return {
        c.submission_key: c
        for c in db.session.scalars(sa.select(Comment))
        if c.submission_key and c.submission_key.startswith("demo-n")
    }


def _workshop_notes(db, workshop: Workshop) -> list[Comment]:
    return list(
        db.session.scalars(
            sa.select(Comment)
            .join(Prompt, Prompt.id == Comment.prompt_id)
            .where(Prompt.workshop_id == workshop.id)
        )
    )


def _open_space(db) -> Workshop:
    return next(
        w
        for w in workshops_of(_seminar(db, 3))
        if w.method is WorkshopMethod.OPEN_SPACE
    )


@pytest.fixture()
def notes_data(spec) -> dict:
    """The notes' data, their times placed on the seminars' days."""
    return spec["notes"]


@pytest.fixture()
def loaded(runner, db):
    """The demo (tests/demo_snapshot.py)."""
    load_demo(runner, db)


# The data itself ------------------------------------------------------------------


def test_data_covers_every_prompt_of_every_workshop(notes_data, spec):
    """One entry per demo workshop, with notes for each of its prompts, in order."""
    workshops = [
        workshop
        for seminar in spec["seminars"]
        for item in seminar["agenda"]
        for workshop in item["workshops"]
    ]
    assert len(notes_data["workshops"]) == len(workshops) == 6
    for data, workshop in zip(notes_data["workshops"], workshops, strict=True):
        assert len(data["prompts"]) == len(workshop["prompts"])
        assert 1 <= data["current"] <= len(workshop["prompts"])
        item = spec["seminars"][
            [s["phase"] for s in spec["seminars"]].index(data["phase"])
        ]["agenda"][data["agenda_item"] - 1]
        assert item["workshops"][data["workshop"] - 1] is workshop


def test_data_notes_are_short_and_from_several_groups(notes_data):
    """4–10 notes of 5–15 words per prompt, station or topic, from ≥3 groups each."""
    notes = _all_notes(notes_data)
    keys = [note["key"] for note in notes]
    assert len(set(keys)) == len(keys) and all(k.startswith("demo-n") for k in keys)
    for workshop in notes_data["workshops"]:
        lists = [*workshop["prompts"], *(t["notes"] for t in workshop["topics"])]
        for notes_here in lists:
            assert 4 <= len(notes_here) <= 10
            assert len({note["group"] for note in notes_here}) >= 3
    for note in notes:
        assert 5 <= len(note["body"].split()) <= 15, note["key"]
        assert note["group"] in GROUP_NAMES and note["author"] == AUTHORS[note["group"]]
    assert {note["group"] for note in notes} == GROUP_NAMES


def test_data_times_fall_inside_the_workshop_block(notes_data, spec):
    """Each note is written during its workshop block; a duplicate after its note."""
    at = {note["key"]: note["at"] for note in _all_notes(notes_data)}
    for workshop in notes_data["workshops"]:
        seminar = next(s for s in spec["seminars"] if s["phase"] == workshop["phase"])
        block = seminar["agenda"][workshop["agenda_item"] - 1]
        lists = [*workshop["prompts"], *(t["notes"] for t in workshop["topics"])]
        for note in (note for notes in lists for note in notes):
            assert block["starts_at"] <= note["at"] <= block["ends_at"], note["key"]
            if note.get("merged_into"):
                assert at[note["merged_into"]] < note["at"]
        for topic in workshop["topics"]:
            assert block["starts_at"] <= topic["at"]
            assert all(topic["at"] < note["at"] for note in topic["notes"])


def test_data_has_one_merged_and_one_hidden_note(notes_data):
    """One duplicate merged into an earlier note of the same prompt; one hidden note."""
    merged = [n for n in _all_notes(notes_data) if n.get("merged_into")]
    hidden = [n for n in _all_notes(notes_data) if n.get("hidden")]
    assert len(merged) == len(hidden) == 1
    same_prompt = next(
        notes
        for workshop in notes_data["workshops"]
        for notes in workshop["prompts"]
        if merged[0] in notes
    )
    assert merged[0]["merged_into"] in {note["key"] for note in same_prompt}
    assert hidden[0]["hidden"]["reason"] and hidden[0]["hidden"]["at"] > hidden[0]["at"]
    assert notes_data["by"] == FACILITATOR


def test_data_open_space_has_three_or_four_topics(notes_data):
    """Only the open-space workshop has topics: 3–4, from different groups."""
    with_topics = [w for w in notes_data["workshops"] if w["topics"]]
    assert len(with_topics) == 1
    topics = with_topics[0]["topics"]
    assert 3 <= len(topics) <= 4
    assert len({topic["group"] for topic in topics}) == len(topics)


def test_data_memos_final_for_the_first_seminar_drafts_for_the_second(notes_data, spec):
    """The first seminar's drafted a day after it, final two hours later with its
    seminar memo; today's seminar's drafted once its agenda is over, still drafts."""
    first, second = notes_data["memos"]
    assert (first["phase"], second["phase"]) == tuple(
        s["phase"] for s in spec["seminars"]
    )
    ends = spec["phases"][first["phase"] - 1]["ends_at"]
    assert first["drafted_at"] - ends == timedelta(days=1)
    assert first["final_at"] - first["drafted_at"] == timedelta(hours=2)
    assert first["seminar_memo"]
    agenda_ends = spec["seminars"][1]["agenda"][-1]["ends_at"]
    last_note = max(
        note["at"]
        for w in notes_data["workshops"]
        if w["phase"] == second["phase"]
        for notes in [*w["prompts"], *(t["notes"] for t in w["topics"])]
        for note in notes
    )
    assert last_note < agenda_ends < second["drafted_at"]
    assert second["drafted_at"].date() == agenda_ends.date()
    assert second["final_at"] is None and not second["seminar_memo"]


# Loading ---------------------------------------------------------------------------


def test_every_workshop_prompt_has_notes(db, loaded, notes_data):
    """All notes are there; every prompt and topic of the six workshops has ≥4."""
    assert len(_by_key(db)) == len(_all_notes(notes_data))
    workshops = db.session.scalars(sa.select(Workshop)).all()
    assert len(workshops) == 6
    counts = {}
    for comment in _by_key(db).values():
        counts[comment.prompt_id] = counts.get(comment.prompt_id, 0) + 1
    for workshop in workshops:
        assert workshop.prompts
        for prompt in workshop.prompts:
            assert counts.get(prompt.id, 0) >= 4, prompt.question


def test_notes_are_written_by_group_participants_at_their_times(db, loaded, notes_data):
    """Each note: its group's participant, its time (created = updated), clean HTML."""
    comments = _by_key(db)
    for data in _all_notes(notes_data):
        note = comments[data["key"]]
        assert note.group.name == data["group"]
        assert note.author.name == data["author"]
        assert note.author.role is Role.PARTICIPANT and note.author.email is None
        assert note.group.has_member(note.author)
        assert note.created_at == note.updated_at == data["at"]
        assert note.body == data["body"]
        assert note.body_html == str(render_markdown(data["body"]))
        assert note.prompt.workshop is not None and note.parent_id is None
    olli = db.session.scalars(sa.select(User).where(User.name == "Osallistuja Olli"))
    assert len(olli.all()) == 1, "Validia's existing participant writes its notes"


def test_process_walk_notes_follow_the_rotation(db, loaded):
    """A walk note is written in the round the app's rotation puts its group there."""
    rounds = next(
        w["rounds"] for w in KESKI_UUSIMAA["notes"]["workshops"] if "rounds" in w
    )
    walk = next(
        w
        for w in workshops_of(_seminar(db, 3))
        if w.method is WorkshopMethod.PROCESS_WALK
    )
    notes = _workshop_notes(db, walk)
    assert len({note.group_id for note in notes}) == 8
    for note in notes:
        clock = note.created_at.astimezone(HELSINKI).strftime("%H:%M")
        number = next(
            i for i, (start, end) in enumerate(rounds) if start <= clock < end
        )
        placed = live_queries.rotation(walk, number)
        assert placed[note.group].id == note.prompt_id, note.submission_key


def test_one_merged_duplicate_and_one_hidden_note(db, loaded, notes_data):
    """The duplicate points at its note on the same prompt; the hidden note has its
    reason, the facilitator and a HIDE event at the same time."""
    facilitator = db.session.scalar(sa.select(User).where(User.email == FACILITATOR))
    comments = _by_key(db)
    data = next(n for n in _all_notes(notes_data) if n.get("merged_into"))
    duplicate, target = comments[data["key"]], comments[data["merged_into"]]
    assert duplicate.merged_into_id == target.id
    assert duplicate.prompt_id == target.prompt_id and target.merged_into_id is None
    assert [c for c in comments.values() if c.merged_into_id] == [duplicate]
    data = next(n for n in _all_notes(notes_data) if n.get("hidden"))
    hidden = comments[data["key"]]
    assert [c for c in comments.values() if c.hidden_at] == [hidden]
    assert hidden.hidden_reason == data["hidden"]["reason"]
    assert hidden.hidden_by == facilitator and hidden.hidden_at == data["hidden"]["at"]
    event = db.session.scalar(
        sa.select(ModerationEvent).where(ModerationEvent.comment_id == hidden.id)
    )
    assert (event.action, event.actor, event.reason) == (
        ModerationAction.HIDE,
        facilitator,
        hidden.hidden_reason,
    )
    assert event.created_at == hidden.hidden_at and event.process_id == _demo(db).id
    assert hidden.updated_at == hidden.created_at


def test_open_space_has_topics_proposed_by_participants(db, loaded, notes_data):
    """The topics follow the seed's two questions, proposed by participants, in
    Finnish, each with its notes."""
    workshop = _open_space(db)
    data = next(w for w in notes_data["workshops"] if w["topics"])
    topics = [p for p in workshop.prompts if p.proposed_by_id is not None]
    assert [t.question for t in topics] == [
        {"fi": t["question"]} for t in data["topics"]
    ]
    assert [p.position for p in workshop.prompts] == list(
        range(1, len(workshop.prompts) + 1)
    )
    counts = live_queries.note_counts(workshop)
    for topic, topic_data in zip(topics, data["topics"], strict=True):
        proposer = db.session.get(User, topic.proposed_by_id)
        assert proposer.name == topic_data["author"]
        assert proposer.role is Role.PARTICIPANT
        assert topic.created_at == topic_data["at"]
        assert counts[topic.id] == len(topic_data["notes"])


def test_every_workshop_shows_a_prompt_at_once(db, loaded, notes_data):
    """The projector has something to show: the current prompt is set, the version
    has grown."""
    for workshop, data in zip(
        [w for s in (1, 3) for w in workshops_of(_seminar(db, s))],
        notes_data["workshops"],
        strict=True,
    ):
        current = db.session.get(Prompt, workshop.current_prompt_id)
        assert current.workshop_id == workshop.id
        assert current.position == data["current"]
        assert workshop.live_version >= 1


def test_memos_final_for_seminar_1_drafts_for_seminar_2(db, loaded, notes_data):
    """Seminar 1: its two workshop memos and the seminar memo, final. Seminar 2: four
    workshop drafts and no seminar memo. Texts are what draft_memo writes."""
    facilitator = db.session.scalar(sa.select(User).where(User.email == FACILITATOR))
    first, second = notes_data["memos"]
    seminar_1, seminar_2 = _seminar(db, 1), _seminar(db, 3)
    final = [memo_for(seminar_1, w) for w in workshops_of(seminar_1)]
    final.append(memo_for(seminar_1))
    drafts = [memo_for(seminar_2, w) for w in workshops_of(seminar_2)]
    assert len(final) == 3 and len(drafts) == 4 and memo_for(seminar_2) is None
    assert _count(db, WorkshopMemo) == 7
    for memo in final:
        assert memo.final_at == memo.updated_at == first["final_at"]
        assert memo.created_at == first["drafted_at"]
    for memo in drafts:
        assert memo.final_at is None
        assert memo.created_at == memo.updated_at == second["drafted_at"]
    for memo in [*final, *drafts]:
        assert memo.edited_by_id == facilitator.id
        texts = drafted_texts(memo.seminar, memo.workshop)
        assert {part: getattr(memo, part) for part in memos.PARTS} == texts
        assert set(memo.html) == set(memos.PARTS)


def test_memo_texts_group_duplicates_and_leave_out_the_hidden_note(
    db, loaded, notes_data
):
    """The merged pair shows once with ×2; the hidden note is not in any memo; the
    seminar memo links both workshop memos."""
    comments = _by_key(db)
    duplicate = next(n for n in _all_notes(notes_data) if n.get("merged_into"))
    hidden = next(n for n in _all_notes(notes_data) if n.get("hidden"))
    seminar = _seminar(db, 1)
    services = memo_for(seminar, workshops_of(seminar)[0])
    target = comments[duplicate["merged_into"]]
    assert f"- {target.body} (×2)" in services.results
    assert duplicate["body"] not in services.results
    everything = " ".join(
        m.results for m in db.session.scalars(sa.select(WorkshopMemo))
    )
    assert hidden["body"] not in everything
    seminar_memo = memo_for(seminar)
    for workshop in workshops_of(seminar):
        assert memo_url(seminar, workshop) in seminar_memo.results


def test_the_projector_of_a_demo_workshop_shows_notes_then_304(
    client, auth, db, loaded, notes_data
):
    """Signed in as the demo facilitator, the wall of the first workshop shows its
    current prompt's notes (the duplicate counted with its note), then 304."""
    facilitator = db.session.scalar(sa.select(User).where(User.email == FACILITATOR))
    workshop = workshops_of(_seminar(db, 1))[0]
    url = url_for("seminars.projector", slug="keski-uusimaa", workshop_id=workshop.id)
    auth.login_as(facilitator)
    page = client.get(url)
    assert page.status_code == 200
    first = notes_data["workshops"][0]["prompts"][0]
    assert first[0]["body"] in page.text and 'class="live-similar"' in page.text
    tag = page.headers["ETag"]
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.headers["ETag"] == tag


def test_first_load_reports_notes_topics_and_memos(db, runner, notes_data):
    """The load's report counts the rows with singular labels."""
    output = _load(runner).output
    assert f"{len(_all_notes(notes_data))} workshop note," in output
    assert "4 open-space topic," in output
    assert "7 memo," in output


# Loading again ----------------------------------------------------------------------


def test_loading_twice_creates_nothing_new(runner, db, loaded):
    """A second load adds no note, topic, memo, event or participant, sets none back,
    and leaves the projectors' version alone."""
    before = _counts(db)
    versions = {w.id: w.live_version for w in db.session.scalars(sa.select(Workshop))}
    result = _load(runner)
    assert "Created: nothing new." in result.output
    assert "Set back" not in result.output
    db.session.expire_all()
    assert _counts(db) == before
    assert {
        w.id: w.live_version for w in db.session.scalars(sa.select(Workshop))
    } == versions


def test_reload_keeps_what_was_done_in_the_app(runner, db, loaded, notes_data):
    """An edited memo, a reopened memo, an unmerged duplicate, a restored note and a
    cleared current prompt stay; an unedited note's text and an untouched memo's
    texts are set back."""
    facilitator = db.session.scalar(sa.select(User).where(User.email == FACILITATOR))
    now = datetime.now(UTC)
    comments = _by_key(db)
    seminar_1, seminar_2 = _seminar(db, 1), _seminar(db, 3)
    services, competence = workshops_of(seminar_1)
    edited = memo_for(seminar_2, workshops_of(seminar_2)[0])
    save_memo(
        edited,
        aims="Oma tavoite",
        way_of_working="Oma tapa",
        results="Omat tulokset",
        actor=facilitator,
        now=now,
    )
    reopen(memo_for(seminar_1, competence), actor=facilitator, now=now)
    untouched = memo_for(seminar_2, workshops_of(seminar_2)[1])
    # Broken but still the demo's own (its time unchanged), as after a data fix.
    db.session.execute(
        sa.update(WorkshopMemo)
        .where(WorkshopMemo.id == untouched.id)
        .values(results="Rikki", updated_at=untouched.updated_at)
    )
    duplicate = next(c for c in comments.values() if c.merged_into_id)
    duplicate.merged_into_id = None
    hidden = next(c for c in comments.values() if c.hidden_at)
    hidden.hidden_at, hidden.hidden_reason, hidden.hidden_by = None, "", None
    comments["demo-n002"].body = "Muutettu"
    services.current_prompt_id = None
    db.session.commit()
    before = _counts(db)
    result = _load(runner)
    assert "Created: nothing new." in result.output
    set_back = result.output.split("Set back to the demo data:")[1]
    # The untouched memo and the seminar memo (services' duplicate is its own again).
    assert "3 memo" in set_back and "1 workshop note" in set_back
    db.session.expire_all()
    assert _counts(db) == before
    comments = _by_key(db)
    assert comments["demo-n002"].body == _all_notes(notes_data)[1]["body"]
    assert comments[duplicate.submission_key].merged_into_id is None
    assert comments[hidden.submission_key].hidden_at is None
    assert db.session.get(Workshop, services.id).current_prompt_id is None
    edited = db.session.get(WorkshopMemo, edited.id)
    assert (edited.aims, edited.results) == ("Oma tavoite", "Omat tulokset")
    assert memo_for(seminar_1, competence).final_at is None
    untouched = db.session.get(WorkshopMemo, untouched.id)
    assert untouched.results == drafted_texts(seminar_2, untouched.workshop)["results"]
    assert untouched.updated_at == notes_data["memos"][1]["drafted_at"]
    services_memo = memo_for(seminar_1, services)
    assert not services_memo.results.count("(×2)")
    assert services_memo.final_at == notes_data["memos"][0]["final_at"]
    again = _load(runner)
    assert "Created: nothing new." in again.output and "Set back" not in again.output


def test_reload_recreates_the_notes_of_a_deleted_workshop(
    runner, db, loaded, notes_data
):
    """A workshop deleted while trying the demo comes back with its notes, its open
    quick vote (content/live.toml) and memo, and its wall shows the first prompt
    again."""
    treasure = workshops_of(_seminar(db, 3))[2]
    assert treasure.method is WorkshopMethod.TREASURE_MAP
    db.session.delete(treasure)
    db.session.commit()
    result = _load(runner)
    data = notes_data["workshops"][4]
    notes = sum(len(p) for p in data["prompts"])
    assert (
        f"1 memo, 1 quick vote, 9 quick vote ballot, 1 workshop, {notes} workshop "
        "note, 3 workshop prompt." in result.output
    )
    db.session.expire_all()
    treasure = workshops_of(_seminar(db, 3))[2]
    assert len(_workshop_notes(db, treasure)) == notes
    assert treasure.current_prompt_id == treasure.prompts[0].id
    assert memo_for(_seminar(db, 3), treasure).final_at is None
