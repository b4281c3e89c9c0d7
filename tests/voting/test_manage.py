"""Ballot set-up, turnout and the audit export: roles, validation, locking, numbers."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import session
from flask_login import login_user

from app.i18n import to_helsinki_input
from app.models import Ballot, PhaseKind, Vote, VoterUnit, VotingMethod
from tests.conftest import csrf_token_from


def _form(world, **overrides) -> dict:
    """A complete, valid set-up form as a browser sends it."""
    data = {
        "title-fi": "Kärkiteemat",
        "title-en": "Top themes",
        "description-fi": "Valitkaa **kolme**.",
        "opens_at": "2030-03-01T09:00",
        "closes_at": "2030-03-08T16:00",
        "voter_unit": "group",
        "method": "pick",
        "max_choices": "3",
        "total_points": "10",
        "max_points_per_theme": "3",
        "results_visibility": "after_close",
        "themes": [str(theme.id) for theme in world.themes],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _people(world):
    return {
        "member": world.member,
        "observer": world.observer,
        "outsider": world.outsider,
        "facilitator": world.facilitator,
        "admin": world.admin,
    }


def _ballots(db):
    return db.session.scalars(sa.select(Ballot)).all()


# Who may do what ----------------------------------------------------------------

MANAGE_ALLOWED = {"facilitator", "admin"}


@pytest.mark.parametrize(
    "who", ["member", "observer", "outsider", "facilitator", "admin"]
)
@pytest.mark.parametrize("page", ["new", "edit", "delete"])
def test_set_up_pages_are_for_facilitators_and_admins(
    ballot_world, client, auth, who, page
):
    """Only the process's facilitators and admins reach the set-up pages."""
    ballot = ballot_world.make_ballot()
    url = {
        "new": f"{ballot_world.base}/phases/{ballot_world.phase.id}/ballots/new",
        "edit": f"{ballot_world.base}/ballots/{ballot.id}/edit",
        "delete": f"{ballot_world.base}/ballots/{ballot.id}/delete",
    }[page]
    auth.login_as(_people(ballot_world)[who])
    expected = 200 if who in MANAGE_ALLOWED else 403
    assert client.get(url).status_code == expected
    assert client.post(url, data={}).status_code in (
        {200, 302, 422} if who in MANAGE_ALLOWED else {403}
    )


@pytest.mark.parametrize(
    "path",
    [
        "/phases/{phase}/ballots/new",
        "/ballots/{ballot}/edit",
        "/ballots/{ballot}/delete",
        "/ballots/{ballot}/turnout",
        "/ballots/{ballot}/votes.csv",
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(ballot_world, client, path):
    """Every set-up, turnout and export page asks an anonymous visitor to sign in."""
    ballot = ballot_world.make_ballot()
    url = ballot_world.base + path.format(phase=ballot_world.phase.id, ballot=ballot.id)
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("who", "turnout", "export"),
    [
        ("member", 403, 403),
        ("outsider", 403, 403),
        ("observer", 200, 403),
        ("facilitator", 200, 200),
        ("admin", 200, 200),
    ],
)
def test_turnout_and_export_rights(ballot_world, client, auth, who, turnout, export):
    """Observers follow the turnout; only facilitators and admins export votes."""
    ballot = ballot_world.make_ballot()
    auth.login_as(_people(ballot_world)[who])
    base = f"{ballot_world.base}/ballots/{ballot.id}"
    assert client.get(f"{base}/turnout").status_code == turnout
    assert client.get(f"{base}/votes.csv").status_code == export


def test_ballots_only_in_discussions_and_seminars(
    ballot_world, client, auth, create_phase, create_process
):
    """A follow-up phase or another process's phase has no ballot page (404)."""
    auth.login_as(ballot_world.facilitator)
    followup = create_phase(ballot_world.process, kind=PhaseKind.FOLLOWUP)
    seminar = create_phase(ballot_world.process, kind=PhaseKind.SEMINAR)
    elsewhere = create_phase(create_process(), kind=PhaseKind.DISCUSSION)
    base = ballot_world.base
    assert client.get(f"{base}/phases/{followup.id}/ballots/new").status_code == 404
    assert client.get(f"{base}/phases/{elsewhere.id}/ballots/new").status_code == 404
    assert client.get(f"{base}/phases/{seminar.id}/ballots/new").status_code == 200


def test_another_process_ballot_is_not_found(
    ballot_world, client, auth, create_process
):
    """A ballot id is looked up inside the process of the URL only."""
    ballot = ballot_world.make_ballot()
    other = create_process(facilitator=ballot_world.facilitator)
    auth.login_as(ballot_world.facilitator)
    assert client.get(f"/p/{other.slug}/ballots/{ballot.id}/edit").status_code == 404


# Creating and editing ------------------------------------------------------------


def test_new_ballot_is_prefilled_from_the_phase(ballot_world, client, auth):
    """Opening and closing times come from the phase; every theme is checked."""
    auth.login_as(ballot_world.facilitator)
    phase = ballot_world.phase
    page = client.get(f"{ballot_world.base}/phases/{phase.id}/ballots/new")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    opens = to_helsinki_input(phase.starts_at).strftime("%Y-%m-%dT%H:%M")
    closes = to_helsinki_input(phase.ends_at).strftime("%Y-%m-%dT%H:%M")
    assert f'value="{opens}"' in html and f'value="{closes}"' in html
    themes = re.findall(r"<input[^>]*name=\"themes\"[^>]*>", html)
    assert len(themes) == 4 and all("checked" in tag for tag in themes)
    unit = re.search(r"<input[^>]*value=\"group\"[^>]*>", html).group(0)
    assert "checked" in unit
    assert "Pick: each voter chooses" in html


def test_facilitator_creates_a_ballot(ballot_world, client, auth, db):
    """A valid form saves the ballot with its rules and chosen themes."""
    auth.login_as(ballot_world.facilitator)
    chosen = [str(theme.id) for theme in ballot_world.themes[:3]]
    response = client.post(
        f"{ballot_world.base}/phases/{ballot_world.phase.id}/ballots/new",
        data=_form(
            ballot_world,
            method="points",
            total_points="12",
            max_points_per_theme="5",
            voter_unit="participant",
            results_visibility="live",
            themes=chosen,
        ),
    )
    assert response.status_code == 302
    (ballot,) = _ballots(db)
    assert ballot.title == {"fi": "Kärkiteemat", "en": "Top themes"}
    assert "<strong>kolme</strong>" in ballot.description_html["fi"]
    assert ballot.method is VotingMethod.POINTS
    assert ballot.voter_unit is VoterUnit.PARTICIPANT
    assert (ballot.total_points, ballot.max_points_per_theme) == (12, 5)
    assert [option.theme_id for option in ballot.options] == [
        theme.id for theme in ballot_world.themes[:3]
    ]
    # Typed as Helsinki time (UTC+2 in March).
    assert ballot.opens_at == datetime(2030, 3, 1, 7, 0, tzinfo=UTC)
    page = client.get(response.headers["Location"], follow_redirects=True)
    assert "has been created" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title-fi": ""}, "at least in the main language"),
        ({"closes_at": "2030-02-01T09:00"}, "The end must come after the start."),
        ({"opens_at": "1.3.2030"}, "day, month, year, hours and minutes"),
        ({"max_choices": "0"}, "Give a number from 1 to 20."),
        ({"max_choices": "kolme"}, "Not a valid integer value."),
        ({"method": "pick", "max_choices": "5"}, "The ballot has 4 themes"),
        ({"themes": []}, "Choose at least one theme for the ballot."),
        ({"themes": ["999999"]}, "not a valid choice"),
        (
            {"method": "points", "total_points": "5", "max_points_per_theme": "6"},
            "more points than there are in all (5)",
        ),
        ({"total_points": "101"}, "Give a number from 1 to 100."),
        ({"method": "lottery"}, "Not a valid choice"),
    ],
)
def test_invalid_set_up_is_refused_with_the_text_kept(
    ballot_world, client, auth, db, overrides, message
):
    """Bad input: 422, the reason next to the field, and the typed title kept."""
    auth.login_as(ballot_world.facilitator)
    response = client.post(
        f"{ballot_world.base}/phases/{ballot_world.phase.id}/ballots/new",
        data=_form(ballot_world, **{"title-sv": "Behållen text", **overrides}),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html
    assert "Behållen text" in html
    assert _ballots(db) == []


def test_edit_changes_rules_before_any_vote(ballot_world, client, auth, db):
    """Without votes everything may change, also the method and the themes."""
    ballot = ballot_world.make_ballot()
    auth.login_as(ballot_world.facilitator)
    page = client.get(f"{ballot_world.base}/ballots/{ballot.id}/edit")
    assert page.status_code == 200 and "disabled" not in page.get_data(as_text=True)
    response = client.post(
        f"{ballot_world.base}/ballots/{ballot.id}/edit",
        data=_form(
            ballot_world,
            method="ranking",
            max_choices="2",
            themes=[str(ballot_world.themes[1].id), str(ballot_world.themes[3].id)],
        ),
    )
    assert response.status_code == 302
    db.session.refresh(ballot)
    assert ballot.method is VotingMethod.RANKING
    assert [option.theme for option in ballot.options] == [
        ballot_world.themes[1],
        ballot_world.themes[3],
    ]


# Locked after the first vote -----------------------------------------------------


@pytest.fixture()
def voted(ballot_world):
    """A pick-2 ballot in which the first work group has voted."""
    ballot = ballot_world.make_ballot()
    first, second = ballot_world.themes[:2]
    ballot_world.cast(
        ballot, ballot_world.member, ballot_world.group, {first.id: 1, second.id: 1}
    )
    return ballot


def _browser_form(world, **overrides):
    """What a browser sends from the locked page: the disabled rules are left out."""
    data = _form(world, **overrides)
    for name in (
        "voter_unit",
        "method",
        "max_choices",
        "total_points",
        "max_points_per_theme",
        "themes",
    ):
        data.pop(name, None)
    return data


def test_locked_page_disables_the_rules_and_says_why(ballot_world, voted, client, auth):
    """After a vote the rules are shown disabled, with the reason in words."""
    auth.login_as(ballot_world.facilitator)
    html = client.get(f"{ballot_world.base}/ballots/{voted.id}/edit").get_data(
        as_text=True
    )
    assert "Votes have already been cast" in html
    for name in ("voter_unit", "method", "max_choices", "themes"):
        tags = re.findall(rf"<input[^>]*name=\"{name}\"[^>]*>", html)
        assert tags and all("disabled" in tag for tag in tags)
    # The texts, times and results view stay editable.
    for name in ("title-fi", "closes_at", "results_visibility"):
        tags = re.findall(rf"<input[^>]*name=\"{name}\"[^>]*>", html)
        assert tags and not any("disabled" in tag for tag in tags)


def test_texts_and_times_may_change_after_votes(ballot_world, voted, client, auth, db):
    """Title and times are saved; the rules stay as they were."""
    auth.login_as(ballot_world.facilitator)
    response = client.post(
        f"{ballot_world.base}/ballots/{voted.id}/edit",
        data=_browser_form(
            ballot_world,
            **{"title-fi": "Uusi otsikko", "closes_at": "2030-03-09T16:00"},
        ),
    )
    assert response.status_code == 302
    db.session.refresh(voted)
    assert voted.title["fi"] == "Uusi otsikko"
    assert voted.closes_at == datetime(2030, 3, 9, 14, 0, tzinfo=UTC)
    assert voted.method is VotingMethod.PICK and voted.max_choices == 2
    assert len(voted.options) == 4


@pytest.mark.parametrize(
    "overrides",
    [
        {"method": "points"},
        {"max_choices": "3"},
        {"voter_unit": "participant"},
        {"themes": "first two"},
    ],
)
def test_rule_changes_after_votes_are_refused(
    ballot_world, voted, client, auth, db, overrides
):
    """A page opened before the first vote cannot change the rules: 422 and why."""
    auth.login_as(ballot_world.facilitator)
    ids = [str(theme.id) for theme in ballot_world.themes]
    if "themes" in overrides:
        overrides = {"themes": ids[:2]}
    data = _form(
        ballot_world, **{"max_choices": "2", "title-fi": "Ei tallennu", **overrides}
    )
    response = client.post(f"{ballot_world.base}/ballots/{voted.id}/edit", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The ballot was not saved." in html
    assert "earlier votes would count differently" in html
    assert "Ei tallennu" in html  # the typed text is kept for another try
    db.session.refresh(voted)
    assert voted.method is VotingMethod.PICK
    assert voted.voter_unit is VoterUnit.GROUP
    assert voted.max_choices == 2 and len(voted.options) == 4
    assert voted.title["fi"] == "Tärkeimmät teemat"


# Deleting ---------------------------------------------------------------------


def test_delete_says_how_many_votes_are_lost(ballot_world, voted, client, auth, db):
    """The confirmation page counts the votes; the POST removes ballot and votes."""
    ballot_world.cast(
        voted,
        ballot_world.other_member,
        ballot_world.other_group,
        {ballot_world.themes[0].id: 1},
    )
    auth.login_as(ballot_world.facilitator)
    url = f"{ballot_world.base}/ballots/{voted.id}/delete"
    html = client.get(url).get_data(as_text=True)
    assert "with the 2 votes cast in it" in html
    assert "Delete the ballot" in html
    response = client.post(url)
    assert response.status_code == 302
    assert _ballots(db) == []
    assert db.session.scalar(sa.select(sa.func.count(Vote.id))) == 0


def test_delete_without_votes_says_so(ballot_world, client, auth):
    """An unused ballot's confirmation says no votes are lost."""
    ballot = ballot_world.make_ballot()
    auth.login_as(ballot_world.admin)
    html = client.get(f"{ballot_world.base}/ballots/{ballot.id}/delete").get_data(
        as_text=True
    )
    assert "No votes have been cast in it." in html


# Turnout ----------------------------------------------------------------------


def test_turnout_per_work_group(ballot_world, voted, client, auth, db):
    """Per group: voted or not, when, by whom and how many times; the totals."""
    ballot_world.cast(
        voted, ballot_world.teammate, ballot_world.group, {ballot_world.themes[2].id: 1}
    )
    auth.login_as(ballot_world.observer)
    html = client.get(f"{ballot_world.base}/ballots/{voted.id}/turnout").get_data(
        as_text=True
    )
    assert "1 / 2" in html
    assert "1 work group" in html  # not voted yet
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    first, second = rows
    assert "Ryhmä Aalto" in first and "Voted" in first
    assert "Teemu Tiimiläinen" in first  # the last one who cast the vote
    assert "<td>2</td>" in first  # saved twice
    assert "Ryhmä Bore" in second and "Not voted yet" in second
    assert 'class="table-wrap"' in html and 'scope="row"' in html


def test_turnout_per_participant(ballot_world, client, auth):
    """Per participant: per group how many members voted of how many, and totals."""
    ballot = ballot_world.make_ballot(voter_unit=VoterUnit.PARTICIPANT)
    ballot_world.cast(
        ballot, ballot_world.member, ballot_world.group, {ballot_world.themes[0].id: 1}
    )
    auth.login_as(ballot_world.facilitator)
    html = client.get(f"{ballot_world.base}/ballots/{ballot.id}/turnout").get_data(
        as_text=True
    )
    assert "One vote per participant" in html
    assert "1 / 3" in html  # participants who have voted
    assert "2 participants" in html  # not voted yet
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert "Ryhmä Aalto" in rows[0] and "1 of 2" in rows[0]
    assert "Ryhmä Bore" in rows[1] and "0 of 1" in rows[1]


# The audit export -----------------------------------------------------------------


def _read_csv(response) -> list[list[str]]:
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8")[1:]
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_export_lists_every_vote_entry(ballot_world, client, auth, db):
    """One row per entry: unit, group, organisation, voter, times, revision, theme."""
    hostile = ballot_world.themes[3]
    hostile.title = {"fi": '=HYPERLINK("http://evil.example","klikkaa")'}
    db.session.commit()
    ballot = ballot_world.make_ballot(
        method="ranking", max_choices=3, voter_unit=VoterUnit.GROUP
    )
    t1, t2, t3 = ballot_world.themes[0], ballot_world.themes[1], hostile
    start = ballot_world.now
    ballot_world.cast(
        ballot, ballot_world.member, ballot_world.group, {t1.id: 2, t2.id: 1}, now=start
    )
    ballot_world.cast(
        ballot,
        ballot_world.teammate,
        ballot_world.group,
        {t1.id: 1, t2.id: 2, t3.id: 3},
        now=start + timedelta(minutes=5),
    )
    ballot_world.cast(
        ballot,
        ballot_world.other_member,
        ballot_world.other_group,
        {t3.id: 1},
        now=start + timedelta(minutes=1),
    )
    auth.login_as(ballot_world.facilitator)
    response = client.get(f"{ballot_world.base}/ballots/{ballot.id}/votes.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"{ballot_world.process.slug}-ballot-{ballot.id}-votes.csv" in disposition
    header, *rows = _read_csv(response)
    assert header == [
        "Ballot",
        "Unit",
        "Work group",
        "Organisation",
        "Cast by",
        "First cast at",
        "Last changed at",
        "Revision",
        "Theme",
        "Value",
    ]
    group_key = f"group:{ballot_world.group.id}"
    aalto = [row for row in rows if row[1] == group_key]
    bore = [row for row in rows if row[1] == f"group:{ballot_world.other_group.id}"]
    assert len(rows) == 4 and len(aalto) == 3 and len(bore) == 1
    # The group's vote was changed by the teammate: second revision, ranked 1..3.
    assert [row[8] for row in aalto] == ["Teema 1", "Teema 2", bore[0][8]]
    assert [row[9] for row in aalto] == ["1", "2", "3"]
    row = aalto[0]
    assert row[0] == str(ballot.id)
    assert row[2:5] == ["Ryhmä Aalto", "Keski-Uudenmaan koulutus", "Teemu Tiimiläinen"]
    assert row[7] == "2"
    cast_at = datetime.fromisoformat(row[5])
    changed_at = datetime.fromisoformat(row[6])
    assert cast_at.utcoffset() in (timedelta(hours=2), timedelta(hours=3))
    assert changed_at - cast_at == timedelta(minutes=5)
    assert abs(cast_at - start) < timedelta(seconds=1)
    # Formula injection is defused.
    assert bore[0][8] == "'" + '=HYPERLINK("http://evil.example","klikkaa")'
    assert bore[0][2:5] == ["Ryhmä Bore", "Järvenpään kaupunki", "Olli Muu"]


def test_export_of_an_empty_ballot_has_the_header_only(ballot_world, client, auth):
    """No votes: a file with just the header line."""
    ballot = ballot_world.make_ballot()
    auth.login_as(ballot_world.admin)
    response = client.get(f"{ballot_world.base}/ballots/{ballot.id}/votes.csv")
    assert len(_read_csv(response)) == 1


def test_texts_stay_editable_when_a_theme_was_removed(
    ballot_world, voted, client, auth, db
):
    """Removing a process theme after votes (fewer themes than k) does not block
    editing the texts of the locked ballot."""
    auth.login_as(ballot_world.facilitator)
    for theme in ballot_world.themes[1:]:
        db.session.delete(theme)
    db.session.commit()
    db.session.expire_all()
    assert len(voted.options) == 1  # k = 2 is now more than the themes
    response = client.post(
        f"{ballot_world.base}/ballots/{voted.id}/edit",
        data=_browser_form(ballot_world, **{"title-fi": "Korjattu otsikko"}),
    )
    assert response.status_code == 302
    db.session.refresh(voted)
    assert voted.title["fi"] == "Korjattu otsikko"


# CSRF ---------------------------------------------------------------------------


def _csrf_client(csrf_app, user):
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
        session["lang"] = "en"
    return client


def test_set_up_needs_the_csrf_token(csrf_app, ballot_world, db):
    """Without a valid token nothing is saved (the app's 400 page explains it, as
    for the other set-up forms); with the page's token the ballot is saved."""
    client = _csrf_client(csrf_app, ballot_world.facilitator)
    url = f"{ballot_world.base}/phases/{ballot_world.phase.id}/ballots/new"
    response = client.post(url, data=_form(ballot_world, csrf_token="expired"))
    assert response.status_code == 400
    assert _ballots(db) == []
    token = csrf_token_from(client.get(url).text)
    response = client.post(url, data=_form(ballot_world, csrf_token=token))
    assert response.status_code == 302 and len(_ballots(db)) == 1


def test_delete_needs_the_csrf_token(csrf_app, ballot_world, db):
    """A delete POST without the token deletes nothing."""
    ballot = ballot_world.make_ballot()
    client = _csrf_client(csrf_app, ballot_world.facilitator)
    url = f"{ballot_world.base}/ballots/{ballot.id}/delete"
    assert client.post(url, data={}).status_code == 400
    assert len(_ballots(db)) == 1
    token = csrf_token_from(client.get(url).text)
    assert client.post(url, data={"csrf_token": token}).status_code == 302
    assert _ballots(db) == []


# The list of a phase's ballots ------------------------------------------------------


def _phase_ballots_html(app, user, process, phase) -> str:
    with app.test_request_context():
        session["lang"] = "en"
        login_user(user)
        macros = app.jinja_env.get_template("voting/_phase_ballots.html")
        return str(macros.module.phase_ballots(process, phase))


def test_phase_ballots_for_facilitators(app, ballot_world):
    """Facilitators see each ballot's rules and state, and every management link."""
    ballot = ballot_world.make_ballot(title={"fi": "Kärkiteemat"})
    html = _phase_ballots_html(
        app, ballot_world.facilitator, ballot_world.process, ballot_world.phase
    )
    base = f"{ballot_world.base}/ballots/{ballot.id}"
    assert f'id="ballots-{ballot_world.phase.id}"' in html
    assert "Kärkiteemat" in html and "Pick up to 2 themes" in html
    assert "Voting is open until" in html
    for path in ("/", "/results", "/turnout", "/votes.csv", "/edit", "/delete"):
        assert f'href="{base}{path}"' in html
    assert f"/phases/{ballot_world.phase.id}/ballots/new" in html
    assert '<span class="visually-hidden">: Kärkiteemat</span>' in html


def test_phase_ballots_for_members(app, ballot_world):
    """A member gets Vote while open, and no management or results links."""
    ballot_world.make_ballot()
    html = _phase_ballots_html(
        app, ballot_world.member, ballot_world.process, ballot_world.phase
    )
    assert ">Vote<" in html
    for path in ("/results", "/turnout", "/votes.csv", "/edit", "/delete", "/new"):
        assert path not in html


def test_phase_ballots_empty_and_states(app, ballot_world):
    """No ballots: the empty text; a closed ballot says when it ended."""
    html = _phase_ballots_html(
        app, ballot_world.member, ballot_world.process, ballot_world.phase
    )
    assert "There is no voting in this phase yet." in html
    ballot_world.make_ballot(
        opens_at=ballot_world.now - timedelta(days=2),
        closes_at=ballot_world.now - timedelta(days=1),
    )
    html = _phase_ballots_html(
        app, ballot_world.member, ballot_world.process, ballot_world.phase
    )
    assert "Voting ended" in html and "See the ballot" in html
    assert "/results" in html  # after the close everyone may see the results


def test_phase_turned_follow_up_refuses_with_a_message(ballot_world, client, auth, db):
    """If the phase became a follow-up, saving explains why instead of failing."""
    ballot = ballot_world.make_ballot()
    ballot_world.phase.kind = PhaseKind.FOLLOWUP
    db.session.commit()
    auth.login_as(ballot_world.facilitator)
    response = client.post(
        f"{ballot_world.base}/ballots/{ballot.id}/edit", data=_form(ballot_world)
    )
    assert response.status_code == 422
    assert "belongs to an online discussion or a seminar" in response.text


def test_process_without_themes_says_so(ballot_world, client, auth, db):
    """No themes yet: the form points to adding themes and refuses to save."""
    for theme in ballot_world.themes:
        db.session.delete(theme)
    db.session.commit()
    auth.login_as(ballot_world.facilitator)
    url = f"{ballot_world.base}/phases/{ballot_world.phase.id}/ballots/new"
    assert "The process has no themes yet." in client.get(url).text
    response = client.post(url, data=_form(ballot_world, themes=[]))
    assert response.status_code == 422
    assert "Choose at least one theme for the ballot." in response.text
    assert _ballots(db) == []
