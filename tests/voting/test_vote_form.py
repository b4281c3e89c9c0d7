"""The vote form's class is made once per ballot's rules, themes and language (a worker
keeps it), and what differs between forms is still each form's own."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.voting.forms_vote import field_name, vote_form


@pytest.fixture()
def in_request(app):
    with app.test_request_context():
        yield


def test_the_same_ballot_shares_its_form_class_not_its_forms(ballot_world, in_request):
    """Two pages of one ballot: one class, two forms, each showing its own vote."""
    w = ballot_world
    ballot = w.make_ballot()
    first = vote_form(ballot, groups=[w.group], group=w.group)
    second = vote_form(ballot, groups=[w.group], group=w.group)
    assert type(first) is type(second) and first is not second
    first[field_name(w.themes[0].id)].data = True
    assert not second[field_name(w.themes[0].id)].data
    assert [field.label.text for field in second.theme_fields()] == [
        "Teema 1",
        "Teema 2",
        "Teema 3",
        "Teema 4",
    ]


def test_a_renamed_theme_or_another_language_is_another_form(
    ballot_world, db, in_request
):
    """The labels follow a theme's new title and the reader's language; the rules
    (method, points, places) make another class too."""
    w = ballot_world
    ballot = w.make_ballot()
    before = vote_form(ballot, groups=[w.group], group=w.group)
    w.themes[1].title = {"fi": "Uusi nimi", "en": "New name"}
    db.session.commit()
    after = vote_form(ballot, groups=[w.group], group=w.group)
    assert type(after) is not type(before)
    assert after[field_name(w.themes[1].id)].label.text == "Uusi nimi"
    with force_locale("en"):
        english = vote_form(ballot, groups=[w.group], group=w.group)
    assert english[field_name(w.themes[1].id)].label.text == "New name"
    points = w.make_ballot(method="points", total_points=10, max_points_per_theme=4)
    form = vote_form(points, groups=[w.group], group=w.group)
    assert form[field_name(w.themes[0].id)].maximum == 4


def test_a_ranking_forms_places_are_its_own(ballot_world, in_request):
    """A place chosen in one form is not selected in the next one's menu."""
    w = ballot_world
    ballot = w.make_ballot(method="ranking", max_choices=3)
    name = field_name(w.themes[0].id)
    chosen = vote_form(ballot, groups=[w.group], group=w.group)
    chosen[name].data = "2"
    assert '<option selected value="2">' in str(chosen[name]())
    fresh = vote_form(ballot, groups=[w.group], group=w.group)
    assert type(fresh) is type(chosen)
    assert fresh[name].choices is not chosen[name].choices
    html = str(fresh[name]())
    assert '<option selected value="">' in html and html.count("selected") == 1
    assert [choice.value for choice in fresh[name].choices] == ["", "1", "2", "3"]
