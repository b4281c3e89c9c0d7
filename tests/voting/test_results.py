"""Results page and projector view: who sees what when, the numbers, ETag/304."""

from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest

from app.voting import scoring


class TableReader(HTMLParser):
    """Collects the text of each row of the table with the given class."""

    def __init__(self, table_class: str):
        super().__init__()
        self.table_class = table_class
        self.depth = 0
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self.depth or self.table_class in classes):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, table_class: str) -> list[list[str]]:
    reader = TableReader(table_class)
    reader.feed(html)
    return reader.rows


def close(ballot, db):
    """End the voting a minute ago (as if the closing time had passed)."""
    ballot.closes_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()


@pytest.fixture()
def voted(ballot_world, db):
    """A pick-2 ballot where both groups voted: Theme 1 twice, Themes 2 and 3 once."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(method="pick", max_choices=2)
    w.cast(ballot, w.member, w.group, {t1.id: 1, t2.id: 1})
    w.cast(ballot, w.other_member, w.other_group, {t1.id: 1, t3.id: 1})
    w.ballot = ballot
    w.results_url = f"{w.base}/ballots/{ballot.id}/results"
    w.projector_url = f"{w.base}/ballots/{ballot.id}/projector"
    w.live_url = f"{w.base}/ballots/{ballot.id}/projector/live"
    return w


# Who sees the results when -----------------------------------------------------


def test_voters_wait_for_the_close_when_results_come_after_it(voted, client, auth):
    """Open ballot, results after the close: a member gets a page saying when,
    without any numbers."""
    auth.login_as(voted.member)

    response = client.get(voted.results_url)

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Results will be shown after voting closes at" in html
    assert "<time datetime=" in html
    assert "results-table" not in html
    assert "bar-chart" not in html
    assert "have voted" not in html


@pytest.mark.parametrize("role", ["facilitator", "observer", "admin"])
def test_staff_see_interim_results_while_voting_is_open(voted, client, auth, role):
    """Facilitators, observers and admins see the results at any time, marked as
    interim while the ballot is open."""
    auth.login_as(getattr(voted, role))

    html = client.get(voted.results_url).get_data(as_text=True)

    assert "Voting is still open: these are interim results." in html
    assert "Only facilitators and observers see the results now" in html
    assert "results-table" in html
    assert "2 work groups have voted" in html


def test_everyone_sees_the_results_after_the_close(voted, client, auth, db):
    """After the closing time a member sees the final results, no interim note."""
    close(voted.ballot, db)
    auth.login_as(voted.member)

    html = client.get(voted.results_url).get_data(as_text=True)

    assert "These are the final results." in html
    assert "interim" not in html
    assert "results-table" in html


def test_live_results_are_shown_to_voters_while_open(ballot_world, client, auth):
    """With live results a member sees them during the voting, as interim."""
    w = ballot_world
    ballot = w.make_ballot(results_visibility="live")
    w.cast(ballot, w.member, w.group, {w.themes[0].id: 1})
    auth.login_as(w.teammate)

    html = client.get(f"{w.base}/ballots/{ballot.id}/results").get_data(as_text=True)

    assert "Voting is still open: these are interim results." in html
    assert "Only facilitators and observers" not in html
    assert "1 work group has voted" in html


def test_before_opening_voters_wait_and_staff_see_an_empty_ballot(
    ballot_world, client, auth
):
    """A ballot that opens tomorrow: members are told to wait, the facilitator
    sees that no votes are in yet."""
    w = ballot_world
    ballot = w.make_ballot(
        opens_at=w.now + timedelta(days=1), closes_at=w.now + timedelta(days=2)
    )
    url = f"{w.base}/ballots/{ballot.id}/results"

    auth.login_as(w.member)
    html = client.get(url).get_data(as_text=True)
    assert "Voting opens" in html
    assert "Results will be shown after voting closes at" in html

    auth.login_as(w.facilitator)
    html = client.get(url).get_data(as_text=True)
    assert "Voting opens" in html
    assert "No votes have been cast yet." in html
    assert "0 work groups have voted" in html


@pytest.mark.parametrize("suffix", ["results", "projector", "projector/live"])
def test_outsiders_are_refused_and_anonymous_sent_to_sign_in(
    voted, client, auth, suffix
):
    """Someone outside the process gets 403; without signing in, the login page."""
    url = f"{voted.base}/ballots/{voted.ballot.id}/{suffix}"

    response = client.get(url)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]

    auth.login_as(voted.outsider)
    assert client.get(url).status_code == 403


def test_a_ballot_of_another_process_is_not_found(voted, client, auth, create_process):
    """The ballot id must belong to the process in the URL."""
    other = create_process(facilitator=voted.facilitator)
    auth.login_as(voted.facilitator)

    response = client.get(f"/p/{other.slug}/ballots/{voted.ballot.id}/results")

    assert response.status_code == 404


# The numbers -------------------------------------------------------------------


def test_results_page_shows_the_numbers_and_ties_in_words(voted, client, auth, db):
    """The table has rank, theme, votes, share of voters and organisations; equal
    scores are written as a tie, in the chart as well."""
    close(voted.ballot, db)
    auth.login_as(voted.member)

    html = client.get(voted.results_url).get_data(as_text=True)

    assert "2 work groups have voted" in html
    rows = table_rows(html, "results-table")
    assert rows[0] == ["Rank", "Theme", "Votes", "Share of voters", "Organisations"]
    assert rows[1:] == [
        ["1", "Theme 1", "2", "100%", "2"],
        ["2 (tied)", "Theme 2", "1", "50%", "1"],
        ["2 (tied)", "Theme 3", "1", "50%", "1"],
        ["4", "Theme 4", "0", "0%", "0"],
    ]
    # The chart: names and values in text, bars hidden from screen readers.
    assert '<figure class="bar-chart"' in html and "<figcaption" in html
    assert html.count('<svg class="bar" aria-hidden="true"') == 4
    assert 'width="100%"' in html and 'width="50%"' in html and 'width="0%"' in html
    assert "2 votes" in html and "1 vote<" in html
    assert html.count("2 (tied)") == 4  # two rows, chart and table
    assert "style=" not in html


def test_the_share_follows_the_page_language(voted, client, auth, db):
    """Percentages are formatted by Babel for the reader's locale (fi: "50 %")."""
    close(voted.ballot, db)
    auth.login_as(voted.member)
    with client.session_transaction() as session:
        session["lang"] = "fi"

    html = client.get(voted.results_url).get_data(as_text=True)

    assert ">50\xa0%</td>" in html  # a no-break space keeps "50 %" together
    assert ">50%<" not in html


def test_ranking_results_have_the_places_table(ballot_world, client, auth, db):
    """A ranking ballot shows Borda points and how many voters put each theme in
    each place."""
    w = ballot_world
    t1, t2, t3, _t4 = w.themes
    ballot = w.make_ballot(method="ranking", max_choices=3)
    w.cast(ballot, w.member, w.group, {t1.id: 1, t2.id: 2, t3.id: 3})
    w.cast(ballot, w.other_member, w.other_group, {t2.id: 1, t1.id: 2})
    close(ballot, db)
    auth.login_as(w.member)

    html = client.get(f"{w.base}/ballots/{ballot.id}/results").get_data(as_text=True)

    assert "Borda count" in html
    results = table_rows(html, "results-table")
    assert results[0][2] == "Borda points"
    assert results[1:3] == [
        ["1 (tied)", "Theme 1", "5", "100%", "2"],
        ["1 (tied)", "Theme 2", "5", "100%", "2"],
    ]
    places = table_rows(html, "places-table")
    assert places[0] == ["Theme", "Place 1", "Place 2", "Place 3", "Borda points"]
    assert places[1:] == [
        ["Theme 1", "1", "1", "0", "5"],
        ["Theme 2", "1", "1", "0", "5"],
        ["Theme 3", "0", "0", "1", "1"],
        ["Theme 4", "0", "0", "0", "0"],
    ]


def test_pick_results_have_no_places_table(voted, client, auth):
    """The places table belongs to ranking ballots only."""
    auth.login_as(voted.facilitator)

    html = client.get(voted.results_url).get_data(as_text=True)

    assert "places-table" not in html
    assert f'href="{voted.projector_url}"' in html


# The projector -----------------------------------------------------------------


def test_projector_is_a_minimal_full_page(voted, client, auth):
    """Own template: lang, title, main, the chart, no site navigation, the
    polling script by URL (no inline script or style)."""
    auth.login_as(voted.facilitator)

    response = client.get(voted.projector_url)

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "<title>The most important themes – Projector view" in html
    assert "<main" in html and "<h1" in html
    assert "main-nav" not in html and "site-header" not in html
    assert 'class="bar-chart"' in html
    assert "2 work groups have voted" in html
    assert "Voting is open until" in html
    assert f'data-live-url="{voted.live_url}"' in html
    assert 'src="/static/js/live-poll.js"' in html
    assert "<script>" not in html and "style=" not in html
    assert 'role="status"' in html
    assert "results-table" in html  # the same numbers, visually hidden


def test_projector_keeps_voters_waiting_like_the_results_page(voted, client, auth):
    """The projector follows the same visibility rule as the results page."""
    auth.login_as(voted.member)

    html = client.get(voted.projector_url).get_data(as_text=True)

    assert "Results will be shown after voting closes at" in html
    assert "bar-chart" not in html


def test_projector_answers_304_until_something_changes(voted, client, auth):
    """ETag and no-cache; the same tag gives 304 with no body; a new vote gives
    200 with a new tag."""
    auth.login_as(voted.facilitator)

    first = client.get(voted.projector_url)
    tag = first.headers["ETag"]
    assert tag
    assert first.headers["Cache-Control"] == "no-store"  # signed in: kept by no cache

    again = client.get(voted.projector_url, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == tag

    voted.cast(voted.ballot, voted.teammate, voted.group, {voted.themes[3].id: 1})
    changed = client.get(voted.projector_url, headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != tag


def test_the_304_path_does_not_compute_results(voted, client, auth, monkeypatch):
    """Polling is cheap: a matching If-None-Match never computes the results."""
    auth.login_as(voted.facilitator)
    tag = client.get(voted.projector_url).headers["ETag"]
    live_tag = client.get(voted.live_url).headers["ETag"]

    def explode(ballot):
        raise AssertionError("results computed for a 304")

    monkeypatch.setattr(scoring, "compute_results", explode)

    assert (
        client.get(voted.projector_url, headers={"If-None-Match": tag}).status_code
        == 304
    )
    assert (
        client.get(voted.live_url, headers={"If-None-Match": live_tag}).status_code
        == 304
    )
    with pytest.raises(AssertionError, match="results computed"):
        client.get(voted.live_url, headers={"If-None-Match": '"something-else"'})


def test_projector_fragment_is_the_live_part_only(voted, client, auth):
    """The fragment has the chart and the counts but no page around them, and
    answers 304 / 200 like the page."""
    auth.login_as(voted.facilitator)

    response = client.get(voted.live_url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "<main" not in html
    assert 'class="bar-chart"' in html
    assert "2 work groups have voted" in html
    assert response.headers["Cache-Control"] == "no-store"

    tag = response.headers["ETag"]
    assert client.get(voted.live_url, headers={"If-None-Match": tag}).status_code == 304
    voted.cast(voted.ballot, voted.member, voted.group, {voted.themes[3].id: 1})
    fresh = client.get(voted.live_url, headers={"If-None-Match": tag})
    assert fresh.status_code == 200
    assert fresh.headers["ETag"] != tag


def test_the_tag_changes_with_the_close_and_the_language(voted, client, auth, db):
    """A voter's projector changes when results become visible at the close, and
    a page in another language is another version."""
    auth.login_as(voted.member)
    waiting = client.get(voted.live_url)
    assert "bar-chart" not in waiting.get_data(as_text=True)

    close(voted.ballot, db)
    shown = client.get(
        voted.live_url, headers={"If-None-Match": waiting.headers["ETag"]}
    )
    assert shown.status_code == 200
    assert "bar-chart" in shown.get_data(as_text=True)

    with client.session_transaction() as session:
        session["lang"] = "fi"
    finnish = client.get(
        voted.live_url, headers={"If-None-Match": shown.headers["ETag"]}
    )
    assert finnish.status_code == 200
    assert finnish.headers["ETag"] != shown.headers["ETag"]


def test_staff_and_voters_get_different_tags_before_the_close(voted, client, auth):
    """What a viewer may see is part of the tag: a voter's cached "wait" page is
    never taken for the facilitator's interim results, nor the other way round."""
    auth.login_as(voted.member)
    voter_tag = client.get(voted.live_url).headers["ETag"]
    auth.login_as(voted.facilitator)

    response = client.get(voted.live_url, headers={"If-None-Match": voter_tag})

    assert response.status_code == 200
    assert response.headers["ETag"] != voter_tag
