"""The ballot page: who may read and vote, each method's choices and messages,
replacing a vote, voting times and CSRF (request tests)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from freezegun import freeze_time

from app.models import GroupMembership, Vote, VoterUnit
from tests.conftest import csrf_token_from


def ballot_url(w, ballot) -> str:
    return f"{w.base}/ballots/{ballot.id}/"


def votes_of(db, ballot) -> list[Vote]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Vote).where(Vote.ballot_id == ballot.id)))


def entries(vote: Vote) -> dict[int, int]:
    return {entry.theme_id: entry.value for entry in vote.entries}


def field(theme) -> str:
    return f"theme-{theme.id}"


def input_tag(html: str, theme) -> str:
    """The <input> or <select> start tag of a theme's field."""
    match = re.search(rf'<(?:input|select)[^>]*\bid="theme-{theme.id}"[^>]*>', html)
    assert match, f"no field for theme {theme.id}"
    return match.group(0)


def selected_place(html: str, theme) -> str | None:
    select = re.search(
        rf'<select[^>]*id="theme-{theme.id}"[^>]*>(.*?)</select>', html, re.S
    )
    assert select, f"no select for theme {theme.id}"
    chosen = re.search(r'<option selected value="([^"]*)"', select.group(1))
    return chosen.group(1) if chosen else None


# Who may read and vote -----------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, ballot_world):
    """The ballot page needs a signed-in person."""
    ballot = ballot_world.make_ballot()
    response = client.get(ballot_url(ballot_world, ballot))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_outsider_can_neither_read_nor_vote(client, auth, ballot_world, db):
    """Someone outside the process gets 403 for the page and for a vote."""
    w = ballot_world
    ballot = w.make_ballot()
    auth.login_as(w.outsider)
    assert client.get(ballot_url(w, ballot)).status_code == 403
    response = client.post(ballot_url(w, ballot), data={field(w.themes[0]): "y"})
    assert response.status_code == 403
    assert votes_of(db, ballot) == []


def test_a_ballot_of_another_process_is_not_found(
    client, auth, ballot_world, create_process
):
    """A ballot id under the wrong process's address is simply not found."""
    w = ballot_world
    ballot = w.make_ballot()
    other = create_process(facilitator=w.facilitator)
    auth.login_as(w.facilitator)
    assert client.get(f"/p/{other.slug}/ballots/{ballot.id}/").status_code == 404


def test_member_sees_the_rules_the_themes_and_the_state(client, auth, ballot_world):
    """A voter sees the title, the method in plain words, who votes, the closing time,
    each theme with its description and a form with the live-feedback script."""
    w = ballot_world
    w.themes[0].description_html = {"en": "<p>Libraries <em>together</em></p>"}
    ballot = w.make_ballot(max_choices=2)
    auth.login_as(w.member)
    response = client.get(ballot_url(w, ballot))
    html = response.text
    assert response.status_code == 200
    assert "The most important themes" in html
    assert "Choose at most 2 themes that matter most to your group." in html
    assert "One vote per work group: agree on it in your group's meeting" in html
    assert "Voting is open until" in html
    assert "Your group has not voted yet." in html
    assert "You vote on behalf of Ryhmä Aalto." in html
    for theme in w.themes:
        assert 'type="checkbox"' in input_tag(html, theme)
        assert f"Theme {theme.position}" in html or theme.title["en"] in html
    assert "Libraries <em>together</em>" in html
    assert f'aria-describedby="theme-{w.themes[0].id}-description"' in html
    assert "js/ballot.js" in html and 'id="ballot-texts"' in html
    assert "You have chosen the maximum; unchoose one to pick another." in html
    assert "<script>" not in html  # the CSP forbids inline script


@pytest.mark.parametrize(
    ("method", "limits", "sentence"),
    [
        ("pick", {"max_choices": 3}, "Choose at most 3 themes that matter most"),
        (
            "points",
            {"total_points": 10, "max_points_per_theme": 3},
            "You have 10 points to give; at most 3 to one theme.",
        ),
        (
            "ranking",
            {"max_choices": 3},
            "Put at most 3 themes in order; first place gets 3 points, second 2, "
            "third 1 (Borda count).",
        ),
        (
            "ranking",
            {"max_choices": 4},
            "first place gets 4 points, second 3, and so on",
        ),
    ],
)
def test_each_method_is_explained_in_plain_words(
    client, auth, ballot_world, method, limits, sentence
):
    """The ballot page says what to do and how the choice counts."""
    w = ballot_world
    ballot = w.make_ballot(method=method, **limits)
    auth.login_as(w.member)
    assert sentence in client.get(ballot_url(w, ballot)).text


def test_a_participant_ballot_says_everyone_votes(client, auth, ballot_world):
    """Per participant, the page says each member votes for themselves."""
    w = ballot_world
    ballot = w.make_ballot(voter_unit=VoterUnit.PARTICIPANT)
    auth.login_as(w.member)
    html = client.get(ballot_url(w, ballot)).text
    assert "One vote per participant" in html
    assert "Choose at most 2 themes that matter most to you." in html
    assert "You have not voted yet." in html


@pytest.mark.parametrize("role", ["facilitator", "observer", "admin"])
def test_staff_read_the_ballot_without_a_form_and_cannot_vote(
    client, auth, ballot_world, db, role
):
    """Facilitators, observers and admins without a group read the page, told why
    there is no form; a vote from them is refused."""
    w = ballot_world
    ballot = w.make_ballot()
    auth.login_as(getattr(w, role))
    response = client.get(ballot_url(w, ballot))
    assert response.status_code == 200
    assert "data-ballot-form" not in response.text
    assert "Only members of the work groups vote" in response.text
    assert "Theme 1" in response.text
    response = client.post(ballot_url(w, ballot), data={field(w.themes[0]): "y"})
    assert response.status_code == 403
    assert votes_of(db, ballot) == []


# Pick ------------------------------------------------------------------------------


def test_a_member_votes_and_sees_the_vote(client, auth, ballot_world, db):
    """A valid pick is saved (PRG with a flash) and shown preselected with who cast it."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(max_choices=2)
    auth.login_as(w.member)
    response = client.post(
        ballot_url(w, ballot),
        data={field(t1): "y", field(t3): "y", "group_id": w.group.id},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(ballot_url(w, ballot))
    [vote] = votes_of(db, ballot)
    assert entries(vote) == {t1.id: 1, t3.id: 1}
    assert (vote.group_id, vote.cast_by_id, vote.revision) == (
        w.group.id,
        w.member.id,
        1,
    )

    html = client.get(ballot_url(w, ballot)).text
    assert "Your vote has been saved." in html
    assert "Your group voted on" in html and "(by Maija Meikäläinen)" in html
    assert "checked" in input_tag(html, t1) and "checked" in input_tag(html, t3)
    assert "checked" not in input_tag(html, t2)
    assert "Change the vote" in html


def test_too_many_picks_are_refused_and_the_choice_kept(client, auth, ballot_world, db):
    """More than k themes: 422, the message at the top and by the themes, the
    boxes still ticked, nothing saved."""
    w = ballot_world
    t1, t2, t3, t4 = w.themes
    ballot = w.make_ballot(max_choices=2)
    auth.login_as(w.member)
    response = client.post(
        ballot_url(w, ballot), data={field(t1): "y", field(t2): "y", field(t3): "y"}
    )
    html = response.text
    assert response.status_code == 422
    assert 'class="error-summary"' in html
    assert html.count("You can choose at most 2 themes.") == 2
    assert 'id="ballot-choice-error"' in html
    assert "ballot-choice-error" in input_tag(html, t1).split("aria-describedby")[1]
    for theme in (t1, t2, t3):
        assert "checked" in input_tag(html, theme)
    assert "checked" not in input_tag(html, t4)
    assert votes_of(db, ballot) == []


def test_an_empty_vote_is_refused(client, auth, ballot_world, db):
    """Sending without a choice says to choose at least one theme."""
    w = ballot_world
    ballot = w.make_ballot()
    auth.login_as(w.member)
    response = client.post(ballot_url(w, ballot), data={"group_id": w.group.id})
    assert response.status_code == 422
    assert "Choose at least one theme before voting." in response.text
    assert votes_of(db, ballot) == []


# Points ----------------------------------------------------------------------------


def test_points_are_saved_and_shown(client, auth, ballot_world, db):
    """Points within both limits are saved; empty and 0 mean no points."""
    w = ballot_world
    t1, t2, t3, t4 = w.themes
    ballot = w.make_ballot(method="points", total_points=10, max_points_per_theme=3)
    auth.login_as(w.member)
    response = client.post(
        ballot_url(w, ballot),
        data={field(t1): "3", field(t2): "2", field(t3): "0", field(t4): ""},
    )
    assert response.status_code == 302
    [vote] = votes_of(db, ballot)
    assert entries(vote) == {t1.id: 3, t2.id: 2}
    html = client.get(ballot_url(w, ballot)).text
    assert 'value="3"' in input_tag(html, t1)
    assert 'type="number"' in input_tag(html, t1)
    assert 'max="3"' in input_tag(html, t1)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({0: "4"}, "Give a whole number from 0 to 3."),
        ({0: "-1"}, "Give a whole number from 0 to 3."),
        ({0: "kolme"}, "Give a whole number from 0 to 3."),
        ({0: "3", 1: "3", 2: "3"}, "You can give 8 points in all."),
    ],
)
def test_points_against_the_limits_are_refused(
    client, auth, ballot_world, db, typed, message
):
    """Too many points for a theme or in all, or not a number: 422 with the message,
    what was typed kept; a theme's own error is tied to its field."""
    w = ballot_world
    ballot = w.make_ballot(method="points", total_points=8, max_points_per_theme=3)
    auth.login_as(w.member)
    data = {field(w.themes[index]): value for index, value in typed.items()}
    response = client.post(ballot_url(w, ballot), data=data)
    html = response.text
    assert response.status_code == 422
    assert message in html
    for index, value in typed.items():
        assert f'value="{value}"' in input_tag(html, w.themes[index])
    if len(typed) == 1:
        tag = input_tag(html, w.themes[0])
        assert 'aria-invalid="true"' in tag
        assert f"theme-{w.themes[0].id}-error" in tag
        assert f'href="#theme-{w.themes[0].id}"' in html  # the summary links to it
    assert votes_of(db, ballot) == []


# Ranking ---------------------------------------------------------------------------


def test_a_ranking_is_saved_and_shown(client, auth, ballot_world, db):
    """Places 1..n are saved as the themes' ranks and shown selected again."""
    w = ballot_world
    t1, t2, t3, t4 = w.themes
    ballot = w.make_ballot(method="ranking", max_choices=3)
    auth.login_as(w.member)
    response = client.post(
        ballot_url(w, ballot),
        data={field(t1): "2", field(t2): "", field(t3): "1", field(t4): "3"},
    )
    assert response.status_code == 302
    [vote] = votes_of(db, ballot)
    assert entries(vote) == {t1.id: 2, t3.id: 1, t4.id: 3}
    html = client.get(ballot_url(w, ballot)).text
    assert selected_place(html, t1) == "2"
    assert selected_place(html, t2) == ""
    assert "<option" in html and ">–</option>" in html


@pytest.mark.parametrize(
    ("places", "message"),
    [
        ({0: "1", 1: "1"}, "Place 1 is given to more than one theme"),
        ({0: "1", 1: "3"}, "starting from 1 with no gaps"),
        ({0: "4"}, "Choose a place from the list."),
    ],
)
def test_a_ranking_against_the_rules_is_refused(
    client, auth, ballot_world, db, places, message
):
    """The same place twice, a gap or a place beyond k: 422, the places kept."""
    w = ballot_world
    ballot = w.make_ballot(method="ranking", max_choices=3)
    auth.login_as(w.member)
    data = {field(w.themes[index]): value for index, value in places.items()}
    response = client.post(ballot_url(w, ballot), data=data)
    assert response.status_code == 422
    assert message in response.text
    for index, value in places.items():
        if value != "4":
            assert selected_place(response.text, w.themes[index]) == value
    assert votes_of(db, ballot) == []


# Replacing a vote ---------------------------------------------------------------


def test_a_second_vote_from_the_group_replaces_the_first(
    client, auth, ballot_world, db
):
    """Group unit: a teammate's vote replaces the member's (one row, revision 2)."""
    w = ballot_world
    t1, t2, _t3, _t4 = w.themes
    ballot = w.make_ballot()
    auth.login_as(w.member)
    client.post(ballot_url(w, ballot), data={field(t1): "y"})
    auth.login_as(w.teammate)
    html = client.get(ballot_url(w, ballot)).text
    assert "checked" in input_tag(html, t1)  # the group's vote, cast by another
    response = client.post(ballot_url(w, ballot), data={field(t2): "y"})
    assert response.status_code == 302
    [vote] = votes_of(db, ballot)
    assert entries(vote) == {t2.id: 1}
    assert (vote.revision, vote.cast_by_id) == (2, w.teammate.id)
    html = client.get(ballot_url(w, ballot)).text
    assert "Your vote has been changed." in html
    assert "Your group changed its vote on" in html
    assert "(by Teemu Tiimiläinen)" in html


def test_per_participant_two_members_of_a_group_cast_two_votes(
    client, auth, ballot_world, db
):
    """Participant unit: each member of one group has a vote of their own."""
    w = ballot_world
    t1, t2, _t3, _t4 = w.themes
    ballot = w.make_ballot(voter_unit=VoterUnit.PARTICIPANT)
    auth.login_as(w.member)
    client.post(ballot_url(w, ballot), data={field(t1): "y"})
    auth.login_as(w.teammate)
    assert "You have not voted yet." in client.get(ballot_url(w, ballot)).text
    client.post(ballot_url(w, ballot), data={field(t2): "y"})
    votes = votes_of(db, ballot)
    assert sorted(vote.cast_by_id for vote in votes) == sorted(
        [w.member.id, w.teammate.id]
    )
    assert {vote.group_id for vote in votes} == {w.group.id}
    client.post(ballot_url(w, ballot), data={field(t1): "y"})
    assert len(votes_of(db, ballot)) == 2
    assert "You changed your vote on" in client.get(ballot_url(w, ballot)).text


def test_a_member_of_two_groups_chooses_the_group(client, auth, ballot_world, db):
    """With two groups in the process the voter picks the group; each group's vote
    is its own, and a group the voter is not in is refused."""
    w = ballot_world
    t1, t2, _t3, _t4 = w.themes
    db.session.add(GroupMembership(group=w.other_group, user=w.member))
    db.session.commit()
    ballot = w.make_ballot()
    auth.login_as(w.member)
    w.cast(ballot, w.member, w.group, {t1.id: 1})

    html = client.get(ballot_url(w, ballot)).text
    assert '<select id="group" name="group">' in html
    assert "You vote on behalf of Ryhmä Aalto." in html
    html = client.get(ballot_url(w, ballot) + f"?group={w.other_group.id}").text
    assert "You vote on behalf of Ryhmä Bore." in html
    assert "Your group has not voted yet." in html
    assert "checked" not in input_tag(html, t1)

    response = client.post(
        ballot_url(w, ballot), data={field(t2): "y", "group_id": w.other_group.id}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"?group={w.other_group.id}")
    by_group = {vote.group_id: entries(vote) for vote in votes_of(db, ballot)}
    assert by_group == {w.group.id: {t1.id: 1}, w.other_group.id: {t2.id: 1}}

    # Once the voter has left the second group, its id is refused.
    db.session.delete(
        db.session.scalar(
            sa.select(GroupMembership).where(
                GroupMembership.group_id == w.other_group.id,
                GroupMembership.user_id == w.member.id,
            )
        )
    )
    db.session.commit()
    response = client.post(
        ballot_url(w, ballot), data={field(t1): "y", "group_id": w.other_group.id}
    )
    assert response.status_code == 422
    assert "Choose one of your work groups." in response.text


# Voting times ----------------------------------------------------------------------


def test_a_ballot_not_yet_open_refuses_votes(client, auth, ballot_world, db):
    """Before the opening the page says when voting opens and a vote is refused."""
    w = ballot_world
    ballot = w.make_ballot(
        opens_at=w.now + timedelta(hours=2), closes_at=w.now + timedelta(days=1)
    )
    auth.login_as(w.member)
    html = client.get(ballot_url(w, ballot)).text
    assert "Voting opens" in html
    assert "data-ballot-form" not in html
    response = client.post(ballot_url(w, ballot), data={field(w.themes[0]): "y"})
    assert response.status_code == 422
    assert "Voting has not started yet." in response.text
    assert "checked" in input_tag(response.text, w.themes[0])
    assert votes_of(db, ballot) == []


def test_a_closed_ballot_refuses_votes_and_shows_the_vote(
    client, auth, ballot_world, db
):
    """After the close the vote cannot change; the page shows the group's vote."""
    w = ballot_world
    t1, t2, _t3, _t4 = w.themes
    ballot = w.make_ballot(closes_at=w.now + timedelta(minutes=30))
    w.cast(ballot, w.member, w.group, {t1.id: 1})
    auth.login_as(w.member)
    with freeze_time(w.now + timedelta(hours=1)):
        html = client.get(ballot_url(w, ballot)).text
        assert "Voting ended" in html
        assert "Votes can no longer be cast or changed." in html
        assert "data-ballot-form" not in html
        assert "Your group chose this theme" in html
        response = client.post(ballot_url(w, ballot), data={field(t2): "y"})
    assert response.status_code == 422
    assert "Voting has ended, so votes can no longer be cast or changed." in (
        response.text
    )
    [vote] = votes_of(db, ballot)
    assert entries(vote) == {t1.id: 1}


def test_results_link_follows_the_visibility(client, auth, ballot_world):
    """Voters get a link to the results when they are visible; the team at any time."""
    w = ballot_world
    hidden = w.make_ballot()
    live = w.make_ballot(results_visibility="live")
    auth.login_as(w.member)
    assert "/results" not in client.get(ballot_url(w, hidden)).text
    html = client.get(ballot_url(w, live)).text
    assert f'href="{w.base}/ballots/{live.id}/results"' in html
    assert "See the results" in html
    auth.login_as(w.facilitator)
    assert "See the results so far" in client.get(ballot_url(w, hidden)).text


# CSRF ------------------------------------------------------------------------------


def test_a_vote_without_the_csrf_token_is_refused(csrf_app, ballot_world, db):
    """With CSRF on, a vote without a valid token saves nothing and comes back with
    the choice kept; with the page's token it is saved."""
    w = ballot_world
    ballot = w.make_ballot()
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = w.member.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
        session["lang"] = "en"
    url = ballot_url(w, ballot)
    response = client.post(url, data={field(w.themes[0]): "y"})
    assert response.status_code == 422
    assert "Your session had expired, so the vote was not saved." in response.text
    assert "checked" in input_tag(response.text, w.themes[0])
    assert votes_of(db, ballot) == []

    token = csrf_token_from(client.get(url).text)
    response = client.post(url, data={field(w.themes[0]): "y", "csrf_token": token})
    assert response.status_code == 302
    assert len(votes_of(db, ballot)) == 1


def test_votes_are_rate_limited_per_person(client, auth, ballot_world, app):
    """One person's POSTs share the comment limit (30 a minute); reading is free."""
    w = ballot_world
    ballot = w.make_ballot()
    auth.login_as(w.member)
    limit = int(app.config["COMMENT_LIMIT_PER_USER"].split()[0])
    for _ in range(limit):
        assert client.post(ballot_url(w, ballot), data={}).status_code == 422
    assert client.post(ballot_url(w, ballot), data={}).status_code == 429
    assert client.get(ballot_url(w, ballot)).status_code == 200
