"""The demo's second online discussion: its ballot over the 12 themes and the votes."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.demo import KESKI_UUSIMAA
from app.models import (
    Ballot,
    GroupMembership,
    PhaseKind,
    Process,
    ResultsVisibility,
    Role,
    User,
    Vote,
    VoteEntry,
    VoterUnit,
    VotingMethod,
)
from app.voting.scoring import compute_results
from app.voting.services import BallotState, cast_vote, results_visible, state
from tests.demo_snapshot import load_demo

from .test_demo import clock_fixture, spec_fixture  # noqa: F401  (shared fixtures)

TABLES = (Ballot, Vote, VoteEntry, User, GroupMembership)
AUTHORS = KESKI_UUSIMAA["authors"]
GROUP_NAMES = {g["name"] for g in KESKI_UUSIMAA["groups"]}
NURMIJARVI = "Nurmijärven sivistystoimen johto"

pytestmark = pytest.mark.usefixtures("clock")


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _counts(db) -> dict:
    return {model.__name__: _count(db, model) for model in TABLES}


def _load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture()
def loaded(runner, db):
    load_demo(runner, db)
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


@pytest.fixture()
def ballot_data(spec) -> dict:
    """The ballot's data with its times placed on the load day's calendar."""
    return spec["ballot"]


@pytest.fixture()
def ballot(db, loaded) -> Ballot:
    ballots = db.session.scalars(sa.select(Ballot)).all()
    assert len(ballots) == 1
    return ballots[0]


def _votes_by_group(db) -> dict[str, Vote]:
    return {v.group.name: v for v in db.session.scalars(sa.select(Vote))}


def _scores(ballot) -> dict[int, int]:
    """Theme position -> score, from the app's own scoring."""
    return {row.theme.position: row.score for row in compute_results(ballot).rows}


# The data itself ------------------------------------------------------------------


def test_data_seven_groups_pick_three_themes_each(ballot_data):
    """Seven distinct demo groups, Nurmijärvi's not among them; three themes 1..12 each."""
    votes = ballot_data["votes"]
    groups = [v["group"] for v in votes]
    assert len(groups) == len(set(groups)) == 7
    assert set(groups) < GROUP_NAMES and NURMIJARVI not in groups
    for vote in votes:
        assert len(set(vote["themes"])) == 3
        assert set(vote["themes"]) <= set(range(1, 13))
        assert vote["by"] == AUTHORS[vote["group"]]


def test_data_votes_fall_within_the_discussion(spec, ballot_data):
    """Every vote is cast after the opening and before the close, at distinct times."""
    phase = spec["phases"][ballot_data["phase"] - 1]
    assert phase["kind"] is PhaseKind.DISCUSSION
    assert (ballot_data["opens_at"], ballot_data["closes_at"]) == (
        phase["starts_at"],
        phase["ends_at"],
    )
    open_minutes = (phase["ends_at"] - phase["starts_at"]).total_seconds() / 60
    minutes = [v["minutes"] for v in ballot_data["votes"]]
    assert all(0 < m < open_minutes for m in minutes)
    assert len(set(minutes)) == len(minutes)


def test_data_ranking_has_a_winner_a_middle_tie_and_empty_themes(ballot_data):
    """Theme 1 leads alone; 3 and 6 tie below 4; 2, 7 and 10 have no votes."""
    counts = Counter(t for v in ballot_data["votes"] for t in v["themes"])
    assert counts.most_common(2) == [(1, 5), (4, 4)]
    assert counts[3] == counts[6] == 3
    assert {t for t in range(1, 13) if not counts[t]} == {2, 7, 10}


# Loading ---------------------------------------------------------------------------


def test_the_ballot_is_on_the_second_discussion_over_the_twelve_themes(ballot, loaded):
    """Discussion 2, its times, all 12 themes in order, pick up to 3 per group, LIVE."""
    discussion_2 = [p for p in loaded.phases if p.kind is PhaseKind.DISCUSSION][1]
    assert ballot.phase == discussion_2 and discussion_2.position == 4
    assert (ballot.opens_at, ballot.closes_at) == (
        discussion_2.starts_at,
        discussion_2.ends_at,
    )
    assert [o.theme for o in ballot.options] == list(loaded.themes)
    assert len(ballot.options) == 12
    assert ballot.method is VotingMethod.PICK and ballot.max_choices == 3
    assert ballot.voter_unit is VoterUnit.GROUP
    assert ballot.results_visibility is ResultsVisibility.LIVE
    assert results_visible(ballot, discussion_2.starts_at - timedelta(days=1))


def test_the_ballot_texts(ballot, ballot_data):
    """A three-language title; a Finnish Markdown description rendered to HTML."""
    assert set(ballot.title) == {"fi", "sv", "en"}
    assert ballot.title["fi"] == ballot_data["title"]["fi"]
    assert "kolme teemaa" in ballot.description["fi"]
    html = ballot.description_html["fi"]
    assert "<strong>kolme teemaa</strong>" in html and "<li>" in html


def test_seven_groups_voted_and_one_did_not(db, ballot, loaded):
    """Seven votes keyed group:<id>, each by the group's comment writer; Nurmijärvi none."""
    votes = _votes_by_group(db)
    assert len(votes) == 7
    assert NURMIJARVI not in votes
    assert {g.name for g in loaded.work_groups} - set(votes) == {NURMIJARVI}
    for name, vote in votes.items():
        assert vote.unit_key == f"group:{vote.group_id}"
        assert vote.cast_by.name == AUTHORS[name]
        assert vote.cast_by.role is Role.PARTICIPANT
        assert vote.group.has_member(vote.cast_by)
        assert vote.revision == 1


def test_every_vote_has_three_picks_at_its_time(db, ballot, ballot_data):
    """Three entries of value 1 each, on the data's themes, cast at start + minutes."""
    votes = _votes_by_group(db)
    for data in ballot_data["votes"]:
        vote = votes[data["group"]]
        assert len(vote.entries) == 3
        assert all(entry.value == 1 for entry in vote.entries)
        assert {e.theme.position for e in vote.entries} == set(data["themes"])
        at = ballot.phase.starts_at + timedelta(minutes=data["minutes"])
        assert vote.cast_at == vote.updated_at == at
    assert _count(db, VoteEntry) == 21


def test_results_rank_theme_one_first_with_a_tie_and_empty_themes(ballot):
    """compute_results: theme 1 alone first, 3 and 6 tied third, 2/7/10 at zero."""
    results = compute_results(ballot)
    assert results.voters == 7
    rows = {row.theme.position: row for row in results.rows}
    first = results.rows[0]
    assert first.theme.position == 1 and first.rank == 1 and not first.tied
    assert (first.score, first.voters, first.organisations) == (5, 5, 5)
    assert first.share == pytest.approx(5 / 7)
    assert rows[4].rank == 2 and not rows[4].tied
    assert rows[3].rank == rows[6].rank == 3
    assert rows[3].tied and rows[6].tied and rows[3].score == rows[6].score == 3
    assert {p for p, row in rows.items() if row.score == 0} == {2, 7, 10}
    assert sum(_scores(ballot).values()) == 21


def test_first_load_reports_the_ballot_rows(runner, db):
    """The report counts one ballot, seven votes and 21 vote entries."""
    result = _load(runner)
    assert "1 ballot," in result.output
    assert "7 vote," in result.output
    assert "21 vote entry" in result.output


def test_loading_twice_creates_nothing_new(runner, db, ballot):
    """A second load adds no ballot, vote, entry or participant and changes nothing."""
    before = _counts(db)
    version = ballot.results_version
    result = _load(runner)
    assert "Created: nothing new." in result.output
    assert "Set back" not in result.output
    db.session.expire_all()
    assert _counts(db) == before
    assert db.session.get(Ballot, ballot.id).results_version == version


def test_demo_votes_reuse_the_comment_writers(db, loaded):
    """No extra users: every caster is the participant who writes the group's comments."""
    for name in AUTHORS.values():
        users = db.session.scalars(sa.select(User).where(User.name == name)).all()
        assert len(users) == 1, name


def test_reload_keeps_a_changed_vote_and_sets_an_untouched_one_back(
    runner,
    db,
    ballot,
    loaded,
    ballot_data,
):
    """A vote changed in the app (revision 2) stays; an altered revision-1 vote is reset."""
    votes = _votes_by_group(db)
    themes = {t.position: t for t in loaded.themes}
    hyvinkaa = next(
        v for v in ballot_data["votes"] if v["group"] == "Hyvinkään 0–25-ryhmä"
    )
    validia = votes["Validian opiskeluhuoltoryhmä"]
    # A change as the voting page makes it, at a moment the ballot is open.
    voter = validia.cast_by
    now = ballot.opens_at + timedelta(days=3)
    assert state(ballot, now) is BallotState.OPEN
    cast_vote(
        ballot,
        voter=voter,
        group=validia.group,
        choice={themes[7].id: 1},
        now=now,
    )
    # A change made behind the loader's back, without a new revision.
    keuda = votes["Keudan opiskeluhuoltoryhmä"]
    keuda.entries.pop()
    db.session.commit()
    version = db.session.get(Ballot, ballot.id).results_version
    result = _load(runner)
    assert "Set back to the demo data: 1 vote." in result.output
    db.session.expire_all()
    votes = _votes_by_group(db)
    validia = votes["Validian opiskeluhuoltoryhmä"]
    assert validia.revision == 2
    assert [e.theme.position for e in validia.entries] == [7]
    keuda_data = next(v for v in ballot_data["votes"] if v["group"] == keuda.group.name)
    keuda = votes[keuda.group.name]
    assert {e.theme.position for e in keuda.entries} == set(keuda_data["themes"])
    assert set(hyvinkaa["themes"]) == {
        e.theme.position for e in votes[hyvinkaa["group"]].entries
    }
    assert db.session.get(Ballot, ballot.id).results_version == version + 1


def test_reload_sets_the_ballot_setup_back(runner, db, ballot, ballot_data):
    """A changed title (another language) and visibility are set back; no second ballot."""
    ballot.title = {**ballot.title, "en": "Renamed"}
    ballot.results_visibility = ResultsVisibility.AFTER_CLOSE
    db.session.commit()
    result = _load(runner)
    assert "1 ballot" in result.output.split("Set back to the demo data:")[1]
    db.session.expire_all()
    ballots = db.session.scalars(sa.select(Ballot)).all()
    assert len(ballots) == 1
    assert ballots[0].title == ballot_data["title"]
    assert ballots[0].results_visibility is ResultsVisibility.LIVE
    assert _count(db, Vote) == 7
