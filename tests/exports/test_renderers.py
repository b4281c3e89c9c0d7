"""Each renderer from the same summary: Word, CSV, JSON, Markdown and HTML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from docx import Document

from app.exports import csv as csv_export
from app.exports.docx import to_docx
from app.exports.html import body_html, to_html
from app.exports.json import summary_data, to_json
from app.exports.markdown import to_markdown
from app.exports.proposal_view import proposal_view
from app.exports.scope import visible_comments
from app.exports.summary import build_summary
from app.i18n import localized
from app.models import TagStatus, ThemeTag

from .conftest import DELETED_WORD, HIDDEN_WORD, MADE_AT

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "summary.schema.json"
THEME_TITLES = ["Guidance", "Wellbeing", "Cooperation", "Resources", "Inclusion"]
SECRETS = (HIDDEN_WORD, DELETED_WORD, "Meikäläinen", "Puhuja")


@pytest.fixture()
def proposal(summary_world):
    return proposal_view(summary_world.process, staff=True)


def read_csv(body: bytes) -> list[list[str]]:
    """Parse as Excel does with Finnish settings: BOM, then ';'-separated cells."""
    assert body.startswith(b"\xef\xbb\xbf")
    text = body[3:].decode("utf-8")
    assert "\r\n" in text
    return list(
        csv.reader(io.StringIO(text, newline=""), dialect="excel", delimiter=";")
    )


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


# Word ---------------------------------------------------------------------------


def test_docx_has_a_heading_per_theme_tables_and_the_chart(summary, proposal):
    """Reopened with python-docx: title, a Heading 2 per theme, the vote table in
    rank order, the chart picture with its description, the proposal."""
    document = Document(io.BytesIO(to_docx(summary, proposal)))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == ("Title", "Summary: Municipal trial")
    level_two = [text for style, text in headings if style == "Heading 2"]
    for title in THEME_TITLES:
        assert title in level_two
    assert ("Heading 1", "Proposal for follow-up work") in headings
    assert ("Heading 2", "Ehdotus jatkotyöstä") in headings
    assert ("Heading 3", "Principles") in headings

    vote_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Rank")
    rows = [[cell.text for cell in row.cells] for row in vote_table.rows]
    assert rows[0] == ["Rank", "Theme", "Votes", "Share of voters", "Organisations"]
    assert [row[:3] for row in rows[1:]] == [
        ["1", "Resources", "3"],
        ["2", "Inclusion", "2"],
        ["3", "Guidance", "1"],
        ["4 (tied)", "Wellbeing", "0"],
        ["4 (tied)", "Cooperation", "0"],
    ]
    assert len(document.inline_shapes) == 1
    descr = document.inline_shapes[0]._inline.docPr.get("descr")
    assert "Top themes" in descr
    assert document.core_properties.language == "en-GB"


def test_docx_talk_vote_table_highlights_the_gap(summary):
    """The notable gap is in bold and said in words."""
    document = Document(io.BytesIO(to_docx(summary)))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Theme")
    rows = {row.cells[0].text: row.cells for row in table.rows[1:]}
    gap_cell = rows["Resources"][-1]
    assert gap_cell.text == "voted 3 places higher than talked about (Worth noting)"
    assert gap_cell.paragraphs[0].runs[0].bold
    assert rows["Inclusion"][2].text == "not at all"


def test_docx_never_holds_hidden_text_or_names(summary, proposal):
    """Neither the hidden nor the deleted comment, nor anyone's name."""
    text = docx_text(Document(io.BytesIO(to_docx(summary, proposal))))
    for secret in SECRETS:
        assert secret not in text


# CSV ----------------------------------------------------------------------------


def test_comments_csv_opens_in_excel_and_defuses_formulas(summary_world):
    """BOM, ';', a line per visible comment with its confirmed themes; the cell
    that starts with '=' gets an apostrophe; no author column without names."""
    w = summary_world
    rows = csv_export.comment_rows(w.process, language="en")
    body = csv_export.comments_csv(rows, show_names=False, language="en")
    table = read_csv(body)
    assert table[0] == [
        "Comment",
        "Reply to",
        "Created",
        "Question",
        "Work group",
        "Organisation",
        "Themes",
        "Text",
    ]
    by_id = {int(row[0]): row for row in table[1:]}
    assert set(by_id) == {c.id for c in w.comments}
    formula = by_id[w.comments[6].id]
    assert formula[-1].startswith("'=HYPERLINK")
    assert formula[-2] == "Cooperation"
    assert by_id[w.comments[7].id][-2] == ""  # only suggested
    assert by_id[w.comments[3].id][1] == str(w.comments[0].id)  # a reply
    assert by_id[w.comments[0].id][2] == "2026-11-20T10:00:00+02:00"
    text = body.decode("utf-8-sig")
    for secret in SECRETS:
        assert secret not in text


def test_comments_csv_names_only_with_show_names(summary_world, db):
    """With show_names the author column is there and filled."""
    w = summary_world
    w.process.show_names = True
    db.session.commit()
    rows = csv_export.comment_rows(w.process, language="en")
    table = read_csv(csv_export.comments_csv(rows, show_names=True, language="en"))
    assert "Author" in table[0]
    column = table[0].index("Author")
    assert {row[column] for row in table[1:]} == {
        "Maija Meikäläinen",
        "Pekka Puhuja",
        "Sanna Sanoja",
    }


def reference_rows(process, language: str) -> list[csv_export.CommentRow]:
    """The comment rows as the summary reads the same comments (ORM objects through
    ``scope.visible_comments``): what ``comment_rows`` read before it read plain rows."""
    comments, tags = visible_comments(list(process.phases))
    order = {theme.id: theme.position for theme in process.themes}
    titles = {
        theme.id: localized(theme.title, process.language, language)
        for theme in process.themes
    }
    themes_of: dict[int, list[int]] = {}
    for tag in tags:
        themes_of.setdefault(tag.comment_id, []).append(tag.theme_id)
    return [
        csv_export.CommentRow(
            comment_id=comment.id,
            parent_id=comment.parent_id,
            created_at=comment.created_at,
            question=localized(comment.prompt.question, process.language, language),
            group=comment.group.name,
            organisation=comment.group.organisation.name,
            author=comment.author.name
            if process.show_names and comment.author is not None
            else None,
            text=comment.body,
            themes=[
                titles[theme_id]
                for theme_id in sorted(
                    themes_of.get(comment.id, []), key=order.__getitem__
                )
            ],
        )
        for comment in comments
    ]


@pytest.mark.parametrize("show_names", [False, True])
def test_comment_rows_are_the_summarys_comments(summary_world, db, show_names):
    """The rows read as plain columns hold exactly what the summary's comment objects
    give: every visible comment in order, replies, themes in the process's order
    (c5 is coded T2 before T1, c1 T1 before T4), names only when shown (and none
    for a comment whose author is gone), in each language."""
    w = summary_world
    t1, t2, _t3, t4, _t5 = w.themes
    for comment, theme in ((w.comments[4], t1), (w.comments[0], t4)):
        db.session.add(
            ThemeTag(
                comment=comment,
                theme=theme,
                status=TagStatus.CONFIRMED,
                decided_by=w.facilitator,
            )
        )
    w.comments[2].author = None
    w.process.show_names = show_names
    db.session.commit()
    for language in ("fi", "sv", "en"):
        rows = csv_export.comment_rows(w.process, language=language)
        assert rows == reference_rows(w.process, language)
    by_id = {row.comment_id: row for row in rows}  # in English
    assert by_id[w.comments[4].id].themes == [t1.title["en"], t2.title["en"]]
    assert by_id[w.comments[0].id].themes == [t1.title["en"], t4.title["en"]]
    assert by_id[w.comments[2].id].author is None
    assert by_id[w.comments[1].id].author == ("Pekka Puhuja" if show_names else None)


def test_votes_csv_has_the_ranked_rows_with_decimal_commas(summary):
    """A row per theme of the ballot, shares as Finnish-style percentages."""
    table = read_csv(csv_export.votes_csv(summary))
    header, rows = table[0], table[1:]
    assert header[4:8] == ["Rank", "Tied", "Theme", "Score"]
    assert [(r[4], r[5], r[6], r[7], r[8]) for r in rows] == [
        ("1", "", "Resources", "3", "100,0"),
        ("2", "", "Inclusion", "2", "66,7"),
        ("3", "", "Guidance", "1", "33,3"),
        ("4", "yes", "Wellbeing", "0", "0,0"),
        ("4", "yes", "Cooperation", "0", "0,0"),
    ]
    assert rows[0][1] == "Top themes" and rows[0][3] == "3"


def test_csv_neutralises_a_theme_title_that_starts_with_a_formula(summary):
    """A theme named like a formula is text in the votes file."""
    summary.main_ballot.rows[0].title = "@SUM(A1:A9)"
    table = read_csv(csv_export.votes_csv(summary))
    assert table[1][6] == "'@SUM(A1:A9)"


# JSON ---------------------------------------------------------------------------


def test_json_validates_against_the_schema(summary, proposal):
    """The documented schema describes the output exactly (no extra fields)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(to_json(summary, proposal))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["generated_at"] == "2026-11-23T12:00:00+02:00"
    resources = next(t for t in data["themes"] if t["title"] == "Resources")
    assert resources["talk_level"] == "not_at_all"
    assert resources["gap"] == 3 and resources["gap_worth_noting"] is True
    assert data["proposal"]["version"] == 1
    assert data["main_ballot_id"] == data["ballots"][0]["ballot_id"]


def test_json_without_ballots_or_proposal_is_valid_too(summary_world):
    """A phase with nothing coded or voted still gives a valid file."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    empty = build_summary(summary_world.other_process, now=MADE_AT)
    data = summary_data(empty)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["proposal"] is None and data["main_ballot_id"] is None


def test_json_schema_rejects_an_unknown_field(summary):
    """additionalProperties is closed: the schema is exact, not just permissive."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = summary_data(summary)
    data["themes"][0]["secret"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_json_never_holds_hidden_text_or_names(summary, proposal):
    text = to_json(summary, proposal)
    for secret in SECRETS:
        assert secret not in text


# Markdown and HTML ---------------------------------------------------------------


def test_markdown_has_the_sections_and_theme_headings(summary, proposal):
    """Theme headings, the talk-vote table with the gap in bold, the proposal."""
    text = to_markdown(summary, proposal)
    assert text.startswith("# Summary: Municipal trial\n")
    for title in THEME_TITLES:
        assert f"\n### {title}\n" in text
    assert "**voted 3 places higher than talked about** (Worth noting)" in text
    assert "| Resources | 0 | not at all | 4 (tied) | 1 |" in text
    assert "## Proposal for follow-up work" in text
    assert "- Ohjaus ensin" in text
    for secret in SECRETS:
        assert secret not in text


def test_html_is_a_standalone_printable_page(summary, proposal):
    """One file: its stylesheet inside, a page break per theme, the charts as
    images with text alternatives, headings in order, no hidden text."""
    page = to_html(summary, proposal)
    assert page.startswith("<!doctype html>")
    assert '<html lang="en">' in page
    assert "page-break-before: always" in page
    assert page.count('class="summary-theme"') == 5
    assert page.count('src="data:image/png;base64,') == 1
    for title in THEME_TITLES:
        assert f">{title}</h3>" in page
    assert '<th scope="col">' in page and '<th scope="row">' in page
    assert "<h1>" in page and "<h5" not in page
    for secret in SECRETS:
        assert secret not in page


def test_html_body_in_swedish(summary_world):
    """The same body in Swedish: Swedish theme titles and translated labels."""
    swedish = build_summary(summary_world.process, language="sv", now=MADE_AT)
    body = str(body_html(swedish))
    assert ">Handledning</h3>" in body
    assert ">Teman</h2>" in body  # "Themes", translated in the sv catalogue


def test_docx_proposal_keeps_its_lists_and_emphasis(summary, proposal):
    """The proposal's Markdown becomes Word lists and bold runs, not raw marks."""
    document = Document(io.BytesIO(to_docx(summary, proposal)))
    styled = {(p.style.name, p.text) for p in document.paragraphs}
    assert ("List Bullet", "Ohjaus ensin") in styled
    assert ("List Number", "Kartoitus") in styled
    summary_paragraph = next(
        p for p in document.paragraphs if p.text == "Tiivistelmä tärkeimmästä."
    )
    assert [run.text for run in summary_paragraph.runs if run.bold] == ["tärkeimmästä"]
    quote = next(p for p in document.paragraphs if p.text.startswith("Hyvinvointi"))
    assert quote.style.name == "Quote"


#: The talk-versus-vote table as (theme, talk rank, vote rank): Resources and
#: Inclusion share the 4th talk place (no comments), Wellbeing and Cooperation the
#: 4th vote place (no votes); a shared place reads the same in both columns.
TALK_VOTE_RANKS = [
    ("Guidance", "1", "3"),
    ("Wellbeing", "2", "4 (tied)"),
    ("Cooperation", "3", "4 (tied)"),
    ("Resources", "4 (tied)", "1"),
    ("Inclusion", "4 (tied)", "2"),
]


def _markdown_ranks(summary):
    text = to_markdown(summary)
    section = text[text.index("## Talked about and voted for") :]
    section = section[: section.index("\n\n", section.index("|"))]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("|")
    ][2:]
    return [(r[0], r[3], r[4]) for r in rows]


def _html_ranks(summary):
    import re

    body = str(body_html(summary))
    start = body.index('class="talk-vote-table"')
    table = body[start : body.index("</table>", start)]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]:
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        rows.append((cells[1], cells[0], cells[4]))
    return rows


def _docx_ranks(summary):
    document = Document(io.BytesIO(to_docx(summary)))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Theme")
    return [
        (row.cells[0].text, row.cells[3].text, row.cells[4].text)
        for row in table.rows[1:]
    ]


@pytest.mark.parametrize("ranks", [_markdown_ranks, _html_ranks, _docx_ranks])
def test_tied_places_are_marked_alike_in_both_columns(summary, ranks):
    """A shared talk place is "4 (tied)" just as a shared vote place is."""
    assert summary.by_talk[3].talk_tied and not summary.by_talk[0].talk_tied
    assert ranks(summary) == TALK_VOTE_RANKS
