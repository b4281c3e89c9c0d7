"""Two CSV files for Excel: the comments with their confirmed themes, and the votes.

Both go through ``app.csvfiles.write_csv``: UTF-8 with a byte order mark,
semicolons, CRLF, and any cell that starts like a formula defused. Numbers with
decimals use a decimal comma (``csvfiles.decimal_comma``), as Excel with Finnish
(and Finland-Swedish) settings expects beside the semicolon; shares are percentages
with one decimal.

The summary holds only the quotes, so the comment rows are built here from the same
query the summary uses (``scope.visible_comments``): hidden and deleted comments
never enter, and authors' names only when the process shows them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _

from ..comments import visible
from ..csvfiles import decimal_comma, write_csv
from ..extensions import db
from ..i18n import localized
from ..models import (
    Comment,
    Organisation,
    Phase,
    Process,
    Prompt,
    TagStatus,
    ThemeTag,
    User,
    WorkGroup,
)
from . import labels
from .json import iso
from .scope import phases_in_scope, prompts_in_scope
from .summary import Summary

#: Between the titles of a comment's themes (a comma may be in a title).
THEME_SEPARATOR = " | "
KINDS = ("comments", "votes")


@dataclass
class CommentRow:
    comment_id: int
    #: The thread's top-level comment when this is a reply.
    parent_id: int | None
    created_at: datetime
    question: str
    group: str
    organisation: str
    #: None unless the process shows names.
    author: str | None
    text: str
    #: Titles of the confirmed themes, in the process's theme order.
    themes: list[str] = field(default_factory=list)


def comment_rows(
    process: Process,
    *,
    phase: Phase | None = None,
    language: str | None = None,
    survey_answers: bool = False,
) -> list[CommentRow]:
    """Every comment a reader of the process may see in the scope, oldest first
    (with the coded survey answers' texts for the team: ``survey_answers``).

    The same comments as ``scope.visible_comments`` (the summary's), read as plain
    rows of only the columns the file has: three statements (the comments, their
    confirmed codes, the prompts' questions) and no ORM objects, which for 10,000
    comments took most of the export's time.
    """
    language = language or process.language
    prompts = prompts_in_scope(
        phases_in_scope(process, phase), survey_answers=survey_answers
    )
    if prompts is None:
        return []
    shown = sa.and_(prompts, visible())
    questions = {
        prompt_id: localized(question, process.language, language)
        for prompt_id, question in db.session.execute(
            sa.select(Prompt.id, Prompt.question).where(prompts)
        )
    }
    order = {theme.id: theme.position for theme in process.themes}
    titles = {
        theme.id: localized(theme.title, process.language, language)
        for theme in process.themes
    }
    themes_of: dict[int, list[int]] = defaultdict(list)
    for comment_id, theme_id in db.session.execute(
        sa.select(ThemeTag.comment_id, ThemeTag.theme_id)
        .join(Comment, Comment.id == ThemeTag.comment_id)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .where(shown, ThemeTag.status == TagStatus.CONFIRMED)
        .order_by(ThemeTag.id)
    ):
        themes_of[comment_id].append(theme_id)
    query = (
        sa.select(
            Comment.id,
            Comment.parent_id,
            Comment.created_at,
            Comment.prompt_id,
            WorkGroup.name,
            Organisation.name,
            # No names are read unless the process shows them.
            User.name if process.show_names else sa.null(),
            Comment.body,
        )
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .join(WorkGroup, WorkGroup.id == Comment.group_id)
        .join(Organisation, Organisation.id == WorkGroup.organisation_id)
        .where(shown)
        .order_by(Comment.created_at, Comment.id)
    )
    if process.show_names:
        query = query.outerjoin(User, User.id == Comment.author_id)
    rows = db.session.execute(query)
    no_themes: list[int] = []
    result = []
    for (
        comment_id,
        parent_id,
        created_at,
        prompt_id,
        group,
        organisation,
        name,
        body,
    ) in rows:
        theme_ids = themes_of.get(comment_id, no_themes)
        if len(theme_ids) > 1:
            theme_ids = sorted(theme_ids, key=order.__getitem__)
        result.append(
            CommentRow(
                comment_id=comment_id,
                parent_id=parent_id,
                created_at=created_at,
                question=questions[prompt_id],
                group=group,
                organisation=organisation,
                author=name,
                text=body,
                themes=[titles[theme_id] for theme_id in theme_ids],
            )
        )
    return result


def comments_csv(rows: list[CommentRow], *, show_names: bool, language: str) -> bytes:
    """One line per comment; the author column only when names are shown."""
    with force_locale(language):
        header = [
            _("Comment"),
            _("Reply to"),
            _("Created"),
            _("Question"),
            _("Work group"),
            _("Organisation"),
        ]
        if show_names:
            header.append(_("Author"))
        header += [_("Themes"), _("Text")]
    lines = []
    for row in rows:
        line = [
            row.comment_id,
            row.parent_id,
            iso(row.created_at),
            row.question,
            row.group,
            row.organisation,
        ]
        if show_names:
            line.append(row.author)
        line += [THEME_SEPARATOR.join(row.themes), row.text]
        lines.append(line)
    return write_csv(lines, header)


def percent(share: float) -> str:
    """0.4167 -> "41,7" (a number to Excel with Finnish settings)."""
    return decimal_comma(share * 100, 1)


def votes_csv(summary: Summary) -> bytes:
    """One line per theme of each ballot in the summary, in rank order."""
    with labels.in_language(summary):
        cols = labels.column_headings()
        header = [
            _("Ballot"),
            _("Ballot title"),
            _("Voting method"),
            _("Voters"),
            cols["rank"],
            _("Tied"),
            cols["theme"],
            _("Score"),
            _("Share of voters (%)"),
            cols["organisations"],
        ]
        yes = _("yes")
        lines = [
            [
                ballot.ballot_id,
                ballot.title,
                labels.method_text(ballot.method),
                ballot.voters,
                row.rank,
                yes if row.tied else "",
                row.title,
                row.score,
                percent(row.share),
                row.organisations,
            ]
            for ballot in summary.ballots
            for row in ballot.rows
        ]
    return write_csv(lines, header)
