"""The first text of a follow-up proposal, written from the themed summary.

Everything here is Markdown in the process's language (the caller wraps it in
``force_locale``): the facilitator edits it further, so it is plain and short. The
top themes come from the summary's main ballot; without a vote, from how much each
theme was talked about, and the text says so.
"""

from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import ngettext

from ..exports.labels import rank_text, share_text, talk_level_text
from ..exports.summary import Quote, Summary, ThemeSummary

#: How many themes the draft takes up (more when themes tie for the last place).
TOP_THEMES = 5
#: Key comments quoted per theme.
QUOTES_PER_THEME = 2

#: Characters that would start Markdown formatting inside a name.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]])")


def inline(text: str) -> str:
    """A name (theme, group) as literal Markdown text on one line."""
    text = " ".join((text or "").split())
    return _MARKDOWN_INLINE.sub(r"\\\1", text).replace("<", "&lt;")


def _with_ties(themes: list[ThemeSummary], rank_of, limit: int) -> list:
    """The first ``limit`` themes by rank, and any that share the last one's place."""
    ordered = sorted(themes, key=lambda t: (rank_of(t), t.position))
    if len(ordered) <= limit:
        return ordered
    cutoff = rank_of(ordered[limit - 1])
    return [theme for theme in ordered if rank_of(theme) <= cutoff]


def top_themes(summary: Summary, limit: int = TOP_THEMES) -> tuple[list, bool]:
    """The themes the draft takes up, and whether they were chosen by the vote.

    Themes nobody voted for (or, without a vote, nobody talked about) are left out.
    """
    main = summary.main_ballot
    if main is not None and main.voters:
        voted = [
            theme
            for theme in summary.themes
            if theme.vote is not None
            and theme.vote.ballot_id == main.ballot_id
            and theme.vote.score > 0
        ]
        return _with_ties(voted, lambda t: t.vote.rank, limit), True
    talked = [theme for theme in summary.themes if theme.comments]
    return _with_ties(talked, lambda t: t.talk_rank, limit), False


def blockquote(quote: Quote) -> str:
    """A comment as a Markdown blockquote, signed with its group (and writer)."""
    lines = quote.text.replace("\r\n", "\n").strip().split("\n")
    body = "\n".join(f"> {line}".rstrip() for line in lines)
    source = f"{inline(quote.group)} ({inline(quote.organisation)})"
    if quote.author:
        source = f"{inline(quote.author)}, {source}"
    # The source outside the quote: it also keeps two quotes from merging into one.
    return f"{body}\n\n— *{source}*"


def _facts(theme: ThemeSummary) -> list[str]:
    facts = []
    if theme.vote is not None:
        share = share_text(theme.vote.share)
        if theme.vote.tied:
            facts.append(
                _(
                    "Vote share: %(share)s of voters (shared place %(rank)d)",
                    share=share,
                    rank=theme.vote.rank,
                )
            )
        else:
            facts.append(_("Vote share: %(share)s of voters", share=share))
        facts.append(
            _(
                "Organisations: %(comments)d behind the comments, %(votes)d behind the votes",
                comments=theme.organisations,
                votes=theme.vote.organisations,
            )
        )
    else:
        facts.append(
            _(
                "Organisations behind the comments: %(count)d",
                count=theme.organisations,
            )
        )
    facts.append(
        ngettext(
            "Talked about: %(level)s (%(num)d comment)",
            "Talked about: %(level)s (%(num)d comments)",
            theme.comments,
            level=talk_level_text(theme.talk_level),
        )
    )
    return facts


def theme_block(number: int, theme: ThemeSummary) -> str:
    # Bold, not a heading: the cleaner keeps no headings in user texts.
    parts = [f"**{number}. {inline(theme.title)}**"]
    parts.append("\n".join(f"- {fact}" for fact in _facts(theme)))
    parts.extend(blockquote(quote) for quote in theme.quotes[:QUOTES_PER_THEME])
    return "\n\n".join(parts)


def _intro(summary: Summary, themes: list, by_vote: bool) -> str:
    numbers = summary.participation
    taking_part = _(
        "%(comments)d comments from %(answered)d of %(invited)d work groups; "
        "%(voted)d work groups voted.",
        comments=numbers.comments,
        answered=numbers.groups_answered,
        invited=numbers.groups_invited,
        voted=numbers.groups_voted,
    )
    if not themes:
        lead = _("No theme has been voted on or coded yet.")
    elif by_vote:
        ballot = summary.main_ballot
        lead = ngettext(
            "The themes ranked highest in the vote “%(ballot)s” (%(num)d voter), "
            "with what the work groups said about them.",
            "The themes ranked highest in the vote “%(ballot)s” (%(num)d voters), "
            "with what the work groups said about them.",
            ballot.voters,
            ballot=inline(ballot.title),
        )
    else:
        lead = _(
            "No vote has been held yet: the themes talked about most, "
            "with what the work groups said about them."
        )
    return f"{lead} {taking_part}"


def summary_section(summary: Summary) -> tuple[str, list[dict]]:
    """The summary section's Markdown and the themes list ``[{theme_id, why}]``."""
    themes, by_vote = top_themes(summary)
    blocks = [_intro(summary, themes, by_vote)]
    chosen = []
    for number, theme in enumerate(themes, start=1):
        blocks.append(theme_block(number, theme))
        if by_vote:
            why = _(
                "Place %(rank)s in the vote, %(share)s of voters.",
                rank=rank_text(theme.vote.rank, theme.vote.tied),
                share=share_text(theme.vote.share),
            )
        else:
            why = ngettext(
                "Talked about %(level)s: %(num)d comment.",
                "Talked about %(level)s: %(num)d comments.",
                theme.comments,
                level=talk_level_text(theme.talk_level),
            )
        chosen.append({"theme_id": theme.theme_id, "why": why})
    return "\n\n".join(blocks), chosen


def draft_sections(summary: Summary) -> tuple[dict, list[dict]]:
    """Every section of the first version, and its themes list.

    The sections the facilitators write themselves (principles, next steps,
    resourcing) start empty: what to write in them is the editor's hints
    (``forms.SECTION_GUIDANCE``), never text in the field that would have to be
    deleted before publishing.
    """
    summary_md, themes = summary_section(summary)
    sections = {
        "title": _(
            "Proposal for follow-up work: %(process)s", process=summary.process_title
        ),
        "summary": summary_md,
        "principles": "",
        "next_steps": "",
        "resourcing": "",
    }
    return sections, themes
