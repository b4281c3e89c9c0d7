"""The summary as a Markdown document (CommonMark with GitHub-style tables).

Plain texts (titles, names) are escaped so they print as written; comments and the
proposal are Markdown already and stay so, except that raw HTML is shown as text:
whoever renders the file should not get markup that our own pages would strip.
"""

from __future__ import annotations

import re

from . import labels
from .proposal_view import ProposalView
from .summary import (
    BallotSummary,
    QuickVoteSummary,
    Quote,
    SpeakerQuestionSummary,
    Summary,
    ThemeSummary,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Plain text that Markdown prints as written, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def user_markdown(source: str) -> str:
    """A Markdown source with raw HTML neutralised."""
    return source.replace("<", "&lt;").strip()


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _participation(summary: Summary) -> list[str]:
    lines = [f"## {escape(labels.headings()['participation'])}", ""]
    rows = labels.participation_rows(summary)
    lines += [f"- {escape(label)}: {value}" for label, value in rows]
    if summary.participation.uncoded:
        lines += ["", f"> {escape(labels.uncoded_warning(summary))}"]
    return lines + [""]


def _talk_vote(summary: Summary) -> list[str]:
    header = labels.talk_vote_header()
    rows = []
    for theme in summary.by_talk:
        gap = escape(labels.gap_text(theme))
        if theme.gap_worth_noting:
            gap = f"**{gap}** ({escape(labels.worth_noting_text())})"
        rows.append(
            [
                escape(theme.title),
                str(theme.comments),
                escape(labels.talk_level_text(theme.talk_level)),
                escape(labels.talk_rank_text(theme)),
                escape(labels.vote_rank_text(theme)),
                gap,
            ]
        )
    lines = [f"## {escape(labels.headings()['talk_vote'])}", ""]
    return lines + _table(header, rows, numeric={1, 3}) + [""]


def _quote(quote: Quote) -> list[str]:
    body = [f"> {line}".rstrip() for line in user_markdown(quote.text).splitlines()]
    who = escape(labels.quote_attribution(quote))
    question = escape(labels.quote_question(quote))
    after = [f"> — {who}. {question}"]
    if marks := labels.quote_marks(quote):
        after[0] += f" {escape(marks)}"
    if quote.url:
        after[0] += f" [{escape(labels.whole_comment())}](<{quote.url}>)"
    return body + [">", *after, ""]


def _theme(theme: ThemeSummary) -> list[str]:
    lines = [f"### {escape(theme.title)}", ""]
    if theme.description:
        lines += [user_markdown(theme.description), ""]
    lines += [escape(labels.theme_facts(theme)), ""]
    lines += [escape(labels.theme_vote_text(theme)), ""]
    if theme.quotes:
        lines += [f"#### {escape(labels.headings()['quotes'])}", ""]
        for quote in theme.quotes:
            lines += _quote(quote)
    return lines


def _ballot(ballot: BallotSummary) -> list[str]:
    header = labels.ballot_header(ballot.method)
    rows = [
        [
            escape(labels.rank_text(row.rank, row.tied)),
            escape(row.title),
            str(row.score),
            escape(labels.share_text(row.share)),
            str(row.organisations),
        ]
        for row in ballot.rows
    ]
    facts = f"{labels.voters_text(ballot.voters)} · {labels.method_text(ballot.method)}"
    lines = [f"### {escape(ballot.title)}", "", escape(facts), ""]
    lines += _table(header, rows, numeric={2, 3, 4}) + [""]
    if ballot.voter_unit == "participant" and ballot.groups:
        groups = [
            [escape(g.group), escape(g.organisation), str(g.votes)]
            for g in ballot.groups
        ]
        lines += [f"#### {escape(labels.group_votes_heading())}", ""]
        lines += _table(labels.group_votes_header(), groups, numeric={2}) + [""]
    return lines


def _quick_vote(vote: QuickVoteSummary) -> list[str]:
    rows = [
        [escape(row.label), str(row.dots), escape(labels.share_text(row.share))]
        for row in vote.rows
    ]
    lines = [f"### {escape(vote.workshop)}: {escape(vote.question)}", ""]
    lines += [escape(labels.voters_text(vote.voters)), ""]
    header = labels.quick_vote_header(vote.dots_per_person)
    return lines + _table(header, rows, numeric={1, 2}) + [""]


def _speaker_questions(questions: list[SpeakerQuestionSummary]) -> list[str]:
    """One table per talk, in the order the summary has them."""
    lines = [f"## {escape(labels.headings()['speaker_questions'])}", ""]
    for talk, asked in labels.by_talk(questions):
        rows = [
            [
                escape(q.question),
                str(q.likes),
                escape(labels.speaker_question_state(q.state)),
            ]
            for q in asked
        ]
        lines += [f"### {escape(talk)}", ""]
        lines += _table(labels.speaker_question_header(), rows, numeric={1}) + [""]
    return lines


def _proposal(proposal: ProposalView) -> list[str]:
    heads = labels.headings()
    lines = [f"## {escape(heads['proposal'])}", ""]
    if proposal.title:
        lines += [f"### {escape(proposal.title)}", ""]
    status = labels.proposal_status_text(proposal.version, proposal.published_at)
    lines += [f"*{escape(status)}*", ""]
    # Sections sit under the proposal's title, or directly under the heading.
    marks = "####" if proposal.title else "###"
    for key, source, _html in proposal.sections():
        if source.strip():
            lines += [f"{marks} {escape(heads[key])}", "", user_markdown(source), ""]
    return lines


def to_markdown(summary: Summary, proposal: ProposalView | None = None) -> str:
    """The whole summary as Markdown, in the summary's language."""
    with labels.in_language(summary):
        lines = [f"# {escape(labels.document_title(summary))}", ""]
        meta = f"{labels.scope_text(summary)} · {labels.generated_text(summary)}"
        lines += [escape(meta), ""]
        lines += _participation(summary)
        lines += _talk_vote(summary)
        lines += [f"## {escape(labels.headings()['themes'])}", ""]
        for theme in summary.themes:
            lines += _theme(theme)
        if summary.ballots:
            lines += [f"## {escape(labels.headings()['results'])}", ""]
            for ballot in summary.ballots:
                lines += _ballot(ballot)
        if summary.quick_votes:
            lines += [f"## {escape(labels.headings()['quick_votes'])}", ""]
            for vote in summary.quick_votes:
                lines += _quick_vote(vote)
        if summary.speaker_questions:
            lines += _speaker_questions(summary.speaker_questions)
        if proposal is not None:
            lines += _proposal(proposal)
    return "\n".join(lines).rstrip() + "\n"
