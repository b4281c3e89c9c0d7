"""The demo's coding and follow-up proposal: codes, suggestions, quotes, a drafted
proposal, reloading without duplicates, and full exports of the demo process."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import sqlalchemy as sa
from docx import Document

from app.coding.services import confirm, remove_code
from app.demo import KESKI_UUSIMAA, LoadReport
from app.demo.loader_coding import load_proposal
from app.exports.summary import TalkLevel, build_summary
from app.followup.services import publish, save_version
from app.i18n import HELSINKI
from app.models import (
    Comment,
    FollowUpProposal,
    Process,
    ProposalStatus,
    ProposalVersion,
    TagStatus,
    ThemeTag,
    User,
)
from tests.demo_snapshot import load_demo

from .test_demo import clock_fixture, spec_fixture  # noqa: F401  (shared fixtures)

TABLES = (ThemeTag, FollowUpProposal, ProposalVersion)
COMMENTS = KESKI_UUSIMAA["comments"]
FACILITATOR = KESKI_UUSIMAA["process"]["creator"]
THEME_SPECS = KESKI_UUSIMAA["themes"]
CODING = KESKI_UUSIMAA["coding"]
CODES, FEATURED = CODING["codes"], CODING["featured"]
SUGGESTED_ONLY = CODING["suggested_only"]
HIDDEN = next(c["key"] for c in COMMENTS if c.get("hidden"))

pytestmark = pytest.mark.usefixtures("clock")


def _counts(db) -> dict:
    return {
        model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in TABLES
    }


def _by_key(db) -> dict[str, Comment]:
    return {c.submission_key: c for c in db.session.scalars(sa.select(Comment))}


def _statuses(comment: Comment) -> dict[int, TagStatus]:
    return {tag.theme.position: tag.status for tag in comment.tags}


def _load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result


def _facilitator(db) -> User:
    return db.session.scalar(sa.select(User).where(User.email == FACILITATOR))


@pytest.fixture()
def proposal_data(spec) -> dict:
    """The proposal's data: its times and the dates in its texts are the load day's."""
    return spec["coding"]["proposal"]


@pytest.fixture()
def loaded(runner, db) -> Process:
    load_demo(runner, db)
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


# The data itself ------------------------------------------------------------------


def test_data_codes_most_visible_comments_with_one_or_two_themes():
    """Every visible comment is coded or waiting; most carry one or two themes."""
    keys = {c["key"] for c in COMMENTS}
    assert set(CODES) <= keys and set(SUGGESTED_ONLY) <= keys
    assert not set(CODES) & set(SUGGESTED_ONLY)
    assert set(CODES) | set(SUGGESTED_ONLY) == keys - {HIDDEN}
    assert 4 <= len(SUGGESTED_ONLY) <= 6
    assert all(set(themes) <= set(range(1, 13)) for themes in CODES.values())
    assert all(len(set(themes)) == len(themes) >= 1 for themes in CODES.values())
    assert sum(1 for themes in CODES.values() if len(themes) <= 2) >= 0.9 * len(CODES)
    assert all(position in CODES[key] for key, position in FEATURED)


def test_data_times_follow_the_calendar(spec, clock, proposal_data):
    """Coded after discussion 1 closed; drafted after the ballot's last vote, before
    the load, while the ballot is open; the texts' dates are after its close."""
    discussion_1, discussion_2 = spec["phases"][1], spec["phases"][3]
    last_vote = discussion_2["starts_at"] + timedelta(
        minutes=max(vote["minutes"] for vote in spec["ballot"]["votes"])
    )
    coded_at = spec["coding"]["coded_at"]
    assert discussion_1["ends_at"] < coded_at < discussion_2["starts_at"]
    drafted_at, edited_at = proposal_data["drafted_at"], proposal_data["edited_at"]
    assert last_vote < drafted_at < edited_at < clock.now < discussion_2["ends_at"]
    first_step = proposal_data["sections"]["next_steps"].split("**")[3]
    day, month, year = (int(part) for part in first_step.split("."))
    closes = discussion_2["ends_at"].astimezone(HELSINKI)
    assert (year, month, day) > (closes.year, closes.month, closes.day)
    assert "{" not in "".join(proposal_data["sections"].values())


def test_data_themes_have_descriptions_and_keywords_in_three_languages():
    """Each of the twelve themes has a description in fi, sv and en and keywords."""
    assert len(THEME_SPECS) == 12
    for theme in THEME_SPECS:
        assert set(theme["description"]) == {"fi", "sv", "en"}
        assert len(theme["keywords"].split(", ")) >= 3


# After loading ---------------------------------------------------------------------


def test_loaded_themes_carry_description_html_and_keywords(loaded):
    """The loader stores the descriptions (with their HTML) and the keywords."""
    for theme, data in zip(loaded.themes, THEME_SPECS, strict=True):
        assert theme.description == data["description"]
        assert theme.description_html["fi"].startswith("<p>")
        assert theme.keywords == data["keywords"]


def test_coded_comments_have_their_confirmed_themes(db, loaded, spec):
    """Each coded comment's confirmed themes are the data's, decided by the facilitator."""
    comments = _by_key(db)
    facilitator = _facilitator(db)
    for key, positions in CODES.items():
        comment = comments[key]
        confirmed = [t for t in comment.tags if t.status is TagStatus.CONFIRMED]
        assert {t.theme.position for t in confirmed} == set(positions), key
        assert all(
            t.decided_by == facilitator and t.decided_at == spec["coding"]["coded_at"]
            for t in confirmed
        )
        # Whatever else the tool suggested was turned down, not left waiting.
        assert TagStatus.SUGGESTED not in _statuses(comment).values()


def test_waiting_comments_have_only_suggestions(db, loaded):
    """Some comments have the tool's suggestions (with scores) and nothing confirmed."""
    comments = _by_key(db)
    for key in SUGGESTED_ONLY:
        tags = comments[key].tags
        assert tags, key
        assert {t.status for t in tags} == {TagStatus.SUGGESTED}
        assert all(t.score and t.score > 0 for t in tags)


def test_the_hidden_comment_is_not_coded(db, loaded):
    """The hidden comment has no theme tag of any kind."""
    comment = _by_key(db)[HIDDEN]
    assert comment.is_hidden and comment.tags == []


def test_featured_quotes_lead_their_themes(db, loaded):
    """The chosen quotes are featured codes and are the summary's quotes of the theme."""
    comments = _by_key(db)
    summary = build_summary(loaded)
    themes = {theme.position: theme for theme in summary.themes}
    for key, position in FEATURED:
        tag = next(t for t in comments[key].tags if t.theme.position == position)
        assert tag.featured and tag.status is TagStatus.CONFIRMED
        quotes = themes[position].quotes
        assert [q.comment_id for q in quotes] == [comments[key].id]
        assert quotes[0].chosen


def test_summary_counts_the_waiting_comments_as_uncoded(loaded):
    """Uncoded = the waiting comments; the child welfare plan is not talked about."""
    summary = build_summary(loaded)
    assert summary.participation.comments == len(CODES) + len(SUGGESTED_ONLY)
    assert summary.participation.uncoded == len(SUGGESTED_ONLY)
    not_at_all = [t.position for t in summary.themes if not t.comments]
    assert not_at_all == [2]
    assert summary.themes[1].talk_level is TalkLevel.NOT_AT_ALL
    assert any(t.gap_worth_noting for t in summary.themes)


def test_the_proposal_is_a_draft_with_two_versions(db, loaded, proposal_data):
    """Drafted by the app, then written by the facilitator: a draft with 2 versions."""
    proposal = loaded.proposal
    assert proposal.status is ProposalStatus.DRAFT and proposal.published_at is None
    second, first = proposal.versions
    assert (first.number, second.number) == (1, 2)
    assert (first.created_at, second.created_at) == (
        proposal_data["drafted_at"],
        proposal_data["edited_at"],
    )
    sections = proposal_data["sections"]
    assert first.created_by == second.created_by == _facilitator(db)
    assert second.sections["summary"] == first.sections["summary"] != ""
    assert second.themes == first.themes != []
    for key, text in sections.items():
        assert second.sections[key] == text
    for key in ("principles", "next_steps", "resourcing"):
        assert second.sections_html[key].strip()
    assert "30 %" in sections["resourcing"] and "15 %" in sections["resourcing"]


# Loading again ---------------------------------------------------------------------


def test_loading_twice_creates_nothing_new(runner, db, loaded):
    """A second load adds no tag or version and sets nothing back."""
    before = _counts(db)
    result = _load(runner)
    assert "Created: nothing new." in result.output
    assert "Set back" not in result.output
    db.session.expire_all()
    assert _counts(db) == before


def test_reload_keeps_coding_done_in_the_app(runner, db, loaded, clock):
    """A removed code, an accepted suggestion and a chosen quote stay after a reload."""
    comments = _by_key(db)
    facilitator = _facilitator(db)
    now = clock.now
    removed = next(t for t in comments["demo-c01"].tags if t.theme.position == 11)
    remove_code(removed, actor=facilitator, now=now)
    accepted = comments[SUGGESTED_ONLY[0]].tags[0]
    confirm(accepted, actor=facilitator, now=now)
    db.session.commit()
    before = _counts(db)
    result = _load(runner)
    assert "Created: nothing new." in result.output
    db.session.expire_all()
    assert _counts(db) == before
    assert db.session.get(ThemeTag, removed.id).status is TagStatus.REJECTED
    assert db.session.get(ThemeTag, accepted.id).status is TagStatus.CONFIRMED


def test_reload_keeps_a_version_saved_in_the_app(runner, db, loaded, clock):
    """A version saved by a person stays the newest: the demo adds nothing after it."""
    proposal = loaded.proposal
    sections = {**proposal.current.sections, "principles": "Oma teksti."}
    now = clock.now
    save_version(
        proposal, sections=sections, themes=[], actor=_facilitator(db), now=now
    )
    db.session.commit()
    _load(runner)
    db.session.expire_all()
    proposal = db.session.get(FollowUpProposal, proposal.id)
    assert [v.number for v in proposal.versions] == [3, 2, 1]
    assert proposal.current.sections["principles"] == "Oma teksti."


def test_a_fixed_demo_text_becomes_a_new_version_until_published(
    db, loaded, clock, proposal_data
):
    """Changed demo text adds one version while the draft is the demo's own; once
    published, the proposal is left as it is."""
    facilitator = _facilitator(db)
    sections = {**proposal_data["sections"], "principles": "Korjattu teksti."}
    fixed = {**proposal_data, "sections": sections}
    report = LoadReport(process=loaded)
    load_proposal(loaded, fixed, facilitator, report)
    load_proposal(loaded, fixed, facilitator, report)
    assert report.created == {"proposal version": 1}
    assert loaded.proposal.current.sections["principles"] == "Korjattu teksti."
    publish(loaded.proposal, actor=facilitator, now=clock.now)
    load_proposal(loaded, proposal_data, facilitator, report)
    assert report.created == {"proposal version": 1}
    assert loaded.proposal.status is ProposalStatus.PUBLISHED


# Exports of the loaded demo --------------------------------------------------------


def _export(runner, tmp_path, fmt: str):
    out = tmp_path / f"demo.{fmt}"
    result = runner.invoke(
        args=["export", "keski-uusimaa", "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_docx_export_of_the_demo_is_a_full_memo(
    runner, loaded, tmp_path, proposal_data
):
    """Word opens it: a heading per theme, the proposal's principles, no hidden text."""
    document = Document(io.BytesIO(_export(runner, tmp_path, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    for theme in THEME_SPECS:
        assert theme["title"]["fi"] in headings
    assert proposal_data["sections"]["title"] in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Sama tuki asuinkunnasta riippumatta." in text
    assert "vähintään 30 %" in text
    assert THEME_SPECS[0]["description"]["fi"] in text
    hidden = next(c for c in COMMENTS if c["key"] == HIDDEN)["body"]
    assert hidden[:60] not in text


def test_markdown_export_of_the_demo_is_a_full_document(runner, loaded, tmp_path):
    """The Markdown has every theme's heading, quotes and the proposal's sections."""
    text = _export(runner, tmp_path, "md").decode("utf-8")
    for theme in THEME_SPECS:
        assert f"### {theme['title']['fi']}" in text
    assert "**Sama tuki asuinkunnasta riippumatta.**" in text
    assert "Alueellinen koordinaattori" in text
    assert text.count("\n> ") >= 12  # quotes under the themes and in the proposal
