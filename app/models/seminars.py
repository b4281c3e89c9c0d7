"""Workshop seminars: the timed agenda, parallel workshops with a method, and choices."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import (
    DescribedMixin,
    TimestampMixin,
    TranslatedText,
    UTCDateTime,
    str_enum,
    utcnow,
)
from .processes import Phase
from .users import User


class AgendaKind(enum.StrEnum):
    INTRO_TALK = "intro_talk"  #: esittelypuheenvuoro
    COMMENT_TALK = "comment_talk"  #: kommenttipuheenvuoro
    WORKSHOPS = "workshops"  #: a block of parallel workshops
    WRAP_UP = "wrap_up"  #: the joint wrap-up
    BREAK = "break"
    OTHER = "other"


class WorkshopMethod(enum.StrEnum):
    BUZZ_GROUPS = "buzz_groups"  #: porinaryhmät
    PROCESS_WALK = "process_walk"  #: prosessikävely: groups rotate between stations
    OPEN_SPACE = "open_space"  #: participants propose topics
    TREASURE_MAP = "treasure_map"  #: aarrekartta: now / steps / goal
    FEELING_LINE = "feeling_line"  #: tunnerivi: a mark on a scale per statement


class Seminar(TimestampMixin, db.Model):
    """The seminar settings of a phase; its date and times are the phase's."""

    __tablename__ = "seminars"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    phase_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Phase.id, ondelete="CASCADE"), unique=True
    )
    place: so.Mapped[str] = so.mapped_column(sa.String(300), default="")
    #: For online or hybrid seminars: the meeting address (shown to participants).
    online_url: so.Mapped[str] = so.mapped_column(sa.String(500), default="")
    goal: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    goal_html: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    expected_output: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    expected_output_html: so.Mapped[dict] = so.mapped_column(
        TranslatedText, default=dict
    )
    #: Grows with every question asked, liked or moderated: the ETag of the
    #: questions' phone page and presenter view.
    live_version: so.Mapped[int] = so.mapped_column(default=0, server_default="0")

    phase: so.Mapped[Phase] = so.relationship(
        backref=so.backref("seminar", uselist=False, cascade="all, delete-orphan")
    )
    agenda: so.Mapped[list[AgendaItem]] = so.relationship(
        back_populates="seminar",
        order_by="AgendaItem.starts_at, AgendaItem.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def process(self):
        return self.phase.process


class AgendaItem(DescribedMixin, TimestampMixin, db.Model):
    """One point of the agenda: a talk, a workshop block, the wrap-up..."""

    __tablename__ = "agenda_items"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    seminar_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Seminar.id, ondelete="CASCADE"), index=True
    )
    kind: so.Mapped[AgendaKind] = so.mapped_column(
        str_enum(AgendaKind), default=AgendaKind.OTHER
    )
    #: Tie-breaker for items starting at the same time.
    position: so.Mapped[int] = so.mapped_column(default=0)
    starts_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime)
    ends_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    speaker: so.Mapped[str] = so.mapped_column(sa.String(300), default="")

    seminar: so.Mapped[Seminar] = so.relationship(back_populates="agenda")
    workshops: so.Mapped[list[Workshop]] = so.relationship(
        back_populates="block",
        order_by="Workshop.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def process(self):
        return self.seminar.phase.process


#: The same unambiguous letters as the work groups' invite codes (no 0/O, 1/I/L).
JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
#: Eight characters (an invite code has twelve, so the two never mix up): the code
#: only points to the workshop's phone page, which still asks for a member's sign-in.
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    """A fresh random workshop code, e.g. 'K7P2MQ4H'."""
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(code: str) -> str:
    """Accept a code as people type it: any case, with spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


class Workshop(DescribedMixin, TimestampMixin, db.Model):
    """A parallel workshop of a workshop block, run with a method."""

    __tablename__ = "workshops"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    agenda_item_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    #: Who runs it: a name as shown on the agenda.
    facilitator_name: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    method: so.Mapped[WorkshopMethod] = so.mapped_column(
        str_enum(WorkshopMethod, length=24), default=WorkshopMethod.BUZZ_GROUPS
    )
    room: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    #: None: no limit.
    seat_limit: so.Mapped[int | None] = so.mapped_column()
    #: The prompt or station the room works on now (projector and phones follow it).
    current_prompt_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("prompts.id", ondelete="SET NULL", use_alter=True)
    )
    #: Grows with every change the projector shows: its ETag.
    live_version: so.Mapped[int] = so.mapped_column(default=0)
    #: The short code on the wall and the join sheet that leads a phone here.
    join_code: so.Mapped[str] = so.mapped_column(
        sa.String(JOIN_CODE_LENGTH), unique=True, default=new_join_code
    )

    block: so.Mapped[AgendaItem] = so.relationship(back_populates="workshops")
    choices: so.Mapped[list[WorkshopChoice]] = so.relationship(
        back_populates="workshop", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def process(self):
        return self.block.seminar.phase.process


class WorkshopChoice(db.Model):
    """A participant's place in a workshop; one workshop per person and block."""

    __tablename__ = "workshop_choices"
    __table_args__ = (sa.UniqueConstraint("agenda_item_id", "user_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    workshop_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    #: The block, repeated here so the database keeps one choice per block.
    agenda_item_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)

    workshop: so.Mapped[Workshop] = so.relationship(back_populates="choices")
    user: so.Mapped[User] = so.relationship()


class FeelingMark(db.Model):
    """A participant's mark on the feeling line for one statement (a prompt)."""

    __tablename__ = "feeling_marks"
    __table_args__ = (
        sa.UniqueConstraint("prompt_id", "user_id"),
        sa.CheckConstraint("value BETWEEN 1 AND 5", name="value_on_scale"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    prompt_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("prompts.id", ondelete="CASCADE"), index=True
    )
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="CASCADE"), index=True
    )
    #: 1 (strongly disagree / worried) .. 5 (strongly agree / confident).
    value: so.Mapped[int] = so.mapped_column()
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)


class WorkshopMemo(TimestampMixin, db.Model):
    """The memo of a workshop, or of the whole seminar when ``workshop_id`` is None."""

    __tablename__ = "workshop_memos"
    __table_args__ = (
        sa.UniqueConstraint("seminar_id", "workshop_id"),
        # NULLs are distinct in the constraint above: one seminar memo needs its own.
        sa.Index(
            "uq_workshop_memos_seminar_memo",
            "seminar_id",
            unique=True,
            sqlite_where=sa.text("workshop_id IS NULL"),
            postgresql_where=sa.text("workshop_id IS NULL"),
        ),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    seminar_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Seminar.id, ondelete="CASCADE"), index=True
    )
    workshop_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    #: Markdown in the process's language: aims, how the group worked, results.
    aims: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    way_of_working: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    results: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    #: The same texts as cleaned HTML, rendered when saved.
    html: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    final_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    edited_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )

    seminar: so.Mapped[Seminar] = so.relationship()
    workshop: so.Mapped[Workshop | None] = so.relationship()
