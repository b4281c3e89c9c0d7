"""Renaming or removing a theme refreshes the live views of the ballots listing it."""

from app.processes import services_themes
from app.voting import scoring


def test_renaming_a_theme_changes_the_ballots_version(ballot_world, db):
    """The projector's ETag moves on when a theme on the ballot is renamed."""
    ballot = ballot_world.make_ballot()
    before = ballot.results_version
    services_themes.update_theme(ballot_world.themes[0], title={"fi": "Uusi nimi"})
    db.session.commit()
    db.session.refresh(ballot)
    assert ballot.results_version == before + 1


def test_removing_a_theme_after_votes_keeps_the_others_right(ballot_world, db):
    """A removed theme leaves the ballot and the results; other votes still count."""
    w = ballot_world
    ballot = w.make_ballot()
    first, second = w.themes[0], w.themes[1]
    w.cast(ballot, w.member, w.group, {first.id: 1, second.id: 1})
    w.cast(ballot, w.other_member, w.other_group, {second.id: 1})
    version = ballot.results_version
    services_themes.delete_theme(first)
    db.session.commit()
    db.session.refresh(ballot)
    assert ballot.results_version == version + 1
    assert first.id not in {option.theme_id for option in ballot.options}
    results = scoring.compute_results(ballot)
    assert results.voters == 2
    top = results.rows[0]
    assert top.theme.id == second.id and top.score == 2 and top.share == 1.0
