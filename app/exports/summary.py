"""The themed summary of a process or one of its phases, as plain data.

Built once from the database by ``build_summary``; every renderer (Markdown, HTML,
Word, CSV, JSON) only formats this object. It holds only what any reader of the
process may see: hidden and deleted comments never enter it, and people's names only
when the process is set to show them. Counts use confirmed codes; suggestions that no
person has confirmed are counted apart as "uncoded".
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..i18n import localized
from ..models import Comment, Phase, Process
from ..seminars.queries import workshops_of
from ..seminars.queries_questions import for_the_record, talk_name
from ..seminars.queries_votes import closed_votes
from ..text import render_markdown
from ..urls import external_url
from ..voting.scoring import results_of
from .quotes import Excerpt, central_excerpts, excerpt_of
from .scope import phases_in_scope, visible_comments

#: Quotes per theme when the facilitator has not chosen them.
DEFAULT_QUOTES = 3
#: A difference of this many places between talk and vote is worth pointing out.
GAP_WORTH_NOTING = 3


class TalkLevel(enum.StrEnum):
    """How much a theme was talked about, as the seed asks."""

    A_LOT = "a_lot"
    LITTLE = "little"
    NOT_AT_ALL = "not_at_all"


@dataclass
class Quote:
    comment_id: int
    #: The comment's Markdown source and its cleaned HTML (rendered when saved).
    text: str
    html: str
    group: str
    organisation: str
    question: str
    created_at: datetime
    #: The writer's name, only when the process shows names.
    author: str | None = None
    #: Chosen by the facilitator (True) or picked as the most central (False).
    chosen: bool = False
    #: The text is the comment's most central sentence or two, not all of it.
    partial: bool = False
    #: A free-text answer to a survey (not a discussion comment).
    survey_answer: bool = False
    #: The whole comment's lasting address (discussion comments; None otherwise).
    url: str | None = None


@dataclass
class ThemeVote:
    ballot_id: int
    rank: int
    tied: bool
    score: int
    share: float
    organisations: int


@dataclass
class ThemeSummary:
    theme_id: int
    position: int
    title: str
    description: str
    #: The description's cleaned HTML, rendered when the theme was saved.
    description_html: str = ""
    comments: int = 0
    groups: int = 0
    organisations: int = 0
    #: How many of ``comments`` are free-text survey answers.
    survey_answers: int = 0
    quotes: list[Quote] = field(default_factory=list)
    #: The theme's result in the summary's main ballot (None without one).
    vote: ThemeVote | None = None
    #: 1 = the most talked-about theme; themes with equal counts share a place.
    talk_rank: int = 0
    #: Another theme has as many comments, so shares the place (said like a tied
    #: vote rank).
    talk_tied: bool = False
    talk_level: TalkLevel = TalkLevel.NOT_AT_ALL
    #: talk_rank - vote rank: positive when voted higher than talked about.
    gap: int | None = None

    @property
    def gap_worth_noting(self) -> bool:
        return self.gap is not None and abs(self.gap) >= GAP_WORTH_NOTING


@dataclass
class BallotRow:
    theme_id: int
    title: str
    rank: int
    tied: bool
    score: int
    share: float
    organisations: int


@dataclass
class GroupVotes:
    """How many votes a work group cast in a ballot (issue 16: in a ballot where
    each person votes, a group that joined again and again to vote more shows)."""

    group: str
    organisation: str
    votes: int


@dataclass
class BallotSummary:
    ballot_id: int
    title: str
    method: str
    voters: int
    rows: list[BallotRow]
    #: "group" (one vote per work group) or "participant" (each person votes).
    voter_unit: str = "group"
    #: The work groups that voted, by name, with their votes.
    groups: list[GroupVotes] = field(default_factory=list)


@dataclass
class Participation:
    #: The process's work groups (every group is invited).
    groups_invited: int = 0
    #: Groups with at least one visible comment in the scope.
    groups_answered: int = 0
    #: Groups (or members of groups) that voted in a ballot of the scope.
    groups_voted: int = 0
    comments: int = 0
    #: Visible comments with no confirmed theme yet.
    uncoded: int = 0


@dataclass
class QuickVoteRow:
    label: str
    #: Votes, or dots when each person had several.
    dots: int
    #: The option's share of every vote or dot given, 0..1.
    share: float


@dataclass
class QuickVoteSummary:
    """A workshop's quick vote on the wall, closed, with its stored result."""

    vote_id: int
    workshop: str
    question: str
    voters: int
    dots_per_person: int
    closed_at: datetime
    rows: list[QuickVoteRow]


@dataclass
class SpeakerQuestionSummary:
    """A question to a speaker of a seminar, answered or shortlisted (issue 17)."""

    question_id: int
    #: The talk's title with its speaker (or "Questions to the seminar").
    talk: str
    question: str
    #: "answered" or "shortlisted".
    state: str
    likes: int


@dataclass
class Summary:
    process_slug: str
    process_title: str
    language: str
    generated_at: datetime
    #: The phase the summary covers, or None for the whole process.
    phase_id: int | None
    phase_title: str | None
    participation: Participation
    #: Every theme of the process, in the process's order.
    themes: list[ThemeSummary]
    ballots: list[BallotSummary]
    show_names: bool = False
    #: The workshops' closed quick votes (issue 17), seminar by seminar.
    quick_votes: list[QuickVoteSummary] = field(default_factory=list)
    #: The seminars' answered and shortlisted questions to the speakers (issue 17).
    speaker_questions: list[SpeakerQuestionSummary] = field(default_factory=list)

    @property
    def by_talk(self) -> list[ThemeSummary]:
        """Themes from the most talked-about to the not-at-all."""
        return sorted(self.themes, key=lambda t: (t.talk_rank, t.position))

    @property
    def main_ballot(self) -> BallotSummary | None:
        return self.ballots[0] if self.ballots else None


# Building ------------------------------------------------------------------------


def _quote(
    excerpt: Excerpt, process: Process, language: str, chosen: bool, link: bool
) -> Quote:
    comment = excerpt.comment
    return Quote(
        comment_id=comment.id,
        text=excerpt.text,
        html=str(render_markdown(excerpt.text))
        if excerpt.partial
        else comment.body_html,
        group=comment.group.name,
        organisation=comment.group.organisation.name,
        question=localized(comment.prompt.question, process.language, language),
        created_at=comment.created_at,
        author=comment.author.name
        if process.show_names and comment.author is not None
        else None,
        chosen=chosen,
        partial=excerpt.partial,
        survey_answer=comment.prompt.survey_id is not None,
        url=external_url(
            "discussions.comment_link", slug=process.slug, comment_id=comment.id
        )
        if link and comment.prompt.discussion_id is not None
        else None,
    )


def _quotes(
    comments: list[Comment], featured: set[int], process, language, link: bool
) -> list:
    """The facilitator's chosen quotes, else the most central sentences of the theme's
    comments (replies only when there is nothing else), each from another comment."""
    chosen = [c for c in comments if c.id in featured]
    if chosen:
        return [
            _quote(excerpt_of(c, process.language), process, language, True, link)
            for c in chosen
        ]
    top_level = [c for c in comments if c.parent_id is None] or comments
    excerpts = central_excerpts(top_level, DEFAULT_QUOTES, process.language)
    return [_quote(e, process, language, False, link) for e in excerpts]


def _ballots(
    phases: list[Phase], process: Process, language: str
) -> tuple[list[BallotSummary], int]:
    """The ballots' summaries, the one with the most voters first, and how many work
    groups voted (or had members vote) in any of them."""
    ballots = [ballot for phase in phases for ballot in getattr(phase, "ballots", [])]
    results = results_of(ballots)  # one statement for every ballot
    # The process's groups by name, as the team's results page lists them.
    groups = sorted(process.work_groups, key=lambda g: (g.name.lower(), g.id))
    summaries = []
    for ballot in ballots:
        result = results[ballot.id]
        summaries.append(
            BallotSummary(
                ballot_id=ballot.id,
                title=localized(ballot.title, process.language, language),
                method=ballot.method.value,
                voters=result.voters,
                voter_unit=ballot.voter_unit.value,
                groups=[
                    GroupVotes(
                        group=group.name,
                        organisation=group.organisation.name,
                        votes=result.votes_per_group[group.id],
                    )
                    for group in groups
                    if result.votes_per_group.get(group.id)
                ],
                rows=[
                    BallotRow(
                        theme_id=row.theme.id,
                        title=localized(row.theme.title, process.language, language),
                        rank=row.rank,
                        tied=row.tied,
                        score=row.score,
                        share=row.share,
                        organisations=row.organisations,
                    )
                    for row in result.rows
                ],
            )
        )
    voted = {
        group_id
        for result in results.values()
        for group_id in result.votes_per_group
        if group_id is not None
    }
    # The ballot with the most voters leads (the seed's closing vote).
    return sorted(summaries, key=lambda b: (-b.voters, b.ballot_id)), len(voted)


def _quick_votes(phases: list[Phase], process: Process, language: str) -> list:
    """The closed quick votes of the seminars' workshops in scope, most votes first."""
    summaries = []
    for phase in phases:
        seminar = getattr(phase, "seminar", None)
        for workshop in workshops_of(seminar) if seminar is not None else []:
            title = localized(workshop.title, process.language, language)
            for result in closed_votes(workshop):
                vote = result.vote
                summaries.append(
                    QuickVoteSummary(
                        vote_id=vote.id,
                        workshop=title,
                        question=vote.question,
                        voters=result.voters,
                        dots_per_person=vote.dots_per_person,
                        closed_at=vote.closed_at,
                        rows=[
                            QuickVoteRow(row.option.label, row.dots, row.share / 100)
                            for row in result.by_dots
                        ],
                    )
                )
    return summaries


def _speaker_questions(phases: list[Phase], language: str) -> list:
    """The answered and shortlisted questions of the seminars in scope, talk by talk,
    most liked first (hidden ones never)."""
    summaries = []
    for phase in phases:
        seminar = getattr(phase, "seminar", None)
        for talk, rows in for_the_record(seminar) if seminar is not None else []:
            name = talk_name(talk, language)
            summaries += [
                SpeakerQuestionSummary(
                    question_id=row.question.id,
                    talk=name,
                    question=row.question.body,
                    state=row.question.state.value,
                    likes=row.likes,
                )
                for row in rows
            ]
    return summaries


def _rank_talk(themes: list[ThemeSummary]) -> None:
    ordered = sorted(themes, key=lambda t: -t.comments)
    talked = [t for t in ordered if t.comments]
    a_lot = max(1, round(len(talked) / 3)) if talked else 0
    previous, rank = None, 0
    for index, theme in enumerate(ordered, start=1):
        if theme.comments != previous:
            rank, previous = index, theme.comments
        theme.talk_rank = rank
    counts = Counter(t.comments for t in themes)
    for theme in themes:
        theme.talk_tied = counts[theme.comments] > 1
    top_counts = {t.comments for t in talked[:a_lot]}
    for theme in themes:
        if not theme.comments:
            theme.talk_level = TalkLevel.NOT_AT_ALL
        elif theme.comments in top_counts:
            theme.talk_level = TalkLevel.A_LOT
        else:
            theme.talk_level = TalkLevel.LITTLE


def build_summary(
    process: Process,
    *,
    phase: Phase | None = None,
    language: str | None = None,
    now: datetime | None = None,
    survey_answers: bool = False,
    public: bool = False,
) -> Summary:
    """Summarise a process (or one phase): themes, quotes, votes, participation.

    ``survey_answers``: count and quote the coded free-text survey answers among
    the themes' comments too; survey results are the team's ("survey.results"), so
    only a summary for the team includes them. Participation counts discussions only.
    ``public``: for the open pages: quotes without the address of their whole
    comment (a page for signed-in readers, a visitor could not open it) and without
    the audience's questions to the speakers (the seminar's, not the public's).
    """
    language = language or process.language
    phases = phases_in_scope(process, phase)
    comments, tags = visible_comments(phases, survey_answers=survey_answers)
    by_id = {c.id: c for c in comments}
    per_theme: dict[int, list[Comment]] = defaultdict(list)
    featured: dict[int, set[int]] = defaultdict(set)
    for tag in tags:
        per_theme[tag.theme_id].append(by_id[tag.comment_id])
        if tag.featured:
            featured[tag.theme_id].add(tag.comment_id)
    ballots, groups_voted = _ballots(phases, process, language)
    main = ballots[0] if ballots else None
    vote_rows = {row.theme_id: row for row in main.rows} if main else {}
    themes = []
    for theme in process.themes:
        theme_comments = sorted(per_theme[theme.id], key=lambda c: (c.created_at, c.id))
        row = vote_rows.get(theme.id)
        themes.append(
            ThemeSummary(
                theme_id=theme.id,
                position=theme.position,
                title=localized(theme.title, process.language, language),
                description=localized(theme.description, process.language, language),
                description_html=localized(
                    theme.description_html, process.language, language
                ),
                comments=len(theme_comments),
                survey_answers=sum(
                    1 for c in theme_comments if c.prompt.survey_id is not None
                ),
                groups=len({c.group_id for c in theme_comments}),
                organisations=len({c.group.organisation_id for c in theme_comments}),
                quotes=_quotes(
                    theme_comments, featured[theme.id], process, language, not public
                )
                if theme_comments
                else [],
                vote=ThemeVote(
                    ballot_id=main.ballot_id,
                    rank=row.rank,
                    tied=row.tied,
                    score=row.score,
                    share=row.share,
                    organisations=row.organisations,
                )
                if row
                else None,
            )
        )
    _rank_talk(themes)
    if any(theme.comments for theme in themes):  # before any coding there is no gap
        for theme in themes:
            if theme.vote is not None:
                theme.gap = theme.talk_rank - theme.vote.rank
    coded = {tag.comment_id for tag in tags}
    discussed = [c for c in comments if c.prompt.survey_id is None]
    participation = Participation(
        groups_invited=len(process.work_groups),
        groups_answered=len({c.group_id for c in discussed if c.parent_id is None}),
        groups_voted=groups_voted,
        comments=len(discussed),
        uncoded=len([c for c in discussed if c.id not in coded]),
    )
    return Summary(
        process_slug=process.slug,
        process_title=localized(process.title, process.language, language),
        language=language,
        generated_at=now or datetime.now(UTC),
        phase_id=phase.id if phase is not None else None,
        phase_title=localized(phase.title, process.language, language)
        if phase is not None
        else None,
        participation=participation,
        themes=themes,
        ballots=ballots,
        show_names=process.show_names,
        quick_votes=_quick_votes(phases, process, language),
        speaker_questions=[] if public else _speaker_questions(phases, language),
    )
