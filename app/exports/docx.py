"""The summary as a Word memo (.docx), the format organisations edit further.

Built only with Word's own styles (Title, Heading 1–3, Quote, List Bullet, Table
Grid), so the memo follows whatever house template it is pasted into and its
outline shows in Word's navigation pane. Tables repeat their header row on each
page; the chart has alternative text and its numbers are in the table below it; the
document's language is set so Word checks Finnish spelling in a Finnish memo.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentType
from flask_babel import gettext as _

from ..docxfiles import CHART_WIDTH, Cell, set_language, table, word_safe
from . import labels
from .chart import vote_chart_png
from .docx_text import add_inline, add_markdown
from .proposal_view import ProposalView
from .summary import (
    BallotSummary,
    QuickVoteSummary,
    Quote,
    SpeakerQuestionSummary,
    Summary,
    ThemeSummary,
)


def _title_page(document: DocumentType, summary: Summary) -> None:
    document.add_heading(labels.document_title(summary), level=0)
    document.add_paragraph(labels.scope_text(summary))
    document.add_paragraph(labels.generated_text(summary))
    document.add_paragraph("Osallistamo")
    document.add_page_break()


def _participation(document: DocumentType, summary: Summary) -> None:
    document.add_heading(labels.headings()["participation"], level=1)
    rows = [[label, str(value)] for label, value in labels.participation_rows(summary)]
    table(document, [_("Figure"), _("Number")], rows)
    if summary.participation.uncoded:
        document.add_paragraph(labels.uncoded_warning(summary))


def _talk_vote(document: DocumentType, summary: Summary) -> None:
    document.add_heading(labels.headings()["talk_vote"], level=1)
    header = labels.talk_vote_header()
    rows = []
    for theme in summary.by_talk:
        gap: Cell = labels.gap_text(theme)
        if theme.gap_worth_noting:
            # The notable gaps in bold and said in words (not by colour).
            gap = [(gap, True), (f" ({labels.worth_noting_text()})", False)]
        rows.append(
            [
                theme.title,
                str(theme.comments),
                labels.talk_level_text(theme.talk_level),
                labels.talk_rank_text(theme),
                labels.vote_rank_text(theme),
                gap,
            ]
        )
    table(document, header, rows)


def _quote(document: DocumentType, quote: Quote) -> None:
    add_markdown(document, "\n".join(f"> {line}" for line in quote.text.splitlines()))
    attribution = document.add_paragraph()
    add_inline(attribution, f"— {labels.quote_attribution(quote)}. ")
    attribution.add_run(labels.quote_question(quote)).italic = True
    if marks := labels.quote_marks(quote):
        attribution.add_run(f" {marks}")
    if quote.url:
        attribution.add_run(f" {labels.whole_comment()}: {quote.url}")


def _theme(document: DocumentType, theme: ThemeSummary) -> None:
    document.add_heading(theme.title, level=2)
    if theme.description:
        add_markdown(document, theme.description)
    document.add_paragraph(labels.theme_facts(theme))
    document.add_paragraph(labels.theme_vote_text(theme))
    if theme.quotes:
        document.add_heading(labels.headings()["quotes"], level=3)
        for quote in theme.quotes:
            _quote(document, quote)


def _ballot(document: DocumentType, ballot: BallotSummary) -> None:
    document.add_heading(ballot.title, level=2)
    document.add_paragraph(
        f"{labels.voters_text(ballot.voters)} · {labels.method_text(ballot.method)}"
    )
    rank_texts = [labels.rank_text(row.rank, row.tied) for row in ballot.rows]
    if ballot.rows:
        png = vote_chart_png(
            ballot,
            tied_text=labels.tied_text(),
            score_label=labels.score_heading(ballot.method),
        )
        document.add_picture(io.BytesIO(png), width=CHART_WIDTH)
        shape = document.inline_shapes[-1]
        shape._inline.docPr.set(
            "descr",
            _(
                "Bar chart of the vote %(title)s; the table below has the numbers.",
                title=ballot.title,
            ),
        )
    header = labels.ballot_header(ballot.method)
    rows = [
        [
            rank,
            row.title,
            str(row.score),
            labels.share_text(row.share),
            str(row.organisations),
        ]
        for rank, row in zip(rank_texts, ballot.rows, strict=True)
    ]
    table(document, header, rows)
    if ballot.voter_unit == "participant" and ballot.groups:
        document.add_heading(labels.group_votes_heading(), level=3)
        table(
            document,
            labels.group_votes_header(),
            [[g.group, g.organisation, str(g.votes)] for g in ballot.groups],
        )


def _proposal(document: DocumentType, proposal: ProposalView) -> None:
    heads = labels.headings()
    document.add_page_break()
    document.add_heading(heads["proposal"], level=1)
    if proposal.title:
        document.add_heading(proposal.title, level=2)
    status = labels.proposal_status_text(proposal.version, proposal.published_at)
    document.add_paragraph().add_run(status).italic = True
    level = 3 if proposal.title else 2
    for key, source, _html in proposal.sections():
        if source.strip():
            document.add_heading(heads[key], level=level)
            add_markdown(document, source)


def _quick_vote(document: DocumentType, vote: QuickVoteSummary) -> None:
    document.add_heading(f"{vote.workshop}: {vote.question}", level=2)
    document.add_paragraph(labels.voters_text(vote.voters))
    rows = [
        [row.label, str(row.dots), labels.share_text(row.share)] for row in vote.rows
    ]
    table(document, labels.quick_vote_header(vote.dots_per_person), rows)


def _speaker_questions(
    document: DocumentType, questions: list[SpeakerQuestionSummary]
) -> None:
    document.add_heading(labels.headings()["speaker_questions"], level=1)
    for talk, asked in labels.by_talk(questions):
        document.add_heading(talk, level=2)
        rows = [
            [q.question, str(q.likes), labels.speaker_question_state(q.state)]
            for q in asked
        ]
        table(document, labels.speaker_question_header(), rows)


def to_docx(summary: Summary, proposal: ProposalView | None = None) -> bytes:
    """The memo as .docx bytes, in the summary's language.

    Built from a copy of the summary and proposal cleaned of what Word cannot hold
    (``word_safe``), so a stored text with a control character cannot stop it.
    """
    summary, proposal = word_safe(summary), word_safe(proposal)
    document = Document()
    with labels.in_language(summary):
        set_language(document, summary.language)
        properties = document.core_properties
        properties.title = labels.document_title(summary)
        properties.subject = labels.scope_text(summary)
        properties.author = "Osallistamo"
        properties.created = summary.generated_at
        _title_page(document, summary)
        _participation(document, summary)
        _talk_vote(document, summary)
        document.add_heading(labels.headings()["themes"], level=1)
        for theme in summary.themes:
            _theme(document, theme)
        if summary.ballots:
            document.add_heading(labels.headings()["results"], level=1)
            for ballot in summary.ballots:
                _ballot(document, ballot)
        if summary.quick_votes:
            document.add_heading(labels.headings()["quick_votes"], level=1)
            for vote in summary.quick_votes:
                _quick_vote(document, vote)
        if summary.speaker_questions:
            _speaker_questions(document, summary.speaker_questions)
        if proposal is not None:
            _proposal(document, proposal)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
