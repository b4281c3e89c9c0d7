"""Reading the questions to the speakers: the talks, the talk on now, the questions
with their likes, one's own, the shortlist, and the memo's section.

Each list is one statement whatever the number of questions or likes: the likes are
counted in a grouped subquery joined to the questions, the viewer's own likes are
one more statement. The 304 path of the live views needs none of it (their ETag is
``Seminar.live_version``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..i18n import current_language, localized
from ..models import (
    AgendaItem,
    AgendaKind,
    QuestionState,
    Seminar,
    SpeakerQuestion,
    SpeakerQuestionLike,
    User,
)

#: The agenda items questions are asked to: the talks and the joint wrap-up.
TALK_KINDS = frozenset(
    {AgendaKind.INTRO_TALK, AgendaKind.COMMENT_TALK, AgendaKind.WRAP_UP}
)

#: The phone list's orders: most liked first (the default), or the newest first.
ORDERS = ("likes", "newest")

#: How many of the room's questions a phone is shown at first; "show all" lists the
#: rest. The list is rendered after every question and like in the room: with 150
#: questions all shown it was the room's dearest page (60 ms).
QUESTIONS_SHOWN = 30


@dataclass(frozen=True)
class QuestionRow:
    question: SpeakerQuestion
    likes: int
    #: The viewer likes it.
    liked: bool = False
    #: The viewer asked it (no like button on one's own question).
    mine: bool = False


@dataclass(frozen=True)
class RoomQuestions:
    """The room's questions as a phone sees them: the first ``rows`` of ``total``."""

    rows: list[QuestionRow]
    total: int

    @property
    def not_shown(self) -> int:
        return self.total - len(self.rows)


def talks_of(seminar: Seminar) -> list[AgendaItem]:
    """The seminar's talks in agenda order."""
    return [item for item in seminar.agenda if item.kind in TALK_KINDS]


def talk_end(talk: AgendaItem, seminar: Seminar) -> datetime | None:
    """When a talk ends: its own end, else the next item's start, else the seminar's."""
    if talk.ends_at is not None:
        return talk.ends_at
    later = [
        item.starts_at for item in seminar.agenda if item.starts_at > talk.starts_at
    ]
    return min(later) if later else seminar.phase.ends_at


def is_on(talk: AgendaItem, seminar: Seminar, now: datetime) -> bool:
    end = talk_end(talk, seminar)
    return talk.starts_at <= now and (end is None or now < end)


def current_talk(seminar: Seminar, now: datetime) -> AgendaItem | None:
    """The talk on now by the agenda's times; between talks the next one, after the
    last the last one; None when the agenda has no talks (questions to the seminar)."""
    talks = talks_of(seminar)
    for talk in talks:
        if is_on(talk, seminar, now):
            return talk
    coming = [talk for talk in talks if talk.starts_at > now]
    if coming:
        return coming[0]
    return talks[-1] if talks else None


def _of_talk(seminar: Seminar, talk: AgendaItem | None) -> sa.ColumnElement[bool]:
    item = (
        SpeakerQuestion.agenda_item_id == talk.id
        if talk is not None
        else SpeakerQuestion.agenda_item_id.is_(None)
    )
    return sa.and_(SpeakerQuestion.seminar_id == seminar.id, item)


def _like_counts() -> sa.Subquery:
    return (
        sa.select(
            SpeakerQuestionLike.question_id,
            sa.func.count(SpeakerQuestionLike.id).label("likes"),
        )
        .group_by(SpeakerQuestionLike.question_id)
        .subquery()
    )


def _likes_select(where: sa.ColumnElement[bool], order: str, *columns) -> sa.Select:
    counts = _like_counts()
    likes = sa.func.coalesce(counts.c.likes, 0)
    newest = (SpeakerQuestion.created_at.desc(), SpeakerQuestion.id.desc())
    return (
        sa.select(SpeakerQuestion, likes, *columns)
        .outerjoin(counts, counts.c.question_id == SpeakerQuestion.id)
        .where(where)
        .options(joinedload(SpeakerQuestion.group))
        .order_by(*((likes.desc(), *newest) if order == "likes" else newest))
    )


def _with_likes(where: sa.ColumnElement[bool], order: str = "likes") -> list:
    """(question, likes) pairs with their groups, in one statement."""
    stmt = _likes_select(where, order)
    return [(question, int(count)) for question, count in db.session.execute(stmt)]


def _first_with_likes(
    where: sa.ColumnElement[bool], order: str, limit: int
) -> tuple[list, int]:
    """The first ``limit`` (question, likes) pairs and how many there are in all,
    in one statement (the total is a window count over the whole selection)."""
    stmt = _likes_select(where, order, sa.func.count().over()).limit(limit)
    rows = db.session.execute(stmt).all()
    total = rows[0][2] if rows else 0
    return [(question, int(count)) for question, count, _total in rows], total


def liked_ids(user: User, question_ids: list[int]) -> set[int]:
    """Which of these questions the user likes (one statement)."""
    if not question_ids or not getattr(user, "is_authenticated", False):
        return set()
    return set(
        db.session.scalars(
            sa.select(SpeakerQuestionLike.question_id).where(
                SpeakerQuestionLike.user_id == user.id,
                SpeakerQuestionLike.question_id.in_(question_ids),
            )
        )
    )


def like_count(question: SpeakerQuestion) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(SpeakerQuestionLike.id)).where(
            SpeakerQuestionLike.question_id == question.id
        )
    )


def visible_questions(
    seminar: Seminar, talk: AgendaItem | None, user: User, order: str = "likes"
) -> list[QuestionRow]:
    """What the room sees of a talk's questions: never the hidden ones."""
    return room_questions(seminar, talk, user, order, shown=None).rows


def room_questions(
    seminar: Seminar,
    talk: AgendaItem | None,
    user: User,
    order: str = "likes",
    shown: int | None = QUESTIONS_SHOWN,
) -> RoomQuestions:
    """The first ``shown`` of what the room sees of a talk's questions (all of them
    with None), never the hidden ones, and how many it sees in all."""
    where = sa.and_(_of_talk(seminar, talk), SpeakerQuestion.hidden_at.is_(None))
    order = order if order in ORDERS else "likes"
    if shown is None:
        pairs = _with_likes(where, order)
        total = len(pairs)
    else:
        pairs, total = _first_with_likes(where, order, shown)
    liked = liked_ids(user, [question.id for question, _ in pairs])
    user_id = getattr(user, "id", None)
    rows = [
        QuestionRow(q, likes, q.id in liked, q.author_id == user_id)
        for q, likes in pairs
    ]
    return RoomQuestions(rows, total)


def own_questions(
    seminar: Seminar, talk: AgendaItem | None, user: User
) -> list[SpeakerQuestion]:
    """The user's questions to the talk, newest first (hidden ones too: the asker is
    told a question was hidden, the room is not shown it)."""
    return list(
        db.session.scalars(
            sa.select(SpeakerQuestion)
            .where(_of_talk(seminar, talk), SpeakerQuestion.author_id == user.id)
            .order_by(SpeakerQuestion.created_at.desc(), SpeakerQuestion.id.desc())
        )
    )


def shortlist(seminar: Seminar, talk: AgendaItem | None) -> list[QuestionRow]:
    """The presenter's list: the shortlisted questions, most liked first."""
    return [
        QuestionRow(question, likes)
        for question, likes in _with_likes(
            sa.and_(
                _of_talk(seminar, talk),
                SpeakerQuestion.hidden_at.is_(None),
                SpeakerQuestion.state == QuestionState.SHORTLISTED,
            )
        )
    ]


def all_questions(seminar: Seminar) -> dict[int | None, list[QuestionRow]]:
    """Every question of the seminar per talk id (None: to the seminar), hidden ones
    too, most liked first: the facilitator's moderation list."""
    by_talk: dict[int | None, list[QuestionRow]] = {}
    for question, likes in _with_likes(SpeakerQuestion.seminar_id == seminar.id):
        by_talk.setdefault(question.agenda_item_id, []).append(
            QuestionRow(question, likes)
        )
    return by_talk


def talk_sections(
    seminar: Seminar, rows: dict[int | None, list], *, empty: bool = False
) -> list[tuple[AgendaItem | None, list]]:
    """Rows per talk id as [(talk or None, rows)] in agenda order: the seminar's own
    questions first, then the talks (and any item that stopped being a talk but
    kept its questions). ``empty``: every talk, and the seminar's own section when
    the agenda has no talks, even without questions (the moderation list)."""
    talks = talks_of(seminar)
    items: list[AgendaItem | None] = [None, *talks]
    items += [item for item in seminar.agenda if item not in talks and item.id in rows]
    sections = []
    for talk in items:
        found = rows.get(talk.id if talk is not None else None, [])
        if found or (empty and (talk is not None or not talks)):
            sections.append((talk, found))
    return sections


def for_the_record(seminar: Seminar) -> list[tuple[AgendaItem | None, list]]:
    """The answered and shortlisted questions per talk in agenda order (the memo and
    the exports): [(talk or None, [QuestionRow, ...])], most liked first."""
    kept = {QuestionState.ANSWERED, QuestionState.SHORTLISTED}
    rows = {
        talk_id: [
            row
            for row in talk_rows
            if row.question.state in kept and not row.question.is_hidden
        ]
        for talk_id, talk_rows in all_questions(seminar).items()
    }
    return talk_sections(seminar, rows)


def talk_name(talk: AgendaItem | None, language: str | None = None) -> str:
    """A talk's title with its speaker, for the memo and the exports."""
    if talk is None:
        return _("Questions to the seminar")
    language = language or current_language()
    title = localized(talk.title, talk.process.language, language)
    return f"{title} ({talk.speaker})" if talk.speaker else title


def memo_markdown(seminar: Seminar) -> str:
    """The seminar memo's section of answered and shortlisted questions (Markdown,
    current locale)."""
    sections = []
    for talk, rows in for_the_record(seminar):
        lines = [f"*{' '.join(talk_name(talk).split())}*", ""]
        for row in rows:
            body = " ".join(row.question.body.split())
            likes = ngettext("%(num)d like", "%(num)d likes", row.likes)
            status = (
                _("answered")
                if row.question.state is QuestionState.ANSWERED
                else _("not answered in the seminar")
            )
            lines.append(f"- {body} ({likes}; {status})")
        sections.append("\n".join(lines))
    if not sections:
        return ""
    return f"**{_('Questions to the speakers')}**\n\n" + "\n\n".join(sections)


def questions_etag(seminar: Seminar, talk: AgendaItem | None, *parts: object) -> str:
    """What the questions' live views depend on: the seminar's version, the talk
    shown (it changes with the clock, not with a write), the language, the viewer."""
    return "-".join(
        [
            f"s{seminar.id}",
            f"v{seminar.live_version}",
            f"t{talk.id if talk is not None else 0}",
            current_language(),
        ]
        + [str(part) for part in parts]
    )
