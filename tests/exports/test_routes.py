"""The summary page and its downloads: who may see them, what they send back."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
from docx import Document

from .conftest import DELETED_WORD, HIDDEN_WORD

FORMATS = ("md", "html", "docx", "csv", "json")
CONTENT_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",  # UTF-8 by definition (RFC 8259)
}


def urls(w) -> list[str]:
    return [f"{w.base}/summary"] + [f"{w.base}/summary.{fmt}" for fmt in FORMATS]


class Outline(HTMLParser):
    """Heading levels in order, and whether every th has a scope."""

    def __init__(self):
        super().__init__()
        self.levels: list[int] = []
        self.unscoped_th = 0

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "th" and not dict(attrs).get("scope"):
            self.unscoped_th += 1


# Who may see -----------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_sign_in(summary_world, client):
    """Every summary address asks an anonymous reader to sign in."""
    for url in urls(summary_world):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_members_and_outsiders_are_refused(summary_world, client, auth, who):
    """While the discussion and ballot run, a member gets 403; an outsider always."""
    w = summary_world
    auth.login_as(w.members[0] if who == "member" else w.outsider)
    for url in urls(w):
        assert client.get(url).status_code == 403, url


def test_members_read_it_once_everything_has_closed(summary_world, client, auth, db):
    """After the discussion and the ballot close, members read the summary (the memo
    links here); hidden comments stay out."""
    w = summary_world
    past = datetime.now(UTC) - timedelta(minutes=1)
    w.phase.ends_at = past
    w.ballot.closes_at = past
    db.session.commit()
    auth.login_as(w.members[0])
    response = client.get(f"{w.base}/summary")
    assert response.status_code == 200
    assert w.hidden.body not in response.get_data(as_text=True)
    assert client.get(f"{w.base}/summary.docx").status_code == 200
    w.ballot.closes_at = None
    db.session.commit()
    assert client.get(f"{w.base}/summary").status_code == 403


@pytest.mark.parametrize("who", ["observer", "facilitator", "admin"])
def test_the_team_reads_the_summary(summary_world, client, auth, who):
    """Observers, facilitators and admins see the page with every download link."""
    w = summary_world
    auth.login_as(getattr(w, who))
    response = client.get(f"{w.base}/summary")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for fmt in FORMATS:
        assert f"/summary.{fmt}?" in html
    assert "kind=votes" in html and "kind=comments" in html


def test_unknown_process_or_foreign_phase_is_not_found(summary_world, client, auth):
    """Another process's phase, a phase that is not a number, an unknown slug: 404."""
    w = summary_world
    auth.login_as(w.facilitator)
    foreign = w.other_phase.id
    assert client.get(f"{w.base}/summary?phase={foreign}").status_code == 404
    assert client.get(f"{w.base}/summary.docx?phase={foreign}").status_code == 404
    assert client.get(f"{w.base}/summary?phase=x").status_code == 404
    assert client.get("/p/ei-ole/summary").status_code == 404
    assert client.get(f"{w.base}/summary.csv?kind=secrets").status_code == 404
    assert client.get(f"{w.base}/summary.pdf").status_code == 404


# The page ----------------------------------------------------------------------------


def test_page_shows_figures_talk_vote_and_results(summary_world, client, auth):
    """Participation with the uncoded warning, the talk-versus-vote table with the
    gap said in words, themes and the results table; no hidden text."""
    w = summary_world
    auth.login_as(w.observer)
    html = client.get(f"{w.base}/summary?lang=en").get_data(as_text=True)
    assert "Suggested themes that no one has confirmed are not counted." in html
    assert "voted 3 places higher than talked about" in html
    assert "Worth noting" in html
    assert ">Resources</th>" in html
    assert 'class="talk-vote-table"' in html and 'class="results-table"' in html
    assert "not at all" in html
    assert HIDDEN_WORD not in html and DELETED_WORD not in html
    assert "Meikäläinen" not in html


def test_page_headings_in_order_and_tables_scoped(summary_world, client, auth):
    """One h1, no skipped heading level, every th with a scope (WCAG 1.3.1)."""
    w = summary_world
    auth.login_as(w.facilitator)
    outline = Outline()
    outline.feed(client.get(f"{w.base}/summary").get_data(as_text=True))
    assert outline.levels.count(1) == 1
    for before, after in zip(outline.levels, outline.levels[1:], strict=False):
        assert after <= before + 1, outline.levels
    assert outline.unscoped_th == 0


def test_phase_summary_keeps_the_phase_in_links(summary_world, client, auth):
    """?phase= narrows the summary and every download link carries it."""
    w = summary_world
    auth.login_as(w.facilitator)
    html = client.get(f"{w.base}/summary?phase={w.phase.id}&lang=en").get_data(
        as_text=True
    )
    assert "Online talk" in html
    assert html.count(f"phase={w.phase.id}") >= len(FORMATS) + 1


def test_swedish_summary_inside_an_english_page(summary_world, client, auth):
    """?lang=sv: the summary part is marked lang="sv" with Swedish theme titles and
    labels (where the catalogue has them); the page around it stays English."""
    w = summary_world
    auth.login_as(w.facilitator)
    html = client.get(f"{w.base}/summary?lang=sv").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert '<div class="summary" lang="sv">' in html
    summary_part = html.split('<div class="summary" lang="sv">', 1)[1]
    assert ">Handledning</h3>" in summary_part
    assert ">Teman</h2>" in summary_part
    assert "lang=sv" in html.split('<div class="summary"', 1)[0]  # the links


# Downloads ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_download_has_its_type_and_file_name(summary_world, client, auth, fmt):
    """Content type, attachment with a telling file name, never cached."""
    w = summary_world
    auth.login_as(w.observer)
    response = client.get(f"{w.base}/summary.{fmt}?lang=en")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == CONTENT_TYPES[fmt]
    kind = "comments" if fmt == "csv" else "summary"
    assert (
        response.headers["Content-Disposition"]
        == f"attachment; filename=kuntakokeilu-{kind}-en.{fmt}"
    )
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_data()
    if fmt == "docx":
        document = Document(io.BytesIO(body))
        body = "\n".join(p.text for p in document.paragraphs).encode()
    assert HIDDEN_WORD.encode() not in body
    assert DELETED_WORD.encode() not in body


def test_votes_csv_and_phase_file_names(summary_world, client, auth):
    """kind=votes gives the vote results; a phase is named in the file name."""
    w = summary_world
    auth.login_as(w.facilitator)
    response = client.get(f"{w.base}/summary.csv?kind=votes&phase={w.phase.id}&lang=fi")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=kuntakokeilu-votes-phase-{w.phase.id}-fi.csv"
    )
    text = response.get_data().decode("utf-8-sig")
    assert "Resurssit" in text.splitlines()[1]


def test_printable_page_may_use_only_its_own_style(summary_world, client, auth):
    """The standalone page's CSP allows its embedded stylesheet by hash, data
    images, and no scripts."""
    w = summary_world
    auth.login_as(w.facilitator)
    response = client.get(f"{w.base}/summary.html")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "style-src 'sha256-" in csp
    assert "script-src" not in csp
    assert "page-break-before" in response.get_data(as_text=True)


def test_draft_proposal_is_in_the_team_s_files(summary_world, client, auth):
    """The team may read drafts, so the draft proposal is in their summary."""
    w = summary_world
    auth.login_as(w.observer)
    text = client.get(f"{w.base}/summary.md").get_data(as_text=True)
    assert "Ehdotus jatkotyöstä" in text


def test_printable_summary_opens_as_a_page(summary_world, client, auth):
    """The summary page links to the printable view, which is a page (not a file):
    no attachment header, the same strict policy plus same-origin script files, a
    print button from static/js/print.js and no inline script."""
    w = summary_world
    auth.login_as(w.facilitator)
    page = client.get(f"{w.base}/summary?phase={w.phase.id}&lang=en")
    link = re.search(r'href="([^"]*/summary/print[^"]*)"', page.get_data(as_text=True))
    assert link, "the summary page links to the printable view"
    url = link.group(1).replace("&amp;", "&")
    assert f"phase={w.phase.id}" in url and "lang=en" in url
    assert "download>" not in page.get_data(as_text=True).split(link.group(0))[1][:5]
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Disposition" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "style-src 'sha256-" in csp
    assert "script-src 'self';" in csp and "unsafe" not in csp
    assert "img-src data:" in csp and "form-action 'none'" in csp
    html = response.get_data(as_text=True)
    assert '<script src="/static/js/print.js" defer></script>' in html
    assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []
    assert 'class="print-button" data-print hidden>Print</button>' in html
    assert "Back to the summary" in html and "page-break-before" in html
    assert "@media print {\n  .print-actions { display: none; }" in html
    script = client.get("/static/js/print.js").get_data(as_text=True)
    assert "window.print()" in script


def test_the_html_file_stays_a_download(summary_world, client, auth):
    """The .html download is still a file, with no print button or script."""
    w = summary_world
    auth.login_as(w.facilitator)
    response = client.get(f"{w.base}/summary.html?lang=en")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    html = response.get_data(as_text=True)
    assert "<script" not in html and "data-print" not in html
