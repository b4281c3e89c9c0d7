"""Scoring of each voting method, the choice rules and replacing a vote (services)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.models import Vote, VoteEntry, VoterUnit
from app.processes import services_themes
from app.voting import services
from app.voting.scoring import borda_points, compute_results


def by_title(results):
    """Results keyed by the theme's English title, for readable assertions."""
    return {row.theme.title["en"]: row for row in results.rows}


# Scores per method ---------------------------------------------------------------


def test_pick_counts_voters_shares_and_organisations(ballot_world):
    """Pick: a theme's score is the number of groups choosing it; share and
    organisations follow the voting groups."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(method="pick", max_choices=2)
    w.cast(ballot, w.member, w.group, {t1.id: 1, t2.id: 1})
    w.cast(ballot, w.other_member, w.other_group, {t1.id: 1, t3.id: 1})

    results = compute_results(ballot)
    rows = by_title(results)

    assert results.voters == 2
    assert [row.theme.title["en"] for row in results.rows][0] == "Theme 1"
    assert (rows["Theme 1"].score, rows["Theme 1"].voters) == (2, 2)
    assert rows["Theme 1"].share == 1.0
    assert rows["Theme 1"].organisations == 2
    assert (rows["Theme 2"].score, rows["Theme 2"].share) == (1, 0.5)
    assert rows["Theme 2"].organisations == 1
    assert (rows["Theme 4"].score, rows["Theme 4"].share) == (0, 0.0)
    assert rows["Theme 4"].organisations == 0
    assert results.top_score == 2


def test_points_are_summed_and_a_zero_is_no_vote(ballot_world, db):
    """Points: scores are sums; a unit giving 0 points to a theme is not one of
    its voters (the zero is dropped)."""
    w = ballot_world
    t1, t2, t3, t4 = w.themes
    ballot = w.make_ballot(method="points", total_points=6, max_points_per_theme=3)
    w.cast(ballot, w.member, w.group, {t1.id: 3, t2.id: 2, t4.id: 0})
    w.cast(ballot, w.other_member, w.other_group, {t1.id: 1, t3.id: 3})

    rows = by_title(compute_results(ballot))

    assert rows["Theme 1"].score == 4 and rows["Theme 1"].voters == 2
    assert rows["Theme 2"].score == 2 and rows["Theme 2"].voters == 1
    assert rows["Theme 3"].score == 3 and rows["Theme 3"].share == 0.5
    assert rows["Theme 4"].score == 0
    assert rows["Theme 4"].voters == 0 and rows["Theme 4"].share == 0.0
    assert [rows[f"Theme {n}"].rank for n in (1, 3, 2, 4)] == [1, 2, 3, 4]
    zero_entries = sa.select(sa.func.count(VoteEntry.id)).where(
        VoteEntry.theme_id == t4.id
    )
    assert db.session.scalar(zero_entries) == 0


def test_ranking_uses_borda_count_and_keeps_the_places_table(ballot_world):
    """Ranking with k=3: first place 3 points, second 2, third 1; the places table
    counts how many voters put each theme in each place."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(method="ranking", max_choices=3)
    w.cast(ballot, w.member, w.group, {t1.id: 1, t2.id: 2, t3.id: 3})
    w.cast(ballot, w.other_member, w.other_group, {t3.id: 1, t1.id: 2})

    results = compute_results(ballot)
    rows = by_title(results)

    assert [borda_points(rank, 3) for rank in (1, 2, 3)] == [3, 2, 1]
    assert rows["Theme 1"].score == 3 + 2
    assert rows["Theme 3"].score == 1 + 3
    assert rows["Theme 2"].score == 2
    assert rows["Theme 4"].score == 0
    assert rows["Theme 1"].places == [1, 1, 0]
    assert rows["Theme 2"].places == [0, 1, 0]
    assert rows["Theme 3"].places == [1, 0, 1]
    assert rows["Theme 4"].places == [0, 0, 0]
    assert [row.rank for row in results.rows] == [1, 2, 3, 4]
    assert not any(row.tied for row in results.rows)


def test_equal_scores_share_a_rank_and_are_marked_tied(ballot_world):
    """Ties: two themes with the same score are both first, the next is third."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(method="pick", max_choices=2)
    w.cast(ballot, w.member, w.group, {t1.id: 1, t2.id: 1})
    w.cast(ballot, w.other_member, w.other_group, {t1.id: 1, t2.id: 1})
    ballot_b = w.make_ballot(method="pick", max_choices=1)
    w.cast(ballot_b, w.member, w.group, {t3.id: 1})

    rows = by_title(compute_results(ballot))

    assert (rows["Theme 1"].rank, rows["Theme 1"].tied) == (1, True)
    assert (rows["Theme 2"].rank, rows["Theme 2"].tied) == (1, True)
    assert (rows["Theme 3"].rank, rows["Theme 3"].tied) == (3, True)
    assert (rows["Theme 4"].rank, rows["Theme 4"].tied) == (3, True)

    rows_b = by_title(compute_results(ballot_b))
    assert (rows_b["Theme 3"].rank, rows_b["Theme 3"].tied) == (1, False)
    assert [rows_b[f"Theme {n}"].rank for n in (1, 2, 4)] == [2, 2, 2]


def test_an_empty_ballot_has_every_theme_at_zero_tied_first(ballot_world):
    """No votes: every score and share 0, every theme tied at rank 1."""
    w = ballot_world
    ballot = w.make_ballot()

    results = compute_results(ballot)

    assert results.voters == 0
    assert results.top_score == 0
    assert len(results.rows) == 4
    for row in results.rows:
        assert (row.score, row.voters, row.share, row.organisations) == (0, 0, 0, 0)
        assert (row.rank, row.tied) == (1, True)


def test_a_theme_removed_after_opening_leaves_the_others_right(ballot_world, db):
    """Deleting a theme takes its option and its votes' entries; the other themes
    keep their scores and the voters still count."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(method="pick", max_choices=2)
    w.cast(ballot, w.member, w.group, {t1.id: 1, t2.id: 1})
    w.cast(ballot, w.other_member, w.other_group, {t2.id: 1, t3.id: 1})
    removed_id = t2.id

    services_themes.delete_theme(t2)
    db.session.commit()
    db.session.expire_all()

    results = compute_results(ballot)
    rows = by_title(results)

    assert "Theme 2" not in rows
    assert [option.theme_id for option in ballot.options] == [
        t1.id,
        t3.id,
        w.themes[3].id,
    ]
    orphan_entries = sa.select(sa.func.count(VoteEntry.id)).where(
        VoteEntry.theme_id == removed_id
    )
    assert db.session.scalar(orphan_entries) == 0
    assert results.voters == 2
    assert (rows["Theme 1"].score, rows["Theme 1"].share) == (1, 0.5)
    assert (rows["Theme 3"].score, rows["Theme 3"].share) == (1, 0.5)
    assert (rows["Theme 1"].rank, rows["Theme 1"].tied) == (1, True)
    assert rows["Theme 4"].rank == 3


def test_per_participant_ballots_count_organisations_through_groups(ballot_world):
    """Per participant: each person votes; organisations come from their groups
    (two people of one organisation count as one organisation)."""
    w = ballot_world
    t1, t2, _t3, _t4 = w.themes
    ballot = w.make_ballot(voter_unit=VoterUnit.PARTICIPANT, max_choices=2)
    w.cast(ballot, w.member, w.group, {t1.id: 1})
    w.cast(ballot, w.teammate, w.group, {t1.id: 1, t2.id: 1})
    w.cast(ballot, w.other_member, w.other_group, {t1.id: 1})

    results = compute_results(ballot)
    rows = by_title(results)

    assert results.voters == 3
    assert (rows["Theme 1"].score, rows["Theme 1"].organisations) == (3, 2)
    assert rows["Theme 1"].share == 1.0
    assert (rows["Theme 2"].score, rows["Theme 2"].organisations) == (1, 1)
    assert rows["Theme 2"].share == pytest.approx(1 / 3)


# The rules of a choice -------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "choice", "error"),
    [
        (
            {"method": "pick", "max_choices": 2},
            {0: 1, 1: 1, 2: 1},
            services.TooManyChoices,
        ),
        (
            {"method": "points", "total_points": 5, "max_points_per_theme": 3},
            {0: 3, 1: 3},
            services.TooManyPoints,
        ),
        (
            {"method": "points", "total_points": 10, "max_points_per_theme": 3},
            {0: 4},
            services.TooManyPointsForTheme,
        ),
        (
            {"method": "ranking", "max_choices": 3},
            {0: 1, 1: 3},
            services.InvalidRanking,
        ),
        (
            {"method": "ranking", "max_choices": 3},
            {0: 1, 1: 1},
            services.InvalidRanking,
        ),
        (
            {"method": "ranking", "max_choices": 2},
            {0: 1, 1: 2, 2: 3},
            services.TooManyChoices,
        ),
        ({"method": "pick"}, {}, services.EmptyVote),
        ({"method": "points"}, {0: 0, 1: 0}, services.EmptyVote),
    ],
    ids=[
        "too-many-picks",
        "points-over-total",
        "points-over-theme-max",
        "ranking-gap",
        "ranking-duplicate",
        "ranking-too-many",
        "empty",
        "only-zero-points",
    ],
)
def test_validate_choice_refuses_choices_against_the_rules(
    ballot_world, overrides, choice, error
):
    """Each limit of each method is enforced by the service, not only the page."""
    w = ballot_world
    ballot = w.make_ballot(**overrides)
    ids = [theme.id for theme in w.themes]
    # The parameters name themes by their index; the ballot wants theme ids.
    real_choice = {ids[index]: value for index, value in choice.items()}

    with pytest.raises(error) as raised:
        services.validate_choice(ballot, real_choice)
    assert str(raised.value)  # a message a voter can read


def test_validate_choice_refuses_a_theme_not_on_the_ballot(ballot_world):
    """A theme left off the ballot (or of another process) cannot be voted for."""
    w = ballot_world
    t1, t2, _t3, t4 = w.themes
    ballot = w.make_ballot(theme_ids=[t1.id, t2.id])

    with pytest.raises(services.UnknownOption):
        services.validate_choice(ballot, {t4.id: 1})
    with pytest.raises(services.UnknownOption):
        services.validate_choice(ballot, {999999: 1})


def test_validate_choice_accepts_choices_within_the_limits(ballot_world):
    """Within the limits the choice comes back normalised (picks as 1, zeros dropped)."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    pick = w.make_ballot(method="pick", max_choices=2)
    points = w.make_ballot(method="points", total_points=5, max_points_per_theme=3)
    ranking = w.make_ballot(method="ranking", max_choices=3)

    assert services.validate_choice(pick, {t1.id: 5, t2.id: 1}) == {t1.id: 1, t2.id: 1}
    assert services.validate_choice(points, {t1.id: 3, t2.id: 2, t3.id: 0}) == {
        t1.id: 3,
        t2.id: 2,
    }
    assert services.validate_choice(ranking, {t3.id: 1, t1.id: 2}) == {
        t3.id: 1,
        t1.id: 2,
    }


# Casting ------------------------------------------------------------------------


def test_a_second_vote_replaces_the_first(ballot_world, db):
    """The same group voting again keeps one Vote row, now revision 2, with only
    the new choice in it; it counts once."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(method="pick", max_choices=2)
    version = ballot.results_version

    first, created = services.cast_vote(
        ballot, voter=w.member, group=w.group, choice={t1.id: 1}, now=w.now
    )
    db.session.commit()
    assert created is True
    second, created = services.cast_vote(
        ballot,
        voter=w.teammate,
        group=w.group,
        choice={t2.id: 1, t3.id: 1},
        now=w.now + timedelta(minutes=5),
    )
    db.session.commit()

    assert created is False
    assert second.id == first.id
    votes = db.session.scalars(sa.select(Vote).where(Vote.ballot_id == ballot.id)).all()
    assert len(votes) == 1
    assert votes[0].revision == 2
    assert votes[0].cast_by_id == w.teammate.id
    assert {entry.theme_id for entry in votes[0].entries} == {t2.id, t3.id}
    db.session.refresh(ballot)
    assert ballot.results_version == version + 2
    rows = by_title(compute_results(ballot))
    assert rows["Theme 1"].score == 0
    assert rows["Theme 2"].score == 1


def test_votes_are_refused_before_opening_and_after_closing(ballot_world, db):
    """Outside the voting time the service refuses with a clear message."""
    w = ballot_world
    t1 = w.themes[0]
    ballot = w.make_ballot(
        opens_at=w.now + timedelta(hours=1), closes_at=w.now + timedelta(hours=2)
    )

    with pytest.raises(services.BallotNotOpen):
        services.cast_vote(
            ballot, voter=w.member, group=w.group, choice={t1.id: 1}, now=w.now
        )
    with pytest.raises(services.BallotClosed) as raised:
        services.cast_vote(
            ballot,
            voter=w.member,
            group=w.group,
            choice={t1.id: 1},
            now=w.now + timedelta(hours=3),
        )
    assert str(raised.value)  # a message the voter can read
    assert services.has_votes(ballot) is False


def test_only_members_of_the_process_groups_can_vote(ballot_world):
    """Someone voting for a group they are not in is refused."""
    w = ballot_world
    ballot = w.make_ballot()

    with pytest.raises(services.NotAVoter):
        services.cast_vote(
            ballot,
            voter=w.member,
            group=w.other_group,
            choice={w.themes[0].id: 1},
            now=w.now,
        )
