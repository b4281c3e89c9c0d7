"""The words every export shares: headings, the talk levels, gaps, ranks and counts.

Renderers call these inside ``in_language(summary)`` so a summary made in Swedish
says "Teman" whatever language the reader's interface is in. Strings are English
source texts for Babel; the catalogues translate them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask_babel import force_locale, format_percent, ngettext
from flask_babel import gettext as _

from ..i18n import format_datetime
from .summary import Quote, Summary, TalkLevel, ThemeSummary


@contextmanager
def in_language(summary: Summary) -> Iterator[None]:
    """Labels, numbers and dates in the summary's language while inside."""
    with force_locale(summary.language):
        yield


def document_title(summary: Summary) -> str:
    return _("Summary: %(title)s", title=summary.process_title)


def scope_text(summary: Summary) -> str:
    """Which part of the process the summary covers."""
    if summary.phase_title is not None:
        return _("Phase: %(phase)s", phase=summary.phase_title)
    return _("The whole process")


def generated_text(summary: Summary) -> str:
    return _("Made %(when)s", when=format_datetime(summary.generated_at))


def headings() -> dict[str, str]:
    """Section headings, in the current language."""
    return {
        "participation": _("Participation"),
        "talk_vote": _("Talked about and voted for"),
        "themes": _("Themes"),
        "results": _("Vote results"),
        "quick_votes": _("Quick votes in the workshops"),
        "speaker_questions": _("Questions to the speakers"),
        "proposal": _("Proposal for follow-up work"),
        "quotes": _("Quotes"),
        "summary": _("Summary"),
        "principles": _("Principles"),
        "next_steps": _("Next steps"),
        "resourcing": _("Resourcing"),
    }


def participation_rows(summary: Summary) -> list[tuple[str, int]]:
    """The participation figures as (label, number) pairs, in reading order."""
    p = summary.participation
    return [
        (_("Work groups invited"), p.groups_invited),
        (_("Work groups that commented"), p.groups_answered),
        (_("Work groups that voted"), p.groups_voted),
        (_("Comments"), p.comments),
        (_("Comments still uncoded"), p.uncoded),
    ]


def uncoded_warning(summary: Summary) -> str:
    """Why the counts may be low: only themes a person confirmed are counted."""
    return ngettext(
        "%(num)d comment has no confirmed theme yet. Suggested themes that no "
        "one has confirmed are not counted.",
        "%(num)d comments have no confirmed theme yet. Suggested themes that no "
        "one has confirmed are not counted.",
        summary.participation.uncoded,
    )


def talk_level_text(level: TalkLevel) -> str:
    """The seed's words: talked about a lot, little, or not at all."""
    if level is TalkLevel.A_LOT:
        return _("a lot")
    if level is TalkLevel.LITTLE:
        return _("little")
    return _("not at all")


def rank_text(rank: int, tied: bool) -> str:
    """ "2" or "2 (tied)": a tie is said in words."""
    if tied:
        return _("%(rank)s (tied)", rank=rank)
    return str(rank)


def tied_text() -> str:
    return _("tied")


def talk_rank_text(theme: ThemeSummary) -> str:
    """The talk rank, a shared place said the same way as in the vote column."""
    return rank_text(theme.talk_rank, theme.talk_tied)


def vote_rank_text(theme: ThemeSummary) -> str:
    if theme.vote is None:
        return _("not voted on")
    return rank_text(theme.vote.rank, theme.vote.tied)


def gap_text(theme: ThemeSummary) -> str:
    """The difference between talk and vote in words, e.g. "voted 5 places higher
    than talked about"."""
    if theme.vote is None:
        return _("not on the ballot")
    if theme.gap is None:
        return _("no comments coded yet")
    if theme.gap > 0:
        return ngettext(
            "voted %(num)d place higher than talked about",
            "voted %(num)d places higher than talked about",
            theme.gap,
        )
    if theme.gap < 0:
        return ngettext(
            "voted %(num)d place lower than talked about",
            "voted %(num)d places lower than talked about",
            -theme.gap,
        )
    return _("the same place in talk and vote")


def worth_noting_text() -> str:
    """Said beside a large gap (the highlight is in words, not only in style)."""
    return _("Worth noting")


def theme_facts(theme: ThemeSummary) -> str:
    """ "12 comments from 5 work groups in 4 organisations. Talked about: a lot." """
    level = _("Talked about: %(level)s.", level=talk_level_text(theme.talk_level))
    if not theme.comments:
        return _("No comments coded to this theme.") + " " + level
    comments = ngettext("%(num)d comment", "%(num)d comments", theme.comments)
    groups = ngettext("%(num)d work group", "%(num)d work groups", theme.groups)
    organisations = ngettext(
        "%(num)d organisation", "%(num)d organisations", theme.organisations
    )
    facts = _(
        "%(comments)s from %(groups)s in %(organisations)s.",
        comments=comments,
        groups=groups,
        organisations=organisations,
    )
    if theme.survey_answers:
        facts += " " + ngettext(
            "%(num)d of them is a survey answer.",
            "%(num)d of them are survey answers.",
            theme.survey_answers,
        )
    return f"{facts} {level}"


def theme_vote_text(theme: ThemeSummary) -> str:
    """The theme's result in the main ballot, in one sentence."""
    if theme.vote is None:
        return _("Not on the ballot.")
    return _(
        "Vote: rank %(rank)s, score %(score)s, %(share)s of voters.",
        rank=rank_text(theme.vote.rank, theme.vote.tied),
        score=theme.vote.score,
        share=share_text(theme.vote.share),
    )


def share_text(share: float) -> str:
    """A share of voters as a percentage in the current locale ("40 %" in fi)."""
    return format_percent(share)


def quote_attribution(quote: Quote) -> str:
    """Who said it: the work group and organisation, and the name when shown."""
    who = f"{quote.group}, {quote.organisation}"
    if quote.author:
        who = f"{quote.author}, {who}"
    return who


def quote_question(quote: Quote) -> str:
    return _("Question: %(question)s", question=quote.question)


def quote_marks(quote: Quote) -> str:
    """What kind of text the quote is: a survey answer, an excerpt of a comment."""
    marks = []
    if quote.survey_answer:
        marks.append(_("A survey answer."))
    if quote.partial:
        marks.append(_("An excerpt of a longer comment."))
    return " ".join(marks)


def whole_comment() -> str:
    return _("The whole comment")


def quick_vote_header(dots_per_person: int) -> list[str]:
    """The columns of a quick vote's table: option, votes (or dots), share."""
    count = _("Votes") if dots_per_person == 1 else _("Dots")
    return [_("Option"), count, _("Share")]


def speaker_question_header() -> list[str]:
    """The columns of the questions to the speakers: question, likes, state."""
    return [_("Question"), _("Likes"), _("State")]


def by_talk(questions: list) -> list[tuple[str, list]]:
    """The questions to the speakers talk by talk, in the summary's order."""
    talks: dict[str, list] = {}
    for question in questions:
        talks.setdefault(question.talk, []).append(question)
    return list(talks.items())


def speaker_question_state(state: str) -> str:
    return _("Answered") if state == "answered" else _("On the shortlist")


def voters_text(count: int) -> str:
    return ngettext("%(num)d voter", "%(num)d voters", count)


def method_text(method: str) -> str:
    """How the ballot was scored, in a few words."""
    if method == "pick":
        return _("Pick the most important themes")
    if method == "points":
        return _("Distribute points")
    return _("Rank the themes")


def score_heading(method: str) -> str:
    if method == "pick":
        return _("Votes")
    if method == "points":
        return _("Points")
    return _("Borda points")


def column_headings() -> dict[str, str]:
    """Table headings shared by the talk-versus-vote and results tables."""
    return {
        "theme": _("Theme"),
        "comments": _("Comments"),
        "talk_rank": _("Talk rank"),
        "talk_level": _("Talked about"),
        "vote_rank": _("Vote rank"),
        "gap": _("Difference"),
        "rank": _("Rank"),
        "share": _("Share of voters"),
        "organisations": _("Organisations"),
        "groups": _("Work groups"),
    }


def talk_vote_header() -> list[str]:
    """The talk-versus-vote table's header row."""
    cols = column_headings()
    keys = ("theme", "comments", "talk_level", "talk_rank", "vote_rank", "gap")
    return [cols[key] for key in keys]


def ballot_header(method: str) -> list[str]:
    """A ballot's results table's header row (the score named for the method)."""
    cols = column_headings()
    return [
        cols["rank"],
        cols["theme"],
        score_heading(method),
        cols["share"],
        cols["organisations"],
    ]


def group_votes_header() -> list[str]:
    """The votes-per-group table's header row (a ballot where each person votes)."""
    return [_("Work group"), _("Organisation"), _("Votes")]


def group_votes_heading() -> str:
    return _("Voters per work group")


def proposal_status_text(version: int, published_at) -> str:
    if published_at is None:
        return _("Draft, version %(num)d (not published)", num=version)
    return _(
        "Version %(num)d, published %(when)s",
        num=version,
        when=format_datetime(published_at),
    )
