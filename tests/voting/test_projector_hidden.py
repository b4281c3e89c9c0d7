"""Issue 16, least privilege: a hidden ballot's projector does not show votes arriving.

While a viewer may not see a ballot's results (results after the close, voting
still open), the projector page and its polling fragment must not change with the
votes: not their content, not their ETag, not any count. Otherwise a participant
watching the screen or polling the fragment learns when, and how many, votes come.
"""

from datetime import UTC, datetime, timedelta

import pytest

from app.models import VoterUnit

PARTICIPANTS = ("member", "teammate", "other_member")
STAFF = ("facilitator", "observer", "admin")


def _urls(w, ballot) -> list[str]:
    base = f"{w.base}/ballots/{ballot.id}/projector"
    return [base, f"{base}/live"]


def _look(client, urls) -> list[tuple[str, bytes]]:
    seen = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        seen.append((response.headers["ETag"], response.data))
    return seen


def _votes_arrive(w, ballot, db):
    """Every unit votes, and then changes its vote: a lot of activity."""
    t1, t2, t3, _t4 = w.themes
    voters = [
        (w.member, w.group),
        (w.teammate, w.group),
        (w.other_member, w.other_group),
    ]
    for voter, group in voters:
        w.cast(ballot, voter, group, {t1.id: 1, t2.id: 1})
    for voter, group in voters:
        w.cast(ballot, voter, group, {t3.id: 1})
    db.session.refresh(ballot)


@pytest.mark.parametrize("unit", [VoterUnit.GROUP, VoterUnit.PARTICIPANT])
@pytest.mark.parametrize("role", PARTICIPANTS)
def test_hidden_results_projector_does_not_change_with_votes(
    ballot_world, client, auth, db, unit, role
):
    """Same ETag, same bytes, and 304 for the old tag, however many votes come
    (whether the viewer voted or not), for the page and the fragment."""
    w = ballot_world
    ballot = w.make_ballot(voter_unit=unit, results_visibility="after_close")
    urls = _urls(w, ballot)
    auth.login_as(getattr(w, role))
    before = _look(client, urls)
    version = ballot.results_version

    _votes_arrive(w, ballot, db)

    assert ballot.results_version > version  # votes did arrive
    after = _look(client, urls)
    assert after == before
    for url, (tag, _body) in zip(urls, before, strict=True):
        again = client.get(url, headers={"If-None-Match": tag})
        assert again.status_code == 304
    for _tag, body in after:
        text = body.decode()
        assert "have voted" not in text and "has voted" not in text
        assert "bar-chart" not in text


@pytest.mark.parametrize("role", STAFF)
def test_the_team_projector_follows_the_votes(ballot_world, client, auth, db, role):
    """Facilitators, observers and admins see interim results: their tag moves."""
    w = ballot_world
    ballot = w.make_ballot(results_visibility="after_close")
    urls = _urls(w, ballot)
    auth.login_as(getattr(w, role))
    before = _look(client, urls)
    _votes_arrive(w, ballot, db)
    after = _look(client, urls)
    for (old_tag, _), (new_tag, body) in zip(before, after, strict=True):
        assert old_tag != new_tag
        assert "work groups have voted" in body.decode()


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_live_results_projector_follows_the_votes(ballot_world, client, auth, db, role):
    """With results shown live to voters, the participant's tag moves with votes."""
    w = ballot_world
    ballot = w.make_ballot(results_visibility="live")
    urls = _urls(w, ballot)
    auth.login_as(getattr(w, role))
    before = _look(client, urls)
    _votes_arrive(w, ballot, db)
    after = _look(client, urls)
    for (old_tag, _), (new_tag, _) in zip(before, after, strict=True):
        assert old_tag != new_tag


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_hidden_projector_still_follows_what_it_shows(
    ballot_world, client, auth, db, role
):
    """A new closing time or title is on the page, so its tag changes; at the
    close the results appear and the tag changes again."""
    w = ballot_world
    ballot = w.make_ballot(results_visibility="after_close")
    urls = _urls(w, ballot)
    auth.login_as(getattr(w, role))
    first = _look(client, urls)

    ballot.closes_at = ballot.closes_at + timedelta(hours=2)
    db.session.commit()
    moved = _look(client, urls)
    assert all(a[0] != b[0] for a, b in zip(first, moved, strict=True))

    ballot.title = {"fi": "Uusi otsikko"}
    db.session.commit()
    renamed = _look(client, urls)
    assert renamed[0][0] != moved[0][0]

    w.cast(ballot, w.member, w.group, {w.themes[0].id: 1})
    ballot.closes_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    closed = _look(client, urls)
    assert all(a[0] != b[0] for a, b in zip(renamed, closed, strict=True))
    assert "1 work group has voted" in closed[1][1].decode()
